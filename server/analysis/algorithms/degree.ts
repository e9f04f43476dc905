/** Degrees counted per relation (parallel relations each count) and weighted by each relation's weight. */
import type { AdjacencyArrays } from "../adjacency";

export interface Degrees {
  inDegree: Float64Array;
  outDegree: Float64Array;
  weightedInDegree: Float64Array;
  weightedOutDegree: Float64Array;
}

export function degrees({ order, outStart, outTargets, outWeights, inStart }: AdjacencyArrays): Degrees {
  const inDegree = new Float64Array(order);
  const outDegree = new Float64Array(order);
  const weightedInDegree = new Float64Array(order);
  const weightedOutDegree = new Float64Array(order);
  for (let i = 0; i < order; i++) {
    outDegree[i] = outStart[i + 1]! - outStart[i]!;
    inDegree[i] = inStart[i + 1]! - inStart[i]!;
    for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
      weightedOutDegree[i]! += outWeights[e]!;
      weightedInDegree[outTargets[e]!]! += outWeights[e]!;
    }
  }
  return { inDegree, outDegree, weightedInDegree, weightedOutDegree };
}

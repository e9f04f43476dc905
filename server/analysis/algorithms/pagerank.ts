/**
 * PageRank by power iteration, as networkx computes it on a MultiDiGraph: each relation is one link
 * weighted by its weight, so parallel relations add up; a node without out-links spreads its rank evenly
 * over all nodes; teleportation is uniform.
 */
import type { AdjacencyArrays } from "../adjacency";

export interface PagerankOptions {
  alpha?: number;
  /** Stop when the L1 change of one iteration is below order × tolerance. */
  tolerance?: number;
  maxIterations?: number;
}

export interface PagerankResult {
  values: Float64Array;
  iterations: number;
  converged: boolean;
}

export function pagerank(
  { order: n, outStart, outTargets, outWeights }: AdjacencyArrays,
  { alpha = 0.85, tolerance = 1e-12, maxIterations = 1000 }: PagerankOptions = {},
): PagerankResult {
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const outWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let e = outStart[i]!; e < outStart[i + 1]!; e++) outWeight[i]! += outWeights[e]!;

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += rank[i]!;
    next.fill((alpha * dangling + 1 - alpha) / n);
    for (let i = 0; i < n; i++) {
      const w = outWeight[i]!;
      if (w === 0) continue;
      const share = (alpha * rank[i]!) / w;
      for (let e = outStart[i]!; e < outStart[i + 1]!; e++) next[outTargets[e]!]! += share * outWeights[e]!;
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i]! - rank[i]!);
    [rank, next] = [next, rank];
    if (change < n * tolerance) return { values: rank, iterations: iteration, converged: true };
  }
  return { values: rank, iterations: maxIterations, converged: false };
}

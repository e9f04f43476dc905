/**
 * HITS hubs and authorities: authorities are the leading right singular vector of the adjacency matrix
 * (parallel relations add up), hubs are the matrix times the authorities, both scaled to sum to 1 (the
 * values networkx.hits returns).
 */
import type { AdjacencyArrays } from "../adjacency";

export interface HitsResult {
  hubs: Float64Array;
  authorities: Float64Array;
  iterations: number;
  converged: boolean;
}

export function hits(
  { order: n, outStart, outTargets, outWeights }: AdjacencyArrays,
  { tolerance = 1e-12, maxIterations = 1000 } = {},
): HitsResult {
  let authorities = new Float64Array(n).fill(1 / Math.sqrt(n || 1));
  const hubs = new Float64Array(n);
  const multiply = (a: Float64Array): void => {
    // hubs = A a
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let e = outStart[i]!; e < outStart[i + 1]!; e++) sum += outWeights[e]! * a[outTargets[e]!]!;
      hubs[i] = sum;
    }
  };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    multiply(authorities);
    // next = Aᵀ hubs, normalised to unit length
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const h = hubs[i]!;
      if (h === 0) continue;
      for (let e = outStart[i]!; e < outStart[i + 1]!; e++) next[outTargets[e]!]! += outWeights[e]! * h;
    }
    let squares = 0;
    for (const v of next) squares += v * v;
    const norm = Math.sqrt(squares);
    if (norm === 0) break;
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i]! /= norm;
      change += Math.abs(next[i]! - authorities[i]!);
    }
    authorities = next;
    converged = change < n * tolerance;
  }
  multiply(authorities);
  return { hubs: scaled(hubs), authorities: scaled(authorities), iterations, converged };
}

function scaled(values: Float64Array): Float64Array {
  let sum = 0;
  for (const v of values) sum += v;
  if (sum > 0) for (let i = 0; i < values.length; i++) values[i]! /= sum;
  return values;
}

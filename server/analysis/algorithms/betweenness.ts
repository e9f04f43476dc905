/**
 * Betweenness centrality by Brandes' algorithm on the directed graph, each neighbour once (parallel
 * relations do not multiply shortest paths), normalised as networkx does for directed graphs
 * (1 / ((n - 1)(n - 2))). From a sample of k sources the sums are scaled by n / k, and the spread of the
 * per-source contributions gives each node's standard error.
 */
import type { Rows } from "./distinct";
import type { Sources } from "./sampling";

export interface BetweennessResult {
  values: Float64Array;
  /** Per-node standard error of the estimate (zeros when exact), on the same normalised scale. */
  standardErrors: Float64Array;
  exact: boolean;
  sources: number;
}

export function betweenness({ start, next }: Rows, sources: Sources): BetweennessResult {
  const n = start.length - 1;
  const sum = new Float64Array(n);
  const squares = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n);
  const order = new Uint32Array(n);
  const queue = new Uint32Array(n);

  for (const s of sources.nodes) {
    distance.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    distance[s] = 0;
    sigma[s] = 1;
    let head = 0;
    let tail = 0;
    let reached = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++]!;
      order[reached++] = v;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        const w = next[e]!;
        if (distance[w]! < 0) {
          distance[w] = distance[v]! + 1;
          queue[tail++] = w;
        }
        if (distance[w] === distance[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    // Dependencies, farthest first: a predecessor of w is any v one step closer with a link v → w.
    for (let i = reached - 1; i > 0; i--) {
      const v = order[i]!;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        const w = next[e]!;
        if (distance[w] === distance[v]! + 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      sum[v]! += delta[v]!;
      squares[v]! += delta[v]! * delta[v]!;
    }
  }

  const k = sources.nodes.length;
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  const values = new Float64Array(n);
  const standardErrors = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    values[v] = sources.exact ? sum[v]! * scale : (sum[v]! * n * scale) / k;
    if (!sources.exact && k > 1) {
      const mean = sum[v]! / k;
      const variance = Math.max(0, (squares[v]! - k * mean * mean) / (k - 1));
      standardErrors[v] = (n * scale * Math.sqrt(variance)) / Math.sqrt(k);
    }
  }
  return { values, standardErrors, exact: sources.exact, sources: k };
}

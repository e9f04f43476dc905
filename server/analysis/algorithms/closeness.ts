/**
 * Closeness centrality on incoming distances, as networkx computes it for directed graphs with the
 * Wasserman-Faust correction: for a node u reached from r - 1 others at a summed distance D,
 * ((r - 1) / D) × ((r - 1) / (n - 1)). From a sample of k sources (breadth-first out of each), r - 1 and D
 * are estimated by scaling the sampled counts by n / k (Eppstein and Wang's estimator).
 */
import type { Rows } from "./distinct";
import type { Sources } from "./sampling";

export function closeness(outRows: Rows, inRows: Rows, sources: Sources): Float64Array {
  const n = outRows.start.length - 1;
  const reachedBy = new Float64Array(n);
  const distanceSum = new Float64Array(n);
  const distance = new Int32Array(n);
  const queue = new Uint32Array(n);
  // Exact: a search over in-links from every node u; sampled: a search over out-links from each source.
  const { start, next } = sources.exact ? inRows : outRows;
  for (const s of sources.nodes) {
    distance.fill(-1);
    distance[s] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        const w = next[e]!;
        if (distance[w]! >= 0) continue;
        distance[w] = distance[v]! + 1;
        queue[tail++] = w;
        if (sources.exact) {
          reachedBy[s]!++;
          distanceSum[s]! += distance[w]!;
        } else {
          reachedBy[w]!++;
          distanceSum[w]! += distance[w]!;
        }
      }
    }
  }
  const scale = sources.exact ? 1 : n / sources.nodes.length;
  const values = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const reached = reachedBy[u]! * scale;
    const total = distanceSum[u]! * scale;
    if (total > 0 && n > 1) values[u] = (reached / total) * (reached / (n - 1));
  }
  return values;
}

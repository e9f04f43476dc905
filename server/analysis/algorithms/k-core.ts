/**
 * Core numbers of the undirected simple graph (distinct neighbours either way, no self-loops): the largest
 * k such that the node belongs to a subgraph where every node has at least k neighbours. Batagelj and
 * Zaveršnik's bucket algorithm, linear in the graph's size.
 */
import type { Rows } from "./distinct";

export function coreNumbers({ start, next }: Rows): Uint32Array {
  const n = start.length - 1;
  const degree = new Uint32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    degree[v] = start[v + 1]! - start[v]!;
    if (degree[v]! > maxDegree) maxDegree = degree[v]!;
  }
  // Nodes sorted by degree, with where each degree's bucket begins.
  const bucketStart = new Uint32Array(maxDegree + 2);
  for (let v = 0; v < n; v++) bucketStart[degree[v]! + 1]!++;
  for (let d = 0; d <= maxDegree; d++) bucketStart[d + 1]! += bucketStart[d]!;
  const sorted = new Uint32Array(n);
  const position = new Uint32Array(n);
  const fill = bucketStart.slice();
  for (let v = 0; v < n; v++) {
    position[v] = fill[degree[v]!]!++;
    sorted[position[v]!] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    for (let e = start[v]!; e < start[v + 1]!; e++) {
      const w = next[e]!;
      if (degree[w]! <= degree[v]!) continue;
      // Move w to the front of its bucket, then shrink its degree by one.
      const dw = degree[w]!;
      const first = bucketStart[dw]!;
      const u = sorted[first]!;
      if (u !== w) {
        sorted[position[w]!] = u;
        position[u] = position[w]!;
        sorted[first] = w;
        position[w] = first;
      }
      bucketStart[dw]!++;
      degree[w] = dw - 1;
    }
  }
  return degree;
}

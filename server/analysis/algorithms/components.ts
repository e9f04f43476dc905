/** Weakly connected components (direction ignored), numbered from the largest: 0 is the biggest. */
import type { Rows } from "./distinct";

export interface Components {
  /** Component number of each node. */
  of: Uint32Array;
  /** Sizes, largest first. */
  sizes: number[];
}

export function weaklyConnectedComponents({ start, next }: Rows): Components {
  const n = start.length - 1;
  const found = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  const sizes: number[] = [];
  for (let root = 0; root < n; root++) {
    if (found[root]! >= 0) continue;
    const id = sizes.length;
    found[root] = id;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        const w = next[e]!;
        if (found[w]! < 0) {
          found[w] = id;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  // Renumber so that 0 is the largest (ties: the one found first).
  const rank = sizes.map((size, id) => ({ size, id })).sort((a, b) => b.size - a.size || a.id - b.id);
  const renumber = new Uint32Array(sizes.length);
  rank.forEach(({ id }, position) => (renumber[id] = position));
  const of = new Uint32Array(n);
  for (let v = 0; v < n; v++) of[v] = renumber[found[v]!]!;
  return { of, sizes: rank.map(({ size }) => size) };
}

/** Neighbour rows with each neighbour once: what path-based measures walk (parallel relations are one step). */
import type { AdjacencyArrays } from "../adjacency";

export interface Rows {
  start: Uint32Array;
  next: Uint32Array;
}

/** Distinct out-neighbours (direction kept), self-loops dropped. */
export const distinctOut = (a: AdjacencyArrays): Rows => distinctRows(a.order, [[a.outStart, a.outTargets]]);

/** Distinct in-neighbours, self-loops dropped: walking these from u finds who reaches u. */
export const distinctIn = (a: AdjacencyArrays): Rows => distinctRows(a.order, [[a.inStart, a.inSources]]);

/** Distinct neighbours either way, self-loops dropped: the undirected simple graph. */
export const distinctEither = (a: AdjacencyArrays): Rows =>
  distinctRows(a.order, [
    [a.outStart, a.outTargets],
    [a.inStart, a.inSources],
  ]);

function distinctRows(n: number, rows: [Uint32Array, Uint32Array][]): Rows {
  const start = new Uint32Array(n + 1);
  const mark = new Int32Array(n).fill(-1);
  let total = 0;
  for (const [, targets] of rows) total += targets.length;
  const buffer = new Uint32Array(total);
  let filled = 0;
  for (let i = 0; i < n; i++) {
    start[i] = filled;
    mark[i] = i;
    for (const [rowStart, targets] of rows) {
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
        const t = targets[e]!;
        if (mark[t] === i) continue;
        mark[t] = i;
        buffer[filled++] = t;
      }
    }
  }
  start[n] = filled;
  return { start, next: buffer.slice(0, filled) };
}

/**
 * Greedy label placement: rectangles taken in priority order, each kept only if it overlaps none kept before
 * (forced ones are always kept). A uniform grid keeps it near linear. Pure, so it is unit-tested in Node.
 */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const CELL = 80;
const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Places rectangles greedily in the given order; returns the indexes of those that fit. Pure, for tests. */
export function placeLabels(rects: readonly Rect[], forced: readonly boolean[] = []): Set<number> {
  const grid = new Map<string, Rect[]>();
  const cells = (r: Rect) => {
    const keys: string[] = [];
    for (let x = Math.floor(r.x1 / CELL); x <= Math.floor(r.x2 / CELL); x++) {
      for (let y = Math.floor(r.y1 / CELL); y <= Math.floor(r.y2 / CELL); y++) keys.push(`${x},${y}`);
    }
    return keys;
  };
  const placed = new Set<number>();
  rects.forEach((rect, index) => {
    const keys = cells(rect);
    if (!forced[index] && keys.some((key) => grid.get(key)?.some((other) => overlaps(rect, other)))) return;
    placed.add(index);
    for (const key of keys) grid.set(key, [...(grid.get(key) ?? []), rect]);
  });
  return placed;
}


/**
 * Label placement geometry, pure so it is unit-tested in Node. A LabelSpace holds the screen rectangles
 * taken by labels already drawn in a frame (a uniform grid keeps look-ups near constant); a label is drawn
 * only if its rectangles fit. Node labels are single rectangles; a relation label, which runs along its edge
 * at any angle, is a chain of small squares along its baseline.
 */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Point {
  x: number;
  y: number;
}

const CELL = 80;
const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

export class LabelSpace {
  private readonly grid = new Map<string, Rect[]>();

  private cells(rect: Rect): string[] {
    const keys: string[] = [];
    for (let x = Math.floor(rect.x1 / CELL); x <= Math.floor(rect.x2 / CELL); x++) {
      for (let y = Math.floor(rect.y1 / CELL); y <= Math.floor(rect.y2 / CELL); y++) keys.push(`${x},${y}`);
    }
    return keys;
  }

  fits(rects: readonly Rect[]): boolean {
    return rects.every((rect) =>
      this.cells(rect).every((key) => !this.grid.get(key)?.some((other) => overlaps(rect, other))),
    );
  }

  add(rects: readonly Rect[]): void {
    for (const rect of rects) {
      for (const key of this.cells(rect)) {
        const list = this.grid.get(key);
        if (list) list.push(rect);
        else this.grid.set(key, [rect]);
      }
    }
  }

  /** Adds the rectangles if they fit (or when forced); says whether the label may be drawn. */
  claim(rects: readonly Rect[], forced = false): boolean {
    if (!forced && !this.fits(rects)) return false;
    this.add(rects);
    return true;
  }
}

/** Which side of its disc a node label sits on; tried in this order. */
export const LABEL_SIDES = ["right", "left", "below", "above"] as const;
export type LabelSide = (typeof LABEL_SIDES)[number];

/** A node label to place: the disc's centre and radius on screen, the text's size, and how much it matters. */
export interface NodeLabelCandidate {
  key: string;
  x: number;
  y: number;
  size: number;
  width: number;
  height: number;
  /** Higher first: the selection and its neighbours, then events and the selected type, then the rest. */
  rank: number;
  /** Drawn to the right whatever it covers (the selected or hovered entity). */
  forced: boolean;
}

export interface PlacedNodeLabel {
  side: LabelSide;
  rect: Rect;
}

/** The room a label takes on one side of its disc, 1 px clear of it, with 2 px around the text. */
export function nodeLabelRect(c: NodeLabelCandidate, side: LabelSide): Rect {
  const w = c.width + 4;
  const half = c.height / 2;
  switch (side) {
    case "right":
      return { x1: c.x + c.size + 1, y1: c.y - half, x2: c.x + c.size + 1 + w, y2: c.y + half };
    case "left":
      return { x1: c.x - c.size - 1 - w, y1: c.y - half, x2: c.x - c.size - 1, y2: c.y + half };
    case "below":
      return { x1: c.x - w / 2, y1: c.y + c.size + 1, x2: c.x + w / 2, y2: c.y + c.size + 1 + c.height };
    case "above":
      return { x1: c.x - w / 2, y1: c.y - c.size - 1 - c.height, x2: c.x + w / 2, y2: c.y - c.size - 1 };
  }
}

/** A disc's bounding square, which no other label may cover. */
export const discRect = (x: number, y: number, size: number): Rect => ({
  x1: x - size,
  y1: y - size,
  x2: x + size,
  y2: y + size,
});

const within = (rect: Rect, bounds: Rect) =>
  rect.x1 >= bounds.x1 && rect.y1 >= bounds.y1 && rect.x2 <= bounds.x2 && rect.y2 <= bounds.y2;

/**
 * Places node labels, most important first (rank, then disc size): each takes the first side of its disc where it
 * stays inside `bounds` and covers no disc, no overlay box and no label already placed; one that fits nowhere is
 * left out, except a forced label, which goes to the right regardless. Returns where each went, and the space
 * (labels and overlays) for relation labels to fit into: they run between two discs and are cut to fit there, so
 * discs' bounding squares would wrongly block them.
 */
export function placeNodeLabels(
  candidates: readonly NodeLabelCandidate[],
  options: { bounds: Rect; discs?: readonly Rect[]; obstacles?: readonly Rect[] },
): { placed: Map<string, PlacedNodeLabel>; space: LabelSpace } {
  const space = new LabelSpace();
  space.add(options.obstacles ?? []);
  const discs = new LabelSpace();
  discs.add(options.discs ?? []);
  const placed = new Map<string, PlacedNodeLabel>();
  const order = [...candidates].sort((a, b) => b.rank - a.rank || b.size - a.size);
  for (const candidate of order) {
    if (candidate.forced) {
      const rect = nodeLabelRect(candidate, "right");
      space.add([rect]);
      placed.set(candidate.key, { side: "right", rect });
      continue;
    }
    for (const side of LABEL_SIDES) {
      const rect = nodeLabelRect(candidate, side);
      if (!within(rect, options.bounds) || !space.fits([rect]) || !discs.fits([rect])) continue;
      space.add([rect]);
      placed.set(candidate.key, { side, rect });
      break;
    }
  }
  return { placed, space };
}

/** Places rectangles greedily in the given order; returns the indexes of those that fit. */
export function placeLabels(rects: readonly Rect[], forced: readonly boolean[] = []): Set<number> {
  const space = new LabelSpace();
  const placed = new Set<number>();
  rects.forEach((rect, index) => {
    if (space.claim([rect], forced[index])) placed.add(index);
  });
  return placed;
}

/**
 * Where a relation label sits: the middle of its edge, which for a curved edge (quadratic Bézier with
 * @sigma/edge-curve's anchor) is halfway between the chord's middle and the anchor, moved `shift` pixels along
 * the normal (dy, -dx)/|d| to where the drawer puts the text. Returns squares of side `height` along a
 * baseline of `width` (cut to the edge's length), at the edge's angle.
 */
export function edgeLabelRects(
  source: Point,
  target: Point,
  curvature: number,
  width: number,
  height: number,
  shift = 0,
): Rect[] {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return [];
  const [nx, ny] = [dy / length, -dx / length];
  const mid = {
    x: (source.x + target.x) / 2 + 0.5 * curvature * dy + shift * nx,
    y: (source.y + target.y) / 2 - 0.5 * curvature * dx + shift * ny,
  };
  const run = Math.min(width, length * 0.9);
  const [ux, uy] = [dx / length, dy / length];
  const steps = Math.max(1, Math.ceil(run / height));
  const rects: Rect[] = [];
  for (let i = 0; i <= steps; i++) {
    const along = -run / 2 + (run * i) / steps;
    const x = mid.x + ux * along;
    const y = mid.y + uy * along;
    rects.push({ x1: x - height / 2, y1: y - height / 2, x2: x + height / 2, y2: y + height / 2 });
  }
  return rects;
}

/**
 * How far from the edge each drawer puts its text, along the normal (dy, -dx)/|d|: @sigma/edge-curve lifts it
 * off the curve on the side it reads upright from; sigma's straight drawer writes it under the line as read.
 */
export function edgeLabelShift(
  source: Point,
  target: Point,
  curved: boolean,
  edgeSize: number,
  fontSize: number,
): number {
  if (curved) return (source.x < target.x ? 1 : -1) * (edgeSize * 0.7 + 5 + 0.35 * fontSize);
  return (target.x - source.x > 0 ? -1 : 1) * (edgeSize / 2 + 0.625 * fontSize);
}

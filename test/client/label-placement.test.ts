import { describe, expect, it } from "vitest";
import { edgeLabelRects, edgeLabelShift, LabelSpace, placeLabels } from "../../client/src/core/graph/label-placement";

const rect = (x: number, y: number, w = 50, h = 14) => ({ x1: x, y1: y, x2: x + w, y2: y + h });

describe("placeLabels", () => {
  it("keeps labels in priority order and drops those that would overlap", () => {
    const placed = placeLabels([rect(0, 0), rect(10, 5), rect(0, 20), rect(200, 200)]);
    expect([...placed]).toEqual([0, 2, 3]);
  });

  it("always keeps forced labels", () => {
    const placed = placeLabels([rect(0, 0), rect(10, 5)], [false, true]);
    expect([...placed]).toEqual([0, 1]);
  });

  it("finds overlaps across grid cells and handles many labels", () => {
    const wide = rect(70, 0, 200);
    expect([...placeLabels([wide, rect(250, 5)])]).toEqual([0]);
    const many = Array.from({ length: 2000 }, (_, i) => rect((i % 50) * 60, Math.floor(i / 50) * 20));
    expect(placeLabels(many).size).toBe(2000);
    expect(placeLabels([...many, ...many]).size).toBe(2000);
  });
});

describe("LabelSpace and relation labels", () => {
  it("claims space once, and lets forced labels through", () => {
    const space = new LabelSpace();
    expect(space.claim([rect(0, 0)])).toBe(true);
    expect(space.claim([rect(20, 5)])).toBe(false);
    expect(space.claim([rect(20, 5)], true)).toBe(true);
    expect(space.fits([rect(100, 100)])).toBe(true);
  });

  it("lays a straight relation label along the middle of its edge", () => {
    const rects = edgeLabelRects({ x: 0, y: 0 }, { x: 100, y: 0 }, 0, 40, 10);
    const xs = rects.map((r) => (r.x1 + r.x2) / 2);
    expect(Math.min(...xs)).toBeCloseTo(30);
    expect(Math.max(...xs)).toBeCloseTo(70);
    expect(rects.every((r) => r.y1 === -5 && r.y2 === 5)).toBe(true);
  });

  it("moves a curved edge's label to the curve's middle, on opposite sides for opposite bends", () => {
    const up = edgeLabelRects({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.25, 20, 10);
    const down = edgeLabelRects({ x: 0, y: 0 }, { x: 100, y: 0 }, -0.25, 20, 10);
    const centreY = (rects: { y1: number; y2: number }[]) =>
      rects.reduce((sum, r) => sum + (r.y1 + r.y2) / 2, 0) / rects.length;
    expect(centreY(up)).toBeCloseTo(-12.5);
    expect(centreY(down)).toBeCloseTo(12.5);
    const space = new LabelSpace();
    expect(space.claim(up)).toBe(true);
    expect(space.claim(down)).toBe(true);
    expect(space.claim(edgeLabelRects({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.2, 20, 10))).toBe(false);
  });

  it("cuts a label to its edge's length and ignores zero-length edges", () => {
    const rects = edgeLabelRects({ x: 0, y: 0 }, { x: 0, y: 20 }, 0, 500, 10);
    const ys = rects.map((r) => (r.y1 + r.y2) / 2);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(18);
    expect(edgeLabelRects({ x: 5, y: 5 }, { x: 5, y: 5 }, 0, 50, 10)).toEqual([]);
  });
});

describe("edgeLabelShift", () => {
  it("puts curved labels on the side they read upright from, and straight ones under the line", () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    // Normal (dy, -dx)/|d| for a -> b points up the screen (y negative): curved text goes there.
    expect(edgeLabelShift(a, b, true, 2, 10)).toBeCloseTo(2 * 0.7 + 5 + 3.5);
    expect(edgeLabelShift(b, a, true, 2, 10)).toBeCloseTo(-(2 * 0.7 + 5 + 3.5));
    expect(edgeLabelShift(a, b, false, 2, 10)).toBeCloseTo(-(1 + 6.25));
    expect(edgeLabelShift(b, a, false, 2, 10)).toBeCloseTo(1 + 6.25);
    const shifted = edgeLabelRects(a, b, 0, 20, 10, 8);
    expect(shifted.every((r) => (r.y1 + r.y2) / 2 === -8)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import {
  discRect,
  edgeLabelRects,
  edgeLabelShift,
  LabelSpace,
  nodeLabelRect,
  placeLabels,
  placeNodeLabels,
  type NodeLabelCandidate,
} from "../../client/src/core/graph/label-placement";

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

describe("placeNodeLabels", () => {
  const bounds = { x1: 0, y1: 0, x2: 400, y2: 300 };
  const node = (key: string, x: number, y: number, extra: Partial<NodeLabelCandidate> = {}): NodeLabelCandidate => ({
    key,
    x,
    y,
    size: 5,
    width: 60,
    height: 15,
    rank: 0,
    forced: false,
    ...extra,
  });
  const sides = (placed: ReturnType<typeof placeNodeLabels>["placed"]) =>
    Object.fromEntries([...placed].map(([key, spot]) => [key, spot.side]));

  it("writes to the right of the disc when there is room, as sigma does", () => {
    const { placed } = placeNodeLabels([node("a", 100, 100)], { bounds });
    expect(placed.get("a")).toEqual({ side: "right", rect: { x1: 106, y1: 92.5, x2: 170, y2: 107.5 } });
  });

  it("moves a label to the left rather than off the stage's right edge, and drops one that fits nowhere", () => {
    const { placed } = placeNodeLabels([node("edge", 380, 100), node("tiny", 10, 10, { width: 500 })], { bounds });
    expect(sides(placed)).toEqual({ edge: "left" });
    const rect = placed.get("edge")!.rect;
    expect(rect.x1).toBeGreaterThanOrEqual(0);
    expect(rect.x2).toBeLessThanOrEqual(380 - 5);
  });

  it("keeps labels off other entities' discs, trying left, below and above", () => {
    const discs = [discRect(100, 100, 5), discRect(140, 100, 6), discRect(60, 100, 6)];
    const { placed } = placeNodeLabels([node("a", 100, 100)], { bounds, discs });
    expect(sides(placed)).toEqual({ a: "below" });
    const { placed: boxed } = placeNodeLabels([node("a", 100, 100)], {
      bounds,
      discs: [...discs, discRect(100, 125, 10)],
    });
    expect(sides(boxed)).toEqual({ a: "above" });
  });

  it("keeps labels off the boxes laid over the stage (timeline, counts)", () => {
    const timeline = { x1: 0, y1: 260, x2: 400, y2: 300 };
    const { placed } = placeNodeLabels([node("low", 100, 255)], { bounds, obstacles: [timeline] });
    expect(sides(placed)).toEqual({ low: "above" });
    expect(placed.get("low")!.rect.y2).toBeLessThanOrEqual(260);
  });

  it("places the important few first: a small event beats a big neighbour for the same spot", () => {
    // Two entities 40 px apart on a line: only one right-hand label fits between them and the stage's edges.
    const tight = { x1: 0, y1: 90, x2: 400, y2: 110 };
    const big = node("big", 100, 100, { size: 12, width: 200 });
    const event = node("event", 130, 100, { size: 3, width: 200, rank: 1 });
    expect(sides(placeNodeLabels([big, event], { bounds: tight }).placed)).toEqual({ event: "right" });
    expect(sides(placeNodeLabels([big, { ...event, rank: 0 }], { bounds: tight }).placed)).toEqual({ big: "right" });
  });

  it("draws a forced label (the selection) to the right even over other labels and boxes", () => {
    const over = { x1: 0, y1: 0, x2: 400, y2: 300 };
    const { placed } = placeNodeLabels([node("chosen", 100, 100, { forced: true, rank: 4 }), node("other", 105, 100)], {
      bounds,
      obstacles: [over],
    });
    expect(sides(placed)).toEqual({ chosen: "right" });
    expect(placed.get("chosen")!.rect).toEqual(nodeLabelRect(node("chosen", 100, 100), "right"));
  });

  it("leaves relation labels the space the node labels and boxes took, not the discs they run between", () => {
    const { space } = placeNodeLabels([node("a", 100, 100)], {
      bounds,
      discs: [discRect(200, 200, 10)],
      obstacles: [{ x1: 300, y1: 250, x2: 400, y2: 300 }],
    });
    expect(space.fits([{ x1: 110, y1: 95, x2: 120, y2: 105 }])).toBe(false);
    expect(space.fits([{ x1: 310, y1: 260, x2: 320, y2: 270 }])).toBe(false);
    expect(space.fits([{ x1: 195, y1: 195, x2: 205, y2: 205 }])).toBe(true);
    expect(space.fits([{ x1: 300, y1: 50, x2: 310, y2: 60 }])).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { placeLabels } from "../../client/src/core/graph/label-placement";

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

/**
 * Labels as a person first meets them: on the untouched opening view at four window sizes, after sigma's frame has
 * replaced the 2D first frame, and the important few (the event, a headline model) placed rather than suppressed.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { skipReason, useExplorer } from "./_harness";

const reason = skipReason();

/** Pixels sigma's label canvas has drawn (alpha above zero); read from the canvas itself, not a screenshot. */
export const labelPixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = window.explorer!.renderer.getCanvases().labels as HTMLCanvasElement;
    const context = canvas.getContext("2d")!;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) drawn++;
    return drawn;
  });

describe.skipIf(reason !== null)("explorer page: labels on the opening view", () => {
  const explorer = useExplorer();

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`draws entity labels on the untouched opening view at ${viewport.width}x${viewport.height}`, async () => {
      const { page, problems } = await explorer.browser().open(explorer.server().url, viewport);
      // Sigma's frame is on screen (waitReady) and the 2D stand-in is gone: what shows now is sigma's labels.
      expect(await page.locator("canvas.first-frame").count()).toBe(0);
      // Let any pending frame run, then count: nothing has touched the page.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const pixels = await labelPixels(page);
      console.log(`label pixels on the opening view at ${viewport.width}x${viewport.height}: ${pixels}`);
      // A 13 px label is about 8 px of ink by its width: a dozen labels are well over 3,000 pixels.
      expect(pixels).toBeGreaterThan(3000);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

describe.skipIf(reason !== null)("explorer page: labels placed where they can be read", () => {
  const explorer = useExplorer();

  it("shows the event's and Stable Diffusion's labels at 1280x800, clear of discs, the boxes over the stage and its edges", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const report = await page.evaluate(() => {
      const { renderer, graph, labelBoxes } = window.explorer!;
      const boxes = labelBoxes();
      const canvas = renderer.getCanvases().labels as HTMLCanvasElement;
      const scale = canvas.width / renderer.getDimensions().width;
      const context = canvas.getContext("2d")!;
      // Ink actually drawn inside a label's box on sigma's label canvas.
      const ink = (box: { x1: number; y1: number; x2: number; y2: number }) => {
        const { data } = context.getImageData(
          Math.round(box.x1 * scale),
          Math.round(box.y1 * scale),
          Math.max(1, Math.round((box.x2 - box.x1) * scale)),
          Math.max(1, Math.round((box.y2 - box.y1) * scale)),
        );
        let drawn = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) drawn++;
        return drawn;
      };
      const stage = document.getElementById("graph")!.getBoundingClientRect();
      const overlays = [...document.querySelectorAll("#counts, #timeline, .zoom-controls")].map((element) => {
        const box = element.getBoundingClientRect();
        return {
          x1: box.left - stage.left,
          y1: box.top - stage.top,
          x2: box.right - stage.left,
          y2: box.bottom - stage.top,
        };
      });
      const overlaps = (a: (typeof overlays)[number], b: (typeof overlays)[number]) =>
        a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
      const discs = graph.mapNodes((key) => {
        const data = renderer.getNodeDisplayData(key)!;
        const at = renderer.framedGraphToViewport(data);
        const size = renderer.scaleSize(data.size);
        return { key, box: { x1: at.x - size, y1: at.y - size, x2: at.x + size, y2: at.y + size } };
      });
      const { width, height } = renderer.getDimensions();
      const events = graph.filterNodes((_, attributes) => attributes.type === "event");
      return {
        labelled: Object.keys(boxes).length,
        total: graph.order,
        events: events.map((key) => ({ key, ink: boxes[key] ? ink(boxes[key]) : 0 })),
        stableDiffusion: boxes["stable-diffusion"] ? ink(boxes["stable-diffusion"]) : 0,
        offStage: Object.keys(boxes).filter((key) => {
          const b = boxes[key]!;
          return b.x1 < 0 || b.y1 < 0 || b.x2 > width || b.y2 > height;
        }),
        underOverlay: Object.keys(boxes).filter((key) => overlays.some((o) => overlaps(boxes[key]!, o))),
        overDisc: Object.keys(boxes).filter((key) => discs.some((d) => d.key !== key && overlaps(boxes[key]!, d.box))),
      };
    });
    console.log(`labels placed at 1280x800: ${report.labelled} of ${report.total}`);
    expect(report.events.length).toBeGreaterThan(0);
    for (const event of report.events) expect(event.ink, event.key).toBeGreaterThan(50);
    expect(report.stableDiffusion).toBeGreaterThan(50);
    expect(report.offStage).toEqual([]);
    expect(report.underOverlay).toEqual([]);
    expect(report.overDisc).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

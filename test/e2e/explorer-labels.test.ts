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

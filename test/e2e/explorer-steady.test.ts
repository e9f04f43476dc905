/**
 * The view stays where the user put it, and actions answer where the user looks: a clicked entity stays under the
 * cursor while its sidebar opens, resetting filters shows everything, Back to the start resets the camera, and
 * "Path from here" brings the path panel into view with the caret in To.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { search, skipReason, useExplorer } from "./_harness";

const reason = skipReason();

/** Whether an element lies wholly inside the window, below the top bar. */
const onScreen = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const topbar = document.querySelector(".topbar")!.getBoundingClientRect().bottom;
    return box.top >= topbar && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
  });

/** Where an entity is drawn, in page coordinates. */
const nodeOnPage = (page: Page, key: string) =>
  page.evaluate((k) => {
    const { renderer, graph } = window.explorer!;
    const at = renderer.graphToViewport(graph.getNodeAttributes(k));
    const box = document.getElementById("graph")!.getBoundingClientRect();
    return { x: box.left + at.x, y: box.top + at.y };
  }, key);

/** Entities sigma draws outside the stage (none when the whole graph is in view). */
const nodesOutside = (page: Page) =>
  page.evaluate(() => {
    const { renderer, graph } = window.explorer!;
    const { width, height } = renderer.getDimensions();
    return graph.filterNodes((key) => {
      const at = renderer.graphToViewport(graph.getNodeAttributes(key));
      return at.x < 0 || at.y < 0 || at.x > width || at.y > height;
    });
  });

/** Waits until sigma's camera has stopped moving (an animation runs 250-450 ms). */
const settled = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => window.explorer!.renderer.getCamera().isAnimated()), { interval: 100 })
    .toBe(false);

const frames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

describe.skipIf(reason !== null)("explorer page: a view that stays put", () => {
  const explorer = useExplorer();

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`keeps a clicked entity under the cursor while its sidebar opens at ${viewport.width}px`, async () => {
      const { page, problems } = await explorer.browser().open(explorer.server().url, viewport);
      // Lei Jun is left of the middle (stays uncovered); Inspur Cloud is near the right or bottom edge, where the
      // sidebar (or the phone's bottom sheet) lands.
      const leiJun = await nodeOnPage(page, "lei-jun");
      await page.mouse.click(leiJun.x, leiJun.y);
      await page.locator("#sidebar:not([hidden]) .detail-header").waitFor();
      await frames(page);
      const after = await nodeOnPage(page, "lei-jun");
      console.log(
        `Lei Jun moved ${Math.hypot(after.x - leiJun.x, after.y - leiJun.y).toFixed(1)} px as the sidebar opened`,
      );
      if (viewport.width > 760) expect(Math.hypot(after.x - leiJun.x, after.y - leiJun.y)).toBeLessThan(2);
      // On the phone the sheet covers the lower half: Lei Jun may move, but only as far as keeps it in view.
      const stage = (await page.locator("#graph").boundingBox())!;
      expect(after.x).toBeGreaterThan(stage.x);
      expect(after.y).toBeGreaterThan(stage.y);
      expect(after.x).toBeLessThan(stage.x + stage.width);
      expect(after.y).toBeLessThan(stage.y + stage.height);
      // Nor under the timeline bar at the stage's foot.
      expect(after.y).toBeLessThan((await page.locator("#timeline").boundingBox())!.y);
      // Close it, click an entity where the sidebar will be: it is brought inside the stage, not left under it.
      await page.locator("#sidebar-close").click();
      await page.locator("#sidebar").waitFor({ state: "hidden" });
      await frames(page);
      const inspur = await nodeOnPage(page, "inspur-cloud");
      await page.mouse.click(inspur.x, inspur.y);
      await page.locator("#sidebar:not([hidden]) .detail-header").waitFor();
      await frames(page);
      const moved = await nodeOnPage(page, "inspur-cloud");
      const shrunk = (await page.locator("#graph").boundingBox())!;
      expect(moved.x).toBeLessThan(shrunk.x + shrunk.width - 20);
      expect(moved.y).toBeLessThan(shrunk.y + shrunk.height - 20);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("shows the whole graph again when the filters, the neighbourhood or the path are cleared", async () => {
    // A neighbourhood or a path is fitted to when it arrives; filters are fitted to with the key 0 (or ⤢).
    for (const [query, chip, fitKey] of [
      [
        "?hide=company,cloud_provider,ai_model,product,strategy,organization,document,market_tier,market,industry,event,topic",
        "#chip-filters",
        true,
      ],
      ["?hood=lei-jun", "#chip-hood", false],
      ["?from=lei-jun&to=xiaomi", "#chip-path", false],
    ] as const) {
      const { page, problems } = await explorer.browser().open(`${explorer.server().url}${query}`);
      await page.locator(`${chip} .chip-clear`).waitFor();
      if (fitKey) {
        await page.locator("#graph").focus();
        await page.keyboard.press("0");
      }
      await expect.poll(async () => (await nodesOutside(page)).length).toBeGreaterThan(0);
      await settled(page);
      expect((await nodesOutside(page)).length).toBeGreaterThan(0);
      await page.locator(`${chip} .chip-clear`).click();
      await settled(page);
      await frames(page);
      expect(await nodesOutside(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it("resets the camera when Back returns to the opening view", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const start = await page.evaluate(() => window.explorer!.renderer.getCamera().getState());
    const leiJun = await nodeOnPage(page, "lei-jun");
    await page.mouse.click(leiJun.x, leiJun.y);
    await page.locator("#sidebar:not([hidden]) .detail-header").waitFor();
    await page.locator("#graph").focus();
    await page.keyboard.press("+");
    await page.keyboard.press("+");
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.location.search)).toContain("cam=");
    await page.goBack();
    // Back at the opening entry: no selection (the camera, once reset, may be written back as the default).
    await expect.poll(() => page.evaluate(() => window.location.search)).not.toContain("node=");
    await settled(page);
    const camera = await page.evaluate(() => window.explorer!.renderer.getCamera().getState());
    expect(camera.ratio).toBeCloseTo(start.ratio, 3);
    expect(camera.x).toBeCloseTo(start.x, 3);
    expect(camera.y).toBeCloseTo(start.y, 3);
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`"Path from here" shows the path panel with the caret in To at ${viewport.width}px`, async () => {
      const { page, problems } = await explorer.browser().open(explorer.server().url, viewport);
      await search(page, "Kingsoft Cloud");
      await page.getByRole("button", { name: "Path from here" }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("path-to");
      await expect.poll(() => onScreen(page, "#path-to")).toBe(true);
      // Said on screen, in the live region that is announced.
      await expect(page.locator("#path-result").textContent()).resolves.toContain("Path from Kingsoft Cloud");
      expect(await page.locator("#path-result").getAttribute("aria-live")).toBe("polite");
      expect(await page.locator("#path-from").inputValue()).toBe("Kingsoft Cloud");
      // Typing the other end finds the path.
      await page.keyboard.type("Lei Jun");
      await page.locator("#path-to + .suggestions .suggestion, .picker:has(#path-to) .suggestion").first().waitFor();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#path-result .path-step").count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

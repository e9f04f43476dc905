/**
 * The explorer page end to end, part 1: what is drawn and how it responds. The real server and headless
 * Chromium; each test drives the page as a person would and checks what is drawn and listed.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  drawnPixels,
  nodeHidden,
  search,
  shownCounts,
  skipReason,
  useExplorer,
  waitReady,
  watchProblems,
} from "./_harness";

const reason = skipReason();

describe.skipIf(reason !== null)("explorer page: view, sidebar, filters, neighbourhood", () => {
  const explorer = useExplorer();

  it("draws the whole graph with a legend, and reports its load time", async () => {
    const started = Date.now();
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const loadMs = Date.now() - started;
    const pixels = await drawnPixels(page);
    expect(pixels.drawn).toBeGreaterThan(2000);
    expect(pixels.coloured).toBeGreaterThan(500);
    const health = (await (await page.request.get(`${explorer.server().url}api/health`)).json()) as {
      nodes: number;
      edges: number;
    };
    expect(await shownCounts(page)).toEqual({ nodes: health.nodes, edges: health.edges });
    await expect(page.locator("#filters-section .filter-row").first().textContent()).resolves.toMatch(/\d+$/);
    expect(await page.locator('input[data-filter^="Entity types:"]').count()).toBeGreaterThanOrEqual(5);
    const marks = await page.evaluate(() => performance.getEntriesByName("explorer:ready")[0]?.startTime ?? -1);
    console.log(`explorer ready ${Math.round(marks)} ms after navigation (${loadMs} ms including browser overhead)`);
    expect(marks).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("draws a 2D first frame where sigma then draws each entity, and removes it once sigma has drawn", async () => {
    const health = (await (await fetch(`${explorer.server().url}api/health`)).json()) as { nodes: number };
    // The default camera, and a zoomed, panned one from the URL.
    for (const query of ["", "?cam=0.42,0.58,0.6,0"]) {
      const { page, problems } = await explorer.browser().open(`${explorer.server().url}${query}`);
      const offsets = await page.evaluate(() => {
        const { renderer, graph, firstFrame } = window.explorer!;
        if (!firstFrame) return null;
        return [...firstFrame].map(([key, at]) => {
          const sigmaAt = renderer.graphToViewport(graph.getNodeAttributes(key));
          return Math.hypot(sigmaAt.x - at.x, sigmaAt.y - at.y);
        });
      });
      expect(offsets).not.toBeNull();
      expect(offsets).toHaveLength(health.nodes);
      expect(Math.max(...offsets!)).toBeLessThan(0.5);
      const ratio = await page.evaluate(() => window.explorer!.renderer.getCamera().getState().ratio);
      expect(ratio).toBeCloseTo(query ? 0.6 : 1, 5);
      expect(await page.locator("canvas.first-frame").count()).toBe(0);
      // The graph first, then every panel (ready), then sigma, then sigma's frame in place of the 2D one.
      const marks = await page.evaluate(() =>
        ["explorer:first-frame", "explorer:ready", "explorer:renderer", "explorer:drawn"].map(
          (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN,
        ),
      );
      expect(marks.every((mark, i) => i === 0 || mark > marks[i - 1]!)).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it("answers hover and click on the 2D frame while the GPU is busy, then hands over to sigma", async () => {
    const page = await explorer.browser().context.newPage();
    const problems = watchProblems(page);
    // Every WebGL fence reads as unsignalled until the test lets go: the GPU is "busy" for as long as needed.
    await page.addInitScript(() => {
      const held = window as unknown as { holdGpu: boolean };
      held.holdGpu = true;
      const original = WebGL2RenderingContext.prototype.getSyncParameter;
      WebGL2RenderingContext.prototype.getSyncParameter = function (sync, name) {
        return held.holdGpu && name === this.SYNC_STATUS ? this.UNSIGNALED : original.call(this, sync, name);
      };
    });
    await page.goto(explorer.server().url);
    await page.waitForFunction(() => performance.getEntriesByName("explorer:ready").length > 0);
    expect(await page.locator("#graph canvas.first-frame").count()).toBe(1);
    // sigma is created once the page is usable, hidden until the GPU has drawn its frame.
    await page.waitForFunction(() => performance.getEntriesByName("explorer:renderer").length > 0);
    expect(await page.locator("#graph.warming canvas.first-frame").count()).toBe(1);
    const sigmaHidden = () =>
      page.evaluate(() =>
        Object.values(window.explorer!.renderer.getCanvases()).every(
          (c) => getComputedStyle(c).visibility === "hidden",
        ),
      );
    expect(await sigmaHidden()).toBe(true);

    const stage = (await page.locator("#graph").boundingBox())!;
    const standIn = (key: string) => page.evaluate((k) => window.explorer!.firstFrame!.get(k)!, key);
    const leiJun = await standIn("lei-jun");
    await page.mouse.move(stage.x + leiJun.x, stage.y + leiJun.y);
    await expect.poll(() => page.evaluate(() => window.explorer!.store.get().hoveredNode)).toBe("lei-jun");
    await page.mouse.click(stage.x + leiJun.x, stage.y + leiJun.y);
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Lei Jun");
    expect(page.url()).toContain("node=lei-jun");

    // The 2D frame is drawn again for the new state: an entity away from Lei Jun is now dimmed on it.
    const far = await page.evaluate(() => {
      const { graph, store } = window.explorer!;
      const shown = new Set(graph.neighbors("lei-jun"));
      return graph.findNode((key) => key !== "lei-jun" && !shown.has(key) && key !== store.get().hoveredNode)!;
    });
    await expect
      .poll(async () => {
        const at = await standIn(far);
        return page.evaluate(({ x, y }) => {
          const canvas = document.querySelector<HTMLCanvasElement>("canvas.first-frame")!;
          const scale = canvas.width / canvas.offsetWidth;
          const [r, g, b] = canvas.getContext("2d")!.getImageData(x * scale, y * scale, 1, 1).data;
          return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, "0")).join("")}`;
        }, at);
      })
      .toBe("#e2e4e8");

    // A click away from every entity clears the selection, as on sigma's stage.
    const empty = await page.evaluate(() => {
      const points = [...window.explorer!.firstFrame!.values()];
      const { offsetWidth: width, offsetHeight: height } = document.querySelector<HTMLElement>("#graph")!;
      for (let y = 20; y < height - 20; y += 10)
        for (let x = 20; x < width - 20; x += 10)
          if (points.every((p) => Math.hypot(p.x - x, p.y - y) > 40)) return { x, y };
      return null;
    });
    expect(empty).not.toBeNull();
    await page.mouse.click(stage.x + empty!.x, stage.y + empty!.y);
    await expect.poll(() => page.evaluate(() => window.explorer!.store.get().selection)).toBeNull();

    // Once the GPU has caught up, sigma's canvases replace the 2D frame and take the pointer back.
    await page.evaluate(() => ((window as unknown as { holdGpu: boolean }).holdGpu = false));
    await waitReady(page);
    expect(await page.locator("canvas.first-frame").count()).toBe(0);
    expect(await page.locator("#graph.warming").count()).toBe(0);
    expect(await sigmaHidden()).toBe(false);
    expect((await drawnPixels(page)).coloured).toBeGreaterThan(500);
    const xiaomi = await page.evaluate(() => {
      const { renderer, graph } = window.explorer!;
      return renderer.graphToViewport(graph.getNodeAttributes("xiaomi"));
    });
    await page.mouse.move(stage.x + xiaomi.x, stage.y + xiaomi.y);
    await expect.poll(() => page.evaluate(() => window.explorer!.store.get().hoveredNode)).toBe("xiaomi");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("finds Lei Jun, opens his sidebar with 雷军 and citations, and moves to a neighbour", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    await search(page, "Lei Jun");
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Lei Jun");
    await expect(page.locator(".detail-zh").textContent()).resolves.toBe("雷军");
    expect(await page.locator(".citations li").first().textContent()).toMatch(/¶\d+/);
    expect(page.url()).toContain("node=lei-jun");
    expect(await page.evaluate(() => window.explorer?.renderer.getNodeDisplayData("lei-jun")?.highlighted)).toBe(true);

    await page.locator('.neighbour-list a[data-key="xiaomi"]').first().click();
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Xiaomi");
    expect(page.url()).toContain("node=xiaomi");

    await page.goBack();
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Lei Jun");
    await page.goForward();
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Xiaomi");

    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#sidebar").isHidden()).toBe(true);
    expect(page.url()).not.toContain("node=");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("hides a node type with its filter and shows it again", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const before = await shownCounts(page);
    const people = page.locator('input[data-filter="Entity types:person"]');
    await people.uncheck();
    expect(await nodeHidden(page, "lei-jun")).toBe(true);
    expect(await nodeHidden(page, "xiaomi")).toBe(false);
    const after = await shownCounts(page);
    expect(after.nodes).toBeLessThan(before.nodes);
    expect(after.edges).toBeLessThan(before.edges);
    expect(page.url()).toContain("hide=person");
    await people.check();
    expect(await nodeHidden(page, "lei-jun")).toBe(false);
    expect(await shownCounts(page)).toEqual(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a neighbourhood from the API, and a larger one at depth 2", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?node=lei-jun`);
    const all = await shownCounts(page);
    await page.locator("#hood-show").click();
    await expect.poll(() => page.locator("#hood-status").textContent()).toMatch(/within 1 hop of Lei Jun/);
    const one = await shownCounts(page);
    expect(one.nodes).toBeLessThan(all.nodes);
    expect(await nodeHidden(page, "lei-jun")).toBe(false);
    expect(await nodeHidden(page, "xiaomi")).toBe(false);
    await page.locator('label[for="hood-depth-2"]').click();
    await expect.poll(() => page.locator("#hood-status").textContent()).toMatch(/within 2 hops/);
    const two = await shownCounts(page);
    expect(two.nodes).toBeGreaterThan(one.nodes);
    expect(page.url()).toContain("hood=lei-jun");
    expect(page.url()).toContain("depth=2");
    await page.locator("#hood-relations summary").click();
    await page.locator('input[data-hood-relation="founded"]').check();
    await expect.poll(() => page.url()).toContain("hoodrel=founded");
    await expect.poll(async () => (await shownCounts(page)).nodes).toBeLessThan(two.nodes);
    expect(await page.locator("#hood-relations summary").textContent()).toBe("Only: founded");
    await page.locator("#hood-direction").selectOption("in");
    await expect.poll(() => page.url()).toContain("dir=in");
    await expect.poll(() => shownCounts(page)).toEqual({ nodes: 1, edges: 0 });
    await page.locator("#hood-clear").click();
    await expect.poll(() => shownCounts(page)).toEqual(all);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("zooms and fits with the keyboard and the buttons, and runs the layout on demand", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const ratio = () => page.evaluate(() => window.explorer?.renderer.getCamera().getState().ratio ?? 0);
    const start = await ratio();
    await page.locator("#graph").focus();
    await page.keyboard.press("+");
    await expect.poll(ratio).toBeLessThan(start * 0.8);
    await page.keyboard.press("0");
    await expect.poll(ratio).toBeCloseTo(start, 2);
    await page.locator("#zoom-out").click();
    await expect.poll(ratio).toBeGreaterThan(start * 1.2);
    await page.locator("#zoom-fit").click();
    await expect.poll(ratio).toBeCloseTo(start, 2);

    const before = await page.evaluate(() => window.explorer?.graph.getNodeAttributes("xiaomi"));
    await page.locator("#layout-toggle").click();
    await expect.poll(() => page.locator("#layout-toggle").getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("#layout-toggle").textContent()).toMatch(/running/);
    await page.waitForTimeout(700);
    await page.locator("#layout-toggle").click();
    await expect.poll(() => page.locator("#layout-toggle").getAttribute("aria-pressed")).toBe("false");
    await page.waitForTimeout(700);
    const after = await page.evaluate(() => window.explorer?.graph.getNodeAttributes("xiaomi"));
    expect([after?.x, after?.y]).not.toEqual([before?.x, before?.y]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("highlights a hovered node's neighbours, lets nodes be dragged, and exports a PNG", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const screenPoint = (key: string) =>
      page.evaluate((k) => {
        const explorer = window.explorer;
        if (!explorer) return { x: 0, y: 0 };
        const point = explorer.renderer.graphToViewport(explorer.graph.getNodeAttributes(k));
        const box = explorer.renderer.getContainer().getBoundingClientRect();
        return { x: box.left + point.x, y: box.top + point.y };
      }, key);
    const display = (key: string) => page.evaluate((k) => window.explorer?.renderer.getNodeDisplayData(k), key);

    const leiJun = await screenPoint("lei-jun");
    await page.mouse.move(leiJun.x, leiJun.y);
    await expect.poll(async () => (await display("lei-jun"))?.highlighted).toBe(true);
    expect((await display("xiaomi"))?.color).toBe(
      await page.evaluate(() => window.explorer?.graph.getNodeAttribute("xiaomi", "color")),
    );
    expect((await display("chatglm-6b"))?.color).toBe("#e2e4e8");

    const before = await page.evaluate(() => window.explorer?.graph.getNodeAttributes("lei-jun"));
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(leiJun.x + i * 10, leiJun.y + i * 6);
    await page.mouse.up();
    const after = await page.evaluate(() => window.explorer?.graph.getNodeAttributes("lei-jun"));
    expect(after?.x).not.toBeCloseTo(before?.x ?? 0, 3);
    expect(await page.locator("#sidebar").isHidden()).toBe(true);
    await page.mouse.move(5, 400);

    await page.locator("#export-menu summary").click();
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("#export-png").click()]);
    const bytes = await readFile(await png.path());
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});

/**
 * The explorer page end to end: the real server and headless Chromium. Each test drives the page as a person
 * would (search box, sidebar links, filter checkboxes, panels) and checks what is drawn, listed and linked.
 */
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../server/load-graph";
import { drawnPixels, launchBrowser, shownCounts, skipReason, startServer, waitReady, type Browser, type RunningServer } from "./_harness";

const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");
const reason = skipReason();

const nodeHidden = (page: Page, key: string) =>
  page.evaluate((k) => window.explorer?.renderer.getNodeDisplayData(k)?.hidden === true, key);

async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press("/");
  await page.keyboard.type(text);
  await page.locator("#search .suggestion").first().waitFor();
  await page.keyboard.press("Enter");
}

describe.skipIf(reason !== null)("explorer page (embedded dataset)", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws the whole graph with a legend, and reports its load time", async () => {
    const started = Date.now();
    const { page, problems } = await browser.open(server.url);
    const loadMs = Date.now() - started;
    const pixels = await drawnPixels(page);
    expect(pixels.drawn).toBeGreaterThan(2000);
    expect(pixels.coloured).toBeGreaterThan(500);
    const health = (await (await page.request.get(`${server.url}api/health`)).json()) as { nodes: number; edges: number };
    expect(await shownCounts(page)).toEqual({ nodes: health.nodes, edges: health.edges });
    await expect(page.locator("#filters-section .filter-row").first().textContent()).resolves.toMatch(/\d+$/);
    expect(await page.locator('input[data-filter^="Entity types:"]').count()).toBeGreaterThanOrEqual(5);
    const marks = await page.evaluate(() => performance.getEntriesByName("explorer:ready")[0]?.startTime ?? -1);
    console.log(`explorer ready ${Math.round(marks)} ms after navigation (${loadMs} ms including browser overhead)`);
    expect(marks).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("finds Lei Jun, opens his sidebar with 雷军 and citations, and moves to a neighbour", async () => {
    const { page, problems } = await browser.open(server.url);
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
    const { page, problems } = await browser.open(server.url);
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
    const { page, problems } = await browser.open(`${server.url}?node=lei-jun`);
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

  it("finds the path from Cui Baoqiu to ChatGLM-6B and lists it step by step", async () => {
    const { page, problems } = await browser.open(server.url);
    await page.locator("#path-from").fill("Cui Baoqiu");
    await page.locator("#path-from ~ .suggestions .suggestion").first().waitFor();
    await page.locator("#path-from").press("Enter");
    await page.locator("#path-to").fill("ChatGLM-6B");
    await page.locator("#path-to ~ .suggestions .suggestion").first().waitFor();
    await page.locator("#path-to").press("Enter");
    await page.locator("#path-result .path-step").first().waitFor();
    const steps = page.locator("#path-result .path-step");
    expect(await steps.count()).toBeGreaterThanOrEqual(1);
    expect(await steps.first().locator("a").first().getAttribute("data-key")).toBe("cui-baoqiu");
    expect(await steps.last().locator("a").last().getAttribute("data-key")).toBe("chatglm-6b");
    expect(await page.evaluate(() => window.explorer?.renderer.getNodeDisplayData("chatglm-6b")?.highlighted)).toBe(true);
    expect(page.url()).toMatch(/from=cui-baoqiu&to=chatglm-6b/);
    await page.waitForTimeout(600);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "explorer-path.png") });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("downloads GEXF of the whole graph and of what is shown, both parseable", async () => {
    const { page, problems } = await browser.open(server.url);
    const download = async (id: string) => {
      await page.locator("#export-menu summary").click();
      const [file] = await Promise.all([page.waitForEvent("download"), page.locator(id).click()]);
      const path = await file.path();
      return parseGexf(MultiDirectedGraph, await readFile(path, "utf8"));
    };
    const whole = await download("#export-gexf-all");
    const counts = await shownCounts(page);
    expect(whole.order).toBe(counts.nodes);
    expect(whole.size).toBe(counts.edges);
    expect(whole.hasNode("kingsoft-cloud")).toBe(true);

    await page.locator('input[data-filter="Entity types:person"]').uncheck();
    const shown = await download("#export-gexf-shown");
    expect(shown.order).toBe((await shownCounts(page)).nodes);
    expect(shown.hasNode("lei-jun")).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("restores the same view from a copied URL", async () => {
    const { page, problems } = await browser.open(server.url);
    await search(page, "Xiaomi");
    await page.locator("#hood-show").click();
    await page.locator('label[for="hood-depth-2"]').click();
    await expect.poll(() => page.locator("#hood-status").textContent()).toMatch(/within 2 hops/);
    await page.locator('input[data-filter="Entity types:document"]').uncheck();
    await page.locator("#lang-zh").click();
    await page.locator("#zoom-in").click();
    await page.waitForTimeout(800);
    const url = page.url();
    const counts = await shownCounts(page);
    const camera = await page.evaluate(() => window.explorer?.renderer.getCamera().getState());
    expect(url).toMatch(/node=xiaomi/);
    expect(url).toMatch(/lang=zh/);
    expect(url).toMatch(/cam=/);

    const copy = await browser.open(url);
    await expect.poll(() => copy.page.locator("#detail-title").textContent()).toBe("Xiaomi");
    await expect.poll(() => shownCounts(copy.page)).toEqual(counts);
    expect(await copy.page.locator("#lang-zh").getAttribute("aria-pressed")).toBe("true");
    expect(await copy.page.locator('input[data-filter="Entity types:document"]').isChecked()).toBe(false);
    expect(await copy.page.locator("#hood-depth-2").isChecked()).toBe(true);
    expect(await copy.page.evaluate(() => window.explorer?.renderer.getNodeDisplayData("xiaomi")?.label)).toBe("小米集团");
    const restored = await copy.page.evaluate(() => window.explorer?.renderer.getCamera().getState());
    expect(restored?.ratio).toBeCloseTo(camera?.ratio ?? 0, 3);
    expect(restored?.x).toBeCloseTo(camera?.x ?? 0, 3);
    expect(problems).toEqual([]);
    expect(copy.problems).toEqual([]);
    await copy.page.close();
    await page.close();
  });

  it("zooms and fits with the keyboard and the buttons, and runs the layout on demand", async () => {
    const { page, problems } = await browser.open(server.url);
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
    const { page, problems } = await browser.open(server.url);
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
    expect((await display("xiaomi"))?.color).toBe((await page.evaluate(() => window.explorer?.graph.getNodeAttribute("xiaomi", "color"))));
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

  it("says plainly when the API fails", async () => {
    const page = await browser.context.newPage();
    await page.route("**/api/graph", (route) =>
      route.fulfill({ status: 503, contentType: "application/problem+json", body: JSON.stringify({ title: "Unavailable", status: 503, detail: "the graph is resting" }) }),
    );
    const uncaught: string[] = [];
    page.on("pageerror", (error) => uncaught.push(error.message));
    await page.goto(server.url);
    await page.locator(".status-error").waitFor();
    expect(await page.locator(".status-error").textContent()).toMatch(/could not be loaded: the graph is resting/);
    await page.unroute("**/api/graph");
    await page.locator(".status-error button", { hasText: "Retry" }).click();
    await waitReady(page);
    expect((await drawnPixels(page)).coloured).toBeGreaterThan(500);
    expect(uncaught).toEqual([]);
    await page.close();
  });

  it("writes screenshots at desktop and phone width", async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const desktop = await browser.open(`${server.url}?node=kingsoft-cloud`);
    await desktop.page.waitForTimeout(800);
    await desktop.page.screenshot({ path: join(SCREENSHOTS, "explorer-desktop.png") });
    expect(desktop.problems).toEqual([]);
    await desktop.page.close();

    const phone = await browser.open(`${server.url}?node=lei-jun`, { width: 390, height: 844 });
    await phone.page.waitForTimeout(800);
    const sheet = await phone.page.locator("#sidebar").boundingBox();
    expect(sheet?.width).toBe(390);
    expect((sheet?.y ?? 0) + (sheet?.height ?? 0)).toBeCloseTo(844, 0);
    expect(sheet?.y ?? 0).toBeGreaterThan(844 / 3);
    expect(await phone.page.locator(".detail-zh").textContent()).toBe("雷军");
    // The filters are a drawer behind the menu button on phones.
    expect(await phone.page.locator("#panel").evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
    await phone.page.locator("#panel-toggle").click();
    await expect.poll(() => phone.page.locator("#panel").evaluate((el) => Math.round(el.getBoundingClientRect().left))).toBe(0);
    await phone.page.screenshot({ path: join(SCREENSHOTS, "explorer-phone-panel.png") });
    await phone.page.keyboard.press("Escape");
    await expect.poll(() => phone.page.locator("#panel").evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
    await phone.page.screenshot({ path: join(SCREENSHOTS, "explorer-phone.png") });
    expect(phone.problems).toEqual([]);
    await phone.page.close();
  });
});

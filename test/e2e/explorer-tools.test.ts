/**
 * The explorer page end to end, part 2: paths, exports, shareable URLs, failures, and the screenshots the
 * README shows (desktop 1280x800 and phone 390x844, written to docs/screenshots/).
 */
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../server/load-graph";
import { drawnPixels, search, shownCounts, skipReason, useExplorer, waitReady } from "./_harness";

const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");
const reason = skipReason();

describe.skipIf(reason !== null)("explorer page: paths, exports, URLs, failures, screenshots", () => {
  const explorer = useExplorer();

  it("finds the path from Cui Baoqiu to ChatGLM-6B and lists it step by step", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
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
    expect(await page.evaluate(() => window.explorer?.renderer.getNodeDisplayData("chatglm-6b")?.highlighted)).toBe(
      true,
    );
    expect(page.url()).toMatch(/from=cui-baoqiu&to=chatglm-6b/);
    await page.waitForTimeout(600);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "explorer-path.png") });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("downloads GEXF of the whole graph and of what is shown, both parseable", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
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
    const { page, problems } = await explorer.browser().open(explorer.server().url);
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

    const copy = await explorer.browser().open(url);
    await expect.poll(() => copy.page.locator("#detail-title").textContent()).toBe("Xiaomi");
    await expect.poll(() => shownCounts(copy.page)).toEqual(counts);
    expect(await copy.page.locator("#lang-zh").getAttribute("aria-pressed")).toBe("true");
    expect(await copy.page.locator('input[data-filter="Entity types:document"]').isChecked()).toBe(false);
    expect(await copy.page.locator("#hood-depth-2").isChecked()).toBe(true);
    expect(await copy.page.evaluate(() => window.explorer?.renderer.getNodeDisplayData("xiaomi")?.label)).toBe(
      "小米集团",
    );
    const restored = await copy.page.evaluate(() => window.explorer?.renderer.getCamera().getState());
    expect(restored?.ratio).toBeCloseTo(camera?.ratio ?? 0, 3);
    expect(restored?.x).toBeCloseTo(camera?.x ?? 0, 3);
    expect(problems).toEqual([]);
    expect(copy.problems).toEqual([]);
    await copy.page.close();
    await page.close();
  });

  it("says plainly when the API fails", async () => {
    const page = await explorer.browser().context.newPage();
    await page.route("**/api/overview", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: JSON.stringify({ title: "Unavailable", status: 503, detail: "the graph is resting" }),
      }),
    );
    const uncaught: string[] = [];
    page.on("pageerror", (error) => uncaught.push(error.message));
    await page.goto(explorer.server().url);
    await page.locator(".status-error").waitFor();
    expect(await page.locator(".status-error").textContent()).toMatch(/could not be loaded: the graph is resting/);
    await page.unroute("**/api/overview");
    await page.locator(".status-error button", { hasText: "Retry" }).click();
    await waitReady(page);
    expect((await drawnPixels(page)).coloured).toBeGreaterThan(500);
    expect(uncaught).toEqual([]);
    await page.close();
  });

  it("writes screenshots at desktop and phone width", async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const desktop = await explorer.browser().open(`${explorer.server().url}?node=kingsoft-cloud`);
    await desktop.page.waitForTimeout(800);
    await desktop.page.screenshot({ path: join(SCREENSHOTS, "explorer-desktop.png") });
    expect(desktop.problems).toEqual([]);
    await desktop.page.close();

    const phone = await explorer.browser().open(`${explorer.server().url}?node=lei-jun`, { width: 390, height: 844 });
    await phone.page.waitForTimeout(800);
    const sheet = await phone.page.locator("#sidebar").boundingBox();
    expect(sheet?.width).toBe(390);
    expect((sheet?.y ?? 0) + (sheet?.height ?? 0)).toBeCloseTo(844, 0);
    expect(sheet?.y ?? 0).toBeGreaterThan(844 / 3);
    expect(await phone.page.locator(".detail-zh").textContent()).toBe("雷军");
    // The filters are a drawer behind the menu button on phones.
    expect(await phone.page.locator("#panel").evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(
      0,
    );
    await phone.page.locator("#panel-toggle").click();
    await expect
      .poll(() => phone.page.locator("#panel").evaluate((el) => Math.round(el.getBoundingClientRect().left)))
      .toBe(0);
    await phone.page.screenshot({ path: join(SCREENSHOTS, "explorer-phone-panel.png") });
    await phone.page.keyboard.press("Escape");
    await expect
      .poll(() => phone.page.locator("#panel").evaluate((el) => el.getBoundingClientRect().right))
      .toBeLessThanOrEqual(0);
    await phone.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await phone.page.screenshot({ path: join(SCREENSHOTS, "explorer-phone.png") });
    expect(phone.problems).toEqual([]);
    await phone.page.close();
  });
});

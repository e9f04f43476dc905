/**
 * The page for keyboard and screen-reader users, in Chromium: axe-core finds no serious or critical violation
 * on the opening view, a selected entity, figures seen from a year, the Chinese interface, the text view and the
 * phone layout; focus goes where attention goes (the panel after a search or a neighbour link, the graph after
 * Escape, never `body`); the text view lists what the graph shows; reduced motion moves the camera at once.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./_axe";
import { search, shownCounts, skipReason, useExplorer } from "./_harness";

const reason = skipReason();
const CUSTOMER = "xiaomi__customer_of__kingsoft-cloud";

/** What has focus: "body" is the failure this file guards against. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active === null || active === document.body ? "body" : active.id || active.className || active.tagName;
  });

describe.skipIf(reason !== null)("explorer page: accessibility", () => {
  const explorer = useExplorer();

  it("has no serious axe violations on the opening view, a selected entity and a year's figures", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    expect(await seriousViolations(page)).toEqual([]);
    await search(page, "Kingsoft Cloud");
    await page.locator("#sidebar .node-link").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${explorer.server().url}?edge=${CUSTOMER}&year=2019`);
    await page.locator('#sidebar .series-table tr[data-time="later"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("has no serious axe violations in the Chinese interface and the text view", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    await page.locator("#lang-zh").click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator("#lang-en").click();
    await page.locator("#text-view-toggle").click();
    await page.locator("#text-view table").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("has no serious axe violations on a phone, with and without the bottom sheet", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url, { width: 390, height: 844 });
    expect(await seriousViolations(page)).toEqual([]);
    await search(page, "Lei Jun");
    await page.locator("#sidebar .node-link").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("moves focus to the panel after a search and a neighbour link, back to the graph after Escape", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    await search(page, "Xiaomi");
    await expect.poll(() => focused(page)).toBe("detail-title");
    await page.locator("#sidebar .node-link").first().waitFor();
    expect(await focused(page)).toBe("detail-title");
    const link = page.locator('#sidebar .node-link[data-key="kingsoft-cloud"]').first();
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Kingsoft Cloud");
    await page.locator("#sidebar .node-link").first().waitFor();
    expect(await focused(page)).toBe("detail-title");
    await page.keyboard.press("Escape");
    expect(await page.locator("#sidebar").isHidden()).toBe(true);
    expect(await focused(page)).toBe("graph");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Escape in the search box closes the search only, not the panel", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    await search(page, "Xiaomi");
    await page.locator("#sidebar .node-link").first().waitFor();
    await page.keyboard.press("/");
    await page.keyboard.type("Lei");
    await page.locator("#search .suggestion").first().waitFor();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    expect(await page.locator("#sidebar").isVisible()).toBe(true);
    expect(await page.locator("#search-input").inputValue()).toBe("");
    expect(await focused(page)).not.toBe("body");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps focus off body when the focused control goes away (a chip's ×, Show everything)", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?hood=lei-jun`);
    await page.locator("#chip-hood .chip-clear").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#chip-hood").count()).toBe(0);
    await expect.poll(() => focused(page)).toBe("graph");
    await page.goto(`${explorer.server().url}?hood=lei-jun`);
    await page.locator("#hood-clear").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#hood-clear").isHidden()).toBe(true);
    await expect.poll(() => focused(page)).not.toBe("body");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("offers a skip link to the open panel as the first Tab stop", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?node=xiaomi`);
    await page.locator("#sidebar .node-link").first().waitFor();
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link:focus");
    expect(await skip.textContent()).toMatch(/details/i);
    expect((await skip.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(24);
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("detail-title");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lists in the text view what the graph shows, honouring filters, the year and the neighbourhood", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const rows = (table: string) => page.locator(`#text-view ${table} tbody tr`).count();
    await page.locator("#text-view-toggle").click();
    expect(await focused(page)).toBe("text-view-title");
    const all = await shownCounts(page);
    expect(await rows("#text-entities")).toBe(all.nodes);
    expect(await rows("#text-relations")).toBe(all.edges);
    await page.locator("#text-view-toggle").click();

    await page.goto(`${explorer.server().url}?year=2019&hide=person`);
    await page.locator("#text-view-toggle").click();
    const in2019 = await shownCounts(page);
    expect(in2019.nodes).toBeLessThan(all.nodes);
    expect(await rows("#text-entities")).toBe(in2019.nodes);
    expect(await rows("#text-relations")).toBe(in2019.edges);
    expect(await page.locator("#text-entities").textContent()).not.toContain("Lei Jun");

    await page.goto(`${explorer.server().url}?hood=lei-jun&depth=1`);
    await page.locator("#text-view-toggle").click();
    await expect.poll(() => shownCounts(page).then((c) => c.nodes)).toBeLessThan(all.nodes);
    const hood = await shownCounts(page);
    await expect.poll(() => rows("#text-entities")).toBe(hood.nodes);
    expect(await rows("#text-relations")).toBe(hood.edges);

    // An entity in the text view opens its panel, as a click on the graph would.
    await page.locator('#text-entities button[data-key="xiaomi"]').click();
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Xiaomi");
    expect(await focused(page)).toBe("detail-title");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("moves the camera and the nodes at once, without animation, when the user prefers reduced motion", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    // The same click (zoom in 1.5x), read back in the same task: a jump is there already, an animation is not.
    const zoomedAtOnce = () =>
      page.evaluate(() => {
        const camera = window.explorer?.renderer.getCamera();
        if (!camera) return null;
        const before = camera.getState().ratio;
        document.getElementById("zoom-in")?.click();
        return Math.abs(camera.getState().ratio - before / 1.5) < 1e-9;
      });
    expect(await zoomedAtOnce()).toBe(false);
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await zoomedAtOnce()).toBe(true);

    // Stopping the layout removes overlaps: nodes are put in place at once, not moved over half a second.
    const positions = () =>
      page.evaluate(async () => {
        const graph = window.explorer?.graph;
        await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
        return graph?.mapNodes((key, a) => `${key}:${a.x},${a.y}`).join(";");
      });
    await page.locator("#layout-toggle").click();
    await expect.poll(() => page.locator("#layout-toggle").getAttribute("aria-pressed")).toBe("true");
    await page.locator("#layout-toggle").click();
    await expect.poll(() => page.locator("#layout-toggle").getAttribute("aria-pressed")).toBe("false");
    const placed = await positions();
    expect(await positions()).toBe(placed);
    expect(problems).toEqual([]);
    await page.close();
  });
});

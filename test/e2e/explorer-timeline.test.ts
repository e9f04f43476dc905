/**
 * The explorer page end to end, part 3: the timeline. Moving the slider changes what is drawn and the figures in
 * the sidebar (related-party transactions with Xiaomi, as a share of Kingsoft Cloud's revenue: 14.4 % in 2019,
 * 8.3 % in 2021), play advances the year, and an event in the list selects its entities. Writes the timeline screenshots (desktop and phone).
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../server/load-graph";
import { skipReason, useExplorer } from "./_harness";

const reason = skipReason();
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");
const CUSTOMER = "xiaomi__customer_of__kingsoft-cloud";
const LISTING = "kingsoft-cloud__listed_on__us-stock-market";

const edgeHidden = (page: Page, key: string) =>
  page.evaluate((k) => window.explorer?.renderer.getEdgeDisplayData(k)?.hidden === true, key);
const shownYear = (page: Page) => page.locator("#timeline-year").textContent();
/** The sidebar's series row marked as the chosen year. */
const currentRow = (page: Page) => page.locator('#sidebar .series-table tr[aria-current="date"]');

/** Moves the slider with the keyboard, as a person would: Home is the first year, each → one year on. */
async function slideTo(page: Page, year: number): Promise<void> {
  const slider = page.locator("#timeline-slider");
  await expect.poll(() => slider.isEnabled()).toBe(true);
  await slider.focus();
  await page.keyboard.press("Home");
  const first = Number(await slider.getAttribute("min"));
  for (let y = first; y < year; y++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => shownYear(page)).toBe(String(year));
}

describe.skipIf(reason !== null)("explorer page: timeline", () => {
  const explorer = useExplorer();

  it("shows the customer link's revenue share for the chosen year, and the listing only from 2020", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?edge=${CUSTOMER}`);
    await expect.poll(() => page.locator("#sidebar .series-table").count()).toBeGreaterThan(0);
    expect(await shownYear(page)).toBe("All years");
    expect(await currentRow(page).count()).toBe(0);
    expect(await edgeHidden(page, LISTING)).toBe(false);

    await slideTo(page, 2019);
    expect(page.url()).toContain("year=2019");
    await expect.poll(() => currentRow(page).textContent()).toMatch(/^2019\s*now\s*14\.4 %/);
    // Every year stays listed; those after the chosen one are greyed. The early-days contribution (¶41) is
    // its own figure, undated and said to be.
    expect(await page.locator('#sidebar .series-table tr[data-time="later"]').allTextContents()).toEqual([
      expect.stringMatching(/^2020/),
      expect.stringMatching(/^2021/),
    ]);
    const undated = page.locator('#sidebar .figure-point[data-time="undated"] .figure-when');
    expect(await undated.textContent()).toMatch(/^early days/);
    expect(await undated.locator(".undated").textContent()).toMatch(/undated$/);
    expect(await edgeHidden(page, LISTING)).toBe(true);
    expect(await edgeHidden(page, CUSTOMER)).toBe(false);

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => shownYear(page)).toBe("2020");
    await expect.poll(() => edgeHidden(page, LISTING)).toBe(false);

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentRow(page).textContent()).toMatch(/^2021\s*now\s*8\.3 %/);
    expect(await page.locator('#sidebar .series-table tr[data-time="later"]').count()).toBe(0);
    expect(page.url()).toContain("year=2021");

    // The neighbourhood and "GEXF: what is shown" follow the year.
    expect(await page.locator("#export-gexf-shown").getAttribute("href")).toContain("asOf=2021");
    await page.keyboard.press("End");
    await expect.poll(() => shownYear(page)).toBe("All years");
    expect(page.url()).not.toContain("year=");
    expect(await currentRow(page).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reopens a year from the URL and asks the API for that year's neighbourhood", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?hood=kingsoft-cloud&year=2019`);
    const asked: string[] = [];
    page.on("request", (request) => asked.push(request.url()));
    expect(await shownYear(page)).toBe("2019");
    expect(await edgeHidden(page, LISTING)).toBe(true);
    await slideTo(page, 2020);
    await expect.poll(() => asked.some((url) => url.includes("/neighbors?") && url.includes("asOf=2020"))).toBe(true);
    await expect.poll(() => edgeHidden(page, LISTING)).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("plays the years and pauses", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?year=2015`);
    const play = page.locator("#timeline-play");
    await expect.poll(() => play.isEnabled()).toBe(true);
    await play.click();
    expect(await play.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => shownYear(page), { timeout: 5000 }).toBe("2016");
    await play.click();
    expect(await play.getAttribute("aria-pressed")).toBe("false");
    const paused = await shownYear(page);
    await page.waitForTimeout(1300);
    expect(await shownYear(page)).toBe(paused);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("moves to an event's year and selects its entities when the event is clicked", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const event = page.locator(`button.event[data-key="${LISTING}"]`);
    await event.click();
    await expect.poll(() => shownYear(page)).toBe("2020");
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Kingsoft Cloud");
    expect(page.url()).toContain("node=kingsoft-cloud");
    const highlighted = (key: string) =>
      page.evaluate((k) => window.explorer?.renderer.getNodeDisplayData(k)?.highlighted === true, key);
    expect(await highlighted("kingsoft-cloud")).toBe(true);
    expect(await highlighted("us-stock-market")).toBe(true);
    expect(await event.evaluate((button) => button.classList.contains("event-now"))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("writes timeline screenshots at desktop and phone width", async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const desktop = await explorer.browser().open(`${explorer.server().url}?edge=${CUSTOMER}&year=2019`);
    await currentRow(desktop.page).waitFor();
    await desktop.page.waitForTimeout(800);
    await desktop.page.screenshot({ path: join(SCREENSHOTS, "explorer-timeline.png") });
    expect(desktop.problems).toEqual([]);
    await desktop.page.close();

    const phone = await explorer.browser().open(`${explorer.server().url}?edge=${CUSTOMER}&year=2019`, {
      width: 390,
      height: 844,
    });
    await currentRow(phone.page).waitFor();
    const bar = await phone.page.locator("#timeline").boundingBox();
    expect(bar && bar.x >= 0 && bar.x + bar.width <= 390).toBe(true);
    await phone.page.waitForTimeout(800);
    await phone.page.screenshot({ path: join(SCREENSHOTS, "explorer-phone-timeline.png") });
    expect(phone.problems).toEqual([]);
    await phone.page.close();
  });
});

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

describe.skipIf(reason !== null)("explorer page: a view that stays put", () => {
  const explorer = useExplorer();

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

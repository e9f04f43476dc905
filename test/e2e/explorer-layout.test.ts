/**
 * The page's frame holds: the sidebar's Properties block keeps keys and values readable, and the document never
 * grows past the window, so moving focus or scrolling a panel into view cannot push the top bar off screen.
 */
import { describe, expect, it } from "vitest";
import { search, skipReason, useExplorer } from "./_harness";

const reason = skipReason();

describe.skipIf(reason !== null)("explorer page: the frame holds", () => {
  const explorer = useExplorer();

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`keeps Kingsoft Cloud's properties readable and the top bar on screen at ${viewport.width}px`, async () => {
      const { page, problems } = await explorer.browser().open(explorer.server().url, viewport);
      await search(page, "Kingsoft Cloud");
      const seenAs = page.locator(".properties dt", { hasText: "Seen as" });
      await seenAs.waitFor();
      const value = await page
        .locator(".properties dt:has-text('Seen as') + dd")
        .evaluate((dd) => ({ width: dd.getBoundingClientRect().width, height: dd.getBoundingClientRect().height }));
      // The value has room for words, not one letter a line: at least 120 px wide and a few lines tall.
      expect(value.width).toBeGreaterThanOrEqual(120);
      expect(value.height).toBeLessThan(140);
      // Scroll the sidebar's last item into view and move focus to it: the page itself must not scroll.
      const frame = await page.evaluate(() => {
        const items = document.querySelectorAll("#sidebar-content a, #sidebar-content button");
        const last = items[items.length - 1] as HTMLElement;
        last.scrollIntoView({ block: "end" });
        last.focus();
        return {
          documentHeight: document.documentElement.scrollHeight,
          scrolled: document.scrollingElement?.scrollTop ?? 0,
          topbar: document.querySelector(".topbar")!.getBoundingClientRect().top,
        };
      });
      expect(frame.documentHeight).toBeLessThanOrEqual(viewport.height);
      expect(frame.scrolled).toBe(0);
      expect(frame.topbar).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

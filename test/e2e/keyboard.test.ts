/**
 * The graph with keys alone, in Chromium: from a fresh load, find Xiaomi, step through its neighbours to
 * Kingsoft Cloud (each announced in the live region and drawn highlighted), open its panel, follow a neighbour
 * link, come back to the graph and step back out, with focus never on `body`. Writes the keyboard-focus screenshot.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../server/load-graph";
import { skipReason, useExplorer } from "./_harness";

const reason = skipReason();
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");

/** Presses a key and checks that focus did not fall to `body`. */
async function press(page: Page, key: string, seen: string[]): Promise<void> {
  await page.keyboard.press(key);
  const where = await page.evaluate(() => {
    const active = document.activeElement;
    return active === null || active === document.body ? "body" : active.id || active.className;
  });
  seen.push(`${key} → ${where}`);
  expect(where, seen.join("\n")).not.toBe("body");
}

const announced = (page: Page) => page.locator("#graph-announcer").textContent();
const keyboardFocus = (page: Page) => page.evaluate(() => window.explorer?.store.get().keyboardFocus ?? null);

describe.skipIf(reason !== null)("explorer page: the keyboard alone", () => {
  const explorer = useExplorer();

  it("finds Xiaomi, steps to Kingsoft Cloud, opens it, follows a neighbour link and comes back", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const seen: string[] = [];
    await press(page, "/", seen);
    await page.keyboard.type("Xiaomi");
    await page.locator("#search .suggestion").first().waitFor();
    await press(page, "Enter", seen);
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Xiaomi");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("detail-title");

    // Escape leaves the panel for the graph, on Xiaomi; the arrows step through Xiaomi's neighbours.
    await press(page, "Escape", seen);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("graph");
    expect(await keyboardFocus(page)).toBe("xiaomi");
    expect(await announced(page)).toMatch(/^Xiaomi, company, \d+ relations/i);
    const visited: string[] = [];
    for (let step = 0; step < 40 && (await keyboardFocus(page)) !== "kingsoft-cloud"; step++) {
      await press(page, "ArrowRight", seen);
      visited.push(String(await keyboardFocus(page)));
    }
    expect(visited.at(-1)).toBe("kingsoft-cloud");
    // Each step is one of Xiaomi's neighbours, said aloud with its type, relation count and place in the order.
    const neighbours = await page.evaluate(() => window.explorer?.graph.neighbors("xiaomi") ?? []);
    for (const key of visited) expect(neighbours).toContain(key);
    expect(await announced(page)).toMatch(
      /^Kingsoft Cloud, cloud provider, \d+ relations\. \d+ of \d+ neighbours of Xiaomi: Xiaomi [^;]*;.* Xiaomi holds a stake in Kingsoft Cloud;.* Kingsoft Cloud is a partner of Xiaomi\. Enter opens its details\.$/i,
    );
    expect(await page.evaluate(() => window.explorer?.renderer.getNodeDisplayData("kingsoft-cloud")?.highlighted)).toBe(
      true,
    );
    await page.waitForTimeout(600);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "explorer-keyboard.png") });

    await press(page, "Enter", seen);
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe("Kingsoft Cloud");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("detail-title");
    await page.locator("#sidebar .node-link").first().waitFor();
    let link: string | null = null;
    for (let tab = 0; tab < 80 && link === null; tab++) {
      await press(page, "Tab", seen);
      link = await page.evaluate(() =>
        document.activeElement?.classList.contains("node-link")
          ? (document.activeElement.getAttribute("data-key") ?? null)
          : null,
      );
    }
    expect(link).not.toBeNull();
    await press(page, "Enter", seen);
    const name = await page.evaluate((key) => window.explorer?.graph.getNodeAttribute(key, "label"), link as string);
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe(name);
    await page.locator("#sidebar .node-link").first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("detail-title");

    // Escape returns to the graph, the cursor on the entity just read.
    await press(page, "Escape", seen);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("graph");
    expect(await keyboardFocus(page)).toBe(link);
    // From there the arrows go to its neighbours, and Escape steps back to it, then off it.
    await press(page, "ArrowRight", seen);
    const next = await keyboardFocus(page);
    expect(await page.evaluate((key) => window.explorer?.graph.neighbors(key) ?? [], link as string)).toContain(next);
    await press(page, "Escape", seen);
    expect(await keyboardFocus(page)).toBe(link);
    await press(page, "Escape", seen);
    expect(await keyboardFocus(page)).toBeNull();
    expect(await announced(page)).toMatch(/every entity/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("with nothing selected, steps through every shown entity, most connected first, and Home / End", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    await page.locator("#graph").focus();
    await page.keyboard.press("ArrowRight");
    const first = await keyboardFocus(page);
    const most = await page.evaluate(() => {
      const graph = window.explorer?.graph;
      return graph ? graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a))[0] : null;
    });
    expect(first).toBe(most);
    await page.keyboard.press("End");
    const last = await keyboardFocus(page);
    expect(last).not.toBe(first);
    await page.keyboard.press("ArrowRight");
    expect(await keyboardFocus(page)).toBe(first);
    await page.keyboard.press("Home");
    expect(await keyboardFocus(page)).toBe(first);
    // Shift + arrows still pan.
    const before = await page.evaluate(() => window.explorer?.renderer.getCamera().getState().x);
    await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => page.evaluate(() => window.explorer?.renderer.getCamera().getState().x)).not.toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });
});

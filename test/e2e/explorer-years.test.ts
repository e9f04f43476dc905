/**
 * The year slider read as a person reads it: each year says what it changes, undated facts look undated, the end of
 * play and "All years" look different, and the slider's end labels stay apart when the stage is narrow.
 */
import { describe, expect, it } from "vitest";
import { search, skipReason, useExplorer } from "./_harness";

const reason = skipReason();

describe.skipIf(reason !== null)("explorer page: the year slider", () => {
  const explorer = useExplorer();

  it("says what each year changes and draws undated entities pale", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?year=2019`);
    const change = page.locator("#timeline-change");
    await expect
      .poll(() => change.textContent())
      .toMatch(/^2019: no change from 2018 · \d+ entities, \d+ relations undated, drawn pale$/);
    expect(await change.getAttribute("aria-live")).toBe("polite");
    // Stable Diffusion has no date: drawn lighter than its type's colour. Kingsoft Cloud's US listing is dated.
    const colours = await page.evaluate(() => {
      const { renderer, graph } = window.explorer!;
      const brightness = (hex: string) =>
        parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
      return {
        undated: brightness(renderer.getNodeDisplayData("stable-diffusion")!.color),
        own: brightness(graph.getNodeAttribute("stable-diffusion", "color")),
      };
    });
    expect(colours.undated).toBeGreaterThan(colours.own + 100);
    // Moving on to 2020 names what came.
    await page.locator("#timeline-slider").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => change.textContent()).toMatch(/^2020: .*\d+ relations? added/);
    const dated = await page.evaluate(() => {
      const { renderer, graph } = window.explorer!;
      const listing = graph.findEdge((_, attributes) => attributes.time?.start === 2020)!;
      return { shown: renderer.getEdgeDisplayData(listing)!.color, own: graph.getEdgeAttribute(listing, "color") };
    });
    expect(dated.shown).toBe(dated.own);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("makes the end of play and All years look different", async () => {
    const { page, problems } = await explorer.browser().open(`${explorer.server().url}?year=2023`);
    const play = page.locator("#timeline-play");
    await play.click();
    await expect.poll(() => page.locator("#timeline-year").textContent(), { timeout: 5000 }).toBe("2024");
    await expect.poll(() => play.getAttribute("aria-label")).toBe("Play the years again");
    expect(await play.textContent()).toBe("↻");
    const atEnd = {
      counts: await page.locator("#counts").textContent(),
      change: await page.locator("#timeline-change").textContent(),
    };
    expect(atEnd.counts).toMatch(/^In 2024: /);
    expect(atEnd.change).toContain("the last dated year");
    await page.locator("#timeline-slider").focus();
    await page.keyboard.press("End");
    await expect.poll(() => page.locator("#timeline-year").textContent()).toBe("All years");
    const all = await page.locator("#counts").textContent();
    expect(all).not.toMatch(/^In /);
    expect(all).not.toBe(atEnd.counts);
    expect(await page.locator("#timeline-change").isHidden()).toBe(true);
    expect(await play.getAttribute("aria-label")).toBe("Play the years");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps the last year's label and All apart at 1024 px with the sidebar open", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url, { width: 1024, height: 768 });
    await search(page, "Kingsoft Cloud");
    await page.locator("#sidebar:not([hidden]) .detail-header").waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const labels = await page.locator(".timeline-ends span").evaluateAll((spans) =>
      spans
        .filter((span) => span.getBoundingClientRect().width > 0)
        .map((span) => {
          const box = span.getBoundingClientRect();
          return { text: span.textContent, left: box.left, right: box.right };
        }),
    );
    expect(labels.map((label) => label.text)).toContain("All");
    for (let i = 1; i < labels.length; i++) expect(labels[i]!.left).toBeGreaterThanOrEqual(labels[i - 1]!.right);
    expect(problems).toEqual([]);
    await page.close();
  });
});

/**
 * The page's frame holds: the sidebar's Properties block keeps keys and values readable, and the document never
 * grows past the window, so moving focus or scrolling a panel into view cannot push the top bar off screen.
 */
import { readFile } from "node:fs/promises";
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

describe.skipIf(reason !== null)("explorer page: exports and small things", () => {
  const explorer = useExplorer();

  it("exports a PNG with a title, a legend and a source line, and no label cut at its edge", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const stage = (await page.locator("#graph").boundingBox())!;
    await page.locator("#export-menu summary").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-png").click()]);
    expect(download.suggestedFilename()).toBe("graph.png");
    const bytes = await readFile((await download.path())!);
    const report = await page.evaluate(
      async ({ base64, stageWidth, stageHeight }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0);
        const count = (
          x: number,
          y: number,
          w: number,
          h: number,
          test: (r: number, g: number, b: number) => boolean,
        ) => {
          const { data } = context.getImageData(x, y, w, h);
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (test(data[i]!, data[i + 1]!, data[i + 2]!)) n++;
          return n;
        };
        const dark = (r: number, g: number, b: number) => Math.max(r, g, b) < 90;
        const coloured = (r: number, g: number, b: number) => Math.max(r, g, b) - Math.min(r, g, b) > 60;
        const header = image.height - stageHeight;
        // The view sits between the header and the footer; find its top from the frame's light border.
        let top = 0;
        for (let y = 0; y < image.height; y++) {
          const [r, g, b] = context.getImageData(Math.floor(image.width / 2), y, 1, 1).data;
          if (r === 0xe3 && g === 0xe6 && b === 0xeb) {
            top = y;
            break;
          }
        }
        return {
          width: image.width,
          height: image.height,
          extra: header,
          top,
          titleInk: count(0, 0, image.width, Math.max(1, top), dark),
          legendColour: count(0, top + stageHeight, image.width, image.height - top - stageHeight, coloured),
          edgeInk:
            count(top === 0 ? 0 : 1, top + 1, 3, stageHeight - 2, dark) +
            count(stageWidth - 4, top + 1, 3, stageHeight - 2, dark),
        };
      },
      { base64: bytes.toString("base64"), stageWidth: Math.round(stage.width), stageHeight: Math.round(stage.height) },
    );
    console.log(`PNG ${report.width}x${report.height}: ${JSON.stringify(report)}`);
    expect(report.width).toBe(Math.round(stage.width));
    expect(report.extra).toBeGreaterThan(60);
    expect(report.top).toBeGreaterThan(30);
    expect(report.titleInk).toBeGreaterThan(300);
    expect(report.legendColour).toBeGreaterThan(200);
    expect(report.edgeInk).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("gives the cut dataset name a tooltip, keeps ⓘ at least 24 px and the phone's Layout unlike play", async () => {
    const { page, problems } = await explorer.browser().open(explorer.server().url);
    const name = page.locator("#dataset-name");
    const cut = await name.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(cut).toBe(true);
    expect(await name.getAttribute("title")).toBe(await name.textContent());
    await search(page, "Kingsoft Cloud");
    const info = (await page.locator(".edge-button").first().boundingBox())!;
    expect(info.width).toBeGreaterThanOrEqual(24);
    expect(info.height).toBeGreaterThanOrEqual(24);
    await page.close();

    const phone = await explorer.browser().open(explorer.server().url, { width: 390, height: 844 });
    const layout = await phone.page
      .locator("#layout-toggle")
      .evaluate((button: HTMLElement) => button.innerText.trim());
    const play = await phone.page.locator("#timeline-play").evaluate((button: HTMLElement) => button.innerText.trim());
    expect(layout).not.toBe("");
    expect(layout).not.toBe(play);
    expect(await phone.page.locator("#layout-toggle").getAttribute("title")).toMatch(/layout|ForceAtlas2/i);
    expect([...problems, ...phone.problems]).toEqual([]);
    await phone.page.close();
  });
});

/**
 * Data is text, never HTML: a dataset whose labels, descriptions, figures and properties are HTML and script
 * appears literally, with no dialog and no injected element. Also "no path" said plainly.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, skipReason, startServer, type Browser, type RunningServer } from "./_harness";

const EVIL = "<img src=x onerror=alert(1)>";
const CSS_TRICK = "<style>*{display:none!important}</style>";
const cite = [{ document: "doc", paragraph: 1 }];
const dataset = {
  name: "<b>hostile</b> dataset",
  description: "Labels that look like HTML.",
  documents: [
    {
      id: "doc",
      title: "<script>alert(9)</script>",
      origin: "test",
      language: "en",
      paragraphs: 3,
      description: "test",
    },
  ],
  nodes: [
    {
      id: "evil",
      type: "company",
      label: EVIL,
      labelZh: "<script>alert(2)</script>",
      aliases: ["<svg onload=alert(3)>"],
      description: "<b>bold</b> <a href=javascript:alert(4)>link</a>",
      properties: { html_note: "<iframe src=javascript:alert(5)>" },
      figures: [
        {
          key: "revenue",
          label: "<i>Revenue</i>",
          unit: "CNY",
          points: [
            { year: 2022, min: 2e9, sources: cite },
            { year: 2023, value: 7.047e9, basis: "implied", note: "<img src=y onerror=alert(6)>", sources: cite },
          ],
        },
      ],
      sources: cite,
    },
    { id: "plain", type: "person", label: "Plain Person", description: "A person.", sources: cite },
    { id: "island", type: "market", label: "Island Market", description: "Linked to nothing.", sources: cite },
    {
      id: "styled",
      type: "market",
      label: CSS_TRICK,
      aliases: ['x" style="position:fixed;inset:0;background:red'],
      description: "<link rel=stylesheet href=//evil.example/x.css> and url(javascript:alert(8))",
      properties: { css: "</style><style>*{visibility:hidden}</style>" },
      sources: cite,
    },
  ],
  edges: [
    {
      source: "plain",
      target: "evil",
      relation: "founded",
      description: "<img src=z onerror=alert(7)>",
      sources: cite,
    },
  ],
};

const reason = skipReason();

describe.skipIf(reason !== null)("explorer page with hostile data", () => {
  let server: RunningServer;
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "kg-e2e-data-"));
    const file = join(folder, "hostile.json");
    await writeFile(file, JSON.stringify(dataset));
    server = await startServer({ dataFile: file });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("shows HTML-looking values literally, with no dialog and no injected element", async () => {
    const { page, problems } = await browser.open(server.url);
    await page.keyboard.press("/");
    await page.keyboard.type("img");
    await page.locator("#search .suggestion").first().waitFor();
    expect(await page.locator("#search .suggestion-label").first().textContent()).toBe(EVIL);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe(EVIL);
    expect(await page.locator(".detail-zh").textContent()).toBe("<script>alert(2)</script>");
    expect(await page.locator(".description").textContent()).toContain("<b>bold</b>");
    expect(await page.locator(".figure-label").first().textContent()).toBe("<i>Revenue</i>");
    expect(await page.locator(".series-table").textContent()).toContain("over 2 bn yuan");
    expect(await page.locator(".series-table").textContent()).toContain("7.047 bn yuan");
    expect(await page.locator(".properties dd").first().textContent()).toBe("<iframe src=javascript:alert(5)>");
    expect(await page.locator("#sidebar img, #sidebar script, #sidebar iframe, #sidebar b, #sidebar i").count()).toBe(
      0,
    );
    expect(await page.evaluate(() => window.explorer?.renderer.getNodeDisplayData("evil")?.label)).toBe(EVIL);

    await page
      .locator(
        '.neighbour-list a[data-key="plain"] + .edge-button, .neighbour-list li:has(a[data-key="plain"]) .edge-button',
      )
      .first()
      .click();
    await expect.poll(() => page.locator(".edge-title").textContent()).toContain("founded");
    expect(await page.locator("#sidebar .description").textContent()).toContain("<img src=z onerror=alert(7)>");
    expect(await page.locator("#sidebar img").count()).toBe(0);
    expect(await page.locator("#dataset-name").textContent()).toBe("<b>hostile</b> dataset");
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows CSS tricks literally and lets none of them style the page", async () => {
    const { page, problems } = await browser.open(`${server.url}?node=styled`);
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe(CSS_TRICK);
    expect(await page.locator(".properties dd").first().textContent()).toBe(
      "</style><style>*{visibility:hidden}</style>",
    );
    expect(await page.locator("#sidebar .description").textContent()).toContain("<link rel=stylesheet");
    // No element the data could have injected, and the page is still there to see.
    expect(await page.locator("body style, body link").count()).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("#graph")!).display)).not.toBe("none");
    expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe("visible");
    expect(await page.locator("#graph").isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says "no path" plainly', async () => {
    const { page, problems } = await browser.open(`${server.url}?from=plain&to=island`);
    await expect
      .poll(() => page.locator("#path-result").textContent())
      .toBe("No path between Plain Person and Island Market.");
    // Chromium logs every 4xx response in the console; the 404 that means "no path" is the only one allowed.
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
    await page.close();
  });
});

/**
 * The explorer on a graph too big to draw (a generated 200,000-node, 400,000-edge graph): the page opens on an
 * overview and says so, expanding an entity adds its neighbours and its hidden count drops, collapsing takes
 * them away, a search hit not on the page is brought in, and the console stays quiet. Writes
 * docs/screenshots/explorer-overview.png.
 */
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticDataset } from "../../bench/datasets";
import { createApp } from "../../server/api/app";
import { DEFAULT_OVERVIEW_ABOVE } from "../../server/api/routes/overview";
import { ensureClientBuild } from "../../server/client-build";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { loadGraph, REPO_ROOT } from "../../server/load-graph";
import { launchBrowser, shownCounts, skipReason, watchProblems, type Browser, type WatchedPage } from "./_harness";

// OVERVIEW_E2E_NODES / _EDGES shrink the graph while working on this test; CI runs the full size.
const NODES = Number(process.env.OVERVIEW_E2E_NODES ?? 200_000);
const EDGES = Number(process.env.OVERVIEW_E2E_EDGES ?? 2 * NODES);
const ABOVE = Math.min(DEFAULT_OVERVIEW_ABOVE, Math.floor(NODES / 2));
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");
const reason = skipReason();

/** The entity the sidebar shows, its hidden-neighbour count, and whether it is expanded. */
const sidebarCount = (page: Page) =>
  page
    .locator("#overview-hidden")
    .evaluate((el: HTMLElement) => ({ hidden: Number(el.dataset.hidden), neighbours: Number(el.dataset.neighbours) }));
const onPage = (page: Page, key: string) => page.evaluate((k) => window.explorer?.graph.hasNode(k) === true, key);
const pageOrder = (page: Page) => page.evaluate(() => window.explorer?.graph.order ?? 0);

/** Opens the page and waits for its first draw, with room for a busy machine (a count, never a timing check). */
async function open(browser: Browser, url: string): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  const problems = watchProblems(page);
  page.setDefaultTimeout(60_000);
  await page.goto(url, { timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName("explorer:ready").length > 0, null, {
    timeout: 120_000,
  });
  return { page, problems };
}

const select = (page: Page, key: string) =>
  page.evaluate((k) => window.explorer?.store.update((s) => ({ ...s, selection: { kind: "node", key: k } })), key);

describe.skipIf(reason !== null)(`explorer page: overview of a ${NODES}-node graph`, () => {
  let graph: KnowledgeGraph;
  let url = "";
  let close: () => Promise<void> = async () => {};
  let browser: Browser | undefined;

  beforeAll(async () => {
    await ensureClientBuild(() => {});
    const file = await syntheticDataset({ nodes: NODES, edges: EDGES, seed: 1 });
    graph = (await loadGraph(file)).graph;
    const app = createApp({
      graph,
      datasetName: "synthetic",
      clientDir: join(REPO_ROOT, "client", "dist"),
      log: () => {},
      overviewAbove: ABOVE,
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    // A graph this big is indexed for search after the server starts answering; the test searches for a
    // far-away entity, so it waits until the index says it is complete.
    // Each body is read to the end, so the connection goes back to the pool whole rather than half-read.
    const coverage = async () => {
      const response = await fetch(`${url}api/search?q=a`);
      await response.arrayBuffer();
      return response.headers.get("X-Search-Coverage");
    };
    while ((await coverage()) !== "complete") await new Promise((resolve) => setTimeout(resolve, 500));
    close = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await close();
  });

  it("opens on an overview, grows and shrinks on demand, and search reaches the whole graph", async () => {
    const { page, problems } = await open(browser!, url);

    // The overview, said plainly: N of M entities.
    const opened = await pageOrder(page);
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBeLessThan(graph.order);
    const counts = page.locator("#counts");
    expect(await counts.textContent()).toMatch(
      new RegExp(`^Overview: ${opened.toLocaleString("en")} of ${graph.order.toLocaleString("en")} entities`),
    );
    expect(await counts.getAttribute("data-total-nodes")).toBe(String(graph.order));
    expect((await shownCounts(page)).nodes).toBe(opened);
    // The most connected entity is on the page, with its hidden neighbours in its label.
    const hub = graph.nodes().reduce((best, node) => (graph.degree(node) > graph.degree(best) ? node : best));
    expect(await onPage(page, hub)).toBe(true);
    await page.waitForTimeout(600);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "explorer-overview.png") });

    // Pick an entity of the overview with hidden neighbours, but few enough that one expansion shows them all.
    const candidate = await page.evaluate(() => {
      const g = window.explorer!.graph;
      return g
        .filterNodes((_n, a) => (a.hiddenNeighbours ?? 0) > 3 && (a.hiddenNeighbours ?? 0) < 400)
        .sort((a, b) => g.getNodeAttribute(b, "hiddenNeighbours")! - g.getNodeAttribute(a, "hiddenNeighbours")!)[0];
    });
    expect(candidate).toBeTruthy();
    const center = candidate!;
    expect(await page.evaluate((k) => window.explorer?.renderer.getNodeDisplayData(k)?.label, center)).toMatch(
      / \+\d+$/,
    );
    await select(page, center);
    await page.locator("#overview-expand").waitFor();
    const before = await sidebarCount(page);
    expect(before.hidden).toBeGreaterThan(0);
    expect(before.neighbours).toBe(graph.neighbors(center).length);

    // Expand: its neighbours join the page, its hidden count drops to none, and the totals grow.
    await page.locator("#overview-expand").click();
    await page.locator("#overview-collapse").waitFor();
    await expect.poll(() => sidebarCount(page)).toEqual({ hidden: 0, neighbours: before.neighbours });
    const expandedOrder = await pageOrder(page);
    expect(expandedOrder).toBe(opened + before.hidden);
    for (const neighbour of graph.neighbors(center)) expect(await onPage(page, neighbour)).toBe(true);
    expect((await shownCounts(page)).nodes).toBe(expandedOrder);
    expect(await counts.textContent()).toMatch(new RegExp(`^Overview: ${expandedOrder.toLocaleString("en")} of `));
    // A neighbour it brought knows its own hidden count, and every edge among what is shown is drawn.
    const added = graph.neighbors(center).find((n) => graph.neighbors(n).length > 1)!;
    await expect
      .poll(() => page.evaluate((k) => window.explorer?.graph.getNodeAttribute(k, "hiddenNeighbours"), added))
      .toBeTypeOf("number");
    const shownKeys = new Set<string>(await page.evaluate(() => window.explorer!.graph.nodes()));
    const expectedEdges = graph.filterEdges((_e, _a, s, t) => shownKeys.has(s) && shownKeys.has(t)).length;
    expect(await page.evaluate(() => window.explorer?.graph.size)).toBe(expectedEdges);
    const addedHidden = await page.evaluate(
      (k) => window.explorer?.graph.getNodeAttribute(k, "hiddenNeighbours"),
      added,
    );
    expect(addedHidden).toBe(graph.neighbors(added).filter((n) => !shownKeys.has(n)).length);

    // Collapse: what it added leaves; the overview's own entities stay.
    await page.locator("#overview-collapse").click();
    await page.locator("#overview-expand").waitFor();
    expect(await pageOrder(page)).toBe(opened);
    expect(await onPage(page, center)).toBe(true);
    expect(await onPage(page, hub)).toBe(true);
    expect((await sidebarCount(page)).hidden).toBe(before.hidden);

    // Search: an entity far from the overview is fetched and added, then selected.
    const far = graph.filterNodes((n) => graph.degree(n) === 1).at(-1)!;
    expect(await onPage(page, far)).toBe(false);
    await page.keyboard.press("Escape");
    await page.keyboard.press("/");
    await page.keyboard.type(graph.getNodeAttribute(far, "label"));
    await page
      .locator("#search .suggestion", { hasText: graph.getNodeAttribute(far, "label") })
      .first()
      .waitFor();
    await page
      .locator("#search .suggestion", { hasText: graph.getNodeAttribute(far, "label") })
      .first()
      .click();
    await expect.poll(() => page.locator("#detail-title").textContent()).toBe(graph.getNodeAttribute(far, "label"));
    expect(await onPage(page, far)).toBe(true);
    expect(await page.evaluate((k) => window.explorer?.renderer.getNodeDisplayData(k)?.hidden, far)).toBe(false);
    await page.locator("#overview-hidden").waitFor();
    expect((await sidebarCount(page)).neighbours).toBe(1);
    await expect(page.locator("#chip-overview")).toBeDefined();
    await page.locator("#chip-overview .chip-clear").click();
    await expect.poll(() => pageOrder(page)).toBe(opened);

    expect(problems).toEqual([]);
    await page.close();
  }, 600_000);
});

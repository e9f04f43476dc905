/**
 * End-to-end harness: the real Express app in-process (after the Vite build it serves), and headless
 * Chromium through playwright-core with a fresh profile. Collects console errors, page errors and dialogs,
 * so every test can assert the page stayed quiet.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../server/api/app";
import { ensureClientBuild } from "../../server/client-build";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { loadGraph, REPO_ROOT } from "../../server/load-graph";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./_chromium";

export const CHROMIUM = CHROMIUM_PATH;

/** Why the e2e suite cannot run here, or null. In CI a missing browser is a failure, not a skip. */
export function skipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `e2e: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`${reason}; CI must run the end-to-end suite`);
  console.log(`skipping the explorer end-to-end tests: ${reason}`);
  return reason;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Builds the client if needed and serves `graph` (default: the embedded dataset) on a free port. */
export async function startServer(options: { dataFile?: string; graph?: KnowledgeGraph } = {}): Promise<RunningServer> {
  await ensureClientBuild(() => {});
  const graph = options.graph ?? (await loadGraph(options.dataFile)).graph;
  const app = createApp({ graph, datasetName: "e2e", clientDir: join(REPO_ROOT, "client", "dist"), log: () => {} });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  /** A new page that records what it says in the console. */
  open(url: string, viewport?: { width: number; height: number }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** console errors, uncaught exceptions and dialogs, in order. */
  problems: string[];
}

/** Collects the page's console errors, uncaught exceptions and dialogs (dismissed), in order. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "kg-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: [...CHROMIUM_FLAGS, "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
  return {
    context,
    async open(url, viewport = { width: 1280, height: 800 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const problems = watchProblems(page);
      await page.goto(url);
      await waitReady(page);
      return { page, problems };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the explorer has mounted and sigma's own frame is on screen (the 2D stand-in gone). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => ["explorer:ready", "explorer:drawn"].every((mark) => performance.getEntriesByName(mark).length > 0),
    null,
    { timeout: 20_000 },
  );
}

/**
 * Pixels of the graph area that differ from its background (`drawn`), and those that are clearly coloured
 * (`coloured`: nodes and edges from WebGL, not just black label text).
 */
export async function drawnPixels(page: Page): Promise<{ drawn: number; coloured: number }> {
  const box = await page.locator("#graph").boundingBox();
  if (!box) return { drawn: 0, coloured: 0 };
  const png = await page.screenshot({ clip: box });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    if (!context) return { drawn: 0, coloured: 0 };
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
      // Background is #fbfcfd; anything clearly darker is drawing, anything far from grey is colour.
      if (r < 235 || g < 235 || b < 235) drawn++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    return { drawn, coloured };
  }, png.toString("base64"));
}

/** Shown-node and shown-edge counts, as the page reports them above the graph. */
export async function shownCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.locator("#counts").evaluate((element: HTMLElement) => ({
    nodes: Number(element.dataset.nodes),
    edges: Number(element.dataset.edges),
  }));
}

/** Whether sigma hides a node (filtered out or outside the neighbourhood). */
export const nodeHidden = (page: Page, key: string) =>
  page.evaluate((k) => window.explorer?.renderer.getNodeDisplayData(k)?.hidden === true, key);

/** Types into the search box (focused with "/") and opens the first suggestion with Enter. */
export async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press("/");
  await page.keyboard.type(text);
  await page.locator("#search .suggestion").first().waitFor();
  await page.keyboard.press("Enter");
}

/** One server and one browser for a describe block, closed after it. */
export function useExplorer(): { server: () => RunningServer; browser: () => Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    server: () => server as RunningServer,
    browser: () => browser as Browser,
  };
}

/**
 * `npx tsx bench/page-load.ts [--quick] [--runs N] [--label NAME]`: how long the explorer page takes to open on
 * the embedded dataset, beside two floors measured in the same browser and the same run:
 * - an empty page (one line of HTML and a one-line module script): what any page costs this browser here;
 * - bare sigma (bench/bare-sigma) fetching /api/graph and drawing the same 57 nodes with default settings:
 *   what any sigma page costs here, with its WebGL contexts and shaders.
 * The real server runs in-process (as the e2e harness does). Each load is in a fresh browser context (empty
 * cache), the three pages in rotating order. Marks read, in ms after navigation start: time to first byte,
 * DOMContentLoaded, data parsed, the explorer's 2D first frame on screen (client/src/views/first-frame.ts),
 * ready (every panel mounted), sigma created (after ready in the explorer: client/src/stage.ts), sigma's frame shown
 * (the explorer keeps sigma's canvases hidden until the GPU has drawn it, views/webgl-warm-up.ts; bare sigma shows
 * them at once), and painted: the second animation frame after that, once the frame holding sigma's drawing has
 * been committed.
 * Also the longest stall of the main thread from ready to painted, measured by a timer that fires every few
 * milliseconds (the Long Tasks API leaves out the rendering steps, where a WebGL read-back waits): how long the
 * page, once it looks ready, may leave a click or a key unanswered.
 * All three pages carry the explorer's security headers: Cross-Origin-Opener-Policy makes Chromium start a new
 * renderer process for the page (~0.3 s here), and a floor without that cost would not be a floor.
 * Writes its table into docs/performance.md (section `page-load`, or the label).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { createApp } from "../server/api/app";
import { parseFlags } from "../server/cli/args";
import { ensureClientBuild } from "../server/client-build";
import { loadGraph } from "../server/load-graph";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../test/e2e/_chromium";
import { buildBarePage } from "./bare-sigma/build";
import { formatSummary, machineLine, markdownTable, REPO_ROOT, summarize, writeSection } from "./report";

const flags = parseFlags(process.argv.slice(2), {
  quick: { type: "boolean" },
  runs: { type: "string" },
  label: { type: "string" },
});
const RUNS = Number(flags.runs ?? (flags.quick ? 3 : 10));
const LABEL = flags.label ?? "page-load";

const METRICS = [
  ["ttfb", "Time to first byte"],
  ["dcl", "DOMContentLoaded"],
  ["data", "Data parsed"],
  ["firstFrame", "2D first frame on screen"],
  ["ready", "Ready: every panel mounted"],
  ["draw", "Sigma created"],
  ["shown", "Sigma's frame shown"],
  ["painted", "Sigma's frame painted"],
  ["longestStall", "Longest main-thread stall after ready (ms)"],
] as const;
type Metric = (typeof METRICS)[number][0];
type Sample = Record<Metric, number>;

const PAGES = {
  explorer: { path: "/", title: "explorer", prefix: "explorer", ready: "explorer:ready", shown: "explorer:drawn" },
  bare: {
    path: "/bare/",
    title: "bare sigma, same graph",
    prefix: "bare",
    ready: "bare:renderer",
    shown: "bare:renderer",
  },
  empty: { path: "/empty/", title: "empty page", prefix: "empty", ready: "empty:ready", shown: "empty:ready" },
} as const;

// Injected before the page's own scripts (the Content-Security-Policy does not apply to it): a timer that
// notes every gap of more than 20 ms between its runs, as [start, length].
const WATCH_STALLS = `window.benchStalls = [];
let last = performance.now();
(function beat() {
  const now = performance.now();
  if (now - last > 20) window.benchStalls.push([last, now - last]);
  last = now;
  setTimeout(beat, 4);
})();`;
type PageName = keyof typeof PAGES;

// The mark is set from a file, not inline: the explorer's Content-Security-Policy, sent with every page here,
// forbids inline scripts.
const EMPTY_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title><link rel="icon" href="data:,">' +
  '</head><body><p>empty</p><script type="module" src="/empty/ready.js"></script></body></html>';
const EMPTY_SCRIPT = 'performance.mark("empty:ready");';

async function loadOnce(browser: Browser, url: string, page: PageName): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    tab.on("pageerror", (e) => errors.push(e.message));
    await tab.addInitScript(WATCH_STALLS);
    await tab.goto(url);
    const { prefix, ready, shown } = PAGES[page];
    // Polled with evaluate: the explorer's CSP forbids the eval that a string waitForFunction needs.
    const marked = (name: string) => `performance.getEntriesByName("${name}").length > 0`;
    for (let waited = 0; !(await tab.evaluate(`${marked(ready)} && ${marked(shown)}`)); waited += 20) {
      if (waited > 30_000) throw new Error(`bench/page-load: ${url} was not ready within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (errors.length > 0) throw new Error(`bench/page-load: ${url} logged errors: ${errors.join("; ")}`);
    await tab.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
      performance.mark("bench:painted");
      done();
    })))`);
    // A string, not a function: tsx would wrap inner functions in a helper the page does not have.
    return await tab.evaluate<Sample>(`(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return {
        ttfb: nav.responseStart,
        dcl: nav.domContentLoadedEventEnd,
        data: mark("${prefix}:data"),
        firstFrame: mark("${prefix}:first-frame"),
        draw: mark("${prefix}:renderer"),
        ready: mark("${ready}"),
        shown: mark("${shown}"),
        painted: mark("bench:painted"),
        // The part of each stall from ready on: a click at the ready mark waits for the rest of a stall under way.
        longestStall: Math.max(0, ...window.benchStalls.map(([start, length]) =>
          Math.round(Math.min(start + length, mark("bench:painted")) - Math.max(start, mark("${ready}"))))),
      };
    })()`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  await ensureClientBuild((line) => console.log(line));
  const bare = await buildBarePage("/bare/");
  const { graph } = await loadGraph();
  const app = createApp({
    graph,
    datasetName: "bench",
    clientDir: path.join(REPO_ROOT, "client", "dist"),
    log: () => {},
  });
  let headers: Record<string, string> = {};
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/bare/") || req.url?.startsWith("/empty/")) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
    if (req.url === "/empty/ready.js") return void res.setHeader("Content-Type", "text/javascript").end(EMPTY_SCRIPT);
    if (req.url?.startsWith("/empty/")) return void res.setHeader("Content-Type", "text/html").end(EMPTY_PAGE);
    if (!bare.serve(req, res)) app(req, res);
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  headers = await securityHeaders(base);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  const samples: Record<PageName, Sample[]> = { explorer: [], bare: [], empty: [] };
  const names = Object.keys(PAGES) as PageName[];
  try {
    // One uncounted load of each: the GPU process compiles shaders once per browser, the OS caches files.
    for (const name of names) await loadOnce(browser, base + PAGES[name].path, name);
    for (let run = 0; run < RUNS; run++) {
      for (const name of names.map((_n, i) => names[(i + run) % names.length]!)) {
        samples[name].push(await loadOnce(browser, base + PAGES[name].path, name));
      }
      process.stdout.write(`${run + 1} `);
    }
    process.stdout.write("\n");
    const webgl = await rendererName(browser, `${base}/empty/`);
    report(samples, browser.version(), webgl);
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
    await bare.remove();
  }
}

/** The headers the explorer's page is sent with, less those that describe the body or the connection. */
async function securityHeaders(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/`);
  await response.arrayBuffer();
  const aboutTheBody =
    /^(content-(type|length|encoding)|etag|last-modified|date|connection|keep-alive|accept-ranges|cache-control|vary)$/;
  const kept = [...response.headers].filter(([name]) => !aboutTheBody.test(name));
  if (!kept.some(([name]) => name === "cross-origin-opener-policy")) {
    throw new Error(
      "bench/page-load: the explorer's page no longer sends Cross-Origin-Opener-Policy; see the header note",
    );
  }
  return Object.fromEntries(kept);
}

async function rendererName(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const name = await page.evaluate<string>(`(() => {
    const gl = document.createElement("canvas").getContext("webgl2");
    const info = gl && gl.getExtension("WEBGL_debug_renderer_info");
    return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : "no WebGL";
  })()`);
  await context.close();
  return name;
}

function report(samples: Record<PageName, Sample[]>, chromiumVersion: string, webgl: string): void {
  const names = Object.keys(PAGES) as PageName[];
  const cell = (values: number[]) => (values.some(Number.isNaN) ? "–" : formatSummary(summarize(values)));
  const rows = METRICS.map(([metric, title]) => [
    title,
    ...names.map((name) => cell(samples[name].map((s) => s[metric]))),
  ]);
  const median = (name: PageName, metric: Metric) => Math.round(summarize(samples[name].map((s) => s[metric])).median);
  const command = `npx tsx bench/page-load.ts${flags.quick ? " --quick" : ""}${flags.runs ? ` --runs ${flags.runs}` : ""}`;
  const body = [
    `${machineLine()}. Chromium ${chromiumVersion}, headless; WebGL software-rendered (${webgl}).`,
    `Command: \`${command}\`. ${RUNS} loads of each page, each in a fresh browser context, in rotating order;`,
    "ms after navigation start, median (min-max).",
    "",
    markdownTable(
      ["ms after navigation start", ...names.map((name) => PAGES[name].title)],
      rows,
      names.map((_n, i) => i + 1),
    ),
    "",
    `The explorer shows the graph (its 2D first frame) ${median("explorer", "firstFrame")} ms after navigation ` +
      `start, is ready (every panel mounted) at ${median("explorer", "ready")} ms and has sigma's ` +
      `frame painted at ${median("explorer", "painted")} ms (medians); once ready, its main thread stalled for ` +
      `at most ${median("explorer", "longestStall")} ms (median of the longest stall per load). Bare sigma ` +
      `drawing the same graph: ready at ${median("bare", "ready")} ms, painted at ${median("bare", "painted")} ms, ` +
      `longest stall after ready ${median("bare", "longestStall")} ms; an empty page is ready at ` +
      `${median("empty", "ready")} ms.`,
  ].join("\n");
  console.log(body);
  writeSection(LABEL, body);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

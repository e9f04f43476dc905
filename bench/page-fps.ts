/**
 * `npx tsx bench/page-fps.ts [--quick] [--runs N] [--sizes 10000x50000,...] [--profile]`: the explorer page in
 * headless Chromium on synthetic graphs, against a bare sigma page (bench/bare-sigma) drawing the same graph
 * from the same /api/graph: time to first draw, and frames per second during a scripted pan and zoom (the same
 * camera animations on both pages, frames counted by sigma's `afterRender`). A second baseline, bare sigma with
 * hideEdgesOnMove + hideLabelsOnMove, shows what the explorer's own settings buy. Each run opens every page in a
 * fresh browser context, the order rotating from run to run. Writes the `page-fps` section of
 * docs/performance.md. `--profile` adds a CPU profile of the explorer during the interaction (largest size).
 * WebGL is software-rendered here (SwiftShader): a frame drawn with all edges takes seconds at 10k nodes / 50k
 * edges, so the full run (3 sizes x 3 runs x 3 pages) takes a long while; `--runs 1` or `--sizes` shorten it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { createApp, type AppOptions } from "../server/api/app";
import { parseFlags } from "../server/cli/args";
import { ensureClientBuild } from "../server/client-build";
import { loadGraph } from "../server/load-graph";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../test/e2e/_chromium";
import { buildBarePage, type BarePage } from "./bare-sigma/build";
import { syntheticDataset, type SyntheticSize } from "./datasets";
import { formatSummary, machineLine, markdownTable, REPO_ROOT, summarize, writeSection } from "./report";
import { summarizeProfile, type CpuProfile } from "./cpu-profile";

const flags = parseFlags(process.argv.slice(2), {
  quick: { type: "boolean" },
  runs: { type: "string" },
  sizes: { type: "string" },
  profile: { type: "boolean" },
});
const QUICK = flags.quick ?? false;
const RUNS = Number(flags.runs ?? (QUICK ? 1 : 3));
const SIZES: SyntheticSize[] = flags.sizes
  ? flags.sizes.split(",").map((s) => {
      const [nodes, edges] = s.split("x").map(Number);
      if (!nodes || !edges) throw new Error(`bench/page-fps: --sizes wants NODESxEDGES, got "${s}"`);
      return { nodes, edges };
    })
  : QUICK
    ? [{ nodes: 2_000, edges: 10_000 }]
    : [
        { nodes: 10_000, edges: 50_000 },
        { nodes: 50_000, edges: 250_000 },
        { nodes: 100_000, edges: 500_000 },
      ];
const TARGET = 0.8;
const VIEWPORT = { width: 1280, height: 800 };
/** Each camera animation's length; four of them make the scripted interaction. */
const STEP_MS = 1500;
/** Pan right, zoom in (past the explorer's relation-label ratio), pan across, zoom back out. */
const STEPS = [
  { x: 0.35, y: 0.5, ratio: 1 },
  { x: 0.35, y: 0.5, ratio: 0.25 },
  { x: 0.65, y: 0.4, ratio: 0.25 },
  { x: 0.5, y: 0.5, ratio: 1 },
];
const LOAD_TIMEOUT = 600_000;

const SIDES = ["explorer", "bare", "bareHide"] as const;
type Side = (typeof SIDES)[number];
const SIDE_NAMES: Record<Side, string> = {
  explorer: "explorer page",
  bare: "bare sigma, default settings",
  bareHide: "bare sigma, hide edges and labels on move",
};

interface Sample {
  /** Navigation start to the end of sigma's constructor (sigma draws synchronously when it is created). */
  firstDraw: number;
  fps: number;
  /** The longest gap between two drawn frames during the interaction. */
  longestFrame: number;
  frames: number;
}

interface Interaction {
  started: number;
  ended: number;
  /** Frame number (counted by a requestAnimationFrame loop) and time of each afterRender. */
  renders: [number, number][];
}

// Strings, not functions: tsx would wrap inner functions in a helper the page does not have.
const READY = `!!(window.bare || (window.explorer && performance.getEntriesByName("explorer:drawn").length))`;
const FIRST_DRAW = `performance.getEntriesByName(window.bare ? "bare:renderer" : "explorer:renderer")[0].startTime`;
const STAGE_SIZE = `(() => { const c = window.explorer.renderer.getContainer(); return { width: c.offsetWidth, height: c.offsetHeight }; })()`;
const WEBGL = `(() => {
  const gl = document.createElement("canvas").getContext("webgl2") ?? document.createElement("canvas").getContext("webgl");
  if (!gl) return "no WebGL";
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
})()`;
const INTERACTION = `(async () => {
  const renderer = (window.bare ?? window.explorer).renderer;
  const camera = renderer.getCamera();
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  // Let the explorer's debounced camera reaction (300 ms) and any scheduled render pass before measuring.
  await pause(1000);
  await nextFrame();
  await nextFrame();
  let frame = 0;
  let counting = true;
  const tick = () => { frame++; if (counting) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const renders = [];
  const onRender = () => renders.push([frame, performance.now()]);
  renderer.on("afterRender", onRender);
  const started = performance.now();
  for (const step of ${JSON.stringify(STEPS)}) await camera.animate(step, { duration: ${STEP_MS}, easing: "linear" });
  const ended = performance.now();
  counting = false;
  renderer.off("afterRender", onRender);
  return { started, ended, renders };
})()`;

/** Frames drawn per second between the start and end of the interaction; two renders in one frame count once. */
function framesOf({ started, ended, renders }: Interaction): Pick<Sample, "fps" | "longestFrame" | "frames"> {
  const inside = renders.filter(([, time]) => time >= started && time <= ended);
  const frames = new Set(inside.map(([frame]) => frame)).size;
  const times = [started, ...inside.map(([, time]) => time), ended];
  let longestFrame = 0;
  for (let i = 1; i < times.length; i++) longestFrame = Math.max(longestFrame, times[i]! - times[i - 1]!);
  return { fps: frames / ((ended - started) / 1000), longestFrame, frames };
}

async function openPage(browser: Browser, url: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url, { timeout: LOAD_TIMEOUT });
  // Polled with evaluate: waitForFunction evaluates a string predicate with eval, which the page's CSP forbids.
  const deadline = Date.now() + LOAD_TIMEOUT;
  while (!(await page.evaluate<boolean>(READY))) {
    if (Date.now() > deadline) throw new Error(`bench/page-fps: ${url} not ready after ${LOAD_TIMEOUT / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (errors.length > 0) throw new Error(`bench/page-fps: ${url} logged errors: ${errors.join("; ")}`);
  return { page, close: () => context.close() };
}

async function measure(browser: Browser, url: string): Promise<Sample> {
  const { page, close } = await openPage(browser, url);
  try {
    const firstDraw = await page.evaluate<number>(FIRST_DRAW);
    const interaction = await page.evaluate<Interaction>(INTERACTION);
    return { firstDraw, ...framesOf(interaction) };
  } finally {
    await close();
  }
}

/** A CPU profile of the explorer's main thread during the interaction, summarised by function. */
async function profileExplorer(browser: Browser, url: string): Promise<string> {
  const { page, close } = await openPage(browser, url);
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    const interaction = await page.evaluate<Interaction>(INTERACTION);
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
    const { fps } = framesOf(interaction);
    return `CPU profile of the explorer page during the interaction (${fps.toFixed(1)} frames/s in that run):\n\n${summarizeProfile(profile, path.join(REPO_ROOT, "client", "dist"), 12)}`;
  } finally {
    await close();
  }
}

interface SizeResult {
  size: SyntheticSize;
  samples: Record<Side, Sample[]>;
  stage: { width: number; height: number };
  profile?: string;
}

async function benchSize(browser: Browser, bare: BarePage, size: SyntheticSize, profile: boolean): Promise<SizeResult> {
  const file = await syntheticDataset(size);
  const loadStarted = performance.now();
  const { graph, layout } = await loadGraph(file);
  console.log(
    `${size.nodes} nodes / ${size.edges} edges loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s` +
      ` (layout ${layout.cached ? "from the cache" : "computed"})`,
  );
  // The bench draws the whole graph: no overview, however big.
  const options: AppOptions = {
    graph,
    datasetName: path.basename(file, ".json"),
    clientDir: path.join(REPO_ROOT, "client", "dist"),
    log: () => {},
    overviewAbove: Number.MAX_SAFE_INTEGER,
  };
  const app = createApp(options);
  const server: Server = createServer((req, res) => {
    if (!bare.serve(req, res)) app(req, res);
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // A warm-up load of the explorer, not counted: fills caches and gives the stage size for the bare pages.
    const warm = await openPage(browser, `${base}/`);
    const stage = await warm.page.evaluate<{ width: number; height: number }>(STAGE_SIZE);
    await warm.close();
    const urls: Record<Side, string> = {
      explorer: `${base}/`,
      bare: `${base}/bare/?width=${stage.width}&height=${stage.height}`,
      bareHide: `${base}/bare/?width=${stage.width}&height=${stage.height}&hideOnMove=1`,
    };
    const samples: Record<Side, Sample[]> = { explorer: [], bare: [], bareHide: [] };
    for (let run = 0; run < RUNS; run++) {
      const order = SIDES.map((_s, i) => SIDES[(i + run) % SIDES.length]!);
      for (const side of order) {
        const sample = await measure(browser, urls[side]);
        samples[side].push(sample);
        console.log(
          `  run ${run + 1} ${side}: first draw ${Math.round(sample.firstDraw)} ms, ${sample.fps.toFixed(1)} frames/s` +
            ` (${sample.frames} frames, longest ${Math.round(sample.longestFrame)} ms)`,
        );
      }
    }
    return { size, samples, stage, ...(profile && { profile: await profileExplorer(browser, urls.explorer) }) };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function report(results: SizeResult[], chromiumVersion: string, webgl: string, command: string): string {
  const fmt = (values: number[], digits = 0) => formatSummary(summarize(values), digits);
  const median = (values: number[]) => summarize(values).median;
  const rows: string[][] = [];
  for (const { size, samples } of results) {
    const label = `${size.nodes / 1000}k / ${size.edges / 1000}k`;
    for (const side of SIDES) {
      const s = samples[side];
      const ratio =
        side === "explorer"
          ? ""
          : (median(samples.explorer.map((x) => x.fps)) / median(s.map((x) => x.fps))).toFixed(2);
      rows.push([
        label,
        SIDE_NAMES[side],
        fmt(s.map((x) => x.firstDraw)),
        fmt(
          s.map((x) => x.fps),
          median(s.map((x) => x.fps)) < 10 ? 2 : 1,
        ),
        fmt(s.map((x) => x.longestFrame)),
        ratio === "" ? "" : `${ratio}x ${Number(ratio) >= TARGET ? "met" : "**not met**"}`,
      ]);
    }
  }
  const table = markdownTable(
    [
      "nodes / edges",
      "page",
      "first draw, ms",
      "frames/s while panning and zooming",
      "longest frame, ms",
      `explorer frames/s ÷ this (target ≥ ${TARGET}x)`,
    ],
    rows,
    [2, 3, 4, 5],
  );
  const stage = results[0]?.stage;
  const profiles = results
    .filter((r) => r.profile)
    .map((r) => `${r.size.nodes} nodes / ${r.size.edges} edges. ${r.profile}`);
  return [
    `Machine: ${machineLine()}; Chromium ${chromiumVersion}, headless, \`--disable-gpu\`: **WebGL is software-rendered**`,
    `(${webgl}), so frame rates are far below what a GPU gives and say how the pages compare, not how fast they are.`,
    "",
    `Command: \`${command}\`. Synthetic graphs from bench/datasets.ts (seed 1), positions from the server's layout.`,
    `Each run opens the explorer, bare sigma with default settings and bare sigma with hideEdgesOnMove +`,
    `hideLabelsOnMove (what the explorer sets above 3 000 edges / 2 000 nodes) in fresh browser contexts, the order`,
    `rotating; ${RUNS} run(s) per size, median (min-max). Viewport ${VIEWPORT.width}×${VIEWPORT.height}; the bare pages' stage is`,
    `sized like the explorer's (${stage ? `${stage.width}×${stage.height}` : "?"}). First draw: navigation start to the end of sigma's`,
    "constructor, which draws synchronously (both pages fetch the same /api/graph). Frames/s: frames in which sigma",
    `drew (\`afterRender\`) during four linear camera animations of ${STEP_MS} ms each (pan, zoom in to ratio 0.25, pan, zoom out).`,
    "What the explorer draws that bare sigma does not: zIndex ordering and its label guard. Above 5 000 edges",
    "(LARGE_GRAPH_EDGES) it draws plain straight lines, keeping arrows, curved parallels and relation labels for the",
    "edges around the hovered or selected node and a found path; no edge picking; zooming causes no reducer pass.",
    "Smaller graphs (the embedded one) get arrows, curves, edge picking and relation labels once zoomed in.",
    "",
    table,
    ...(profiles.length > 0 ? ["", ...profiles] : []),
  ].join("\n");
}

async function main(): Promise<void> {
  const command = `npx tsx bench/page-fps.ts ${process.argv.slice(2).join(" ")}`.trim();
  await ensureClientBuild((line) => console.log(line));
  const bare = await buildBarePage("/bare/");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  const results: SizeResult[] = [];
  try {
    const probe = await browser.newPage();
    const webgl = await probe.evaluate<string>(WEBGL);
    await probe.close();
    for (const [i, size] of SIZES.entries()) {
      results.push(await benchSize(browser, bare, size, flags.profile === true && i === SIZES.length - 1));
    }
    const body = report(results, browser.version(), webgl, command);
    console.log(`\n${body}\n`);
    // A smoke run's figures are not worth keeping.
    if (QUICK) console.log("--quick: docs/performance.md left as it is");
    else writeSection("page-fps", body);
  } finally {
    await browser.close();
    await bare.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});

/**
 * `tsx bench/page-load.ts [--runs N] [--doc FILE] [--label TEXT]`: how long the explorer page takes to open on
 * the embedded dataset. Starts the real server in-process (after building the client if needed), loads the page
 * N times in headless Debian Chromium (a fresh browser context each time, so nothing is cached between loads)
 * and reports median/min/max of: time to first byte, DOMContentLoaded, data loaded (`explorer:data`), first
 * sigma draw (`explorer:renderer`: sigma draws synchronously when it is created) and `explorer:ready`.
 * Writes the table into docs/performance.md between markers named after the label.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { createApp } from "../server/api/app";
import { parseFlags } from "../server/cli/args";
import { ensureClientBuild } from "../server/client-build";
import { loadGraph, REPO_ROOT } from "../server/load-graph";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../test/e2e/_chromium";

const flags = parseFlags(process.argv.slice(2), {
  runs: { type: "string" },
  doc: { type: "string" },
  label: { type: "string" },
});
const RUNS = Number(flags.runs ?? 10);
const LABEL = flags.label ?? "page-load";
const DOC = flags.doc ?? path.join(REPO_ROOT, "docs", "performance.md");
const CHROMIUM = CHROMIUM_PATH;
const FLAGS = CHROMIUM_FLAGS;

const METRICS = [
  ["ttfb", "Time to first byte"],
  ["dcl", "DOMContentLoaded"],
  ["data", "Data loaded (`explorer:data`)"],
  ["draw", "First sigma draw (`explorer:renderer`)"],
  ["ready", "`explorer:ready`"],
] as const;
type Metric = (typeof METRICS)[number][0];
type Sample = Record<Metric, number>;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`bench/page-load: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  await ensureClientBuild((line) => console.log(line));
  const { graph } = await loadGraph();
  const app = createApp({
    graph,
    datasetName: "bench",
    clientDir: path.join(REPO_ROOT, "client", "dist"),
    log: () => {},
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  // playwright-core gives chromium.launch a fresh temporary user-data dir of its own, removed on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const samples: Sample[] = [];
  let webgl = "unknown";
  try {
    // One load to warm the server (first request compiles nothing, but the OS page cache fills); not counted.
    for (let run = -1; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName("explorer:ready").length > 0, null, {
        timeout: 30_000,
      });
      // A string, not a function: tsx would wrap inner functions in a helper the page does not have.
      const sample = await page.evaluate<Sample>(`(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return {
          ttfb: nav.responseStart,
          dcl: nav.domContentLoadedEventEnd,
          data: mark("explorer:data"),
          draw: mark("explorer:renderer"),
          ready: mark("explorer:ready"),
        };
      })()`);
      if (run === -1) {
        webgl = await page.evaluate<string>(`(() => {
          const gl = document.createElement("canvas").getContext("webgl2") ?? document.createElement("canvas").getContext("webgl");
          if (!gl) return "no WebGL";
          const info = gl.getExtension("WEBGL_debug_renderer_info");
          return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
        })()`);
      } else samples.push(sample);
      if (errors.length > 0) throw new Error(`bench/page-load: the page logged errors: ${errors.join("; ")}`);
      await context.close();
      process.stdout.write(run === -1 ? "warm-up " : `${run + 1} `);
    }
  } finally {
    const version = browser.version();
    await browser.close();
    server.closeAllConnections();
    server.close();
    process.stdout.write("\n");
    if (samples.length > 0) report(samples, version, webgl);
  }
}

function report(samples: Sample[], chromiumVersion: string, webgl: string): void {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const rows = METRICS.map(([metric, name]) => {
    const values = samples.map((s) => s[metric]);
    const f = (v: number) => `${Math.round(v)}`;
    return `| ${name} | ${f(median(values))} | ${f(Math.min(...values))} | ${f(Math.max(...values))} |`;
  });
  const table = [
    `Machine: ${os.cpus().length} cores, ${cpu}; Node ${process.version}; Chromium ${chromiumVersion}, headless,`,
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} (1/5/15 min) at the end of the run;`,
    `WebGL software-rendered (${webgl}). ${samples.length} loads, each in a fresh browser context.`,
    `Run on ${new Date().toISOString().slice(0, 10)} with \`tsx bench/page-load.ts --label ${LABEL}\`.`,
    "",
    "| ms after navigation start | median | min | max |",
    "| --- | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
  console.log(table);

  const start = `<!-- ${LABEL}:start -->`;
  const end = `<!-- ${LABEL}:end -->`;
  const doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Performance\n";
  const block = `${start}\n${table}\n${end}`;
  const at = doc.indexOf(start);
  const next =
    at >= 0 && doc.indexOf(end, at) > at
      ? doc.slice(0, at) + block + doc.slice(doc.indexOf(end, at) + end.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, next);
  console.log(`written to ${path.relative(REPO_ROOT, DOC)} (${LABEL})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

/**
 * `npx tsx bench/import.ts [--nodes N --edges M] [--runs N] [--no-networkx]`: GEXF import of our own export of
 * a synthetic graph (100k nodes / 500k edges by default) by `server/import` against networkx's `read_gexf` of
 * the same file, each in its own child process: time, and peak RSS above the process before the read (VmHWM,
 * reset first), beside the RSS the resulting graph keeps once garbage is collected. Writes the `gexf-import`
 * section of docs/performance.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { syntheticDataset } from "./datasets";
import { formatSummary, machineLine, markdownTable, REPO_ROOT, summarize, writeSection } from "./report";

const MB = 2 ** 20;
const TARGET_SPEEDUP = 10;
const TARGET_PEAK_RATIO = 2;

interface RunResult {
  ms: number;
  /** Peak RSS during the read above the RSS before it; what the graph keeps after GC (ours: live heap; networkx: RSS). */
  peakExtra: number;
  kept: number;
  nodes: number;
  edges: number;
}

function procStatus(field: "VmRSS" | "VmHWM"): number {
  const match = readFileSync("/proc/self/status", "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return match ? Number(match[1]) * 1024 : NaN;
}

function settle(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  writeFileSync("/proc/self/clear_refs", "5");
  return procStatus("VmRSS");
}

/** Child: one import of `file`, reported as one JSON line. */
async function runChild(file: string): Promise<void> {
  const { importGraph } = await import("../server/import");
  const before = settle();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const imported = await importGraph(file);
  const ms = performance.now() - started;
  const peak = procStatus("VmHWM");
  settle();
  // RSS does not shrink when V8 frees memory, so the graph's size is the live JavaScript heap it adds.
  const kept = process.memoryUsage().heapUsed - heapBefore;
  const result: RunResult = {
    ms,
    peakExtra: peak - before,
    kept,
    nodes: imported.graph.order,
    edges: imported.graph.size,
  };
  console.log(JSON.stringify(result));
}

const NETWORKX = `
import json, resource, sys, time, gc
import networkx as nx
def rss():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'): return int(line.split()[1]) * 1024
gc.collect()
with open('/proc/self/clear_refs', 'w') as f: f.write('5')
before = rss()
t = time.perf_counter()
g = nx.read_gexf(sys.argv[1])
ms = (time.perf_counter() - t) * 1000
with open('/proc/self/status') as f:
    peak = next(int(l.split()[1]) * 1024 for l in f if l.startswith('VmHWM:'))
gc.collect()
print(json.dumps({"ms": ms, "peakExtra": peak - before, "kept": rss() - before, "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))
`;

function runOnce(command: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop();
      if (code !== 0 || !line) reject(new Error(`${command} exited with ${code}`));
      else resolve(JSON.parse(line) as RunResult);
    });
  });
}

/** Our export of the synthetic dataset, written once next to it. */
function gexfOf(data: string): string {
  const file = data.replace(/\.json$/, ".gexf");
  if (existsSync(file)) return file;
  const run = spawnSync("npx", ["tsx", "server/cli/export.ts", "--data", data, "--out", `${file}.partial`], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error("export failed");
  renameSync(`${file}.partial`, file);
  return file;
}

const mb = (bytes: number) => (bytes / MB).toFixed(0);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: "string" },
      nodes: { type: "string", default: "100000" },
      edges: { type: "string", default: "500000" },
      runs: { type: "string", default: "2" },
      "no-networkx": { type: "boolean" },
    },
  });
  if (values.child) return runChild(values.child);
  const data = await syntheticDataset({ nodes: Number(values.nodes), edges: Number(values.edges) });
  const file = gexfOf(data);
  const runs = Number(values.runs);
  const size = `${mb(statSync(file).size)} MB`;
  console.log(`importing ${path.basename(file)} (${size}), ${runs} runs each`);

  const ours: RunResult[] = [];
  const theirs: RunResult[] = [];
  for (let run = 0; run < runs; run++) {
    ours.push(await runOnce(process.execPath, ["--expose-gc", "--import", "tsx", "bench/import.ts", "--child", file]));
    console.log("ours", ours.at(-1));
    if (!values["no-networkx"]) {
      theirs.push(await runOnce("python3", ["-c", NETWORKX, file]));
      console.log("networkx", theirs.at(-1));
    }
  }
  const version = spawnSync("python3", ["-c", "import networkx; print(networkx.__version__)"], {
    encoding: "utf8",
  }).stdout.trim();
  const row = (label: string, results: RunResult[]) => [
    label,
    `${results[0]!.nodes} / ${results[0]!.edges}`,
    formatSummary(summarize(results.map((r) => r.ms / 1000)), 1),
    formatSummary(summarize(results.map((r) => r.peakExtra / MB))),
    formatSummary(summarize(results.map((r) => r.kept / MB))),
  ];
  const rows = [row("server/import (saxes)", ours)];
  if (theirs.length) rows.push(row(`networkx ${version} read_gexf`, theirs));
  const ourTime = summarize(ours.map((r) => r.ms)).median;
  const ourPeak = summarize(ours.map((r) => r.peakExtra)).median;
  const ourKept = summarize(ours.map((r) => r.kept)).median;
  const speedup = theirs.length ? summarize(theirs.map((r) => r.ms)).median / ourTime : NaN;
  const lines = [
    "## GEXF import",
    "",
    `\`npx tsx bench/import.ts\`: our GEXF 1.3 export of the synthetic ${values.nodes}-node / ${values.edges}-edge dataset ` +
      `(${size}) read by \`importGraph\` and by networkx's \`read_gexf\`, each in its own process, ${runs} runs each, ` +
      `alternating. Seconds and MB as median (min-max). Peak is RSS above the process before the read; kept is what ` +
      `the resulting graph holds after garbage collection (ours: the live V8 heap it adds, since RSS does not ` +
      `shrink after a collection; networkx: RSS). The machine was shared with other engineers' builds and tests.`,
    "",
    machineLine(),
    "",
    markdownTable(["reader", "nodes / edges", "time (s)", "peak above start (MB)", "graph kept (MB)"], rows, [2, 3, 4]),
    "",
    `- Speed: ${Number.isNaN(speedup) ? "networkx not run" : `${speedup.toFixed(1)}x networkx`} (target at least ${TARGET_SPEEDUP}x): ` +
      `${speedup >= TARGET_SPEEDUP ? "met" : "NOT met"}.`,
    `- Peak memory: ${(ourPeak / ourKept).toFixed(2)}x the graph it builds (target at most ${TARGET_PEAK_RATIO}x): ` +
      `${ourPeak / ourKept <= TARGET_PEAK_RATIO ? "met" : "NOT met"}.`,
  ];
  writeSection("gexf-import", lines.join("\n"));
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

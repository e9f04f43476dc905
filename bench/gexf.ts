/**
 * `npx tsx bench/gexf.ts [--quick] [--runs N] [--nodes N --edges M] [--no-validate] [--no-api] [--no-networkx]`:
 * figure 3 of
 * issue 4. Our streamed GEXF writer against graphology-gexf's `write()` and networkx's `write_gexf` on the same
 * synthetic graph (100k nodes / 500k edges by default), each writer in its own child process: throughput
 * (elements/s, MB/s), time to first byte, and peak RSS above the resident graph (VmHWM, reset just before the
 * write). Then /api/export.gexf on a real server process: time to first byte, and how fast /api/health and a
 * neighbours query are answered while the export runs. Writes the `gexf-export` section of docs/performance.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { syntheticDataset } from "./datasets";
import { formatSummary, machineLine, markdownTable, REPO_ROOT, summarize, writeSection, type Summary } from "./report";
import { startServer } from "./server-process";

const TARGET_RATIO = 10;
const TARGET_EXTRA_MB = 64;
const MB = 2 ** 20;

/** One timed write, as a child process reports it. */
interface RunResult {
  ms: number;
  ttfbMs: number;
  bytes: number;
  /** RSS once the graph is built and garbage collected, and the peak RSS during the write (bytes). */
  rssBefore: number;
  peak: number;
  /** Ours only: write() calls, how many returned false, and calls made while the stream still needed 'drain'. */
  writes?: number;
  full?: number;
  writesWhileFull?: number;
  version?: string;
}

// ---------------------------------------------------------------- children: one writer, several runs

/** VmRSS / VmHWM of this process in bytes, from /proc (Linux). */
function procStatus(field: "VmRSS" | "VmHWM"): number {
  const match = readFileSync("/proc/self/status", "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return match ? Number(match[1]) * 1024 : NaN;
}

/** Collects garbage and resets VmHWM to the current RSS, so the next peak is the write's own. */
function settle(): number {
  (globalThis as { gc?: () => void }).gc?.();
  writeFileSync("/proc/self/clear_refs", "5");
  return procStatus("VmRSS");
}

async function runChild(writer: string, data: string, runs: number, dir: string): Promise<void> {
  const { loadGraph } = await import("../server/load-graph");
  const { graph } = await loadGraph(data);
  for (let run = 0; run < runs; run++) {
    const rssBefore = settle();
    const result =
      writer === "ours" ? await timeOurs(graph, path.join(dir, "ours.gexf")) : await timeGraphologyGexf(graph);
    console.log(JSON.stringify({ ...result, rssBefore, peak: procStatus("VmHWM") }));
  }
  if (writer === "ours") {
    // networkx gets the same positions (they come from our layout, not from the dataset file).
    const positions: Record<string, [number, number]> = {};
    graph.forEachNode((key, a) => (positions[key] = [a.x, a.y]));
    writeFileSync(path.join(dir, "positions.json"), JSON.stringify(positions));
  }
}

type Graph = Awaited<ReturnType<typeof import("../server/load-graph").loadGraph>>["graph"];

async function timeOurs(graph: Graph, file: string) {
  const { writeGexf } = await import("../server/gexf/write-gexf");
  const out = createWriteStream(file, { highWaterMark: 1024 * 1024 }); // as `npm run export` does
  let writes = 0;
  let full = 0;
  let writesWhileFull = 0;
  let first = 0;
  const started = performance.now();
  const write = out.write.bind(out) as (chunk: string) => boolean;
  out.write = ((chunk: string) => {
    if (writes++ === 0) first = performance.now();
    if (out.writableNeedDrain) writesWhileFull++;
    const ok = write(chunk);
    if (!ok) full++;
    return ok;
  }) as typeof out.write;
  await writeGexf(graph, out);
  out.end();
  await finished(out);
  const ms = performance.now() - started;
  return { ms, ttfbMs: first - started, bytes: statSync(file).size, writes, full, writesWhileFull };
}

async function timeGraphologyGexf(graph: Graph) {
  const { write } = await import("graphology-gexf");
  const started = performance.now();
  const text = write(graph as never);
  const ms = performance.now() - started;
  // The whole document is one string: its first byte exists only once it is complete.
  return { ms, ttfbMs: ms, bytes: Buffer.byteLength(text) };
}

// ---------------------------------------------------------------- networkx (python), same graph from the JSON

const NETWORKX_SCRIPT = String.raw`
import gc, json, os, sys, time, networkx as nx
data, out, runs, positions_file, colours = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], json.loads(sys.argv[5])
d = json.load(open(data, encoding="utf-8"))
pos = json.load(open(positions_file))
def sources(s): return "; ".join(f"{x['document']} \u00b6{x['paragraph']}" for x in s)
def rgb(h): return {"r": int(h[1:3], 16), "g": int(h[3:5], 16), "b": int(h[5:7], 16)}
def figures(rec, attrs):
    for f in rec.get("figures", []):
        for p in f["points"]:
            if "value" in p: attrs["fig_%s_%s" % (f["key"], p.get("year", ""))] = float(p["value"])
G = nx.MultiDiGraph()
for n in d["nodes"]:
    a = dict(label=n["label"], labelZh=n.get("labelZh", ""), type=n["type"], description=n["description"],
             basis=n["basis"], sources=sources(n["sources"]))
    figures(n, a)
    x, y = pos.get(n["id"], [0, 0])
    a["viz"] = {"color": rgb(colours["nodes"][n["type"]]), "size": 1.0, "position": {"x": x, "y": y, "z": 0.0}}
    G.add_node(n["id"], **a)
for e in d["edges"]:
    a = dict(relation=e["relation"], description=e["description"], basis=e["basis"], sources=sources(e["sources"]))
    figures(e, a)
    a["viz"] = {"color": rgb(colours["edges"][e["relation"]]), "thickness": 1.5}
    G.add_edge(e["source"], e["target"], key=e["id"], **a)
del d
def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"): return int(line.split()[1]) * 1024
class Timed:
    def __init__(self, f): self.f, self.first = f, None
    def write(self, b):
        if self.first is None: self.first = time.perf_counter()
        return self.f.write(b)
for _ in range(runs):
    gc.collect()
    open("/proc/self/clear_refs", "w").write("5")
    before = status("VmRSS")
    with open(out, "wb") as f:
        timed = Timed(f)
        t = time.perf_counter()
        nx.write_gexf(G, timed)
        ms = (time.perf_counter() - t) * 1000
    print(json.dumps({"ms": ms, "ttfbMs": (timed.first - t) * 1000, "bytes": os.path.getsize(out),
                      "rssBefore": before, "peak": status("VmHWM"), "version": nx.__version__}), flush=True)
`;

/** Runs a child and collects the JSON lines it prints (one per run). */
function collect(command: string, args: string[]): Promise<RunResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${command} ${args.slice(0, 4).join(" ")} exited with ${code}`));
      resolve(
        output
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line) as RunResult),
      );
    });
  });
}

function nodeChild(writer: string, data: string, runs: number, dir: string): Promise<RunResult[]> {
  const args = ["--expose-gc", "--max-old-space-size=16000", "--import", "tsx", path.join(REPO_ROOT, "bench/gexf.ts")];
  return collect(process.execPath, [...args, "--child", writer, "--data", data, "--runs", String(runs), "--dir", dir]);
}

/** The pythons with networkx here: pyenv's `python3` and Debian's (python3-networkx), each at most once. */
function networkxPythons(): { python: string; version: string }[] {
  const found = new Map<string, { python: string; version: string }>();
  for (const python of ["python3", "/usr/bin/python3"]) {
    const probe = spawnSync(python, ["-c", "import networkx, sys; print(networkx.__version__, sys.executable)"], {
      encoding: "utf8",
    });
    if (probe.status !== 0) continue;
    const [version, executable] = probe.stdout.trim().split(" ");
    if (!found.has(executable!)) found.set(executable!, { python, version: version! });
  }
  return [...found.values()];
}

async function vocabularyColours(): Promise<string> {
  const { NODE_TYPE_INFO, RELATION_INFO } = await import("../server/domain/vocabulary");
  const pick = (info: Record<string, { color: string }>) =>
    Object.fromEntries(Object.entries(info).map(([k, v]) => [k, v.color]));
  return JSON.stringify({ nodes: pick(NODE_TYPE_INFO), edges: pick(RELATION_INFO) });
}

// ---------------------------------------------------------------- the API: export beside other requests

interface Timing {
  ms: number;
  ttfbMs: number;
  bytes: number;
}

function timedGet(url: string, headers: Record<string, string> = {}): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { headers, agent: false }, (response) => {
        const ttfbMs = performance.now() - started;
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => {
          if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
          else resolve({ ms: performance.now() - started, ttfbMs, bytes });
        });
      })
      .on("error", reject);
  });
}

/** Latencies of `urls`, asked in turn every `everyMs` until `until` settles. */
async function probeWhile(urls: string[], until: Promise<unknown>, everyMs: number): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  for (let i = 0; !done; i++) {
    latencies.push((await timedGet(urls[i % urls.length]!)).ms);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return latencies;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

interface ApiFigures {
  exports: { encoding: string; runs: Timing[] }[];
  idle: number[];
  during: number[];
}

async function measureApi(data: string, runs: number, neighborKey: string): Promise<ApiFigures> {
  const server = await startServer(data);
  try {
    const probes = [`${server.url}/api/health`, `${server.url}/api/nodes/${neighborKey}/neighbors?depth=1&limit=50`];
    const idle: number[] = [];
    for (let i = 0; i < 40; i++) idle.push((await timedGet(probes[i % 2]!)).ms);
    const during: number[] = [];
    const exports: ApiFigures["exports"] = [];
    for (const encoding of ["identity", "gzip"]) {
      const timings: Timing[] = [];
      for (let run = 0; run < runs; run++) {
        const download = timedGet(`${server.url}/api/export.gexf`, { "accept-encoding": encoding });
        const latencies = await probeWhile(probes, download, 20);
        timings.push(await download);
        during.push(...latencies);
      }
      exports.push({ encoding, runs: timings });
    }
    return { exports, idle, during };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- the parent: run, tabulate, write the section

const mbps = (r: RunResult) => r.bytes / MB / (r.ms / 1000);

async function main(argv: string[]): Promise<void> {
  const { values: flags } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      runs: { type: "string" },
      nodes: { type: "string" },
      edges: { type: "string" },
      "no-validate": { type: "boolean", default: false },
      "no-api": { type: "boolean", default: false },
      "no-networkx": { type: "boolean", default: false },
      child: { type: "string" },
      data: { type: "string" },
      dir: { type: "string" },
    },
  });
  if (flags.child) return runChild(flags.child, flags.data!, Number(flags.runs), flags.dir!);

  const nodes = Number(flags.nodes ?? (flags.quick ? 10_000 : 100_000));
  const edges = Number(flags.edges ?? (flags.quick ? 50_000 : 500_000));
  const runs = Number(flags.runs ?? (flags.quick ? 2 : 3));
  const data = await syntheticDataset({ nodes, edges });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-gexf-"));
  const command = `npx tsx bench/gexf.ts ${argv.join(" ")}`.trim();
  try {
    console.log(`GEXF export of ${nodes} nodes / ${edges} edges, ${runs} runs per writer`);
    const ours = await nodeChild("ours", data, runs, dir);
    console.log("ours", ours.map((r) => r.ms.toFixed(0)).join(", "), "ms");
    const graphology = await nodeChild("graphology", data, runs, dir);
    console.log("graphology-gexf", graphology.map((r) => r.ms.toFixed(0)).join(", "), "ms");
    const colours = await vocabularyColours();
    const pythons = flags["no-networkx"] ? [] : networkxPythons();
    const networkx: { label: string; results: RunResult[] }[] = [];
    for (const { python, version } of pythons) {
      const out = path.join(dir, "networkx.gexf");
      const args = ["-c", NETWORKX_SCRIPT, data, out, String(runs), path.join(dir, "positions.json"), colours];
      const results = await collect(python, args);
      networkx.push({ label: `networkx ${version} write_gexf (${python})`, results });
      console.log(`networkx ${version}`, results.map((r) => r.ms.toFixed(0)).join(", "), "ms");
    }

    const validation = flags["no-validate"] ? undefined : validate(path.join(dir, "ours.gexf"));
    if (validation) console.log(validation);
    const api = flags["no-api"] ? undefined : await measureApi(data, runs, "n0");

    const networkxMissing = flags["no-networkx"]
      ? "networkx: skipped (--no-networkx)"
      : "networkx: not installed here (CI installs python3-networkx)";
    const body = report({ nodes, edges, runs, command, ours, graphology, networkx, validation, api, networkxMissing });
    console.log(body);
    writeSection("gexf-export", body);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The shared validator beside the repository, when present: its verdict and how long it took. */
function validate(file: string): string {
  const candidates = ["../shared/tools/validate-gexf", "../shared/gexf-schema/tools/validate-gexf"];
  const tool = candidates.map((c) => path.resolve(REPO_ROOT, c)).find(existsSync);
  if (!tool) return "not validated: ../shared/tools/validate-gexf is not present";
  const started = performance.now();
  const run = spawnSync(tool, [file], { encoding: "utf8", maxBuffer: 16 * MB });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const verdict = run.status === 0 ? "valid GEXF 1.3" : `INVALID (exit ${run.status}): ${run.stdout.slice(0, 300)}`;
  return `${verdict} by validate-gexf (xmllint + the official 1.3 XSD) in ${seconds} s, ${(statSync(file).size / MB).toFixed(0)} MB`;
}

interface ReportInput {
  nodes: number;
  edges: number;
  runs: number;
  command: string;
  ours: RunResult[];
  graphology: RunResult[];
  networkx: { label: string; results: RunResult[] }[];
  validation?: string;
  api?: ApiFigures;
  /** What the table says when no networkx ran. */
  networkxMissing: string;
}

function report(input: ReportInput): string {
  const { nodes, edges, ours, graphology, networkx, validation, api } = input;
  const elements = nodes + edges;
  const s = (values: number[]) => summarize(values);
  const row = (label: string, results: RunResult[]) => [
    label,
    formatSummary(s(results.map((r) => elements / (r.ms / 1000) / 1000)), 0),
    formatSummary(s(results.map(mbps)), 1),
    formatSummary(s(results.map((r) => r.ms / 1000)), 2),
    formatSummary(s(results.map((r) => r.ttfbMs)), 0),
    formatSummary(s(results.map((r) => (r.peak - r.rssBefore) / MB)), 0),
    (results[0]!.bytes / MB).toFixed(0),
  ];
  const oursRate = s(ours.map((r) => elements / r.ms)).median;
  const ratio = (results: RunResult[]) => oursRate / s(results.map((r) => elements / r.ms)).median;
  const baselines = [{ label: "graphology-gexf 0.13 `write()`", results: graphology }, ...networkx];
  const ratios = baselines.map(({ label, results }) => {
    const x = ratio(results);
    return `- ${label}: ours is **${x.toFixed(1)}x** its throughput (target ≥ ${TARGET_RATIO}x: ${x >= TARGET_RATIO ? "met" : "NOT met"})`;
  });
  const extra: Summary = s(ours.map((r) => (r.peak - r.rssBefore) / MB));
  const backpressure = ours.map((r) => `${r.writes} writes, ${r.full} returned false, ${r.writesWhileFull} while full`);
  const lines = [
    `### GEXF export: ${nodes.toLocaleString("en")} nodes / ${edges.toLocaleString("en")} edges`,
    "",
    machineLine(),
    "",
    `Command: \`${input.command}\`. Each writer runs in its own child process on the same synthetic graph, ${input.runs} ` +
      "runs; median (min-max). Throughput counts nodes + edges. Memory: VmHWM reset (`/proc/self/clear_refs`) after " +
      "the graph is built and garbage collected, minus the RSS then. Ours streams to a file (included in its time); " +
      "graphology-gexf's time is `write()` building its string (no file write); networkx builds the same " +
      "MultiDiGraph from the dataset JSON (labels, type, description, basis, sources, figures, viz colour, size and " +
      "our positions) and only `write_gexf` to a file is timed.",
    "",
    markdownTable(
      ["writer", "k elements/s", "MB/s", "total s", "first byte ms", "peak MB above graph", "file MB"],
      [
        row("ours (`writeGexf`, streamed)", ours),
        ...baselines.map(({ label, results }) => row(label, results)),
        ...(networkx.length === 0 ? [[input.networkxMissing, "", "", "", "", "", ""]] : []),
      ],
      [1, 2, 3, 4, 5, 6],
    ),
    "",
    ...ratios,
    `- Memory above the resident graph while writing: ${formatSummary(extra, 0)} MB (target ≤ ${TARGET_EXTRA_MB} MB: ` +
      `${extra.max <= TARGET_EXTRA_MB ? "met" : "NOT met"}).`,
    `- Backpressure (file stream, 1 MiB high-water mark as in \`npm run export\`): ${backpressure.join("; ")}. Each write that returned false ` +
      "was followed by a wait for 'drain' (no write while full).",
    `- Schema: ${validation ?? "not checked (--no-validate)"}.`,
  ];
  if (api) lines.push("", ...apiReport(api));
  return lines.join("\n");
}

function apiReport(api: ApiFigures): string[] {
  const rows = api.exports.map(({ encoding, runs }) => [
    `GET /api/export.gexf, Accept-Encoding: ${encoding}`,
    formatSummary(summarize(runs.map((r) => r.ttfbMs)), 0),
    formatSummary(summarize(runs.map((r) => r.ms / 1000)), 2),
    (runs[0]!.bytes / MB).toFixed(1),
  ]);
  const lat = (values: number[]) =>
    `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (${values.length} requests)`;
  return [
    "The endpoint on a server process (`bench/server-process.ts`), downloaded by a client in this process:",
    "",
    markdownTable(["request", "first byte ms", "total s", "MB on the wire"], rows, [1, 2, 3]),
    "",
    `- /api/health and /api/nodes/n0/neighbors?depth=1, one every 20 ms: with no export running ${lat(api.idle)}; ` +
      `while the exports ran ${lat(api.during)}.`,
  ];
}

await main(process.argv.slice(2));

/**
 * `npx tsx bench/analysis.ts [--quick] [--runs N] [--nodes N --edges M] [--no-networkx] [--no-api]`: the
 * analysis metrics of issue 16 on a generated graph (100k nodes / 500k relations by default) against networkx
 * in the same run: PageRank, betweenness from a sample of sources, and Louvain. Also the API's first answer
 * for each metric (a fresh server process, nothing cached) against the algorithm called directly. Writes the
 * "analysis" section of docs/performance.md.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { arraysOf, buildAdjacency, type AdjacencyArrays } from "../server/analysis/adjacency";
import { computeMetrics } from "../server/analysis/compute";
import type { Metric } from "../server/analysis/metric-names";
import { parseFlags } from "../server/cli/args";
import { loadGraph } from "../server/load-graph";
import { syntheticDataset } from "./datasets";
import { formatSummary, machineLine, markdownTable, summarize, writeSection } from "./report";
import { startServer } from "./server-process";

const METRICS: Metric[] = ["pagerank", "betweenness", "community"];

const NETWORKX_SCRIPT = String.raw`
import sys, time, json, networkx as nx
edges_file, k = sys.argv[1], int(sys.argv[2])
started = time.perf_counter()
G = nx.MultiDiGraph()
with open(edges_file) as f:
    n = int(f.readline())
    G.add_nodes_from(range(n))
    G.add_edges_from((int(s), int(t)) for s, t in (line.split() for line in f))
load = time.perf_counter() - started
timings = {}
def timed(name, fn):
    started = time.perf_counter()
    fn()
    timings[name] = time.perf_counter() - started
timed("pagerank", lambda: nx.pagerank(G))
timed("betweenness", lambda: nx.betweenness_centrality(G, k=k, seed=1))
timed("community", lambda: nx.community.louvain_communities(G, seed=1))
print(json.dumps({"version": nx.__version__, "load": load, "timings": timings}))
`;

function writeEdgeList(a: AdjacencyArrays, file: string): void {
  const lines: string[] = [String(a.order)];
  for (let i = 0; i < a.order; i++)
    for (let e = a.outStart[i]!; e < a.outStart[i + 1]!; e++) lines.push(`${i} ${a.outTargets[e]}`);
  writeFileSync(file, lines.join("\n") + "\n");
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Waits until a big graph's search index, built just after start-up, is complete: the server is settled. */
async function searchIndexed(url: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${url}/api/search?q=a&limit=1`);
    await response.arrayBuffer();
    if (response.headers.get("x-search-coverage") === "complete") return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    quick: { type: "boolean", default: false },
    runs: { type: "string" },
    nodes: { type: "string" },
    edges: { type: "string" },
    "no-networkx": { type: "boolean", default: false },
    "no-api": { type: "boolean", default: false },
  });
  const nodes = Number(flags.nodes ?? (flags.quick ? 10_000 : 100_000));
  const edges = Number(flags.edges ?? (flags.quick ? 50_000 : 500_000));
  const runs = Number(flags.runs ?? (flags.quick ? 1 : 3));
  const file = await syntheticDataset({ nodes, edges });
  const { graph } = await loadGraph(file);
  console.log(`graph: ${graph.order} nodes, ${graph.size} relations`);

  const buildMs: number[] = [];
  let arrays!: AdjacencyArrays;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    arrays = arraysOf(await buildAdjacency(graph));
    buildMs.push(performance.now() - started);
  }
  const ours = new Map<Metric, number[]>();
  let sources = 0;
  for (const metric of METRICS) {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const started = performance.now();
      const result = computeMetrics(arrays, [metric]).get(metric)!;
      times.push(performance.now() - started);
      if (metric === "betweenness") sources = result.notes.sources!;
    }
    ours.set(metric, times);
    console.log(metric, times.map((t) => t.toFixed(0)).join(", "), "ms");
  }

  let networkx: { version: string; load: number; timings: Record<string, number> } | undefined;
  if (!flags["no-networkx"]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-analysis-"));
    try {
      writeEdgeList(arrays, path.join(dir, "edges.txt"));
      const run = spawnSync("python3", ["-c", NETWORKX_SCRIPT, path.join(dir, "edges.txt"), String(sources)], {
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      });
      if (run.status === 0) networkx = JSON.parse(run.stdout);
      else console.log(`networkx skipped: ${run.stderr.trim().split("\n").pop()}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const api = new Map<Metric, number>();
  if (!flags["no-api"]) {
    for (const metric of METRICS) {
      // A fresh process per metric: nothing cached, the worker thread started by this very request.
      const server = await startServer(file);
      try {
        await searchIndexed(server.url);
        const started = performance.now();
        const response = await fetch(`${server.url}/api/metrics?metrics=${metric}&sort=${metric}&limit=10`);
        if (!response.ok) throw new Error(`${metric}: HTTP ${response.status} ${await response.text()}`);
        await response.json();
        api.set(metric, performance.now() - started);
        console.log(`API first answer for ${metric}: ${api.get(metric)!.toFixed(0)} ms`);
      } finally {
        await server.stop();
      }
    }
  }

  const build = summarize(buildMs);
  const rows = METRICS.map((metric) => {
    const mine = summarize(ours.get(metric)!);
    const theirs = networkx?.timings[metric];
    const first = api.get(metric);
    return [
      metric === "betweenness" ? `betweenness (${sources} sources)` : metric,
      formatSummary({ ...mine, median: mine.median / 1000, min: mine.min / 1000, max: mine.max / 1000 }, 2),
      theirs === undefined ? "skipped" : theirs.toFixed(2),
      theirs === undefined ? "" : `${(theirs / (mine.median / 1000)).toFixed(1)}x`,
      first === undefined ? "skipped" : seconds(first),
      first === undefined ? "" : `${(first / (mine.median + build.median)).toFixed(2)}x`,
    ];
  });
  const body = [
    `### Analysis metrics (issue 16)`,
    "",
    `\`npx tsx bench/analysis.ts${flags.quick ? " --quick" : ""}\` on ${machineLine()}; a generated graph of ` +
      `${graph.order.toLocaleString("en")} nodes and ${graph.size.toLocaleString("en")} relations ` +
      `(\`bench/synthetic-dataset.ts\`, seed 1). Ours: the algorithm on the compact adjacency, median (range) of ` +
      `${runs} run(s); building the adjacency from the graphology graph takes ${formatSummary(build)} ms ` +
      `more. networkx ${networkx?.version ?? "(skipped)"}: one run of each on a MultiDiGraph of the same links ` +
      `(building it took ${networkx ? networkx.load.toFixed(1) : "-"} s more), with its defaults (PageRank ` +
      `tolerance 1e-6, ours 1e-12), the same number of betweenness sources, seed 1. API: a fresh server ` +
      `process per metric (its worker thread started with it, nothing cached), once its search index is built, the ` +
      `time from request to a parsed ` +
      `answer (top 10 rows), against a direct call from the graph: building the adjacency plus the algorithm.`,
    "",
    markdownTable(
      ["metric", "ours (s)", "networkx (s)", "networkx / ours", "API first answer (s)", "API / direct call"],
      rows,
      [1, 2, 3, 4, 5],
    ),
  ].join("\n");
  writeSection("analysis", body);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

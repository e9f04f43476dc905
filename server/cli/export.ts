/**
 * `npm run export -- --out FILE.gexf [--data FILE.json] [--type a,b] [--relation r] [--center KEY --depth N]
 * [--direction in|out|both] [--as-of YEAR] [--version 1.3|1.2draft] [--dynamic] [--metrics pagerank,community]`: the same
 * GEXF as /api/export.gexf, written without a server.
 */
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import path from "node:path";
import { arraysOf, buildAdjacency, type AnalysisFilter } from "../analysis/adjacency";
import { computeMetrics } from "../analysis/compute";
import { metricColumns } from "../analysis/export-columns";
import type { Metric } from "../analysis/metric-names";
import { DEFAULT_LIMITS, requestSchemas } from "../api/request-schemas";
import type { KnowledgeGraph } from "../graph/attributes";
import { DatasetError } from "../domain/load-dataset";
import { writeGexf } from "../gexf/write-gexf";
import { inSpan } from "../graph/as-of";
import { GraphFilter } from "../graph/filter";
import { selectSubgraph } from "../graph/select";
import { loadGraph } from "../load-graph";
import { parseFlags, UsageError } from "./args";

const USAGE =
  "usage: npm run export -- --out FILE.gexf [--data FILE.json] [--type T1,T2] [--relation R1,R2] [--center KEY [--depth 1-3] [--direction in|out|both]] [--as-of YEAR] [--version 1.3|1.2draft] [--dynamic] [--metrics M1,M2]";

/** The metrics as GEXF columns, computed here in-process (no server, no worker to keep the loop free for). */
async function metricsOf(graph: KnowledgeGraph, metrics: Metric[], filter: AnalysisFilter) {
  const asked = [...new Set(metrics)];
  const adjacency = await buildAdjacency(graph, filter);
  return metricColumns(adjacency.keys, computeMetrics(arraysOf(adjacency), asked), asked);
}

async function main(): Promise<void> {
  const {
    out,
    data,
    "as-of": asOfFlag,
    dynamic: dynamicFlag,
    ...rest
  } = parseFlags(process.argv.slice(2), {
    out: { type: "string" },
    data: { type: "string" },
    type: { type: "string" },
    relation: { type: "string" },
    center: { type: "string" },
    depth: { type: "string" },
    direction: { type: "string" },
    version: { type: "string" },
    "as-of": { type: "string" },
    dynamic: { type: "boolean" },
    metrics: { type: "string" },
  });
  const selection = {
    ...rest,
    ...(asOfFlag !== undefined && { asOf: asOfFlag }),
    ...(dynamicFlag && { dynamic: "true" }),
  };
  if (!out) throw new UsageError("--out is required");
  if (selection.center === undefined && (selection.depth !== undefined || selection.direction !== undefined)) {
    throw new UsageError("--depth and --direction apply only with --center");
  }
  // The API's own schema checks the flags, so the CLI accepts exactly what the endpoint accepts.
  const parsed = requestSchemas(DEFAULT_LIMITS).exportGexf.safeParse(selection);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path[0] === "asOf" ? "as-of" : String(issue.path[0]);
    throw new UsageError(`--${flag}: ${issue.message}`);
  }
  const { type, relation, center, depth, direction, version, asOf, dynamic, metrics } = parsed.data;
  if (dynamic && version !== "1.3") throw new UsageError("--dynamic needs --version 1.3");
  if (dynamic && asOf !== undefined) throw new UsageError("--dynamic holds every year: leave out --as-of");

  const loaded = await loadGraph(data && path.resolve(data));
  const graph = loaded.graph;
  if (
    center !== undefined &&
    !(graph.hasNode(center) && (asOf === undefined || inSpan(graph.getNodeAttribute(center, "time"), asOf)))
  ) {
    throw new UsageError(`--center: no node with key "${center}"${asOf === undefined ? "" : ` in ${asOf}`}`);
  }
  // A neighbourhood is selected first; anything else is the whole graph through a filter, never a copy.
  const selected =
    center === undefined
      ? graph
      : selectSubgraph(graph, { center, types: type, relations: relation, depth, direction, asOf });
  const filter = center === undefined ? new GraphFilter(graph, { types: type, relations: relation, asOf }) : undefined;

  // 1 MiB of buffer rather than 16 KiB: the writer goes on while the disk writes, and waits only when it is ahead.
  const file = createWriteStream(out, { highWaterMark: 1024 * 1024 });
  const nodeMetrics = metrics ? await metricsOf(graph, metrics, { types: type, relations: relation, asOf }) : undefined;
  await writeGexf(selected, file, { description: graph.getAttribute("name"), version, dynamic, filter, nodeMetrics });
  file.end();
  await finished(file);
  const nodes = filter ? selected.filterNodes((_key, a) => filter.keepsNode(a)).length : selected.order;
  const edges = filter ? selected.filterEdges((_key, a, s, t) => filter.keepsEdge(a, s, t)).length : selected.size;
  console.log(`wrote ${out}: ${nodes} nodes, ${edges} edges`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`export: ${error.message}\n${USAGE}`);
  else if (error instanceof DatasetError) console.error(`export: ${error.message}`);
  else console.error("export failed:", error);
  process.exit(1);
});

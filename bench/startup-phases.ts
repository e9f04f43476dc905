/**
 * `node --max-old-space-size=16000 --import tsx bench/startup-phases.ts FILE.json`: where start-up time goes,
 * phase by phase in one process, with the RSS after each: read, JSON.parse, a bare graphology import of the
 * records (the baseline of bench/startup.ts), then ours: the whole-file zod pass we no longer run (for
 * comparison), parseDataset (JSON.parse, fast record check, cross-checks), buildGraph with a cached layout, the
 * name index built before listening and the descriptions indexed after. A diagnostic, not a figure: phases share
 * one heap, so later ones pay for the garbage of earlier ones. bench/startup.ts measures starts apart.
 */
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { datasetSchema } from "../server/domain/dataset-schema";
import { parseDataset } from "../server/domain/load-dataset";
import { buildGraph } from "../server/graph/build-graph";
import { SearchIndex } from "../server/graph/search-index";

const file = process.argv[2];
if (!file) throw new Error("usage: tsx bench/startup-phases.ts FILE.json");

function report(label: string, started: number): void {
  const ms = (performance.now() - started).toFixed(0).padStart(7);
  console.log(`${label.padEnd(44)} ${ms} ms   rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
}

function time<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  report(label, started);
  return result;
}

const text = time("read file", () => readFileSync(file, "utf8"));
time("bare: JSON.parse + graphology import", () => {
  const json = JSON.parse(text);
  const bare = new Graph({ multi: true, type: "directed" });
  for (const n of json.nodes) bare.addNode(n.id, n);
  for (const e of json.edges)
    bare.addDirectedEdgeWithKey(e.id ?? `${e.source}__${e.relation}__${e.target}`, e.source, e.target, e);
  return bare.order;
});
time("zod over the whole file (no longer run)", () => datasetSchema.safeParse(JSON.parse(text)).success);
const dataset = time("ours: parseDataset (JSON + checks)", () => parseDataset(text, file));
const graph = time("ours: buildGraph (layout from cache)", () =>
  buildGraph(dataset, new Float64Array(dataset.nodes.length * 2)),
);
const started = performance.now();
const index = time("ours: search index, names (before listening)", () => new SearchIndex(graph));
await index.ready;
report("ours: descriptions indexed (after listening)", started);

/**
 * `tsx bench/startup-phases.ts FILE.json`: times each phase of loading a dataset (read, JSON.parse, zod,
 * building the graph with a cached layout, the search index) against a bare graphology import of the same
 * records, with the RSS after each. A first look for issue 4; run with `node --max-old-space-size=16000 --import
 * tsx` on 200k-node files.
 */
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { datasetSchema } from "../server/domain/dataset-schema";
import { parseDataset } from "../server/domain/load-dataset";
import { buildGraph } from "../server/graph/build-graph";
import { SearchIndex } from "../server/graph/search-index";

const file = process.argv[2];
if (!file) throw new Error("usage: tsx bench/startup-phases.ts FILE.json");

function time<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = (performance.now() - started).toFixed(0).padStart(7);
  console.log(`${label.padEnd(34)} ${ms} ms   rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  return result;
}

const text = time("read file", () => readFileSync(file, "utf8"));
const json = time("JSON.parse", () => JSON.parse(text));
time("bare graphology import", () => {
  const bare = new Graph({ multi: true, type: "directed" });
  for (const n of json.nodes) bare.addNode(n.id, n);
  for (const e of json.edges)
    bare.addDirectedEdgeWithKey(e.id ?? `${e.source}__${e.relation}__${e.target}`, e.source, e.target, e);
  return bare;
});
time("zod parse alone", () => datasetSchema.parse(json));
const dataset = time("parseDataset (JSON + zod + checks)", () => parseDataset(text, file));
const graph = time("buildGraph (layout from cache)", () =>
  buildGraph(dataset, new Float64Array(dataset.nodes.length * 2)),
);
time("search index", () => new SearchIndex(graph));

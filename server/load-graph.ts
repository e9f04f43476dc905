/** Loads a dataset file (the embedded one by default) and builds its graph: what the server and CLIs share. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDataset } from "./domain/load-dataset";
import type { KnowledgeGraph } from "./graph/attributes";
import { buildGraph } from "./graph/build-graph";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const EMBEDDED_DATASET = path.join(REPO_ROOT, "graph-data", "kingsoft-cloud.json");

export interface LoadedGraph {
  graph: KnowledgeGraph;
  file: string;
  datasetName: string;
}

export async function loadGraph(file = EMBEDDED_DATASET): Promise<LoadedGraph> {
  const dataset = await loadDataset(file);
  return { graph: buildGraph(dataset), file, datasetName: path.basename(file, path.extname(file)) };
}

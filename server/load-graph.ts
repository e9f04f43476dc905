/** Loads a dataset file (the embedded one by default) and builds its graph: what the server and CLIs share. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDatasetFile } from "./domain/load-dataset";
import type { KnowledgeGraph } from "./graph/attributes";
import { buildGraph } from "./graph/build-graph";
import { readPositions } from "./graph/layout";
import { layoutCacheFile, readCachedPositions, writeCachedPositions } from "./graph/layout-cache";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const EMBEDDED_DATASET = path.join(REPO_ROOT, "graph-data", "kingsoft-cloud.json");

export interface LoadedGraph {
  graph: KnowledgeGraph;
  file: string;
  datasetName: string;
  /** sha256 of the dataset file's bytes: its version, for ETags. */
  sha256: string;
  /** Whether positions came from the layout cache, and why the cache could not be written if it could not. */
  layout: { cached: boolean; cacheError?: string };
}

export interface LoadOptions {
  /** Folder for cached layouts; `false` turns the cache off. Default: `.layout-cache/` in the repository. */
  layoutCacheDir?: string | false;
}

export const DEFAULT_LAYOUT_CACHE = process.env.LAYOUT_CACHE_DIR ?? path.join(REPO_ROOT, ".layout-cache");

export async function loadGraph(file = EMBEDDED_DATASET, options: LoadOptions = {}): Promise<LoadedGraph> {
  const { dataset, sha256 } = await loadDatasetFile(file);
  const datasetName = path.basename(file, path.extname(file));
  const dir = options.layoutCacheDir ?? DEFAULT_LAYOUT_CACHE;
  if (dir === false) return { graph: buildGraph(dataset), file, datasetName, sha256, layout: { cached: false } };

  const cacheFile = layoutCacheFile(dir, sha256);
  const cached = await readCachedPositions(cacheFile);
  const graph = buildGraph(dataset, cached);
  if (cached && cached.length === graph.order * 2)
    return { graph, file, datasetName, sha256, layout: { cached: true } };
  const cacheError = await writeCachedPositions(cacheFile, readPositions(graph));
  return { graph, file, datasetName, sha256, layout: { cached: false, ...(cacheError && { cacheError }) } };
}

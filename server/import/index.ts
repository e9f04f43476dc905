/**
 * `importGraph(file, options)`: any supported file into the neutral imported-graph model (see model.ts),
 * the reader chosen by extension, then by content.
 */
import { detectFormat } from "./detect";
import { readGexf } from "./gexf-reader";
import { readGraphml } from "./graphml-reader";
import type { ImportedGraph, ImportFormat, ImportOptions } from "./model";

export * from "./model";
export { detectFormat } from "./detect";

const READERS: Record<ImportFormat, (file: string, options: ImportOptions) => Promise<ImportedGraph>> = {
  gexf: readGexf,
  graphml: readGraphml,
  csv: async (file, options) => (await import("./csv-reader")).readCsv(file, options),
  "graphology-json": async (file, options) => (await import("./json-reader")).readGraphologyJson(file, options),
};

export async function importGraph(
  file: string,
  options: ImportOptions & { format?: ImportFormat } = {},
): Promise<ImportedGraph> {
  const format = options.format ?? (await detectFormat(file));
  return READERS[format](file, options);
}

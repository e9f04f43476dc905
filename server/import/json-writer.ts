/**
 * The neutral model as graphology's JSON serialisation. graphology readers see a plain mixed multigraph;
 * our json-reader finds the declarations and graph metadata under the `kgExplorerImport` graph attribute and
 * reads the file back exactly. The JSON is built whole (as graphology's own `export()` does).
 */
import type { Writable } from "node:stream";
import { NEUTRAL_MARKER } from "./json-reader";
import type { ImportedGraph } from "./model";
import { BufferedWriter } from "./xml-writer";

export async function writeGraphologyJson(imported: ImportedGraph, out: Writable): Promise<void> {
  const w = new BufferedWriter(out);
  const head = { [NEUTRAL_MARKER]: { meta: imported.meta, declared: imported.attributes } };
  await w.write(
    `{"attributes":${JSON.stringify(head)},"options":{"type":"mixed","multi":true,"allowSelfLoops":true},"nodes":[`,
  );
  let first = true;
  for (const { node, attributes } of imported.graph.nodeEntries()) {
    await w.write(`${first ? "" : ","}\n${JSON.stringify({ key: node, attributes })}`);
    first = false;
  }
  await w.write(`],"edges":[`);
  first = true;
  for (const { edge, source, target, attributes, undirected } of imported.graph.edgeEntries()) {
    const entry = { key: edge, source, target, attributes, ...(undirected && { undirected: true }) };
    await w.write(`${first ? "" : ","}\n${JSON.stringify(entry)}`);
    first = false;
  }
  await w.write("]}\n");
  await w.flush();
}

/**
 * The graph as graphology's `export()` JSON, written to a stream piece by piece with backpressure: the same
 * bytes as `JSON.stringify(graph.export())`, without the whole document (hundreds of MB on a big graph) ever
 * sitting in memory as one string.
 */
import type { Attributes } from "graphology-types";
import { ChunkSink, type Output } from "../gexf/sink";
import type { KnowledgeGraph } from "../graph/attributes";
import type { GraphFilter } from "../graph/filter";

/**
 * Writes `graph` to `out` as `JSON.stringify(graph.export())` would spell it, or only what `filter` keeps (as
 * if the kept records were a graph of their own). It never ends `out`; if `out` is
 * destroyed or closed meanwhile (the client went away), it stops and resolves; if `out` fails, it rejects
 * with that error.
 */
export async function writeGraphJson(graph: KnowledgeGraph, out: Output, filter?: GraphFilter): Promise<void> {
  const only = filter && !filter.keepsAll ? filter : undefined;
  const sink = new ChunkSink(out);
  try {
    const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
    const head = JSON.stringify({ options, attributes: graph.getAttributes() });
    sink.push(head.slice(0, -1) + ',"nodes":[', false);
    let separator = "";
    for (const { node, attributes: stored } of graph.nodeEntries()) {
      if (only && !only.keepsNode(stored)) {
        if (sink.busy) await sink.takeTurn(); // a filter that keeps little writes little: yield all the same
        continue;
      }
      const attributes = only ? only.shown(stored) : stored;
      // graphology leaves out an empty attributes object.
      const item = hasKeys(attributes) ? { key: node, attributes } : { key: node };
      if (sink.push(separator + JSON.stringify(item))) {
        await sink.flush();
        if (sink.stopped) break;
      }
      separator = ",";
    }
    sink.push('],"edges":[', false);
    separator = "";
    const mixed = graph.type === "mixed";
    for (const { edge, attributes: stored, source, target, undirected } of graph.edgeEntries()) {
      if (sink.stopped) break;
      if (only && !only.keepsEdge(stored, source, target)) {
        if (sink.busy) await sink.takeTurn();
        continue;
      }
      const attributes = only ? only.shown(stored) : stored;
      const item: { key: string; source: string; target: string; attributes?: Attributes; undirected?: true } = {
        key: edge,
        source,
        target,
      };
      if (hasKeys(attributes)) item.attributes = attributes;
      if (mixed && undirected) item.undirected = true;
      if (sink.push(separator + JSON.stringify(item))) await sink.flush();
      separator = ",";
    }
    sink.push("]}", false);
    await sink.flush();
  } finally {
    sink.dispose();
  }
  if (sink.failure) throw sink.failure;
}

// graphology's own test: any enumerable key, inherited ones included.
function hasKeys(object: object): boolean {
  for (const _key in object) return true;
  return false;
}

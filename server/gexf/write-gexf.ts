/** Streams a knowledge graph as a GEXF 1.3 document (static, mixed directed/undirected) for Gephi and others. */
import { Writable } from "node:stream";
import { RELATION_INFO } from "../domain/vocabulary";
import type { EdgeAttributes, KnowledgeGraph, NodeAttributes } from "../graph/attributes";
import { attvaluesXml } from "./attvalues";
import { planColumns, type Column, type ColumnSet } from "./columns";
import { ChunkSink, type Output } from "./sink";
import { formatNumber, vizColor } from "./values";
import { escapeXml } from "./xml";

export interface GexfOptions {
  /** `<creator>`; default "kg-explorer". */
  creator?: string;
  /** `<description>`; default the graph's name and description. */
  description?: string;
  /** `lastmodifieddate` as YYYY-MM-DD; default today (UTC). Set it for byte-identical exports. */
  lastModifiedDate?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes `graph` to `out` as GEXF 1.3 in batches, waiting for 'drain' when `out` is full, so a large graph
 * never sits in memory as one document. Two passes: one to plan the columns, one to write.
 *
 * It never ends `out` (the caller does). If `out` is destroyed or closed meanwhile (an HTTP client went
 * away), it stops writing and resolves; if `out` emits an error meanwhile, it rejects with that error.
 */
export async function writeGexf(graph: KnowledgeGraph, out: Output, options: GexfOptions = {}): Promise<void> {
  const date = options.lastModifiedDate ?? new Date().toISOString().slice(0, 10);
  if (!DATE.test(date)) throw new Error(`server/gexf/write-gexf: lastModifiedDate must be YYYY-MM-DD, got "${date}".`);
  const columns = planColumns(graph);
  const sink = new ChunkSink(out);
  try {
    sink.push(header(graph, columns.node.columns(), columns.edge.columns(), options, date), false);
    sink.push(`    <nodes count="${graph.order}">\n`, false);
    await sink.flush();
    for (const { node, attributes } of graph.nodeEntries()) {
      if (sink.push(nodeXml(node, attributes, columns.node))) {
        await sink.flush();
        if (sink.stopped) break;
      }
    }
    sink.push(`    </nodes>\n    <edges count="${graph.size}">\n`, false);
    for (const { edge, attributes, source, target } of graph.edgeEntries()) {
      if (sink.stopped) break;
      const directed = RELATION_INFO[attributes.relation]?.directed ?? graph.isDirected(edge);
      const kind = kindOf(graph, edge, source, target, attributes.relation, directed);
      if (sink.push(edgeXml(edge, source, target, directed, kind, attributes, columns.edge))) await sink.flush();
    }
    sink.push("    </edges>\n  </graph>\n</gexf>\n", false);
    await sink.flush();
  } finally {
    sink.dispose();
  }
  if (sink.failure) throw sink.failure;
}

/** The whole document as one string: for tests and small graphs only. */
export async function gexfToString(graph: KnowledgeGraph, options?: GexfOptions): Promise<string> {
  const parts: string[] = [];
  const collector = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      parts.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
      callback();
    },
  });
  await writeGexf(graph, collector, options);
  return parts.join("");
}

function header(
  graph: KnowledgeGraph,
  nodeColumns: Column[],
  edgeColumns: Column[],
  options: GexfOptions,
  date: string,
): string {
  const name = graph.getAttribute("name");
  const about = graph.getAttribute("description");
  const description = options.description ?? [name, about].filter(Boolean).join(": ");
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n' +
    `  <meta lastmodifieddate="${date}">\n` +
    `    <creator>${escapeXml(options.creator ?? "kg-explorer")}</creator>\n` +
    (description ? `    <description>${escapeXml(description)}</description>\n` : "") +
    "  </meta>\n" +
    // No defaultedgetype: every edge says its own type, which Gephi needs for a mixed graph.
    '  <graph mode="static">\n' +
    declarations("node", nodeColumns) +
    declarations("edge", edgeColumns)
  );
}

function declarations(kind: "node" | "edge", columns: Column[]): string {
  let out = `    <attributes class="${kind}">\n`;
  for (const column of columns) {
    out += `      <attribute id="${escapeXml(column.id)}" title="${escapeXml(column.title)}" type="${column.type}"/>\n`;
  }
  return out + "    </attributes>\n";
}

// A graph has a handful of colours: spell each viz:color once.
const colorCache = new Map<string, string>();
function cachedVizColor(color: string): string {
  let xml = colorCache.get(color);
  if (xml === undefined) {
    xml = vizColor(color);
    if (colorCache.size < 1024) colorCache.set(color, xml);
  }
  return xml;
}

function nodeXml(key: string, attributes: NodeAttributes, columns: ColumnSet<NodeAttributes>): string {
  let xml = '      <node id="' + escapeXml(key) + '"';
  if (attributes.label) xml += ' label="' + escapeXml(attributes.label) + '"';
  xml += ">" + attvaluesXml(columns, attributes) + cachedVizColor(attributes.color);
  const size = attributes.size;
  if (Number.isFinite(size) && size > 0) xml += '<viz:size value="' + formatNumber(size) + '"/>';
  const x = formatNumber(attributes.x);
  const y = formatNumber(attributes.y);
  if (x !== undefined && y !== undefined) xml += '<viz:position x="' + x + '" y="' + y + '"/>';
  return xml + "</node>\n";
}

/**
 * The edge's `kind`: its relation, or `<relation>_<n>` for the n-th edge (by key) of one relation between the
 * same two nodes, as Gephi merges parallel edges of one kind into one (summing weights).
 */
function kindOf(
  graph: KnowledgeGraph,
  edge: string,
  source: string,
  target: string,
  relation: string,
  directed: boolean,
): string {
  let rank = 1;
  const count = (other: string, attributes: EdgeAttributes) => {
    if (other < edge && attributes.relation === relation) rank++;
  };
  // graphology's forEachEdge(s, t) runs both ways: only an undirected relation's b-a is parallel to a-b.
  graph.forEachOutEdge(source, target, count);
  if (!directed && source !== target) graph.forEachInEdge(source, target, count);
  return rank === 1 ? relation : `${relation}_${rank}`;
}

function edgeXml(
  key: string,
  source: string,
  target: string,
  directed: boolean,
  kind: string,
  attributes: EdgeAttributes,
  columns: ColumnSet<EdgeAttributes>,
): string {
  // No weight: it defaults to 1, and Gephi drops weight-0 edges. `kind` keeps parallel relations apart.
  let xml =
    '      <edge id="' +
    escapeXml(key) +
    '" source="' +
    escapeXml(source) +
    '" target="' +
    escapeXml(target) +
    (directed ? '" type="directed"' : '" type="undirected"');
  if (attributes.label) xml += ' label="' + escapeXml(attributes.label) + '"';
  if (kind) xml += ' kind="' + escapeXml(kind) + '"';
  xml += ">" + attvaluesXml(columns, attributes) + cachedVizColor(attributes.color);
  const size = attributes.size;
  if (Number.isFinite(size) && size > 0) xml += '<viz:thickness value="' + formatNumber(size) + '"/>';
  return xml + "</edge>\n";
}

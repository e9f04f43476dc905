/**
 * Streams a knowledge graph as a static GEXF document in which every edge is directed: the graph is a directed
 * multigraph, and networkx refuses mixed graphs. Relations the vocabulary calls symmetric (competes_with) stay
 * directed edges, flagged by the boolean edge column `symmetric` ("Symmetric relation").
 *
 * Two flavours (`version`), each valid against its official XSD:
 * - "1.3", the default: for Gephi, Gephi Lite (graphology-gexf) and networkx 3 (a plain `nx.read_gexf(path)`
 *   gives a MultiDiGraph). Parallel edges of one relation get distinct `kind`s so Gephi keeps them apart.
 * - "1.2draft": for readers that only know 1.2draft, such as Debian's networkx 2.8 (it finds no graph in a 1.3
 *   file). No `kind` (not in 1.2draft), `z="0"` on positions, lists as text `a | b`.
 *
 * With `dynamic: true` (1.3 only) the graph is dynamic for Gephi's timeline: see dynamic.ts.
 */
import { Writable } from "node:stream";
import type { EdgeAttributes, KnowledgeGraph, NodeAttributes } from "../graph/attributes";
import { AttvaluesWriter } from "./attvalues";
import { emptyColumns, planningSteps, type Column, type GexfColumns } from "./columns";
import { spanXml } from "./dynamic";
import type { GraphFilter } from "../graph/filter";
import { EdgeKinds } from "./kinds";
import { ChunkSink, type Output } from "./sink";
import { formatNumber, vizColor } from "./values";
import { gexfFlavour, type GexfFlavour, type GexfVersion } from "./versions";
import { escapeXml, escapeXmlPieces } from "./xml";

export interface GexfOptions {
  /** `<creator>`; default "kg-explorer". */
  creator?: string;
  /** `<description>`; default the graph's name and description. */
  description?: string;
  /** `lastmodifieddate` as YYYY-MM-DD; default today (UTC). Set it for byte-identical exports. */
  lastModifiedDate?: string;
  /**
   * "1.3" (default): `kind` on edges, `[a, b]` lists. "1.2draft": for readers that only know
   * 1.2draft (Debian's networkx 2.8): no `kind` (so Gephi merges parallel edges of one relation), r/g/b colours
   * only, lists as a string `a | b`.
   */
  version?: GexfVersion;
  /**
   * A dynamic GEXF 1.3 for Gephi's timeline (1.3 only): `mode="dynamic"`, year intervals on dated nodes and
   * edges (`start="2019-01-01" end="2021-12-31"`, inclusive, open ends left out), figures as dynamic attributes
   * with one attvalue per point over its dates (Q4 2023 is October to December), each with its basis, sources
   * and note; one `mode="dynamic"` attribute block per class. graphology-gexf (Gephi Lite) reads it, ignoring
   * time; networkx 3 reads every column as (value, start, end) lists; networkx 2 reads no 1.3 at all.
   */
  dynamic?: boolean;
  /** Only the records this keeps (types, relations, a year), as if they were a graph of their own. */
  filter?: GraphFilter;
  /**
   * Node metrics (PageRank, communities, ...) as declared numeric columns Gephi can size, colour and filter by:
   * the columns, and each node's values in their order (undefined: none for that node).
   */
  nodeMetrics?: NodeMetricColumns;
}

export interface NodeMetricColumns {
  columns: Column[];
  valuesOf(key: string): readonly (number | undefined)[] | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes `graph` to `out` as GEXF (1.3 unless `options.version` says 1.2draft) in batches, waiting for 'drain'
 * when `out` is full, so a large graph never sits in memory as one document. The prolog goes out first; then
 * a pass plans the columns and counts the edges' kinds (1.3), the nodes are written, and the edges are
 * written. Every pass lets the event loop run every few milliseconds, so a server keeps answering meanwhile.
 *
 * The graph is `defaultedgetype="directed"` and every edge `type="directed"`, so networkx reads it as a
 * (Multi)DiGraph with a plain `read_gexf` (it refuses mixed graphs), and Gephi keeps every edge.
 *
 * It never ends `out` (the caller does). If `out` is destroyed or closed meanwhile (an HTTP client went
 * away), it stops writing and resolves; if `out` emits an error meanwhile, it rejects with that error.
 */
export async function writeGexf(graph: KnowledgeGraph, out: Output, options: GexfOptions = {}): Promise<void> {
  const date = options.lastModifiedDate ?? new Date().toISOString().slice(0, 10);
  if (!DATE.test(date)) throw new Error(`server/gexf/write-gexf: lastModifiedDate must be YYYY-MM-DD, got "${date}".`);
  const flavour = gexfFlavour(options.version ?? "1.3");
  const dynamic = options.dynamic === true;
  if (dynamic && flavour.version !== "1.3") {
    throw new Error(`server/gexf/write-gexf: dynamic needs version 1.3, got "${flavour.version}".`);
  }
  const sink = new ChunkSink(out);
  let counts = { nodes: 0, edges: 0 };
  try {
    // The prolog goes out before the planning pass, so that a download starts at once.
    sink.push(prolog(graph, options, date, flavour), false);
    await sink.flush();
    const columns = emptyColumns(dynamic);
    // Edge kinds (1.3) are counted in the planning pass: one pass over the edges fewer.
    const filter = options.filter && !options.filter.keepsAll ? options.filter : undefined;
    const kinds = flavour.kind ? new EdgeKinds(graph, filter) : undefined;
    const countKind = kinds && kinds.count.bind(kinds);
    const planning = planningSteps(graph, columns, undefined, countKind, filter);
    let step = planning.next();
    while (!step.done && !sink.stopped) {
      if (sink.busy) await sink.takeTurn();
      step = planning.next();
    }
    counts = step.done ? step.value : counts;
    const nodeValues = new AttvaluesWriter(columns.node, flavour);
    const edgeValues = new AttvaluesWriter(columns.edge, flavour);
    const metrics = options.nodeMetrics;
    sink.push(declarations(columns, flavour, metrics?.columns), false);
    sink.push(`    <nodes count="${counts.nodes}">\n`, false);
    await sink.flush();
    for (const { node, attributes } of graph.nodeEntries()) {
      if (filter && !filter.keepsNode(attributes)) {
        if (sink.busy) await sink.takeTurn();
        continue;
      }
      const extra = metrics ? metricValuesXml(metrics.columns, metrics.valuesOf(node)) : "";
      const xml = nodeXml(node, filter ? filter.shown(attributes) : attributes, nodeValues, dynamic, flavour, extra);
      if (nodeValues.long.length > 0) await pushWithLongValues(sink, xml, nodeValues.long);
      else if (sink.push(xml)) await sink.flush();
      if (sink.stopped) break;
    }
    sink.push(`    </nodes>\n`, false);
    sink.push(`    <edges count="${counts.edges}">\n`, false);
    let index = 0;
    for (const { edge, attributes, source, target } of graph.edgeEntries()) {
      if (sink.stopped) break;
      if (filter && !filter.keepsEdge(attributes, source, target)) {
        if (sink.busy) await sink.takeTurn();
        continue;
      }
      const kind = kinds ? kinds.kindOf(index++, edge, attributes, source, target) : "";
      const shown = filter ? filter.shown(attributes) : attributes;
      const xml = edgeXml(edge, source, target, kind, shown, edgeValues, dynamic);
      if (edgeValues.long.length > 0) await pushWithLongValues(sink, xml, edgeValues.long);
      else if (sink.push(xml)) await sink.flush();
    }
    sink.push("    </edges>\n  </graph>\n</gexf>\n", false);
    await sink.flush();
  } finally {
    sink.dispose();
  }
  if (sink.failure) throw sink.failure;
}

/** Writes a record whose NULs stand for `long` values (see AttvaluesWriter), escaping those piece by piece. */
async function pushWithLongValues(sink: ChunkSink, xml: string, long: string[]): Promise<void> {
  const parts = xml.split("\0");
  for (let i = 0; i < parts.length && !sink.stopped; i++) {
    sink.push(parts[i]!, false);
    if (i >= long.length) continue;
    for (const piece of escapeXmlPieces(long[i]!)) {
      if (sink.push(piece, false)) await sink.flush();
      if (sink.stopped) break;
    }
  }
  long.length = 0;
  if (sink.push("")) await sink.flush();
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

/** The XML declaration, the root element and `<meta>`: all that comes before the planned columns. */
function prolog(graph: KnowledgeGraph, options: GexfOptions, date: string, flavour: GexfFlavour): string {
  const name = graph.getAttribute("name");
  const about = graph.getAttribute("description");
  const description = options.description ?? [name, about].filter(Boolean).join(": ");
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    flavour.root +
    "\n" +
    `  <meta lastmodifieddate="${date}">\n` +
    `    <creator>${escapeXml(options.creator ?? "kg-explorer")}</creator>\n` +
    (description ? `    <description>${escapeXml(description)}</description>\n` : "") +
    "  </meta>\n"
  );
}

/** `<graph>` and the attribute declarations of both classes. */
function declarations(columns: GexfColumns, flavour: GexfFlavour, metricColumns: Column[] = []): string {
  const dynamic = columns.node.dynamic;
  return (
    // Directed throughout: networkx (2 and 3) refuses a mixed graph, and Gephi drops edges whose type
    // disagrees with defaultedgetype.
    (dynamic
      ? '  <graph mode="dynamic" timeformat="date" timerepresentation="interval" defaultedgetype="directed">\n'
      : '  <graph mode="static" defaultedgetype="directed">\n') +
    // One block per class: graphology-gexf (Gephi Lite) keeps only the last block of a class. In a dynamic graph
    // it says mode="dynamic", without which Gephi keeps only the last value of a column; the record's own
    // columns then carry no interval (always so), its figures one per point.
    classDeclarations(
      "node",
      [...columns.node.columns(), ...metricColumns, ...columns.node.dynamicColumns()],
      flavour,
      dynamic,
    ) +
    classDeclarations("edge", [...columns.edge.columns(), ...columns.edge.dynamicColumns()], flavour, dynamic)
  );
}

function classDeclarations(kind: "node" | "edge", columns: Column[], flavour: GexfFlavour, dynamic = false): string {
  let out = `    <attributes class="${kind}"${dynamic ? ' mode="dynamic"' : ""}>\n`;
  for (const column of columns) {
    const type = flavour.declaredType(column.type);
    out += `      <attribute id="${escapeXml(column.id)}" title="${escapeXml(column.title)}" type="${type}"/>\n`;
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

function nodeXml(
  key: string,
  attributes: NodeAttributes,
  values: AttvaluesWriter<NodeAttributes>,
  dynamic: boolean,
  flavour: GexfFlavour,
  /** Attvalues written inside the node's own, after them (its metrics). */
  extra = "",
): string {
  let xml = '      <node id="' + escapeXml(key) + '"';
  xml += labelXml(attributes.label);
  if (dynamic) xml += spanXml(attributes.time);
  xml += ">" + values.write(attributes, extra) + cachedVizColor(attributes.color);
  const size = attributes.size;
  if (Number.isFinite(size) && size > 0) xml += '<viz:size value="' + formatNumber(size) + '"/>';
  const x = formatNumber(attributes.x);
  const y = formatNumber(attributes.y);
  if (x !== undefined && y !== undefined) {
    xml += '<viz:position x="' + x + '" y="' + y + (flavour.positionZ ? '" z="0"/>' : '"/>');
  }
  return xml + "</node>\n";
}

/** One node's metric attvalues; non-finite values are left out as everywhere else. */
function metricValuesXml(columns: Column[], values: readonly (number | undefined)[] | undefined): string {
  if (!values) return "";
  let out = "";
  for (let i = 0; i < columns.length; i++) {
    const raw = values[i];
    const value = raw === undefined ? undefined : formatNumber(raw);
    if (value !== undefined) out += '<attvalue for="' + escapeXml(columns[i]!.id) + '" value="' + value + '"/>';
  }
  return out;
}

/** ` label="..."`, or "" when the label is empty once the characters XML cannot carry are removed. */
function labelXml(label: string | undefined): string {
  // escapeXml drops those characters itself (and escapes nothing into ""): one scan of the label, not two.
  const text = typeof label === "string" ? escapeXml(label) : "";
  return text ? ' label="' + text + '"' : "";
}

function edgeXml(
  key: string,
  source: string,
  target: string,
  kind: string,
  attributes: EdgeAttributes,
  values: AttvaluesWriter<EdgeAttributes>,
  dynamic: boolean,
): string {
  // No weight: it defaults to 1, and Gephi drops weight-0 edges. `kind` keeps parallel relations apart.
  let xml =
    '      <edge id="' +
    escapeXml(key) +
    '" source="' +
    escapeXml(source) +
    '" target="' +
    escapeXml(target) +
    '" type="directed"';
  xml += labelXml(attributes.label);
  if (dynamic) xml += spanXml(attributes.time);
  if (kind) xml += ' kind="' + escapeXml(kind) + '"';
  xml += ">" + values.write(attributes) + cachedVizColor(attributes.color);
  const size = attributes.size;
  if (Number.isFinite(size) && size > 0) xml += '<viz:thickness value="' + formatNumber(size) + '"/>';
  return xml + "</edge>\n";
}

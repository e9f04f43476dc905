/**
 * The neutral model as GraphML, streamed: one typed `<key>` per declared attribute (named by its id), Gephi's
 * field keys (label, weight, kind, x, y, z, size, r, g, b) for the visual fields, `edgedefault` plus
 * `directed` where an edge differs. GraphML has no lists, time or shapes: lists and timed values are written
 * as JSON text, and start/end, spells, alpha and shape are left out (docs/formats.md).
 */
import type { Writable } from "node:stream";
import { escapeXml } from "../gexf/xml";
import type { AttributeValue, DeclaredAttribute, ImportedGraph, NodeAttributes, TimedValue } from "./model";
import { listItemType } from "./values";
import { BufferedWriter } from "./xml-writer";

const GRAPHML_TYPE: Record<string, string> = {
  boolean: "boolean",
  integer: "long",
  int: "long",
  long: "long",
  short: "int",
  byte: "int",
  biginteger: "long",
  float: "double",
  double: "double",
  bigdecimal: "double",
};

const NODE_FIELD_KEYS: [string, string][] = [
  ["label", "string"],
  ["x", "double"],
  ["y", "double"],
  ["z", "double"],
  ["size", "double"],
  ["r", "int"],
  ["g", "int"],
  ["b", "int"],
];
const EDGE_FIELD_KEYS: [string, string][] = [
  ["label", "string"],
  ["weight", "double"],
  ["kind", "string"],
  ["size", "double"],
  ["r", "int"],
  ["g", "int"],
  ["b", "int"],
];

export async function writeGraphml(imported: ImportedGraph, out: Writable): Promise<void> {
  const { graph, attributes, meta } = imported;
  const w = new BufferedWriter(out);
  const q = (text: string) => `"${escapeXml(text)}"`;
  await w.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
  const keyOf = new Map<DeclaredAttribute, string>();
  const counters = { node: 0, edge: 0, graph: 0 };
  for (const a of attributes) {
    const id = `${a.class[0]}${counters[a.class]++}`;
    keyOf.set(a, id);
    const type =
      a.mode === "dynamic" || listItemType(a.type) !== undefined
        ? "string"
        : (GRAPHML_TYPE[a.type.toLowerCase()] ?? "string");
    const head = `  <key id="${id}" for="${a.class}" attr.name=${q(a.id)} attr.type="${type}"`;
    await w.write(
      a.default === undefined ? `${head}/>\n` : `${head}><default>${escapeXml(text(a.default))}</default></key>\n`,
    );
  }
  for (const [cls, fields] of [
    ["node", NODE_FIELD_KEYS],
    ["edge", EDGE_FIELD_KEYS],
  ] as const) {
    for (const [name, type] of fields)
      await w.write(`  <key id="${cls}_${name}" for="${cls}" attr.name="${name}" attr.type="${type}"/>\n`);
  }
  const directedDefault = meta.defaultEdgeType !== "undirected";
  await w.write(`  <graph edgedefault="${directedDefault ? "directed" : "undirected"}">\n`);
  for (const a of attributes) {
    const value = a.class === "graph" ? meta.attributes[a.id] : undefined;
    if (value !== undefined) await w.write(`    <data key="${keyOf.get(a)}">${escapeXml(text(value))}</data>\n`);
  }
  const byClass = (cls: "node" | "edge") =>
    attributes.filter((a) => a.class === cls).map((a) => [a.id, keyOf.get(a)!] as const);
  const nodeKeys = byClass("node");
  const edgeKeys = byClass("edge");
  for (const { node: key, attributes: a } of graph.nodeEntries()) {
    await w.write(`    <node id=${q(key)}>${fieldData("node", a)}${attributeData(a.attributes, nodeKeys)}</node>\n`);
  }
  for (const { edge, source, target, attributes: a, undirected } of graph.edgeEntries()) {
    const flag = !undirected === directedDefault ? "" : ` directed="${!undirected}"`;
    const kind = a.kind !== undefined ? `<data key="edge_kind">${escapeXml(a.kind)}</data>` : "";
    const weight = a.weight !== undefined ? `<data key="edge_weight">${numberText(a.weight)}</data>` : "";
    await w.write(
      `    <edge id=${q(a.id ?? edge)} source=${q(source)} target=${q(target)}${flag}>${fieldData("edge", a)}${kind}${weight}${attributeData(a.attributes, edgeKeys)}</edge>\n`,
    );
  }
  await w.write("  </graph>\n</graphml>\n");
  await w.flush();
}

function fieldData(cls: "node" | "edge", a: NodeAttributes): string {
  let out = a.label !== undefined ? `<data key="${cls}_label">${escapeXml(a.label)}</data>` : "";
  const viz = a.viz;
  if (!viz) return out;
  for (const axis of ["x", "y", "z"] as const)
    if (cls === "node" && viz[axis] !== undefined) out += `<data key="node_${axis}">${numberText(viz[axis])}</data>`;
  const size = cls === "node" ? viz.size : viz.thickness;
  if (size !== undefined) out += `<data key="${cls}_size">${numberText(size)}</data>`;
  if (viz.color) {
    const rgb = [1, 3, 5].map((i) => parseInt(viz.color!.slice(i, i + 2), 16));
    out += ["r", "g", "b"].map((c, i) => `<data key="${cls}_${c}">${rgb[i]}</data>`).join("");
  }
  return out;
}

function attributeData(
  values: Record<string, AttributeValue | TimedValue[]>,
  keys: readonly (readonly [string, string])[],
): string {
  let out = "";
  for (const [id, key] of keys) {
    const value = values[id];
    if (value !== undefined) out += `<data key="${key}">${escapeXml(text(value))}</data>`;
  }
  return out;
}

function text(value: AttributeValue | TimedValue[]): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  return typeof value === "number" ? numberText(value) : String(value);
}

/** A number as XML Schema's double spells it: INF, -INF, and -0 kept (String(-0) is "0"). */
function numberText(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "INF" : "-INF";
  return Object.is(value, -0) ? "-0" : String(value);
}

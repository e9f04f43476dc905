/**
 * GEXF 1.1draft, 1.2draft, 1.3 and the old `http://www.gephi.org/gexf` namespace, read as a stream: declared
 * attributes (static and dynamic, list types, defaults), viz (colour, position, size, thickness, shape),
 * start/end and spells, per-edge `type` in mixed graphs, parallel edges with their `kind`.
 */
import type { SaxesTagPlain } from "saxes";
import { GraphBuilder, type Position } from "./builder";
import type { DeclaredAttribute, EdgeAttributes, ImportedGraph, ImportOptions, NodeAttributes, Viz } from "./model";
import { colorFrom, normalizeHex, parseTyped } from "./values";
import { localName, parseXmlFile } from "./xml-source";

const VERSIONS: [RegExp, string][] = [
  [/gexf\.net\/1\.3/, "1.3"],
  [/gexf\.net\/1\.2/, "1.2draft"],
  [/gexf\.net\/1\.1/, "1.1draft"],
  [/gephi\.org\/gexf/, "gephi"],
];

/** Elements read for what they contain, not for themselves. */
const CONTAINERS = new Set(["gexf", "nodes", "edges", "attvalues", "spells", "parents", "options"]);

type Item = { kind: "node"; key: string; attributes: NodeAttributes } | EdgeItem;
interface EdgeItem {
  kind: "edge";
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

export async function readGexf(file: string, options: ImportOptions = {}): Promise<ImportedGraph> {
  const b = new GraphBuilder(file, options, { format: "gexf", defaultEdgeType: "undirected", attributes: {} });
  const declared = { node: new Map<string, DeclaredAttribute>(), edge: new Map<string, DeclaredAttribute>() };
  const withDefaults = { node: [] as DeclaredAttribute[], edge: [] as DeclaredAttribute[] }; // checked per element
  const items: Item[] = []; // open <node>/<edge> elements; nodes may nest (hierarchies are flattened)
  let attributesClass: "node" | "edge" | undefined;
  let attributesMode: "static" | "dynamic" = "static";
  let attribute: DeclaredAttribute | undefined;
  let inMeta = false;
  let text: string | undefined; // collected only inside <default> and meta fields
  let sawRoot = false;
  const warnedElements = new Set<string>();

  function attributeValue(at: Position, cls: "node" | "edge", a: Record<string, string>, item: Item): void {
    const id = a.for ?? a.id;
    if (id === undefined) return b.warn(at, `${cls} attvalue without "for": ignored`);
    let declaration = declared[cls].get(id);
    if (!declaration) {
      b.warn(at, `${cls} attribute "${id}" is not declared; its values are kept as text`);
      declaration = { id, name: id, class: cls, type: "string", mode: "static", inferred: true };
      declared[cls].set(id, declaration);
      b.declare(declaration);
    }
    const raw = a.value ?? "";
    let value = parseTyped(raw, declaration.type);
    if (value === undefined) {
      b.warn(at, `${cls} attvalue for "${id}": "${raw.slice(0, 80)}" is not a ${declaration.type}; kept as text`);
      value = raw;
    }
    const start = a.start ?? a.startopen ?? a.timestamp;
    const end = a.end ?? a.endopen ?? a.timestamp;
    const values = item.attributes.attributes;
    if (declaration.mode === "dynamic" || start !== undefined || end !== undefined) {
      const timed = values[id];
      const entry = { value, ...(start !== undefined && { start }), ...(end !== undefined && { end }) };
      if (Array.isArray(timed) && timed.length > 0 && typeof timed[0] === "object") {
        (timed as { value: unknown }[]).push(entry);
      } else values[id] = [entry];
    } else values[id] = value;
  }

  function viz(at: Position, name: string, a: Record<string, string>, item: Item): void {
    const v: Viz = (item.attributes.viz ??= {});
    const number = (field: string, text: string | undefined): number | undefined => {
      if (text === undefined) return undefined;
      const n = Number(text);
      if (Number.isFinite(n)) return n;
      b.warn(at, `viz:${name} ${field}="${text.slice(0, 40)}" is not a number; ignored`);
      return undefined;
    };
    if (name === "color") {
      const color = a.hex !== undefined ? normalizeHex(a.hex) : colorFrom(a.r, a.g, a.b);
      if (color) v.color = color;
      else b.warn(at, `viz:color is neither #rrggbb nor r/g/b from 0 to 255; ignored`);
      const alpha = number("a", a.a);
      if (alpha !== undefined) v.alpha = alpha;
    } else if (name === "position") {
      for (const axis of ["x", "y", "z"] as const) {
        const n = number(axis, a[axis]);
        if (n !== undefined) v[axis] = n;
      }
    } else if (name === "size" || name === "thickness") {
      const n = number("value", a.value);
      if (n !== undefined) v[name] = n;
    } else if (name === "shape") {
      if (a.value !== undefined) v.shape = a.value;
    }
  }

  function timeOf(a: Record<string, string>): { start?: string; end?: string } {
    const start = a.start ?? a.startopen ?? a.timestamp;
    const end = a.end ?? a.endopen ?? a.timestamp;
    return { ...(start !== undefined && { start }), ...(end !== undefined && { end }) };
  }

  function open(tag: SaxesTagPlain, at: Position): void {
    const name = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    const item = items[items.length - 1];
    if (!sawRoot) {
      if (name !== "gexf") b.fail(at, `expected a <gexf> root element, found <${tag.name}>`);
      sawRoot = true;
      const ns = a.xmlns ?? "";
      b.meta.version = VERSIONS.find(([pattern]) => pattern.test(ns))?.[1] ?? a.version;
      if (!VERSIONS.some(([pattern]) => pattern.test(ns))) {
        b.warn(at, `unknown GEXF namespace "${ns}"; read as GEXF ${a.version ?? "1.3"}`);
      }
      return;
    }
    if (inMeta) {
      text = "";
      return;
    }
    switch (name) {
      case "meta":
        inMeta = true;
        if (a.lastmodifieddate !== undefined) b.meta.attributes.lastmodifieddate = a.lastmodifieddate;
        return;
      case "graph": {
        const type = a.defaultedgetype ?? "undirected";
        if (type !== "directed" && type !== "undirected" && type !== "mutual") {
          b.fail(at, `graph defaultedgetype="${type}": expected directed, undirected or mutual`);
        }
        b.meta.defaultEdgeType = type === "directed" ? "directed" : "undirected";
        const mode = a.mode ?? a.type; // 1.1 spelled it `type`
        if (mode === "dynamic" || mode === "static") b.meta.mode = mode;
        if (a.timeformat ?? a.timetype) b.meta.timeFormat = a.timeformat ?? a.timetype;
        if (a.timerepresentation === "interval" || a.timerepresentation === "timestamp") {
          b.meta.timeRepresentation = a.timerepresentation;
        }
        return;
      }
      case "attributes":
        if (a.class !== "node" && a.class !== "edge") {
          b.warn(at, `attributes of class "${a.class ?? ""}" are not read (node and edge are)`);
          attributesClass = undefined;
        } else attributesClass = a.class;
        attributesMode = a.mode === "dynamic" ? "dynamic" : "static";
        return;
      case "attribute": {
        if (!attributesClass) return;
        if (a.id === undefined) b.fail(at, `<attribute> without an id`);
        attribute = {
          id: a.id,
          name: a.title ?? a.id,
          class: attributesClass,
          type: a.type ?? "string",
          mode: attributesMode,
        };
        declared[attributesClass].set(a.id, attribute);
        b.declare(attribute);
        return;
      }
      case "default":
        text = "";
        return;
      case "node": {
        if (a.id === undefined) b.fail(at, `<node> without an id`);
        if (item?.kind === "node") warnOnce(at, "node hierarchy", "nested nodes are read as a flat graph");
        items.push({ kind: "node", key: a.id, attributes: { ...label(a), ...timeOf(a), attributes: {} } });
        if (a.pid !== undefined) warnOnce(at, "pid", "node parents (pid) are not kept");
        return;
      }
      case "edge": {
        if (a.source === undefined || a.target === undefined) b.fail(at, `<edge> needs both source and target`);
        const type = a.type ?? b.meta.defaultEdgeType;
        if (type !== "directed" && type !== "undirected" && type !== "mutual") {
          b.fail(at, `edge type="${type}": expected directed, undirected or mutual`);
        }
        const attributes: EdgeAttributes = { directed: type === "directed", ...label(a), ...timeOf(a), attributes: {} };
        if (a.id !== undefined) attributes.id = a.id;
        if (a.kind !== undefined) attributes.kind = a.kind;
        if (a.weight !== undefined) {
          const weight = Number(a.weight);
          if (Number.isFinite(weight)) attributes.weight = weight;
          else b.warn(at, `edge weight="${a.weight.slice(0, 40)}" is not a number; ignored`);
        }
        items.push({ kind: "edge", source: a.source, target: a.target, attributes });
        return;
      }
      case "attvalue":
        if (item) attributeValue(at, item.kind, a, item);
        return;
      case "spell":
        if (item) (item.attributes.spells ??= []).push(timeOf(a));
        return;
      case "color":
      case "position":
      case "size":
      case "thickness":
      case "shape":
        if (item) viz(at, name, a, item);
        return;
      default:
        if (!CONTAINERS.has(name)) warnOnce(at, tag.name, `element <${tag.name}> is not part of GEXF; ignored`);
    }
  }

  function warnOnce(at: Position, key: string, message: string): void {
    if (warnedElements.has(key)) return;
    warnedElements.add(key);
    b.warn(at, message);
  }

  function close(qualified: string, at: Position): void {
    const name = localName(qualified);
    if (inMeta) {
      if (name === "meta") inMeta = false;
      else if (text !== undefined) {
        const field = name.toLowerCase();
        if (field === "creator") b.meta.creator = text.trim();
        else if (field === "description") b.meta.description = text.trim();
        else b.meta.attributes[field] = text.trim();
      }
      text = undefined;
      return;
    }
    if (name === "default" && attribute && text !== undefined) {
      const value = parseTyped(text, attribute.type);
      if (value === undefined)
        b.warn(at, `default "${text.slice(0, 40)}" of "${attribute.id}" is not a ${attribute.type}`);
      attribute.default = value ?? text;
      if (attribute.class !== "graph") withDefaults[attribute.class].push(attribute);
      text = undefined;
    } else if (name === "attribute") attribute = undefined;
    else if (name === "attributes") attributesClass = undefined;
    else if (name === "node" || name === "edge") {
      const item = items.pop();
      if (!item) return;
      fillDefaults(item);
      if (item.kind === "node") b.addNode(at, item.key, item.attributes);
      else b.addEdge(at, item.source, item.target, item.attributes);
    }
  }

  function fillDefaults(item: Item): void {
    const values = item.attributes.attributes;
    for (const declaration of withDefaults[item.kind]) {
      if (!(declaration.id in values)) values[declaration.id] = declaration.default!;
    }
  }

  await parseXmlFile(file, { open, close, text: (t) => text !== undefined && (text += t) }, options, () => ({
    nodes: b.graph.order,
    edges: b.graph.size,
  }));
  if (!sawRoot) b.fail({}, "no <gexf> element: the file is empty");
  if (hasMixedEdges(b)) b.meta.defaultEdgeType = "mixed";
  return b.finish();
}

function label(a: Record<string, string>): { label?: string } {
  return a.label !== undefined ? { label: a.label } : {};
}

function hasMixedEdges(b: GraphBuilder): boolean {
  return b.graph.directedSize > 0 && b.graph.undirectedSize > 0;
}

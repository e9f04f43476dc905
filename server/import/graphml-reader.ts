/**
 * GraphML read as a stream: typed `<key>`s with defaults (for node, edge, graph or all), `edgedefault` and
 * per-edge `directed`, parallel edges. Keys Gephi reads as fields (label, weight, x, y, z, size, r, g, b, and an
 * edge's kind) become those fields; values are stored under the key's attr.name. Elements from other namespaces (yFiles and the like) are skipped with one warning
 * each; a `<data>` whose key is not declared stops the import.
 */
import type { SaxesTagPlain } from "saxes";
import { GraphBuilder, type Position } from "./builder";
import type {
  AttributeValue,
  DeclaredAttribute,
  EdgeAttributes,
  ImportedGraph,
  ImportOptions,
  NodeAttributes,
} from "./model";
import { colorFrom, parseTyped } from "./values";
import { localName, parseXmlFile } from "./xml-source";

const GRAPHML_TYPES = new Set(["boolean", "int", "long", "float", "double", "string"]);
/** Key names Gephi's GraphML importer turns into the label, the weight and the viz fields (compared in lower case). */
const FIELD_KEYS = new Set(["label", "weight", "kind", "x", "y", "z", "size", "r", "g", "b"]);
const STRUCTURE = new Set(["graphml", "graph", "node", "edge", "key", "default", "data", "desc", "port", "locator"]);

type Domain = "node" | "edge" | "graph";
interface Key {
  declaration: DeclaredAttribute;
  domains: Domain[];
  field?: string;
}
interface Item {
  kind: "node" | "edge";
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
  rgb: Record<string, unknown>;
}

export async function readGraphml(file: string, options: ImportOptions = {}): Promise<ImportedGraph> {
  const b = new GraphBuilder(file, options, {
    format: "graphml",
    version: "1.0",
    defaultEdgeType: "undirected",
    attributes: {},
  });
  const keys = new Map<string, Key>();
  const items: Item[] = [];
  let key: Key | undefined; // the <key> being declared
  let data: { key: Key; at: Position } | undefined;
  let text: string | undefined;
  let skipDepth = 0; // inside an element from another namespace, or nested in <data>
  let graphDepth = 0;
  let sawRoot = false;
  let defaultDirected = false;
  const warned = new Set<string>();

  function warnOnce(at: Position, id: string, message: string): void {
    if (warned.has(id)) return;
    warned.add(id);
    b.warn(at, message);
  }

  function typed(at: Position, raw: string, declaration: DeclaredAttribute): AttributeValue {
    const value = parseTyped(raw, declaration.type);
    if (value !== undefined) return value;
    b.warn(at, `data for "${declaration.id}": "${raw.slice(0, 80)}" is not a ${declaration.type}; kept as text`);
    return raw;
  }

  function open(tag: SaxesTagPlain, at: Position): void {
    const a = tag.attributes as Record<string, string>;
    const name = localName(tag.name);
    if (skipDepth > 0 || (tag.name.includes(":") && !STRUCTURE.has(name))) {
      if (skipDepth === 0)
        warnOnce(at, tag.name, `element <${tag.name}> is an extension GraphML does not define; ignored`);
      skipDepth++;
      return;
    }
    if (!sawRoot) {
      if (name !== "graphml") b.fail(at, `expected a <graphml> root element, found <${tag.name}>`);
      sawRoot = true;
      return;
    }
    if (data) {
      warnOnce(at, "nested-data", `<data> holding elements (<${tag.name}>) is an extension; its markup is ignored`);
      skipDepth++;
      return;
    }
    switch (name) {
      case "key": {
        if (a.id === undefined) b.fail(at, "<key> without an id");
        const type = a["attr.type"] ?? "string";
        if (!GRAPHML_TYPES.has(type))
          b.warn(at, `key "${a.id}": attr.type "${type}" is not a GraphML type; read as string`);
        const domain = a.for ?? "all";
        const domains: Domain[] = domain === "all" ? ["node", "edge", "graph"] : ([domain] as Domain[]);
        if (!["node", "edge", "graph", "all"].includes(domain)) {
          warnOnce(at, `for-${domain}`, `keys for "${domain}" are not read (node, edge, graph and all are)`);
        }
        const attrName = a["attr.name"] ?? a.id;
        // Values are stored under the key's attr.name, what other tools (networkx, Gephi) name the column by.
        const declaration: DeclaredAttribute = {
          id: attrName,
          name: attrName,
          class: domains[0] ?? "node",
          type: GRAPHML_TYPES.has(type) ? type : "string",
          mode: "static",
        };
        const lower = attrName.toLowerCase();
        const field =
          FIELD_KEYS.has(lower) && domain !== "graph" && (lower !== "kind" || domain === "edge") ? lower : undefined;
        key = { declaration, domains, ...(field && { field }) };
        keys.set(a.id, key);
        if (!field) b.declare(declaration);
        return;
      }
      case "default":
        if (key) text = "";
        return;
      case "graph":
        graphDepth++;
        if (graphDepth > 1) warnOnce(at, "nested-graph", "nested graphs are read into one flat graph");
        else {
          defaultDirected = a.edgedefault === "directed";
          if (a.edgedefault !== undefined && a.edgedefault !== "directed" && a.edgedefault !== "undirected") {
            b.fail(at, `graph edgedefault="${a.edgedefault}": expected directed or undirected`);
          }
          b.meta.defaultEdgeType = defaultDirected ? "directed" : "undirected";
        }
        return;
      case "node":
        if (a.id === undefined) b.fail(at, "<node> without an id");
        items.push({
          kind: "node",
          key: a.id,
          source: "",
          target: "",
          attributes: { directed: false, attributes: {} },
          rgb: {},
        });
        return;
      case "edge": {
        if (a.source === undefined || a.target === undefined) b.fail(at, "<edge> needs both source and target");
        if (a.directed !== undefined && a.directed !== "true" && a.directed !== "false") {
          b.fail(at, `edge directed="${a.directed}": expected true or false`);
        }
        const directed = a.directed === undefined ? defaultDirected : a.directed === "true";
        const attributes: EdgeAttributes = { directed, attributes: {} };
        if (a.id !== undefined) attributes.id = a.id;
        items.push({ kind: "edge", key: a.id ?? "", source: a.source, target: a.target, attributes, rgb: {} });
        return;
      }
      case "data": {
        const id = a.key;
        const found = id !== undefined ? keys.get(id) : undefined;
        if (!found) {
          const where = items.length
            ? `${items[items.length - 1]!.kind} "${items[items.length - 1]!.key}"`
            : "the graph";
          return b.fail(at, `<data key="${id ?? ""}"> in ${where}: no <key id="${id ?? ""}"> is declared before it`);
        }
        data = { key: found, at };
        text = "";
        return;
      }
      case "hyperedge":
        warnOnce(at, "hyperedge", "hyperedges are not read");
        skipDepth++;
        return;
      default:
        if (!STRUCTURE.has(name)) warnOnce(at, name, `element <${tag.name}> is not part of GraphML; ignored`);
    }
  }

  function close(qualified: string, at: Position): void {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    const name = localName(qualified);
    if (name === "default" && key && text !== undefined) {
      key.declaration.default = typed(at, text, key.declaration);
      text = undefined;
    } else if (name === "key") key = undefined;
    else if (name === "data" && data) {
      store(data.key, text ?? "", data.at);
      data = undefined;
      text = undefined;
    } else if (name === "graph") graphDepth--;
    else if (name === "node" || name === "edge") {
      const item = items.pop();
      if (!item) return;
      finishItem(item, at);
    }
  }

  function store(found: Key, raw: string, at: Position): void {
    const item = items[items.length - 1];
    const value = typed(at, raw, found.declaration);
    if (!item) {
      b.meta.attributes[found.declaration.name] = value;
      return;
    }
    if (found.field) setField(item, found.field, value, at);
    else item.attributes.attributes[found.declaration.id] = value;
  }

  function setField(item: Item, field: string, value: AttributeValue, at: Position): void {
    const attributes = item.attributes;
    if (field === "label") attributes.label = String(value);
    else if (field === "kind") attributes.kind = String(value);
    else if (field === "r" || field === "g" || field === "b") item.rgb[field] = value;
    else if (typeof value !== "number") b.warn(at, `${field} "${String(value).slice(0, 40)}" is not a number; ignored`);
    else if (field === "weight") attributes.weight = value;
    else if (field === "size") (attributes.viz ??= {})[item.kind === "edge" ? "thickness" : "size"] = value;
    else (attributes.viz ??= {})[field as "x" | "y" | "z"] = value;
  }

  function finishItem(item: Item, at: Position): void {
    if ("r" in item.rgb || "g" in item.rgb || "b" in item.rgb) {
      const color = colorFrom(item.rgb.r, item.rgb.g, item.rgb.b);
      if (color) (item.attributes.viz ??= {}).color = color;
      else b.warn(at, `${item.kind} "${item.key}": r/g/b do not make a colour; ignored`);
    }
    for (const { declaration, domains, field } of keys.values()) {
      if (declaration.default === undefined || !domains.includes(item.kind)) continue;
      if (field) continue;
      if (!(declaration.id in item.attributes.attributes))
        item.attributes.attributes[declaration.id] = declaration.default;
    }
    if (item.kind === "node") {
      const { directed: _directed, ...node } = item.attributes;
      b.addNode(at, item.key, node as NodeAttributes);
    } else b.addEdge(at, item.source, item.target, item.attributes);
  }

  await parseXmlFile(file, { open, close, text: (t) => text !== undefined && (text += t) }, options, () => ({
    nodes: b.graph.order,
    edges: b.graph.size,
  }));
  if (!sawRoot) b.fail({}, "no <graphml> element: the file is empty");
  if (b.graph.directedSize > 0 && b.graph.undirectedSize > 0) b.meta.defaultEdgeType = "mixed";
  return b.finish();
}

/**
 * graphology's JSON serialisation (`graph.export()`): `{ attributes, options, nodes: [{ key, attributes }],
 * edges: [{ key, source, target, attributes, undirected }] }`. Plain graphology attributes follow sigma's
 * convention (label, x, y, size, color; edge label, weight, size, color, kind); everything else becomes a
 * declared attribute whose type is inferred. A file written by our own writer (json-writer.ts) is read back
 * as it was. JSON is parsed whole: the file's size is capped.
 */
import { readFile, stat } from "node:fs/promises";
import { GraphBuilder } from "./builder";
import type {
  AttributeValue,
  DeclaredAttribute,
  EdgeAttributes,
  GraphMeta,
  ImportedGraph,
  ImportOptions,
  NodeAttributes,
} from "./model";
import { ImportError } from "./model";
import { normalizeHex } from "./values";

/** The graph-attribute marker our writer leaves, holding what graphology's format has no place for. */
export const NEUTRAL_MARKER = "kgExplorerImport";
export const MAX_JSON_BYTES = 512 * 2 ** 20;

const NODE_FIELDS = new Set(["label", "x", "y", "z", "size", "color"]);
const EDGE_FIELDS = new Set(["label", "weight", "size", "color", "kind"]);

interface Serialized {
  attributes?: Record<string, unknown>;
  options?: { type?: string };
  nodes?: { key: unknown; attributes?: Record<string, unknown> }[];
  edges?: {
    key?: unknown;
    source: unknown;
    target: unknown;
    attributes?: Record<string, unknown>;
    undirected?: boolean;
  }[];
}

export async function readGraphologyJson(file: string, options: ImportOptions = {}): Promise<ImportedGraph> {
  const { size } = await stat(file);
  if (size > MAX_JSON_BYTES)
    throw new ImportError(
      file,
      undefined,
      undefined,
      `${size} bytes is over the ${MAX_JSON_BYTES}-byte cap for JSON, which is parsed whole; use GraphML or GEXF`,
    );
  const text = await readFile(file, "utf8");
  let data: Serialized;
  try {
    data = JSON.parse(text) as Serialized;
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1]);
    if (!Number.isFinite(position)) throw new ImportError(file, undefined, undefined, `not valid JSON: ${message}`);
    const before = text.slice(0, position);
    const line = before.split("\n").length;
    throw new ImportError(file, line, position - before.lastIndexOf("\n"), `not valid JSON: ${message}`);
  }
  if (typeof data !== "object" || data === null || !Array.isArray(data.nodes)) {
    throw new ImportError(
      file,
      undefined,
      undefined,
      'expected graphology\'s serialisation: an object with a "nodes" array',
    );
  }
  const neutral = data.attributes?.[NEUTRAL_MARKER] as { meta: GraphMeta; declared: DeclaredAttribute[] } | undefined;
  const defaultType = data.options?.type ?? "mixed";
  const b = new GraphBuilder(
    file,
    options,
    neutral?.meta ?? {
      format: "graphology-json",
      defaultEdgeType: defaultType === "undirected" ? "undirected" : "directed",
      attributes: {},
    },
  );
  b.meta.format = "graphology-json";
  if (neutral) neutral.declared.forEach((d) => b.declare(d));
  else for (const [k, v] of Object.entries(data.attributes ?? {})) if (isValue(v)) b.meta.attributes[k] = v;
  const inferred = { node: new Map<string, DeclaredAttribute>(), edge: new Map<string, DeclaredAttribute>() };

  function plain(
    cls: "node" | "edge",
    raw: Record<string, unknown>,
    fields: Set<string>,
  ): NodeAttributes & Partial<EdgeAttributes> {
    const out: NodeAttributes & Partial<EdgeAttributes> = { attributes: {} };
    for (const [name, value] of Object.entries(raw)) {
      if (fields.has(name)) {
        if (name === "label" || name === "kind") out[name] = String(value);
        else if (name === "color") {
          const color = normalizeHex(String(value));
          if (color) (out.viz ??= {}).color = color;
          else out.attributes.color = String(value);
        } else if (typeof value === "number" && Number.isFinite(value)) {
          if (name === "weight") out.weight = value;
          else if (name === "size") (out.viz ??= {})[cls === "edge" ? "thickness" : "size"] = value;
          else (out.viz ??= {})[name as "x" | "y" | "z"] = value;
        }
        continue;
      }
      const value1 = isValue(value) ? value : JSON.stringify(value);
      if (value1 === undefined) continue;
      out.attributes[name] = value1;
      if (!inferred[cls].has(name)) {
        const declaration: DeclaredAttribute = {
          id: name,
          name,
          class: cls,
          type: typeOf(value1),
          mode: "static",
          inferred: true,
        };
        inferred[cls].set(name, declaration);
        b.declare(declaration);
      } else widen(inferred[cls].get(name)!, typeOf(value1));
    }
    return out;
  }

  data.nodes.forEach((node, i) => {
    const at = { line: undefined, column: undefined };
    if (typeof node?.key !== "string" && typeof node?.key !== "number")
      b.fail(at, `nodes[${i}]: "key" must be a string or a number`);
    const attributes = neutral
      ? (node.attributes as unknown as NodeAttributes)
      : plain("node", node.attributes ?? {}, NODE_FIELDS);
    b.addNode(at, String(node.key), attributes);
  });
  (data.edges ?? []).forEach((edge, i) => {
    const at = {};
    if (edge?.source === undefined || edge?.target === undefined)
      b.fail(at, `edges[${i}]: needs "source" and "target"`);
    let attributes: EdgeAttributes;
    if (neutral) attributes = edge.attributes as unknown as EdgeAttributes;
    else {
      const { directed: _d, ...rest } = plain("edge", edge.attributes ?? {}, EDGE_FIELDS);
      attributes = { ...rest, directed: edge.undirected === true ? false : defaultType !== "undirected" };
      if (edge.key !== undefined) attributes.id = String(edge.key);
    }
    b.addEdge(at, String(edge.source), String(edge.target), attributes);
  });
  if (b.graph.directedSize > 0 && b.graph.undirectedSize > 0) b.meta.defaultEdgeType = "mixed";
  return b.finish();
}

function isValue(value: unknown): value is AttributeValue {
  if (typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)))
  );
}

function typeOf(value: AttributeValue): string {
  if (Array.isArray(value))
    return value.every((v) => typeof v === "number")
      ? "listdouble"
      : value.every((v) => typeof v === "boolean")
        ? "listboolean"
        : "liststring";
  return typeof value === "number"
    ? Number.isInteger(value)
      ? "long"
      : "double"
    : typeof value === "boolean"
      ? "boolean"
      : "string";
}

/** A column holding longs and doubles is double; any other mix is string. */
function widen(declaration: DeclaredAttribute, type: string): void {
  if (declaration.type === type) return;
  const numeric = new Set(["long", "double"]);
  declaration.type = numeric.has(declaration.type) && numeric.has(type) ? "double" : "string";
}

/**
 * The neutral imported-graph model every reader produces: a graphology multigraph (mixed directed and
 * undirected edges, parallel edges and self-loops kept) plus what the file declared about its attributes and
 * time, and the warnings met on the way. It knows nothing of the explorer's own dataset types.
 */
import { MultiGraph } from "graphology";

export const FORMATS = ["gexf", "graphml", "csv", "graphology-json"] as const;
export type ImportFormat = (typeof FORMATS)[number];

/** A value as read: typed by its declaration, lists as arrays. */
export type AttributeValue = string | number | boolean | (string | number | boolean)[];

/** One value of a dynamic attribute, valid from `start` to `end` (both inclusive, either may be open). */
export interface TimedValue {
  value: AttributeValue;
  start?: string;
  end?: string;
}

export interface Spell {
  start?: string;
  end?: string;
}

export interface Viz {
  color?: string; // #rrggbb
  alpha?: number;
  x?: number;
  y?: number;
  z?: number;
  size?: number; // nodes
  thickness?: number; // edges
  shape?: string;
}

/** A declared attribute (GEXF `<attribute>`, GraphML `<key>`, a CSV column, a JSON field). */
export interface DeclaredAttribute {
  id: string;
  name: string;
  class: "node" | "edge" | "graph";
  type: string; // as declared: "string", "double", "liststring", ...
  default?: AttributeValue;
  mode: "static" | "dynamic";
  /** True when no declaration existed and the reader made one (e.g. an undeclared attvalue). */
  inferred?: boolean;
}

export interface NodeAttributes {
  label?: string;
  viz?: Viz;
  start?: string;
  end?: string;
  spells?: Spell[];
  /** By attribute id; a dynamic attribute holds its timed values. */
  attributes: Record<string, AttributeValue | TimedValue[]>;
  /** Set while a node exists only because an edge named it (cleared when the file declares it). */
  createdByImport?: boolean;
}

export interface EdgeAttributes extends NodeAttributes {
  /** The id the file gave the edge, when it gave one. */
  id?: string;
  kind?: string;
  weight?: number;
  directed: boolean;
}

export interface GraphMeta {
  format: ImportFormat;
  /** "1.3", "1.2draft", "1.1draft", "gephi" (the old namespace), "1.0" for GraphML... */
  version?: string;
  defaultEdgeType: "directed" | "undirected" | "mixed";
  mode?: "static" | "dynamic";
  timeFormat?: string;
  timeRepresentation?: "interval" | "timestamp";
  creator?: string;
  description?: string;
  /** Graph-level data (GraphML `<data>` under `<graph>`, GEXF meta fields). */
  attributes: Record<string, AttributeValue>;
}

export interface ImportWarning {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export type ImportedMultiGraph = MultiGraph<NodeAttributes, EdgeAttributes>;

export interface ImportedGraph {
  graph: ImportedMultiGraph;
  attributes: DeclaredAttribute[];
  meta: GraphMeta;
  warnings: ImportWarning[];
}

export interface ImportOptions {
  /** Reject edges to undeclared nodes instead of creating the nodes (Gephi's default) with a warning. */
  strict?: boolean;
  /** Called now and then with bytes read so far and the total (when known). */
  onProgress?: (progress: { bytes: number; total?: number; nodes: number; edges: number }) => void;
  /** Warnings kept in full; beyond this only a count is added, so a hostile file cannot fill memory. */
  maxWarnings?: number;
}

/** A file that cannot be imported: where, and what was expected. */
export class ImportError extends Error {
  override name = "ImportError";
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}:${column ?? 0}` : ""}: ${detail}`);
  }
}

export function newImportedGraph(): ImportedMultiGraph {
  return new MultiGraph<NodeAttributes, EdgeAttributes>({ type: "mixed", allowSelfLoops: true });
}

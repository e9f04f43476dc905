/** Plans the GEXF attribute columns in one pass over the graph: fixed fields, properties and flattened figures. */
import { RELATION_INFO } from "../domain/vocabulary";
import type { EdgeAttributes, KnowledgeGraph, NodeAttributes, Properties } from "../graph/attributes";
import type { GraphFilter } from "../graph/filter";
import { dynamicFigureValues } from "./dynamic";
import { flattenFigures, slugify } from "./figures";
import { formatSources, propertyValue } from "./values";
import { stripIllegalXmlChars } from "./xml";

/** The GEXF types this exporter declares (1.2draft declares liststring as string); Gephi, graphology and networkx all read them. */
export type GexfType = "string" | "double" | "integer" | "boolean" | "liststring";

export interface Column {
  id: string;
  title: string;
  type: GexfType;
}

export type FieldValue = string | number | boolean | readonly string[] | undefined;

/** A column filled from a fixed field of every record (as opposed to properties and figures). */
export interface FixedColumn<A> extends Column {
  get: (attributes: A) => FieldValue;
}

const text = (value: string | undefined) => (value ? value : undefined);

export const NODE_FIXED_COLUMNS: readonly FixedColumn<NodeAttributes>[] = [
  { id: "labelZh", title: "Label (Chinese)", type: "string", get: (a) => text(a.labelZh) },
  { id: "type", title: "Type", type: "string", get: (a) => text(a.type) },
  { id: "description", title: "Description", type: "string", get: (a) => text(a.description) },
  { id: "basis", title: "Basis", type: "string", get: (a) => text(a.basis) },
  { id: "note", title: "Note", type: "string", get: (a) => text(a.note) },
  { id: "aliases", title: "Aliases", type: "liststring", get: (a) => (a.aliases?.length ? a.aliases : undefined) },
  {
    id: "sources",
    title: "Sources",
    type: "string",
    get: (a) => (a.sources?.length ? formatSources(a.sources) : undefined),
  },
  ...timeColumns<NodeAttributes>(),
];

/** `time_start` ... `time_note`: a record's time span as plain columns (what static readers see of it). */
function timeColumns<A extends NodeAttributes | EdgeAttributes>(): FixedColumn<A>[] {
  return [
    { id: "time_start", title: "Start year", type: "integer", get: (a) => a.time?.start },
    { id: "time_end", title: "End year", type: "integer", get: (a) => a.time?.end },
    { id: "time_basis", title: "Time basis", type: "string", get: (a) => text(a.time?.basis) },
    { id: "time_note", title: "Time note", type: "string", get: (a) => text(a.time?.note) },
  ];
}

export const EDGE_FIXED_COLUMNS: readonly FixedColumn<EdgeAttributes>[] = [
  { id: "relation", title: "Relation", type: "string", get: (a) => text(a.relation) },
  // Every edge is written as directed; this keeps what the vocabulary says of symmetric relations (competes_with).
  {
    id: "symmetric",
    title: "Symmetric relation",
    type: "boolean",
    get: (a) => RELATION_INFO[a.relation]?.directed === false,
  },
  { id: "description", title: "Description", type: "string", get: (a) => text(a.description) },
  { id: "basis", title: "Basis", type: "string", get: (a) => text(a.basis) },
  { id: "note", title: "Note", type: "string", get: (a) => text(a.note) },
  {
    id: "sources",
    title: "Sources",
    type: "string",
    get: (a) => (a.sources?.length ? formatSources(a.sources) : undefined),
  },
  ...timeColumns<EdgeAttributes>(),
];

// Gephi's own columns (and attributes the GEXF readers put beside ours) that an attribute id must not shadow.
const RESERVED_IDS = ["id", "label", "weight", "timeset", "interval", "kind", "source", "target", "start", "end"];
// networkx keys attributes by title, next to these keys of its own.
const RESERVED_TITLES = ["id", "label", "weight", "viz", "pid", "start", "end", "spells", "networkx_key"];

/** The declared columns of one class (node or edge), and how each record's values find their column. */
export class ColumnSet<A extends NodeAttributes | EdgeAttributes> {
  private readonly used = new Set<FixedColumn<A>>();
  /** Fixed columns no record had a value for yet: after the first records, plan() only looks at these. */
  private unused: FixedColumn<A>[];
  private fixedInUse: FixedColumn<A>[] | undefined;
  /** Property key → column. */
  readonly props = new Map<string, Column>();
  /** `figureColumnKey(id, unit)` → column (static export). */
  readonly figures = new Map<string, Column>();
  /** `DynamicFigureValue.column` → column (dynamic export, declared with mode="dynamic"). */
  readonly dynamicFigures = new Map<string, Column>();
  private readonly ids = new Set<string>();
  private readonly titles = new Set<string>(RESERVED_TITLES);

  constructor(
    private readonly fixedTable: readonly FixedColumn<A>[],
    /** Figures as dynamic attributes (one column per figure series) rather than one column per point. */
    readonly dynamic = false,
  ) {
    this.unused = [...fixedTable];
    for (const id of RESERVED_IDS) this.ids.add(id);
    for (const column of fixedTable) this.ids.add(column.id.toLowerCase());
    for (const column of fixedTable) this.titles.add(column.title);
  }

  /** Fixed columns some record has a value for, in table order. */
  get fixed(): readonly FixedColumn<A>[] {
    return (this.fixedInUse ??= this.fixedTable.filter((column) => this.used.has(column)));
  }

  /** All static columns: fixed ones first, then properties and (static) figures sorted by id. */
  columns(): Column[] {
    return [...this.fixed, ...[...this.props.values()].sort(byId), ...[...this.figures.values()].sort(byId)];
  }

  /** The dynamic figure columns, sorted by id (none unless `dynamic`). */
  dynamicColumns(): Column[] {
    return [...this.dynamicFigures.values()].sort(byId);
  }

  /** Registers one record's values: marks fixed columns used, types properties, claims figure columns. */
  plan(attributes: A): void {
    let newlyUsed = false;
    for (const column of this.unused) {
      if (column.get(attributes) !== undefined) {
        this.used.add(column);
        newlyUsed = true;
      }
    }
    if (newlyUsed) {
      this.unused = this.unused.filter((column) => !this.used.has(column));
      this.fixedInUse = undefined;
    }
    const properties: Properties = attributes.properties ?? {};
    for (const key in properties) {
      const value = propertyValue(properties[key]);
      if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) continue;
      const type: GexfType = typeof value === "boolean" ? "boolean" : typeof value === "number" ? "double" : "string";
      const column = this.props.get(key);
      if (!column) this.props.set(key, this.claim("prop_" + slugify(key), [], humanize(key), type));
      else if (column.type !== type) column.type = "string"; // mixed kinds: keep every value, as text
    }
    // Most records have no figures: skip the flattening (a Set and arrays per call) for them.
    const figures = attributes.figures;
    if (!figures || figures.length === 0) return;
    if (this.dynamic) {
      for (const value of dynamicFigureValues(figures)) {
        if (!this.dynamicFigures.has(value.column)) {
          this.dynamicFigures.set(value.column, this.claim(value.id, [value.unitId], value.title, value.type));
        }
      }
      return;
    }
    for (const flat of flattenFigures(figures)) {
      const key = figureColumnKey(flat.id, flat.unit, flat.type);
      if (!this.figures.has(key)) {
        // The same figure key in another unit is another quantity: never mix yuan and dollars in one column.
        this.figures.set(key, this.claim(flat.id, [`${flat.id}_${flat.unit.toLowerCase()}`], flat.title, flat.type));
      }
    }
  }

  /** A fresh column whose id is unique ignoring case and whose title is unique (networkx keys by title). */
  private claim(id: string, alternatives: string[], title: string, type: GexfType): Column {
    let chosen = [id, ...alternatives].find((candidate) => !this.ids.has(candidate.toLowerCase()));
    for (let n = 2; chosen === undefined; n++) {
      if (!this.ids.has(`${id}_${n}`.toLowerCase())) chosen = `${id}_${n}`;
    }
    this.ids.add(chosen.toLowerCase());
    // Unique as written: a title differing only by characters XML cannot carry would collide once stripped.
    const clean = stripIllegalXmlChars(title).trim() ? stripIllegalXmlChars(title) : chosen;
    let uniqueTitle = clean;
    for (let n = 2; this.titles.has(uniqueTitle); n++) uniqueTitle = `${clean} (${n})`;
    this.titles.add(uniqueTitle);
    return { id: chosen, title: uniqueTitle, type };
  }
}

const byId = (a: Column, b: Column) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const figureColumnKey = (id: string, unit: string, type: GexfType): string => id + "\0" + unit + "\0" + type;

/** `open_source` → "Open source": property keys as column titles. */
function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

export interface GexfColumns {
  node: ColumnSet<NodeAttributes>;
  edge: ColumnSet<EdgeAttributes>;
}

/**
 * One pass over nodes and edges: which columns to declare, with which ids, titles and types. With `dynamic`,
 * figures get dynamic columns (one per series) instead of one static column per point.
 */
export function planColumns(graph: KnowledgeGraph, dynamic = false): GexfColumns {
  const columns = emptyColumns(dynamic);
  for (const _pause of planningSteps(graph, columns)) continue;
  return columns;
}

export const emptyColumns = (dynamic = false): GexfColumns => ({
  node: new ColumnSet(NODE_FIXED_COLUMNS, dynamic),
  edge: new ColumnSet(EDGE_FIXED_COLUMNS, dynamic),
});

/**
 * planColumns in steps: plans `columns` from every node and edge, pausing (yielding) every `every` records so
 * that a streaming writer can let the event loop run meanwhile on a big graph. With `filter`, only what it
 * keeps is planned, and counted: the returned counts. `onEdge` sees every edge in
 * graphology's order, so that other per-edge work (the writer's edge kinds) shares this pass over the edges.
 */
export function* planningSteps(
  graph: KnowledgeGraph,
  columns: GexfColumns,
  every = 2048,
  onEdge?: (attributes: EdgeAttributes, source: string, target: string) => void,
  filter?: GraphFilter,
): Generator<void, { nodes: number; edges: number }> {
  let n = 0;
  let nodes = 0;
  let edges = 0;
  for (const { attributes } of graph.nodeEntries()) {
    if (++n % every === 0) yield;
    if (filter && !filter.keepsNode(attributes)) continue;
    columns.node.plan(filter ? filter.shown(attributes) : attributes);
    nodes++;
  }
  for (const { attributes, source, target } of graph.edgeEntries()) {
    if (++n % every === 0) yield;
    if (filter && !filter.keepsEdge(attributes, source, target)) continue;
    columns.edge.plan(filter ? filter.shown(attributes) : attributes);
    onEdge?.(attributes, source, target);
    edges++;
  }
  return { nodes, edges };
}

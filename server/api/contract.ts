/**
 * The shapes of the API's JSON responses. The client imports these with `import type`, so server and
 * client cannot drift apart. Request parameters are zod schemas in request-schemas.ts.
 */
import type { SerializedGraph } from "graphology-types";
import type { NodeType, Relation, RelationInfo, NodeTypeInfo } from "../domain/vocabulary";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../graph/attributes";
import type { TimelineEvent } from "../graph/timeline";
import type { Metric } from "../analysis/metric-names";
import type { MetricSummary } from "../analysis/summary";
import type { Chain, Control, Share } from "../analysis/control";

/** With `?asOf=YEAR`, each figure keeps the points known by then and names the point of that year. */
export type { FigureAsOf } from "../graph/as-of";
export type { TimelineEvent };

export type GraphResponse = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface HealthResponse {
  status: "ok";
  dataset: string;
  nodes: number;
  edges: number;
}

export interface NodeSummary {
  key: string;
  label: string;
  labelZh?: string;
  type: NodeType;
}

export interface NodeListResponse {
  total: number;
  items: (NodeSummary & { degree: number })[];
}

export interface EdgeItem {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

export interface RelationGroup {
  relation: Relation;
  /** "out": this node is the source; "in": it is the target. */
  direction: "out" | "in";
  edges: (EdgeItem & { other: NodeSummary })[];
}

export interface NodeDetailResponse {
  key: string;
  attributes: NodeAttributes;
  degree: number;
  inDegree: number;
  outDegree: number;
  relations: RelationGroup[];
}

export interface NeighborhoodResponse {
  center: string;
  depth: number;
  nodes: { key: string; attributes: NodeAttributes; distance: number }[];
  edges: EdgeItem[];
  /** True when `limit` cut the result short. */
  truncated: boolean;
}

/** `?view=` of a neighbourhood: `full` (the default, NeighborhoodResponse) or `summary`. */
export type NeighborhoodView = "full" | "summary";

export interface EdgeSummary {
  key: string;
  source: string;
  target: string;
  relation: Relation;
}

/** A neighbourhood with `view=summary`: enough to draw and label it, without descriptions, figures or sources. */
export interface NeighborhoodSummaryResponse {
  center: string;
  depth: number;
  view: "summary";
  nodes: (NodeSummary & { x: number; y: number; size: number; distance: number })[];
  edges: EdgeSummary[];
  truncated: boolean;
}

export interface EdgeListResponse {
  total: number;
  items: EdgeItem[];
}

export interface PathResponse {
  nodes: { key: string; attributes: NodeAttributes }[];
  edges: EdgeItem[];
  /** Number of edges on the path. */
  length: number;
}

export interface SearchHit extends NodeSummary {
  score: number;
  /** Which field matched best: label, labelZh, aliases or description. */
  matchedIn: string[];
}

export interface SearchResponse {
  query: string;
  items: SearchHit[];
}

export interface SchemaResponse {
  nodeTypes: (NodeTypeInfo & { type: NodeType; count: number })[];
  relations: (RelationInfo & { relation: Relation; count: number })[];
  nodeAttributes: string[];
  edgeAttributes: string[];
  documents: GraphAttributes["documents"];
}

/** RFC 9457 problem details; `parameter` names the bad query or path parameter. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  parameter?: string;
  allowed?: string[];
}

export interface TimelineResponse {
  /** Dated entities and relations, earliest first. Undated facts are not events and are not listed. */
  events: TimelineEvent[];
  /** First and last year any event touches. */
  range: { start: number; end: number } | null;
}

/**
 * What the page opens on: the whole graph when it is small enough to draw, else an overview of its most
 * central nodes. One request either way, so small graphs pay no extra round-trip.
 */
export interface OverviewResponse {
  graph: GraphResponse;
  /** null: `graph` is the whole graph. */
  overview: {
    /** Graphs with more nodes than this open on an overview. */
    above: number;
    /** The most central nodes asked for (`limit`). */
    limit: number;
    totalNodes: number;
    totalEdges: number;
    /** Distinct neighbours of each node in the whole graph. */
    neighbours: Record<string, number>;
  } | null;
}

/** Nodes added to an overview: attributes, neighbour counts, and their edges (at most `perNode` each). */
export interface OverviewNodesResponse {
  nodes: { key: string; attributes: NodeAttributes; neighbours: number }[];
  edges: EdgeItem[];
  perNode: number;
  /** True when some node has more edges than `perNode`. */
  truncated: boolean;
}

/** One node's row of `/api/metrics`: its key and one field per metric asked for. */
export type MetricRow = { key: string; ranks?: Partial<Record<Metric, number>> } & Partial<Record<Metric, number>>;

export interface MetricsResponse {
  metrics: Metric[];
  /** Nodes in the filtered graph (rows are a page of them). */
  total: number;
  nodes: MetricRow[];
  summary: Partial<Record<Metric, MetricSummary>>;
}

/** `/api/nodes/:key/control`: owners and holdings through chains of stakes, ultimate owners, people on both sides. */
export type ControlResponse = Control;
export type { Chain, Share };

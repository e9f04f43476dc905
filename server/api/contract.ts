/**
 * The API's JSON responses as zod schemas, and their TypeScript types inferred from them. The routes build
 * values of these types, the page imports the types with `import type` (so zod never reaches its bundle),
 * and the OpenAPI document publishes the schemas (openapi.ts), which the API tests check every response
 * against. Request parameters are zod schemas in request-schemas.ts.
 */
import type { SerializedGraph } from "graphology-types";
import { z } from "zod";
import { METRICS } from "../analysis/metric-names";
import type { Control } from "../analysis/control";
import type { MetricSummary } from "../analysis/summary";
import {
  documentSchema,
  figurePointSchema,
  figureSchema,
  sourceSchema,
  timeSpanSchema,
  type Figure,
} from "../domain/dataset-schema";
import {
  BASES,
  NODE_TYPES,
  RELATIONS,
  type NodeType,
  type NodeTypeInfo,
  type RelationInfo,
} from "../domain/vocabulary";
import type { FigureAsOf } from "../graph/as-of";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../graph/attributes";
import type { TimelineEvent } from "../graph/timeline";

export type { FigureAsOf, TimelineEvent };

const count = z.number().int().min(0);
const nodeType = z.enum(NODE_TYPES);
const relation = z.enum(RELATIONS);

/** With `?asOf=YEAR`, each figure keeps the points known by then and names the point of that year. */
const figureResponse = figureSchema.extend({
  asOf: z.strictObject({ year: z.number().int(), point: figurePointSchema.nullable() }).optional(),
});

const factAttributes = {
  description: z.string(),
  basis: z.enum(BASES),
  note: z.string().optional(),
  time: timeSpanSchema.optional(),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  figures: z.array(figureResponse),
  sources: z.array(sourceSchema),
};

export const nodeAttributesSchema = z.strictObject({
  ...factAttributes,
  label: z.string(),
  labelZh: z.string().optional(),
  aliases: z.array(z.string()),
  type: nodeType,
  x: z.number(),
  y: z.number(),
  size: z.number(),
  color: z.string(),
});

export const edgeAttributesSchema = z.strictObject({
  ...factAttributes,
  relation,
  label: z.string(),
  color: z.string(),
  size: z.number(),
});

const graphAttributes = z.strictObject({
  name: z.string(),
  description: z.string(),
  documents: z.array(documentSchema),
});

/** graphology's serialisation, as `/api/graph` streams it. */
export const graphSchema = z.strictObject({
  attributes: graphAttributes,
  options: z.strictObject({
    type: z.enum(["mixed", "directed", "undirected"]),
    multi: z.boolean(),
    allowSelfLoops: z.boolean(),
  }),
  nodes: z.array(z.strictObject({ key: z.string(), attributes: nodeAttributesSchema })),
  edges: z.array(
    z.strictObject({
      key: z.string(),
      source: z.string(),
      target: z.string(),
      attributes: edgeAttributesSchema,
      undirected: z.boolean().optional(),
    }),
  ),
});
export type GraphResponse = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export const healthSchema = z.strictObject({
  status: z.literal("ok"),
  dataset: z.string(),
  nodes: count,
  edges: count,
});
export type HealthResponse = z.infer<typeof healthSchema>;

const nodeSummaryShape = { key: z.string(), label: z.string(), labelZh: z.string().optional(), type: nodeType };
const nodeSummarySchema = z.strictObject(nodeSummaryShape);
export type NodeSummary = z.infer<typeof nodeSummarySchema>;

export const nodeListSchema = z.strictObject({
  total: count,
  items: z.array(z.strictObject({ ...nodeSummaryShape, degree: count })),
});
export type NodeListResponse = z.infer<typeof nodeListSchema>;

const edgeItemShape = { key: z.string(), source: z.string(), target: z.string(), attributes: edgeAttributesSchema };
export const edgeItemSchema = z.strictObject(edgeItemShape);
export type EdgeItem = z.infer<typeof edgeItemSchema>;

const relationGroupSchema = z.strictObject({
  relation,
  /** "out": this node is the source; "in": it is the target. */
  direction: z.enum(["out", "in"]),
  edges: z.array(z.strictObject({ ...edgeItemShape, other: nodeSummarySchema })),
});
export type RelationGroup = z.infer<typeof relationGroupSchema>;

export const nodeDetailSchema = z.strictObject({
  key: z.string(),
  attributes: nodeAttributesSchema,
  degree: count,
  inDegree: count,
  outDegree: count,
  /** This page of the node's relations, grouped; `relationsPage` says which part of them it is. */
  relations: z.array(relationGroupSchema),
  relationsPage: z.strictObject({ offset: count, limit: count, total: count }),
});
export type NodeDetailResponse = z.infer<typeof nodeDetailSchema>;

export const neighborhoodSchema = z.strictObject({
  center: z.string(),
  depth: z.number().int(),
  nodes: z.array(z.strictObject({ key: z.string(), attributes: nodeAttributesSchema, distance: count })),
  edges: z.array(edgeItemSchema),
  /** True when `limit` cut the result short. */
  truncated: z.boolean(),
});
export type NeighborhoodResponse = z.infer<typeof neighborhoodSchema>;

/** `?view=` of a neighbourhood: `full` (the default, NeighborhoodResponse) or `summary`. */
export type NeighborhoodView = "full" | "summary";

const edgeSummarySchema = z.strictObject({ key: z.string(), source: z.string(), target: z.string(), relation });
export type EdgeSummary = z.infer<typeof edgeSummarySchema>;

/** A neighbourhood with `view=summary`: enough to draw and label it, without descriptions, figures or sources. */
export const neighborhoodSummarySchema = z.strictObject({
  center: z.string(),
  depth: z.number().int(),
  view: z.literal("summary"),
  nodes: z.array(
    z.strictObject({ ...nodeSummaryShape, x: z.number(), y: z.number(), size: z.number(), distance: count }),
  ),
  edges: z.array(edgeSummarySchema),
  truncated: z.boolean(),
});
export type NeighborhoodSummaryResponse = z.infer<typeof neighborhoodSummarySchema>;

export const edgeListSchema = z.strictObject({ total: count, items: z.array(edgeItemSchema) });
export type EdgeListResponse = z.infer<typeof edgeListSchema>;

export const pathSchema = z.strictObject({
  nodes: z.array(z.strictObject({ key: z.string(), attributes: nodeAttributesSchema })),
  edges: z.array(edgeItemSchema),
  /** Number of edges on the path. */
  length: count,
});
export type PathResponse = z.infer<typeof pathSchema>;

const searchHitSchema = z.strictObject({
  ...nodeSummaryShape,
  score: z.number(),
  /** Which fields matched: label, labelZh, aliases or description. */
  matchedIn: z.array(z.string()),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchSchema = z.strictObject({ query: z.string(), items: z.array(searchHitSchema) });
export type SearchResponse = z.infer<typeof searchSchema>;

const nodeTypeInfo = {
  label: z.string(),
  labelZh: z.string(),
  plural: z.string(),
  color: z.string(),
  description: z.string(),
  descriptionZh: z.string(),
};
const relationInfo = {
  label: z.string(),
  labelZh: z.string(),
  color: z.string(),
  directed: z.boolean(),
  description: z.string(),
  descriptionZh: z.string(),
  control: z.enum(["stake", "whole", "parent", "role"]).optional(),
};
export const schemaSchema = z.strictObject({
  nodeTypes: z.array(z.strictObject({ ...nodeTypeInfo, type: nodeType, count })),
  relations: z.array(z.strictObject({ ...relationInfo, relation, count })),
  nodeAttributes: z.array(z.string()),
  edgeAttributes: z.array(z.string()),
  documents: z.array(documentSchema),
});
export type SchemaResponse = z.infer<typeof schemaSchema>;

/** RFC 9457 problem details; `parameter` names the bad query or path parameter. */
export const problemSchema = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  instance: z.string().optional(),
  parameter: z.string().optional().describe("The bad query or path parameter"),
  allowed: z.array(z.string()).optional().describe("The values it may take, for closed sets"),
});
export type Problem = z.infer<typeof problemSchema>;

const timelineEventSchema = z.strictObject({
  /** The node or edge key. */
  key: z.string(),
  kind: z.enum(["entity", "relation"]),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  basis: z.enum(BASES),
  note: z.string().optional(),
  title: z.string(),
  nodes: z.array(z.string()),
  sources: z.array(sourceSchema),
});

export const timelineSchema = z.strictObject({
  /** Dated entities and relations, earliest first. Undated facts are not events and are not listed. */
  events: z.array(timelineEventSchema),
  /** First and last year any event touches. */
  range: z.strictObject({ start: z.number().int(), end: z.number().int() }).nullable(),
});
export type TimelineResponse = z.infer<typeof timelineSchema>;

/**
 * What the page opens on: the whole graph when it is small enough to draw, else an overview of its most
 * central nodes. One request either way, so small graphs pay no extra round-trip.
 */
export const overviewSchema = z.strictObject({
  graph: graphSchema,
  /** null: `graph` is the whole graph. */
  overview: z
    .strictObject({
      /** Graphs with more nodes than this open on an overview. */
      above: count,
      /** The most central nodes asked for (`limit`). */
      limit: count,
      totalNodes: count,
      totalEdges: count,
      /** Distinct neighbours of each node in the whole graph. */
      neighbours: z.record(z.string(), count),
    })
    .nullable(),
});
export type OverviewResponse = Omit<z.infer<typeof overviewSchema>, "graph"> & { graph: GraphResponse };

/** Nodes added to an overview: attributes, neighbour counts, and their edges (at most `perNode` each). */
export const overviewNodesSchema = z.strictObject({
  nodes: z.array(z.strictObject({ key: z.string(), attributes: nodeAttributesSchema, neighbours: count })),
  edges: z.array(edgeItemSchema),
  perNode: count,
  /** True when some node has more edges than `perNode`. */
  truncated: z.boolean(),
});
export type OverviewNodesResponse = z.infer<typeof overviewNodesSchema>;

const metricSummarySchema = z.strictObject({
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  histogram: z.strictObject({ bins: count, counts: z.array(count) }),
  iterations: count.optional(),
  converged: z.boolean().optional(),
  exact: z.boolean().optional(),
  sources: count.optional(),
  standardError: z.strictObject({ max: z.number(), median: z.number() }).optional(),
  groups: count.optional(),
  sizes: z.array(count).optional(),
  modularity: z.number().optional(),
});

/** One node's row of `/api/metrics`: its key and one field per metric asked for. */
const metricRowSchema = z
  .object({
    key: z.string(),
    ranks: z
      .partialRecord(z.enum(METRICS), z.number().int().min(1))
      .optional()
      .describe("with ?nodes=: the node's rank by each quantity, 1 for the largest (ties share a rank)"),
  })
  .catchall(z.number())
  .describe("the node's key, and one number per metric asked for");
type Metric = (typeof METRICS)[number];
export type MetricRow = { key: string; ranks?: Partial<Record<Metric, number>> } & Partial<Record<Metric, number>>;

export const metricsSchema = z.strictObject({
  metrics: z.array(z.enum(METRICS)),
  /** Nodes in the filtered graph (rows are a page of them). */
  total: count,
  nodes: z.array(metricRowSchema),
  summary: z.partialRecord(z.enum(METRICS), metricSummarySchema),
});
export type MetricsResponse = Omit<z.infer<typeof metricsSchema>, "nodes"> & { nodes: MetricRow[] };

const shareSchema = z.strictObject({ min: z.number(), max: z.number() });
const controlTieSchema = z.strictObject({
  key: z.string(),
  share: shareSchema.nullable(),
  chains: z.array(
    z.strictObject({
      nodes: z.array(z.string()),
      edges: z.array(z.string()),
      shares: z.array(shareSchema.nullable()),
      share: shareSchema.nullable(),
    }),
  ),
});

/** `/api/nodes/:key/control`: owners and holdings through chains of stakes, ultimate owners, people on both sides. */
export const controlSchema = z.strictObject({
  key: z.string(),
  owners: z.array(controlTieSchema),
  holdings: z.array(controlTieSchema),
  ultimateOwners: z.array(z.string()),
  people: z.array(
    z.strictObject({
      person: z.string(),
      roles: z.array(z.strictObject({ entity: z.string(), relations: z.array(relation) })),
    }),
  ),
  truncated: z.boolean(),
});
export type ControlResponse = z.infer<typeof controlSchema>;
export type Chain = ControlResponse["owners"][number]["chains"][number];
export type Share = NonNullable<Chain["share"]>;

/**
 * Compile-time proof that the schemas describe the very types the graph and the analysis produce: if one
 * side changes without the other, `npm run typecheck` fails here.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ContractMatchesTypes = [
  Holds<Same<z.infer<typeof nodeAttributesSchema>, NodeAttributes>>,
  Holds<Same<z.infer<typeof edgeAttributesSchema>, EdgeAttributes>>,
  Holds<Same<z.infer<typeof graphAttributes>, GraphAttributes>>,
  Holds<Same<z.infer<typeof figureResponse>, Figure>>,
  Holds<Same<NonNullable<z.infer<typeof figureResponse>["asOf"]>, FigureAsOf["asOf"]>>,
  Holds<Same<z.infer<typeof timelineEventSchema>, TimelineEvent>>,
  Holds<Same<z.infer<typeof schemaSchema>["nodeTypes"][number], NodeTypeInfo & { type: NodeType; count: number }>>,
  Holds<Same<Omit<z.infer<typeof schemaSchema>["relations"][number], "relation" | "count">, RelationInfo>>,
  Holds<Same<z.infer<typeof metricSummarySchema>, MetricSummary>>,
  Holds<Same<ControlResponse, Control>>,
  // One way only: graphology's own type is looser (optional attributes, keys).
  Holds<z.infer<typeof graphSchema> extends GraphResponse ? true : false>,
];

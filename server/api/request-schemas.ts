/**
 * Zod schemas of every request's query and path parameters. Routes validate with them, and the OpenAPI
 * document is generated from them, so what is documented is what is enforced.
 */
import { z } from "zod";
import { NODE_TYPES, RELATIONS } from "../domain/vocabulary";
import { DIRECTIONS } from "../graph/neighborhood";
import { tokenize } from "../graph/search-index";
import { METRICS } from "../analysis/metric-names";
import type { NeighborhoodView } from "./contract";

export const NEIGHBORHOOD_VIEWS = ["full", "summary"] as const satisfies readonly NeighborhoodView[];

/** Caps that keep any one request cheap; createApp can lower or raise them. */
export interface Limits {
  maxDepth: number;
  maxNeighbors: number;
  maxPage: number;
  maxSearch: number;
  /** Characters and terms of a search query (`/api/search?q=`). */
  maxSearchChars: number;
  maxSearchTerms: number;
  /** Nodes a path search may visit before giving up. */
  maxPathVisited: number;
  /** Nodes in the page's overview of a large graph (`/api/overview?limit=`). */
  maxOverview: number;
  /** Edges in one `/api/overview/nodes` answer, whatever the number of nodes asked for. */
  maxOverviewLinks: number;
  /** Rows of one `/api/metrics` answer. */
  maxMetricRows: number;
}

/** Nodes one `/api/metrics?nodes=` request may name. */
const METRIC_NODES = 100;

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 3,
  maxNeighbors: 2000,
  maxPage: 1000,
  maxSearch: 50,
  maxSearchChars: 100,
  maxSearchTerms: 12,
  maxPathVisited: 1_000_000,
  maxOverview: 5000,
  maxOverviewLinks: 20_000,
  maxMetricRows: 200_000,
};

/** A comma-separated list of allowed values: `?type=company,person`. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(4000)
    .transform((s) =>
      s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1, "give at least one value"))
    .optional();

const wholeNumber = (min: number, max: number) => {
  const allowed = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^[+-]?\d{1,16}$/, allowed)
    .transform(Number)
    .pipe(z.number().int().min(min, allowed).max(max, allowed));
};

const text = (max: number) => z.string().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const nodeKey = text(500);

/** A comma-separated list of at most `max` node keys: `?nodes=xiaomi,lei-jun`. */
const keyList = (max: number) =>
  z
    .string()
    .max(max * 501, "lists too many characters")
    .transform((s) =>
      s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(nodeKey).min(1, "give at least one node key").max(max, `lists more than ${max} nodes`));

export function requestSchemas(limits: Limits) {
  const depth = wholeNumber(1, limits.maxDepth).default(1);
  const direction = z.enum(DIRECTIONS).default("both");
  const type = listOf(NODE_TYPES);
  const relation = listOf(RELATIONS);
  /** The graph as it stood in that year (see server/graph/as-of.ts). */
  const asOf = wholeNumber(1900, 2100).optional();
  const page = { limit: wholeNumber(1, limits.maxPage).default(100), offset: wholeNumber(0, 1e12).default(0) };

  return {
    nodeParams: z.strictObject({ key: nodeKey }),
    edgeParams: z.strictObject({ key: text(1000) }),
    graph: z.strictObject({ type, relation, asOf }),
    nodeDetail: z.strictObject({ asOf }),
    /** One node: its relations a page at a time (a hub has tens of thousands). */
    node: z.strictObject({
      asOf,
      limit: wholeNumber(1, limits.maxPage).default(limits.maxPage),
      offset: page.offset,
    }),
    nodes: z.strictObject({ type, q: text(200).optional(), ...page }),
    neighbors: z.strictObject({
      depth,
      direction,
      relation,
      type,
      limit: wholeNumber(1, limits.maxNeighbors).default(Math.min(500, limits.maxNeighbors)),
      asOf,
      view: z
        .enum(NEIGHBORHOOD_VIEWS)
        .default("full")
        .describe(
          "full: every attribute of every node and edge; summary: what drawing needs (node key, labels, type, " +
            "position, size, distance; edge key, ends, relation), several times smaller on large neighbourhoods",
        ),
    }),
    edges: z.strictObject({ relation, source: nodeKey.optional(), target: nodeKey.optional(), ...page }),
    paths: z.strictObject({ from: nodeKey, to: nodeKey, direction, relation, asOf }),
    search: z.strictObject({
      // Each term is looked up with typos forgiven across every name: the terms, not the characters, cost.
      q: text(limits.maxSearchChars).refine(
        (q) => tokenize(q).length <= limits.maxSearchTerms,
        `must have at most ${limits.maxSearchTerms} search terms (words, and pairs of Chinese characters)`,
      ),
      limit: wholeNumber(1, limits.maxSearch).default(10),
    }),
    exportGexf: z.strictObject({
      type,
      relation,
      center: nodeKey.optional().describe("export this node's neighbourhood instead of the whole graph"),
      depth: depth.describe("hops from center; without center only the default is accepted"),
      direction: direction.describe("which edges to follow from center; without center only the default is accepted"),
      asOf,
      /** 1.3 for Gephi, Gephi Lite and networkx 3; 1.2draft for older readers such as networkx 2. */
      version: z.enum(["1.3", "1.2draft"]).default("1.3"),
      /** A dynamic GEXF 1.3 (years as intervals) for Gephi's timeline; not with 1.2draft or asOf. */
      dynamic: z
        .enum(["true", "false"])
        .default("false")
        .transform((v) => v === "true"),
      metrics: listOf(METRICS).describe(
        "node metrics to add as numeric columns (metric_pagerank, ...), computed on the graph the filters give",
      ),
    }),
    overview: z.strictObject({
      limit: wholeNumber(1, limits.maxOverview).default(Math.min(200, limits.maxOverview)),
    }),
    /** Nodes the page has just added to its overview: their attributes, neighbour counts and links. */
    overviewNodes: z.strictObject({
      nodes: keyList(limits.maxNeighbors),
    }),
    metrics: z.strictObject({
      metrics: listOf(METRICS).unwrap().describe("comma-separated metric names; each row carries one field per name"),
      type,
      relation,
      asOf,
      sort: z.enum(METRICS).optional().describe("order rows by this metric, largest first (ties by key)"),
      nodes: keyList(METRIC_NODES)
        .optional()
        .describe("only these nodes' rows, each with its rank (1 = largest) for every quantity asked for"),
      limit: wholeNumber(1, limits.maxMetricRows).default(limits.maxMetricRows),
      offset: wholeNumber(0, 1e12).default(0),
    }),
    none: z.strictObject({}),
  };
}

export type RequestSchemas = ReturnType<typeof requestSchemas>;

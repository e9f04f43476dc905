/**
 * The one module that knows the API's URLs: typed fetch wrappers returning the server's contract types.
 * Every failure becomes an ApiError whose message a person can read (the problem's detail when there is one).
 */
import type { Metric } from "../../server/analysis/metric-names";
import type {
  ControlResponse,
  EdgeItem,
  GraphResponse,
  HealthResponse,
  MetricsResponse,
  NeighborhoodResponse,
  NodeDetailResponse,
  OverviewNodesResponse,
  OverviewResponse,
  PathResponse,
  Problem,
  SchemaResponse,
  SearchResponse,
  TimelineResponse,
} from "../../server/api/contract";
import { t } from "./core/i18n";
import type { Direction } from "./core/state/types";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | readonly string[] | undefined>;

/** Builds `/api/<path>?…`, leaving out empty parameters and joining lists with commas. */
export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    if (text !== "") search.set(name, text);
  }
  const query = search.toString();
  return `/api/${path}${query ? `?${query}` : ""}`;
}

async function getJson<T>(path: string, params?: Params, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), {
      headers: { accept: "application/json" },
      ...(signal && { signal }),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(t("page.unreachable"), 0);
  }
  if (response.ok) return (await response.json()) as T;
  let problem: Problem | undefined;
  try {
    problem = (await response.json()) as Problem;
  } catch {
    problem = undefined;
  }
  const detail = problem?.detail || problem?.title || response.statusText || "request failed";
  throw new ApiError(`${detail} (HTTP ${response.status})`, response.status, problem);
}

const key = encodeURIComponent;

/** Characters of node keys per /api/overview/nodes request: well under servers' usual 8-16 KB header limits. */
const OVERVIEW_URL_CHARS = 4000;

/** Splits keys into batches whose comma-joined, URL-encoded length stays under `chars`. */
export function batchKeys(keys: readonly string[], chars: number): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let length = 0;
  for (const item of keys) {
    const size = encodeURIComponent(item).length + 3;
    if (batch.length > 0 && length + size > chars) {
      batches.push(batch);
      batch = [];
      length = 0;
    }
    batch.push(item);
    length += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export const api = {
  health: (signal?: AbortSignal) => getJson<HealthResponse>("health", {}, signal),
  graph: (signal?: AbortSignal) => getJson<GraphResponse>("graph", {}, signal),
  /** What the page opens on: the whole graph, or an overview of a large one (index.html preloads this URL). */
  overview: (signal?: AbortSignal) => getJson<OverviewResponse>("overview", {}, signal),
  /** Entities to add to an overview, with neighbour counts and links; asked in batches that keep URLs short. */
  overviewNodes: async (nodes: readonly string[], signal?: AbortSignal): Promise<OverviewNodesResponse> => {
    const answers = await Promise.all(
      batchKeys(nodes, OVERVIEW_URL_CHARS).map((batch) =>
        getJson<OverviewNodesResponse>("overview/nodes", { nodes: batch }, signal),
      ),
    );
    return {
      nodes: answers.flatMap((a) => a.nodes),
      edges: answers.flatMap((a) => a.edges),
      perNode: answers[0]?.perNode ?? 0,
      truncated: answers.some((a) => a.truncated),
    };
  },
  schema: (signal?: AbortSignal) => getJson<SchemaResponse>("schema", {}, signal),
  node: (node: string, signal?: AbortSignal) => getJson<NodeDetailResponse>(`nodes/${key(node)}`, {}, signal),
  edge: (edge: string, signal?: AbortSignal) => getJson<EdgeItem>(`edges/${key(edge)}`, {}, signal),
  timeline: (signal?: AbortSignal) => getJson<TimelineResponse>("timeline", {}, signal),
  /** `asOf`: the neighbourhood in the graph as it stood that year (null or absent: all years). */
  neighbors: (
    node: string,
    options: {
      depth: number;
      direction: Direction;
      relations: readonly string[];
      asOf?: number | null;
      limit?: number;
    },
    signal?: AbortSignal,
  ) =>
    getJson<NeighborhoodResponse>(
      `nodes/${key(node)}/neighbors`,
      {
        depth: options.depth,
        direction: options.direction,
        relation: options.relations,
        limit: options.limit ?? 2000,
        asOf: options.asOf ?? undefined,
      },
      signal,
    ),
  path: (
    from: string,
    to: string,
    options: { relations?: readonly string[]; asOf?: number | null } = {},
    signal?: AbortSignal,
  ) =>
    getJson<PathResponse>(
      "paths",
      { from, to, direction: "both", relation: options.relations, asOf: options.asOf ?? undefined },
      signal,
    ),
  search: (q: string, limit = 8, signal?: AbortSignal) => getJson<SearchResponse>("search", { q, limit }, signal),
  /** Some metrics of the named entities, each with its rank among all (the server computes and caches them). */
  metricsOf: (nodes: readonly string[], metrics: readonly Metric[], signal?: AbortSignal) =>
    getJson<MetricsResponse>("metrics", { metrics, nodes }, signal),
  control: (node: string, signal?: AbortSignal) => getJson<ControlResponse>(`nodes/${key(node)}/control`, {}, signal),
};

/** GEXF download URL: the whole graph, or what is shown (visible types and relations, neighbourhood, year). */
export function gexfUrl(
  scope: {
    types?: readonly string[];
    relations?: readonly string[];
    center?: string;
    depth?: number;
    direction?: Direction;
    asOf?: number;
  } = {},
): string {
  return apiUrl("export.gexf", {
    type: scope.types,
    relation: scope.relations,
    center: scope.center,
    depth: scope.depth,
    direction: scope.direction,
    asOf: scope.asOf,
  });
}

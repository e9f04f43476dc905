/** Turns graph records into the response shapes of contract.ts. */
import type { EdgeAttributes, KnowledgeGraph } from "../graph/attributes";
import type { Neighborhood } from "../graph/neighborhood";
import type {
  EdgeItem,
  NeighborhoodResponse,
  NeighborhoodSummaryResponse,
  NodeDetailResponse,
  NodeSummary,
  RelationGroup,
} from "./contract";
import { NotFoundError } from "./errors";
import { attributesAsOf, inSpan } from "../graph/as-of";
import { GraphFilter } from "../graph/filter";

/** `key` if the node exists (and stood in `asOf`'s year), else a 404 naming the parameter. */
export function requireNode(graph: KnowledgeGraph, key: string, parameter = "key", asOf?: number): string {
  if (!graph.hasNode(key) || (asOf !== undefined && !inSpan(graph.getNodeAttribute(key, "time"), asOf))) {
    throw new NotFoundError(
      `no node with key "${key.slice(0, 200)}"${asOf === undefined ? "" : ` in ${asOf}`}`,
      parameter,
    );
  }
  return key;
}

export function nodeSummary(graph: KnowledgeGraph, key: string): NodeSummary {
  const a = graph.getNodeAttributes(key);
  return { key, label: a.label, ...(a.labelZh !== undefined && { labelZh: a.labelZh }), type: a.type };
}

/** An edge as sent; with `asOf`, its figures as of that year. */
export function edgeItem(graph: KnowledgeGraph, key: string, asOf?: number): EdgeItem {
  const attributes = attributesAsOf(graph.getEdgeAttributes(key), asOf);
  return { key, source: graph.source(key), target: graph.target(key), attributes };
}

/**
 * A node with one page of its relations (out-edges, then in-edges, in graphology's order), grouped by
 * relation and direction; degrees count them all. With `asOf`, as it stood that year.
 */
export function nodeDetail(
  graph: KnowledgeGraph,
  key: string,
  asOf: number | undefined,
  page: { offset: number; limit: number },
): NodeDetailResponse {
  const filter = new GraphFilter(graph, { asOf });
  const groups = new Map<string, RelationGroup>();
  let inDegree = 0;
  let outDegree = 0;
  const add = (edge: string, attributes: EdgeAttributes, direction: "out" | "in", other: string) => {
    if (!filter.follows(attributes) || !filter.standsAt(other)) return;
    const index = inDegree + outDegree;
    if (direction === "out") outDegree++;
    else inDegree++;
    if (index < page.offset || index >= page.offset + page.limit) return;
    const relation = attributes.relation;
    const id = `${direction}:${relation}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { relation, direction, edges: [] }));
    group.edges.push({ ...edgeItem(graph, edge, asOf), other: nodeSummary(graph, other) });
  };
  graph.forEachOutEdge(key, (edge, a, _s, target) => add(edge, a, "out", target));
  graph.forEachInEdge(key, (edge, a, source) => add(edge, a, "in", source));
  return {
    key,
    attributes: filter.shown(graph.getNodeAttributes(key)),
    degree: inDegree + outDegree,
    inDegree,
    outDegree,
    relations: [...groups.values()],
    relationsPage: { ...page, total: inDegree + outDegree },
  };
}

/** The default (full) neighbourhood body: every kept node and edge with all its attributes. */
export function neighborhoodResponse(
  graph: KnowledgeGraph,
  center: string,
  depth: number,
  found: Neighborhood,
  asOf?: number,
): NeighborhoodResponse {
  return {
    center,
    depth,
    nodes: found.nodes.map(({ key, distance }) => ({
      key,
      attributes: attributesAsOf(graph.getNodeAttributes(key), asOf),
      distance,
    })),
    edges: found.edges.map((edge) => edgeItem(graph, edge, asOf)),
    truncated: found.truncated,
  };
}

/** The `view=summary` body: the same nodes and edges with only what drawing and labelling them needs. */
export function neighborhoodSummary(
  graph: KnowledgeGraph,
  center: string,
  depth: number,
  found: Neighborhood,
): NeighborhoodSummaryResponse {
  return {
    center,
    depth,
    view: "summary",
    nodes: found.nodes.map(({ key, distance }) => {
      const a = graph.getNodeAttributes(key);
      return {
        key,
        label: a.label,
        ...(a.labelZh !== undefined && { labelZh: a.labelZh }),
        type: a.type,
        x: a.x,
        y: a.y,
        size: a.size,
        distance,
      };
    }),
    edges: found.edges.map((edge) => ({
      key: edge,
      source: graph.source(edge),
      target: graph.target(edge),
      relation: graph.getEdgeAttribute(edge, "relation"),
    })),
    truncated: found.truncated,
  };
}

/** Turns graph records into the response shapes of contract.ts. */
import type { KnowledgeGraph } from "../graph/attributes";
import type { Relation } from "../domain/vocabulary";
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

export function requireNode(graph: KnowledgeGraph, key: string, parameter = "key", asOf?: number): string {
  if (!graph.hasNode(key)) {
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

export function edgeItem(graph: KnowledgeGraph, key: string): EdgeItem {
  return { key, source: graph.source(key), target: graph.target(key), attributes: graph.getEdgeAttributes(key) };
}

export function nodeDetail(graph: KnowledgeGraph, key: string): NodeDetailResponse {
  const groups = new Map<string, RelationGroup>();
  const add = (edge: string, direction: "out" | "in", other: string) => {
    const relation = graph.getEdgeAttribute(edge, "relation") as Relation;
    const id = `${direction}:${relation}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { relation, direction, edges: [] }));
    group.edges.push({ ...edgeItem(graph, edge), other: nodeSummary(graph, other) });
  };
  graph.forEachOutEdge(key, (edge, _a, _s, target) => add(edge, "out", target));
  graph.forEachInEdge(key, (edge, _a, source) => add(edge, "in", source));
  return {
    key,
    attributes: graph.getNodeAttributes(key),
    degree: graph.degree(key),
    inDegree: graph.inDegree(key),
    outDegree: graph.outDegree(key),
    relations: [...groups.values()],
  };
}

/** The default (full) neighbourhood body: every kept node and edge with all its attributes. */
export function neighborhoodResponse(
  graph: KnowledgeGraph,
  center: string,
  depth: number,
  found: Neighborhood,
): NeighborhoodResponse {
  return {
    center,
    depth,
    nodes: found.nodes.map(({ key, distance }) => ({ key, attributes: graph.getNodeAttributes(key), distance })),
    edges: found.edges.map((edge) => edgeItem(graph, edge)),
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

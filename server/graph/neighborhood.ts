/**
 * Breadth-first neighbourhood of a node: every node within `depth` hops (following edges in the chosen
 * direction and of the chosen relations) with its distance, and the edges among them. Stops at `limit`
 * nodes so that no request can walk a whole large graph.
 */
import type { NodeType, Relation } from "../domain/vocabulary";
import type { EdgeAttributes, KnowledgeGraph } from "./attributes";
import { GraphFilter } from "./filter";

export const DIRECTIONS = ["out", "in", "both"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface NeighborhoodOptions {
  depth: number;
  direction: Direction;
  relations?: readonly Relation[];
  /** Only nodes of these types are reached (the centre is always kept). */
  types?: readonly NodeType[];
  /** The graph as it stood in this year: edges and nodes outside it are not walked. */
  asOf?: number;
  limit: number;
}

export interface Neighborhood {
  nodes: { key: string; distance: number }[];
  edges: string[];
  truncated: boolean;
}

/**
 * Calls `visit(edge, neighbour)` for each edge leaving `node` in the direction that `filter` follows (its
 * relations, its year), until `visit` returns true; returns whether it was stopped that way.
 */
export function someStep(
  graph: KnowledgeGraph,
  node: string,
  direction: Direction,
  filter: GraphFilter,
  visit: (edge: string, neighbour: string) => boolean | void,
): boolean {
  if (
    direction !== "in" &&
    graph.someOutEdge(node, (edge, a, _s, target) => filter.follows(a) && visit(edge, target) === true)
  ) {
    return true;
  }
  return (
    direction !== "out" &&
    graph.someInEdge(node, (edge, a, source) => filter.follows(a) && visit(edge, source) === true)
  );
}

export function neighborhood(graph: KnowledgeGraph, center: string, options: NeighborhoodOptions): Neighborhood {
  const filter = new GraphFilter(graph, options);
  const distance = new Map<string, number>([[center, 0]]);
  let frontier = [center];
  let truncated = false;

  for (let depth = 1; depth <= options.depth && frontier.length > 0 && !truncated; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      truncated = someStep(graph, node, options.direction, filter, (_edge, neighbour) => {
        if (distance.has(neighbour)) return false;
        if (!filter.keepsNode(graph.getNodeAttributes(neighbour))) return false;
        if (distance.size >= options.limit) return true;
        distance.set(neighbour, depth);
        next.push(neighbour);
        return false;
      });
      if (truncated) break;
    }
    frontier = next;
  }

  // Edges among the kept nodes that the traversal could have followed: with a direction, only those leading
  // away from the centre or sideways (an edge into a nearer node, such as one pointing at the centre of an
  // outward walk, is one the walk never takes). A hub may have many more out-edges than there are kept nodes,
  // so from a hub look up its edges to each kept node instead of walking them all.
  const edges: string[] = [];
  const kept = [...distance.keys()];
  const direction = options.direction;
  const follows = (edge: string, attributes: EdgeAttributes, source: string, target: string) => {
    if (!filter.follows(attributes)) return;
    if (direction === "out" && distance.get(target)! < distance.get(source)!) return;
    if (direction === "in" && distance.get(source)! < distance.get(target)!) return;
    edges.push(edge);
  };
  for (const node of kept) {
    if (graph.outDegree(node) <= kept.length) {
      graph.forEachOutEdge(node, (edge, attributes, source, target) => {
        if (distance.has(target)) follows(edge, attributes, source, target);
      });
    } else {
      for (const target of kept) graph.forEachOutEdge(node, target, follows);
    }
  }
  return { nodes: [...distance].map(([key, d]) => ({ key, distance: d })), edges, truncated };
}

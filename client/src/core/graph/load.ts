/**
 * Turns the API's serialised graph into the client's graphology graph, and marks parallel relations (two
 * or more edges between the same two entities, in either direction) with a curvature so they are drawn apart.
 */
import { MultiDirectedGraph } from "graphology";
import type { GraphResponse } from "../../../../server/api/contract";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../../../server/graph/attributes";

export interface ClientEdgeAttributes extends EdgeAttributes {
  /** 0 for a lone edge; otherwise the bend that keeps it apart from its parallels. */
  curvature: number;
  /** In an overview: set on every relation between two entities but the first, which alone is drawn. */
  parallel?: boolean;
}

/** @sigma/edge-curve's default bend (not imported: that module needs WebGL, and this one is unit-tested in Node). */
export const DEFAULT_EDGE_CURVATURE = 0.25;

export interface ClientNodeAttributes extends NodeAttributes {
  /** Set while a node is dragged, so the layout leaves it where the pointer is. */
  fixed?: boolean;
  /** In an overview of a large graph: distinct neighbours in the whole graph, and how many are not on the page. */
  neighbours?: number;
  hiddenNeighbours?: number;
}

export type ClientGraph = MultiDirectedGraph<ClientNodeAttributes, ClientEdgeAttributes, GraphAttributes>;

/** Curvature of the `index`-th of parallel edges (sigma's parallel-edges example): grows, then levels off. */
export function curvatureFor(index: number, maxIndex: number): number {
  if (maxIndex <= 0 || index === 0) return 0;
  if (index < 0) return -curvatureFor(-index, maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

/**
 * Gives each edge its curvature, as @sigma/edge-curve's `indexParallelEdgesIndex` numbers them: a lone edge
 * is straight; one edge each way bends both (to opposite sides, since they run opposite ways); n edges the
 * same way fan out symmetrically; several edges both ways fan out on each side.
 */
export function indexParallelEdges(graph: ClientGraph): void {
  const byPair = new Map<string, Map<string, string[]>>();
  graph.forEachEdge((edge, _attributes, source, target) => {
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const directions = byPair.get(pair) ?? new Map<string, string[]>();
    const direction = `${source}\u0000${target}`;
    directions.set(direction, [...(directions.get(direction) ?? []), edge]);
    byPair.set(pair, directions);
  });
  for (const directions of byPair.values()) {
    const total = [...directions.values()].reduce((sum, edges) => sum + edges.length, 0);
    for (const edges of directions.values()) {
      const count = edges.length;
      edges.forEach((edge, i) => {
        let curvature = 0;
        if (count === 1 && total > 1) curvature = curvatureFor(1, 1);
        else if (count > 1 && count === total) curvature = curvatureFor(i - (count - 1) / 2, (count - 1) / 2);
        else if (count > 1) curvature = curvatureFor(i + 1, count);
        // Only changes are written: each write makes the renderer re-read the edge.
        if (graph.getEdgeAttribute(edge, "curvature") !== curvature)
          graph.setEdgeAttribute(edge, "curvature", curvature);
      });
    }
  }
}

export function buildClientGraph(data: GraphResponse): ClientGraph {
  const graph: ClientGraph = new MultiDirectedGraph();
  graph.import(data as never);
  if (data.attributes) graph.replaceAttributes(data.attributes as GraphAttributes);
  indexParallelEdges(graph);
  return graph;
}

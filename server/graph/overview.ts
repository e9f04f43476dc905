/**
 * The overview of a graph too big to draw: its most central nodes (highest degree, ties broken by key so the
 * choice is stable) with the edges among them, and for any node how many distinct neighbours it has, so the
 * page can say how many are still hidden. Pure functions over graphology, no HTTP.
 */
import type { KnowledgeGraph } from "./attributes";

export interface Overview {
  /** The chosen nodes, most central first. */
  nodes: string[];
  /** Every edge whose two ends are both chosen. */
  edges: string[];
}

/** Distinct neighbours of a node, whatever the direction or the number of parallel edges. */
export const neighbourCount = (graph: KnowledgeGraph, node: string): number => graph.neighbors(node).length;

/**
 * The `limit` nodes of highest degree. One pass keeping the best `limit` in a sorted array: linear in the
 * graph for the small limits an overview uses, with no sort of every node.
 */
export function mostCentral(graph: KnowledgeGraph, limit: number): string[] {
  if (limit <= 0) return [];
  const best: { key: string; degree: number }[] = [];
  const before = (a: { key: string; degree: number }, b: { key: string; degree: number }) =>
    a.degree > b.degree || (a.degree === b.degree && a.key < b.key);
  graph.forEachNode((key) => {
    const candidate = { key, degree: graph.degree(key) };
    if (best.length === limit && !before(candidate, best[best.length - 1]!)) return;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(best[middle]!, candidate)) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, candidate);
    if (best.length > limit) best.pop();
  });
  return best.map((entry) => entry.key);
}

/** The overview of `limit` nodes: the most central ones and the edges among them. */
export function overview(graph: KnowledgeGraph, limit: number): Overview {
  const nodes = mostCentral(graph, limit);
  const chosen = new Set(nodes);
  const edges: string[] = [];
  for (const node of nodes) {
    graph.forEachOutEdge(node, (edge, _attributes, _source, target) => {
      if (chosen.has(target)) edges.push(edge);
    });
  }
  return { nodes, edges };
}

/**
 * The overview of `most` nodes, worked out once, from which any smaller one is read off: the `limit` most
 * central nodes are a prefix of the `most`, and the edges among them are those whose two ends rank below
 * `limit`. So `?limit=N` with a new N each time costs a filter, not a pass over the graph.
 */
export class OverviewRanking {
  readonly nodes: string[];
  /** Distinct neighbours of each ranked node, by rank. */
  readonly neighbours: number[];
  private readonly edges: string[];
  /** For each edge, the rank of its later end: it belongs to every overview with a larger limit. */
  private readonly edgeRanks: Int32Array;

  constructor(graph: KnowledgeGraph, most: number) {
    const { nodes, edges } = overview(graph, most);
    const rank = new Map(nodes.map((node, i) => [node, i]));
    this.nodes = nodes;
    this.edges = edges;
    this.edgeRanks = Int32Array.from(edges, (edge) =>
      Math.max(rank.get(graph.source(edge))!, rank.get(graph.target(edge))!),
    );
    this.neighbours = nodes.map((node) => neighbourCount(graph, node));
  }

  /** The overview of `limit` nodes (at most `most`), as overview(graph, limit) gives it. */
  take(limit: number): Overview {
    const edges: string[] = [];
    for (let i = 0; i < this.edges.length; i++) if (this.edgeRanks[i]! < limit) edges.push(this.edges[i]!);
    return { nodes: this.nodes.slice(0, limit), edges };
  }
}

export interface NodeLinks {
  /** Edges of the given nodes, at most `perNode` each, so a hub cannot make the answer huge. */
  edges: string[];
  /** True when some node had more edges than `perNode`, or the answer's budget ran out. */
  truncated: boolean;
}

/**
 * The edges of each given node (both directions), for a page that has just added these nodes and needs
 * their links to what it already shows, at most `perNode` each and `budget` in all. Each edge appears once
 * even when both its ends are given.
 */
export function linksOf(
  graph: KnowledgeGraph,
  nodes: readonly string[],
  perNode: number,
  budget = Infinity,
): NodeLinks {
  const seen = new Set<string>();
  const edges: string[] = [];
  let truncated = false;
  for (const node of nodes) {
    let taken = 0;
    const stopped = graph.someEdge(node, (edge) => {
      if (seen.has(edge)) return false;
      if (taken >= perNode || edges.length >= budget) return true;
      seen.add(edge);
      edges.push(edge);
      taken++;
      return false;
    });
    truncated ||= stopped;
  }
  return { edges, truncated };
}

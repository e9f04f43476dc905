/**
 * Shortest path (fewest edges) between two nodes by breadth-first search, remembering the edge used to
 * reach each node so the answer lists edges as well as nodes, which matters in a multigraph.
 */
import type { Relation } from "../domain/vocabulary";
import type { KnowledgeGraph } from "./attributes";
import { forEachStep, type Direction } from "./neighborhood";

export interface PathOptions {
  direction: Direction;
  relations?: readonly Relation[];
  /** Give up after visiting this many nodes (bounds the work on huge graphs). */
  maxVisited: number;
}

export interface PathResult {
  nodes: string[];
  edges: string[];
}

export type PathOutcome = { found: true; path: PathResult } | { found: false; exhausted: boolean };

export function shortestPath(graph: KnowledgeGraph, from: string, to: string, options: PathOptions): PathOutcome {
  if (from === to) return { found: true, path: { nodes: [from], edges: [] } };
  const relationSet = options.relations?.length ? new Set<string>(options.relations) : undefined;
  const reachedBy = new Map<string, { edge: string; previous: string } | null>([[from, null]]);
  let frontier = [from];

  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      let done = false;
      forEachStep(graph, node, options.direction, relationSet, (edge, neighbour) => {
        if (done || reachedBy.has(neighbour)) return;
        reachedBy.set(neighbour, { edge, previous: node });
        if (neighbour === to) done = true;
        next.push(neighbour);
      });
      if (done) return { found: true, path: unwind(reachedBy, to) };
      if (reachedBy.size > options.maxVisited) return { found: false, exhausted: true };
    }
    frontier = next;
  }
  return { found: false, exhausted: false };
}

function unwind(reachedBy: Map<string, { edge: string; previous: string } | null>, to: string): PathResult {
  const nodes = [to];
  const edges: string[] = [];
  for (let step = reachedBy.get(to); step; step = reachedBy.get(step.previous)) {
    edges.push(step.edge);
    nodes.push(step.previous);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}

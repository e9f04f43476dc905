/**
 * Shortest path (fewest edges) between two nodes by bidirectional breadth-first search: it grows the
 * smaller of the two frontiers, one from each end, so on a hub-heavy graph it meets in the middle after
 * visiting a small part of it. Each node remembers the edge it was reached by, so the answer lists edges
 * as well as nodes, which matters in a multigraph.
 */
import type { Relation } from "../domain/vocabulary";
import type { KnowledgeGraph } from "./attributes";
import { GraphFilter } from "./filter";
import { someStep, type Direction } from "./neighborhood";

export interface PathOptions {
  direction: Direction;
  relations?: readonly Relation[];
  /** The graph as it stood in this year. */
  asOf?: number;
  /** Give up after visiting this many nodes (bounds the work on huge graphs). */
  maxVisited: number;
}

export interface PathResult {
  nodes: string[];
  edges: string[];
}

export type PathOutcome = { found: true; path: PathResult } | { found: false; exhausted: boolean };

type Parents = Map<string, { edge: string; next: string } | null>;

const REVERSE: Record<Direction, Direction> = { out: "in", in: "out", both: "both" };

export function shortestPath(graph: KnowledgeGraph, from: string, to: string, options: PathOptions): PathOutcome {
  if (from === to) return { found: true, path: { nodes: [from], edges: [] } };
  const filter = new GraphFilter(graph, { relations: options.relations, asOf: options.asOf });
  // Forward search follows `direction` from `from`; backward search follows the reverse from `to`.
  const forward: Parents = new Map([[from, null]]);
  const backward: Parents = new Map([[to, null]]);
  let forwardFrontier = [from];
  let backwardFrontier = [to];

  while (forwardFrontier.length > 0 && backwardFrontier.length > 0) {
    const growForward = forwardFrontier.length <= backwardFrontier.length;
    const [frontier, mine, theirs, direction] = growForward
      ? [forwardFrontier, forward, backward, options.direction]
      : [backwardFrontier, backward, forward, REVERSE[options.direction]];
    const next: string[] = [];
    let meeting: string | undefined;
    for (const node of frontier) {
      someStep(graph, node, direction, filter, (edge, neighbour) => {
        if (mine.has(neighbour) || !filter.standsAt(neighbour)) return false;
        mine.set(neighbour, { edge, next: node });
        if (theirs.has(neighbour)) {
          meeting = neighbour;
          return true;
        }
        next.push(neighbour);
        return false;
      });
      if (meeting !== undefined) return { found: true, path: join(forward, backward, meeting) };
      if (forward.size + backward.size > options.maxVisited) return { found: false, exhausted: true };
    }
    if (growForward) forwardFrontier = next;
    else backwardFrontier = next;
  }
  return { found: false, exhausted: false };
}

/** Walks from the meeting node back to `from` and on to `to`. */
function join(forward: Parents, backward: Parents, meeting: string): PathResult {
  const nodes = [meeting];
  const edges: string[] = [];
  for (let step = forward.get(meeting); step; step = forward.get(step.next)) {
    nodes.unshift(step.next);
    edges.unshift(step.edge);
  }
  for (let step = backward.get(meeting); step; step = backward.get(step.next)) {
    nodes.push(step.next);
    edges.push(step.edge);
  }
  return { nodes, edges };
}

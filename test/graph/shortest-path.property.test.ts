/** Bidirectional search against a plain one-way BFS on random multigraphs: same reachability, same length. */
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { RELATIONS } from "../../server/domain/vocabulary";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { DIRECTIONS, type Direction } from "../../server/graph/neighborhood";
import { shortestPath } from "../../server/graph/shortest-path";

function plainDistance(
  graph: KnowledgeGraph,
  from: string,
  to: string,
  direction: Direction,
  relations?: Set<string>,
): number | undefined {
  const seen = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) return seen.get(node);
    const step = (relation: string, next: string) => {
      if (relations && !relations.has(relation)) return;
      if (!seen.has(next)) {
        seen.set(next, seen.get(node)! + 1);
        queue.push(next);
      }
    };
    if (direction !== "in") graph.forEachOutEdge(node, (_edge, a, _source, target) => step(a.relation, target));
    if (direction !== "out") graph.forEachInEdge(node, (_edge, a, source) => step(a.relation, source));
  }
  return undefined;
}

const randomGraph = fc
  .record({
    order: fc.integer({ min: 2, max: 25 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...RELATIONS.slice(0, 3))), { maxLength: 60 }),
  })
  .map(({ order, edges }) => {
    const graph = new MultiDirectedGraph() as unknown as KnowledgeGraph;
    for (let i = 0; i < order; i++) graph.addNode(`n${i}`, { type: "company" } as never);
    edges.forEach(([a, b, relation], i) =>
      graph.addDirectedEdgeWithKey(`e${i}`, `n${a % order}`, `n${b % order}`, { relation } as never),
    );
    return graph;
  });

describe("shortestPath", () => {
  it("finds a path exactly when one exists, of the shortest length, made of real consecutive edges", () => {
    fc.assert(
      fc.property(
        randomGraph,
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...DIRECTIONS),
        fc.boolean(),
        (graph, a, b, direction, filter) => {
          const from = `n${a % graph.order}`;
          const to = `n${b % graph.order}`;
          const relations = filter ? [RELATIONS[0]] : undefined;
          const expected = plainDistance(graph, from, to, direction, relations && new Set(relations));
          const outcome = shortestPath(graph, from, to, { direction, relations, maxVisited: 1e6 });
          expect(outcome.found).toBe(expected !== undefined);
          if (!outcome.found) return;
          const { nodes, edges } = outcome.path;
          expect(edges.length).toBe(expected);
          expect(nodes[0]).toBe(from);
          expect(nodes.at(-1)).toBe(to);
          edges.forEach((edge, i) => {
            const ends = [graph.source(edge), graph.target(edge)];
            const forwards = ends[0] === nodes[i] && ends[1] === nodes[i + 1];
            const backwards = ends[1] === nodes[i] && ends[0] === nodes[i + 1];
            expect(direction === "out" ? forwards : direction === "in" ? backwards : forwards || backwards).toBe(true);
            if (relations) expect(graph.getEdgeAttribute(edge, "relation")).toBe(relations[0]);
          });
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});

/**
 * A big dated graph built straight into graphology (no dataset parsing, no layout), for tests of the bounds
 * on requests: node `n0` is an undated hub linked to every other node, the rest form a ring; every other
 * record carries a time span and a yearly figure, so as-of queries and the timeline have work to do.
 */
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../server/graph/attributes";

const SOURCES = [{ document: "doc", paragraph: 1 }];

/** Year spans spread over 1990-2029, so that each year keeps a different part of the graph. */
const spanOf = (i: number) => ({ start: 1990 + (i % 30), end: 2000 + (i % 30), basis: "stated" as const });

export function bigDatedGraph(order: number): KnowledgeGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: "big", description: "generated for tests", documents: [] });
  for (let i = 0; i < order; i++) {
    graph.addNode(`n${i}`, {
      label: `Node ${i} common words`,
      aliases: [],
      type: "company",
      description: `Generated node ${i}`,
      basis: "stated",
      ...(i > 0 && { time: spanOf(i) }),
      properties: {},
      figures: [
        {
          key: "revenue",
          label: "Revenue",
          unit: "CNY",
          points: [2000, 2010, 2020].map((year) => ({ year, value: i + year, basis: "stated", sources: SOURCES })),
        },
      ],
      sources: SOURCES,
      x: i % 1000,
      y: Math.floor(i / 1000),
      size: 1,
      color: "#336699",
    });
  }
  const edge = (key: string, source: string, target: string, i: number) =>
    graph.addDirectedEdgeWithKey(key, source, target, {
      relation: "customer_of",
      label: "is a customer of",
      description: `Generated edge ${key}`,
      basis: "stated",
      time: spanOf(i),
      properties: {},
      figures: [],
      sources: SOURCES,
      color: "#3182bd",
      size: 1.5,
    });
  for (let i = 1; i < order; i++) {
    edge(`hub-${i}`, "n0", `n${i}`, i);
    edge(`ring-${i}`, `n${i}`, `n${(i % (order - 1)) + 1}`, i + 7);
  }
  return graph;
}

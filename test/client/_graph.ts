/** A small client graph for unit tests: two companies, a person and parallel relations between them. */
import { MultiDirectedGraph } from "graphology";
import { NODE_TYPE_INFO, RELATION_INFO, type NodeType, type Relation } from "../../server/domain/vocabulary";
import { indexParallelEdges, type ClientGraph } from "../../client/src/core/graph/load";

const node = (label: string, type: NodeType, labelZh?: string) => ({
  label,
  ...(labelZh !== undefined && { labelZh }),
  aliases: [],
  type,
  description: `${label}.`,
  basis: "stated" as const,
  properties: {},
  figures: [],
  sources: [{ document: "article", paragraph: 1 }],
  x: 0,
  y: 0,
  size: 5,
  color: NODE_TYPE_INFO[type].color,
});

const edge = (relation: Relation) => ({
  relation,
  label: RELATION_INFO[relation].label,
  description: "",
  basis: "stated" as const,
  properties: {},
  figures: [],
  sources: [{ document: "article", paragraph: 2 }],
  color: RELATION_INFO[relation].color,
  size: 1.5,
  curvature: 0,
});

/**
 * xiaomi -holds_stake_in-> kingsoft, xiaomi -customer_of-> kingsoft (parallel), lei-jun -founded-> xiaomi,
 * kingsoft -competes_with-> alibaba, and a lone model with no relation.
 */
export function makeGraph(): ClientGraph {
  const graph: ClientGraph = new MultiDirectedGraph();
  graph.addNode("xiaomi", node("Xiaomi", "company", "小米集团"));
  graph.addNode("kingsoft", node("Kingsoft Cloud", "cloud_provider", "金山云"));
  graph.addNode("lei-jun", node("Lei Jun", "person", "雷军"));
  graph.addNode("alibaba", node("Alibaba Cloud", "cloud_provider"));
  graph.addNode("model", node("ChatGLM-6B", "ai_model"));
  graph.addDirectedEdgeWithKey("stake", "xiaomi", "kingsoft", edge("holds_stake_in"));
  graph.addDirectedEdgeWithKey("customer", "xiaomi", "kingsoft", edge("customer_of"));
  graph.addDirectedEdgeWithKey("founded", "lei-jun", "xiaomi", edge("founded"));
  graph.addDirectedEdgeWithKey("competes", "kingsoft", "alibaba", edge("competes_with"));
  indexParallelEdges(graph);
  return graph;
}

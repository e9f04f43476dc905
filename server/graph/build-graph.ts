/**
 * Builds the graphology graph from a validated dataset: a directed multigraph (Xiaomi both holds a stake in
 * Kingsoft Cloud and buys from it), with colours from the vocabulary and a deterministic layout.
 */
import { MultiDirectedGraph } from "graphology";
import type { Dataset } from "../domain/dataset-schema";
import { edgeKey } from "../domain/edge-key";
import { NODE_TYPE_INFO, RELATION_INFO } from "../domain/vocabulary";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "./attributes";
import { applyLayout } from "./layout";

export function buildGraph(dataset: Dataset): KnowledgeGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: dataset.name, description: dataset.description, documents: dataset.documents });

  for (const node of dataset.nodes) {
    graph.addNode(node.id, {
      label: node.label,
      ...(node.labelZh !== undefined && { labelZh: node.labelZh }),
      aliases: node.aliases ?? [],
      type: node.type,
      description: node.description,
      basis: node.basis,
      ...(node.note !== undefined && { note: node.note }),
      ...(node.time !== undefined && { time: node.time }),
      properties: node.properties ?? {},
      figures: node.figures ?? [],
      sources: node.sources,
      x: 0,
      y: 0,
      size: 1,
      color: NODE_TYPE_INFO[node.type].color,
    });
  }

  for (const edge of dataset.edges) {
    const relation = RELATION_INFO[edge.relation];
    graph.addDirectedEdgeWithKey(edgeKey(edge), edge.source, edge.target, {
      relation: edge.relation,
      label: relation.label,
      description: edge.description,
      basis: edge.basis,
      ...(edge.note !== undefined && { note: edge.note }),
      ...(edge.time !== undefined && { time: edge.time }),
      properties: edge.properties ?? {},
      figures: edge.figures ?? [],
      sources: edge.sources,
      color: relation.color,
      size: 1.5,
    });
  }

  applyLayout(graph);
  return graph;
}

/**
 * Builds the graphology graph from a validated dataset: a directed multigraph (Xiaomi both holds a stake in
 * Kingsoft Cloud and buys from it), with colours from the vocabulary and a deterministic layout.
 */
import { MultiDirectedGraph } from "graphology";
import type { Dataset, EdgeRecord, NodeRecord } from "../domain/dataset-schema";
import { edgeKey } from "../domain/edge-key";
import { NODE_TYPE_INFO, RELATION_INFO } from "../domain/vocabulary";
import type { EdgeAttributes, FactAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "./attributes";
import { applyLayout, assignPositions } from "./layout";

/** Builds the graph; `positions` from the layout cache skip the layout when they fit. */
export function buildGraph(dataset: Dataset, positions?: Float64Array): KnowledgeGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: dataset.name, description: dataset.description, documents: dataset.documents });

  for (const node of dataset.nodes) {
    graph.addNode(node.id, {
      label: node.label,
      ...(node.labelZh !== undefined && { labelZh: node.labelZh }),
      aliases: node.aliases ?? [],
      type: node.type,
      ...factAttributes(node),
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
      ...factAttributes(edge),
      color: relation.color,
      size: 1.5,
    });
  }

  if (!positions || !assignPositions(graph, positions)) applyLayout(graph);
  return graph;
}

/** The fields nodes and edges share, with absent optional lists made empty and absent notes left out. */
function factAttributes(record: NodeRecord | EdgeRecord): FactAttributes {
  return {
    description: record.description,
    basis: record.basis,
    ...(record.note !== undefined && { note: record.note }),
    ...(record.time !== undefined && { time: record.time }),
    properties: record.properties ?? {},
    figures: record.figures ?? [],
    sources: record.sources,
  };
}

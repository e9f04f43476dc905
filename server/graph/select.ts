/**
 * Subgraph selection shared by `/api/graph`, `/api/export.gexf` and `npm run export`: keep the nodes of some
 * types and the edges of some relations, optionally only around a centre node.
 */
import { MultiDirectedGraph } from "graphology";
import type { NodeType, Relation } from "../domain/vocabulary";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "./attributes";
import { neighborhood, type Direction } from "./neighborhood";

export interface Selection {
  types?: readonly NodeType[];
  relations?: readonly Relation[];
  center?: string;
  depth?: number;
  direction?: Direction;
  /** Node cap for neighbourhoods. */
  limit?: number;
}

export function selectSubgraph(graph: KnowledgeGraph, selection: Selection): KnowledgeGraph {
  const { types, relations, center } = selection;
  const subgraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  subgraph.replaceAttributes(graph.getAttributes());

  if (center !== undefined) {
    // Built from the neighbourhood alone, so a small selection of a huge graph costs only its own size.
    const around = neighborhood(graph, center, {
      depth: selection.depth ?? 1,
      direction: selection.direction ?? "both",
      relations,
      types,
      limit: selection.limit ?? Number.POSITIVE_INFINITY,
    });
    for (const { key } of around.nodes) subgraph.addNode(key, graph.getNodeAttributes(key));
    for (const edge of around.edges) {
      subgraph.addDirectedEdgeWithKey(edge, graph.source(edge), graph.target(edge), graph.getEdgeAttributes(edge));
    }
    return subgraph;
  }

  const typeSet = types && types.length > 0 ? new Set<string>(types) : undefined;
  const relationSet = relations && relations.length > 0 ? new Set<string>(relations) : undefined;
  graph.forEachNode((key, attributes) => {
    if (!typeSet || typeSet.has(attributes.type)) subgraph.addNode(key, attributes);
  });
  graph.forEachEdge((key, attributes, source, target) => {
    if (relationSet && !relationSet.has(attributes.relation)) return;
    if (subgraph.hasNode(source) && subgraph.hasNode(target))
      subgraph.addDirectedEdgeWithKey(key, source, target, attributes);
  });
  return subgraph;
}

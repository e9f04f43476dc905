/**
 * A neighbourhood as a small graph of its own, for `/api/export.gexf?center=` and `npm run export --center`:
 * built from the neighbourhood alone, so a small selection of a huge graph costs only its own size. Whole-graph
 * selections (types, relations, a year) are not copied: the writers take a GraphFilter instead.
 */
import { MultiDirectedGraph } from "graphology";
import type { NodeType, Relation } from "../domain/vocabulary";
import { attributesAsOf } from "./as-of";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "./attributes";
import { neighborhood, type Direction } from "./neighborhood";

export interface Selection {
  center: string;
  types?: readonly NodeType[];
  relations?: readonly Relation[];
  depth?: number;
  direction?: Direction;
  /** The neighbourhood as it stood in this year, figures cut to it. */
  asOf?: number;
  /** Node cap. */
  limit?: number;
}

export function selectSubgraph(graph: KnowledgeGraph, selection: Selection): KnowledgeGraph {
  const subgraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  subgraph.replaceAttributes(graph.getAttributes());
  const around = neighborhood(graph, selection.center, {
    depth: selection.depth ?? 1,
    direction: selection.direction ?? "both",
    relations: selection.relations,
    types: selection.types,
    asOf: selection.asOf,
    limit: selection.limit ?? Number.POSITIVE_INFINITY,
  });
  const year = selection.asOf;
  for (const { key } of around.nodes) subgraph.addNode(key, attributesAsOf(graph.getNodeAttributes(key), year));
  for (const edge of around.edges) {
    const attributes = attributesAsOf(graph.getEdgeAttributes(edge), year);
    subgraph.addDirectedEdgeWithKey(edge, graph.source(edge), graph.target(edge), attributes);
  }
  return subgraph;
}

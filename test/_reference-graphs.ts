/**
 * Filtered graphs built the slow, obvious way, by copying: the reference the server's filters (applied while
 * walking, never by copying) are checked against.
 */
import { MultiDirectedGraph } from "graphology";
import type { NodeType, Relation } from "../server/domain/vocabulary";
import { figuresAsOf, inSpan } from "../server/graph/as-of";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../server/graph/attributes";

const emptyLike = (graph: KnowledgeGraph): KnowledgeGraph => {
  const copy = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  copy.replaceAttributes(graph.getAttributes());
  return copy;
};

/** The graph as it stood in `year`: records outside their span left out, figures cut to the year. */
export function copyAsOf(graph: KnowledgeGraph, year: number): KnowledgeGraph {
  const view = emptyLike(graph);
  graph.forEachNode((key, attributes) => {
    if (inSpan(attributes.time, year))
      view.addNode(key, { ...attributes, figures: figuresAsOf(attributes.figures, year) });
  });
  graph.forEachEdge((key, attributes, source, target) => {
    if (!inSpan(attributes.time, year) || !view.hasNode(source) || !view.hasNode(target)) return;
    view.addDirectedEdgeWithKey(key, source, target, { ...attributes, figures: figuresAsOf(attributes.figures, year) });
  });
  return view;
}

/** The nodes of some types and the edges of some relations between them. */
export function copySelection(
  graph: KnowledgeGraph,
  { types, relations }: { types?: readonly NodeType[]; relations?: readonly Relation[] },
): KnowledgeGraph {
  const view = emptyLike(graph);
  graph.forEachNode((key, attributes) => {
    if (!types || types.includes(attributes.type)) view.addNode(key, attributes);
  });
  graph.forEachEdge((key, attributes, source, target) => {
    if (relations && !relations.includes(attributes.relation)) return;
    if (view.hasNode(source) && view.hasNode(target)) view.addDirectedEdgeWithKey(key, source, target, attributes);
  });
  return view;
}

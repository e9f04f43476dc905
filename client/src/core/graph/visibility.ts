/**
 * What is shown: the chosen year (entities and relations whose time span excludes it are hidden, by the
 * server's own rule), filters (node types, relations), the neighbourhood from the API, and a found path
 * (always shown, even through filtered types; the API finds it in the chosen year). Pure functions of the state and the graph, shared by the reducers,
 * the counters and the GEXF "what is shown" export, so they never disagree.
 */
import type { ExplorerState } from "../state/types";
import { shownIn } from "../time/as-of";
import type { ClientGraph } from "./load";

export interface Derived {
  pathNodes: ReadonlySet<string>;
  pathEdges: ReadonlySet<string>;
  /** The node whose neighbours stand out: the hovered one, else the keyboard cursor's, else the selected one. */
  focus: string | null;
  focusNeighbours: ReadonlySet<string>;
  /** The selected edge's two ends. */
  edgeEnds: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();
const cache = new WeakMap<ExplorerState, Derived>();

/** Derived sets, computed once per state object. */
export function derive(state: ExplorerState, graph: ClientGraph): Derived {
  const cached = cache.get(state);
  if (cached) return cached;
  const found = state.pathResult?.status === "found" ? state.pathResult : null;
  const hovered = state.hoveredNode !== null && graph.hasNode(state.hoveredNode) ? state.hoveredNode : null;
  const selectedNode =
    state.selection?.kind === "node" && graph.hasNode(state.selection.key) ? state.selection.key : null;
  const cursor = state.keyboardFocus !== null && graph.hasNode(state.keyboardFocus) ? state.keyboardFocus : null;
  const focus = hovered ?? cursor ?? selectedNode;
  const selectedEdge =
    state.selection?.kind === "edge" && graph.hasEdge(state.selection.key) ? state.selection.key : null;
  const derived: Derived = {
    pathNodes: found ? new Set(found.nodes) : EMPTY,
    pathEdges: found ? new Set(found.edges) : EMPTY,
    focus,
    focusNeighbours: focus ? new Set(graph.neighbors(focus)) : EMPTY,
    edgeEnds: selectedEdge ? new Set(graph.extremities(selectedEdge)) : EMPTY,
  };
  cache.set(state, derived);
  return derived;
}

export function isNodeShown(state: ExplorerState, graph: ClientGraph, node: string): boolean {
  if (derive(state, graph).pathNodes.has(node)) return true;
  if (!shownIn(graph.getNodeAttribute(node, "time"), state.year)) return false;
  if (state.hiddenTypes.has(graph.getNodeAttribute(node, "type"))) return false;
  const hood = state.neighbourhoodResult;
  if (state.neighbourhood && hood?.status === "ready" && !hood.nodes.has(node)) return false;
  return true;
}

export function isEdgeShown(state: ExplorerState, graph: ClientGraph, edge: string): boolean {
  if (derive(state, graph).pathEdges.has(edge)) return true;
  if (!shownIn(graph.getEdgeAttribute(edge, "time"), state.year)) return false;
  if (state.hiddenRelations.has(graph.getEdgeAttribute(edge, "relation"))) return false;
  const hood = state.neighbourhoodResult;
  if (state.neighbourhood && hood?.status === "ready" && !hood.edges.has(edge)) return false;
  return isNodeShown(state, graph, graph.source(edge)) && isNodeShown(state, graph, graph.target(edge));
}

export interface ShownCounts {
  nodes: number;
  edges: number;
  totalNodes: number;
  totalEdges: number;
}

export function countShown(state: ExplorerState, graph: ClientGraph): ShownCounts {
  let nodes = 0;
  let edges = 0;
  graph.forEachNode((node) => {
    if (isNodeShown(state, graph, node)) nodes++;
  });
  graph.forEachEdge((edge) => {
    if (isEdgeShown(state, graph, edge)) edges++;
  });
  return { nodes, edges, totalNodes: graph.order, totalEdges: graph.size };
}

export function shownNodes(state: ExplorerState, graph: ClientGraph): string[] {
  return graph.filterNodes((node) => isNodeShown(state, graph, node));
}

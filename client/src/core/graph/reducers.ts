/**
 * sigma's reducer idiom: `nodeReducer` and `edgeReducer` only read the state and return display data.
 * Hover or selection makes a node and its neighbours stand out while the rest dims; a found path is
 * highlighted, as are the entities of a picked timeline event; the chosen year, filters and the neighbourhood
 * hide; relation labels show on hover and when zoomed in.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { RELATION_INFO } from "../../../../server/domain/vocabulary";
import { isUndated } from "../time/year-changes";
import type { ExplorerState } from "../state/types";
import type { ClientEdgeAttributes, ClientGraph, ClientNodeAttributes } from "./load";
import { derive, isEdgeShown, isNodeShown } from "./visibility";

export const DIM_NODE_COLOR = "#e2e4e8";
export const DIM_EDGE_COLOR = "#eceef1";

/**
 * An undated entity or relation while a year is shown: there only because nothing dates it (see
 * core/time/year-changes.ts), so drawn in its colour mixed this far with white, not as if known to hold then.
 */
export const UNDATED_PALE = 0.6;

/** `color` (#rrggbb) mixed `amount` of the way to white; other notations are returned as they are. */
export function pale(color: string | undefined, amount = UNDATED_PALE): string | undefined {
  if (!color || !/^#[0-9a-f]{6}$/i.test(color)) return color;
  const channel = (i: number) => {
    const value = parseInt(color.slice(i, i + 2), 16);
    return Math.round(value + (255 - value) * amount)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}
export const PATH_EDGE_SIZE = 4;
/** How much larger the entity under the keyboard cursor is drawn. */
export const KEYBOARD_FOCUS_SCALE = 1.6;
/** Above this many relations, a focused node's relation labels wait until the view is zoomed in. */
export const HUB_DEGREE = 12;

/**
 * Level of detail: above this many relations the graph is drawn plainly, because with software WebGL every
 * edge's pixels cost and sigma re-reads every edge on each full refresh. Edges are straight lines without
 * arrowheads, except those around the hovered or selected node and on a found path, which keep their arrows and
 * curves where the user looks; relation labels show only there (never on every edge once zoomed in, so zooming
 * needs no refresh); edges are not pickable on the canvas (sigma's picking layer draws every edge a second
 * time) and are reached from the node sidebar instead.
 */
export const LARGE_GRAPH_EDGES = 5000;

export function isLargeGraph(graph: Pick<ClientGraph, "size">): boolean {
  return graph.size > LARGE_GRAPH_EDGES;
}

/**
 * True when the reducers would draw `next` as they drew `previous`: only the camera changed (sigma draws
 * camera moves by itself, and a refresh would run the reducers over every node and edge). Crossing the
 * relation-label zoom ratio matters only on a graph small enough to label every relation.
 */
export function cameraOnly(next: ExplorerState, previous: ExplorerState, graph: Pick<ClientGraph, "size">): boolean {
  const large = isLargeGraph(graph);
  return (Object.keys(next) as (keyof ExplorerState)[]).every(
    (key) => next[key] === previous[key] || key === "camera" || (key === "zoomedIn" && large),
  );
}

/** The label in the chosen language; Chinese falls back to English when the entity has no Chinese name. */
export function displayLabel(attributes: Pick<ClientNodeAttributes, "label" | "labelZh">, lang: "en" | "zh"): string {
  return lang === "zh" ? (attributes.labelZh ?? attributes.label) : attributes.label;
}

/** A relation's reading in the chosen language, from the vocabulary ("holds a stake in", "持股"). */
export function relationLabel(attributes: Pick<ClientEdgeAttributes, "label" | "relation">, lang: "en" | "zh"): string {
  const info = RELATION_INFO[attributes.relation];
  if (!info) return attributes.label || attributes.relation;
  return lang === "zh" ? info.labelZh : attributes.label || info.label;
}

/** Long labels (document titles) are cut on the canvas; the sidebar shows them whole. */
export const MAX_CANVAS_LABEL = 40;

export function canvasLabel(label: string): string {
  const chars = [...label];
  return chars.length <= MAX_CANVAS_LABEL
    ? label
    : `${chars
        .slice(0, MAX_CANVAS_LABEL - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * In an overview every entity is a hub of a large graph, sized for its many relations: drawn smaller, they
 * stay apart and their labels readable (2.5 px for a leaf, 12.5 for the largest).
 */
export function overviewNodeSize(size: number): number {
  return 2.5 + Math.max(0, size - 3) * 0.4;
}

/** In an overview, a label says how many neighbours are still hidden: "Apex Holdings +12". */
export function hiddenSuffix(hidden: number | undefined): string {
  return hidden ? ` +${hidden.toLocaleString("en")}` : "";
}

/** The sigma program for an edge: curved when it has parallels, with an arrow when the relation is directed. */
export function edgeProgram(attributes: Pick<ClientEdgeAttributes, "relation" | "curvature">): string {
  const directed = RELATION_INFO[attributes.relation]?.directed ?? true;
  if (attributes.curvature !== 0) return directed ? "curvedArrow" : "curved";
  return directed ? "arrow" : "line";
}

/**
 * On a large graph a dimmed node shrinks to a dot: sigma draws relations beneath every node, and in a dense
 * layout the dimmed nodes would cover the focused node's relations entirely.
 */
export const LARGE_DIM_NODE_SIZE = 1.5;

/** What sigma is given for a node; `labelRank` orders labels for the label guard (higher placed first). */
export type NodeDisplay = Partial<NodeDisplayData> & { labelRank?: number };

const selectedType = (state: ExplorerState, graph: ClientGraph): string | undefined => {
  const selection = state.selection;
  return selection?.kind === "node" && graph.hasNode(selection.key)
    ? graph.getNodeAttribute(selection.key, "type")
    : undefined;
};

function dimmed(display: Partial<NodeDisplayData>, graph: ClientGraph): Partial<NodeDisplayData> {
  const size = isLargeGraph(graph) ? Math.min(display.size ?? 0, LARGE_DIM_NODE_SIZE) : display.size;
  return { ...display, size, color: DIM_NODE_COLOR, label: "", zIndex: 0 };
}

export function reduceNode(
  state: ExplorerState,
  graph: ClientGraph,
  node: string,
  data: ClientNodeAttributes,
): Partial<NodeDisplayData> {
  const display: Partial<NodeDisplayData> = {
    x: data.x,
    y: data.y,
    size: state.overview ? overviewNodeSize(data.size) : data.size,
    color: data.color,
    label: canvasLabel(displayLabel(data, state.lang)) + hiddenSuffix(data.hiddenNeighbours),
    type: "circle",
    zIndex: 1,
  };
  if (!isNodeShown(state, graph, node)) return { ...display, hidden: true };
  if (state.year !== null && isUndated(data.time)) display.color = pale(display.color);
  // The keyboard cursor is drawn larger than any highlight, above everything, whatever else is shown.
  if (state.keyboardFocus === node) {
    return {
      ...display,
      size: (display.size ?? 1) * KEYBOARD_FOCUS_SCALE,
      highlighted: true,
      forceLabel: true,
      zIndex: 4,
    };
  }
  const derived = derive(state, graph);
  const selected = state.selection?.kind === "node" && state.selection.key === node;
  // Labels worth keeping before bigger entities' (see views/labels.ts): events, and the selected entity's type.
  if (data.type === "event" || (state.selection?.kind === "node" && data.type === selectedType(state, graph)))
    (display as NodeDisplay).labelRank = 1;
  if (derived.pathNodes.size > 0) {
    if (derived.pathNodes.has(node)) return { ...display, highlighted: true, forceLabel: true, zIndex: 3 };
    if (!selected && derived.focus !== node) return dimmed(display, graph);
  }
  // The keyboard walk's anchor stands out as a selection does: the arrows step through its neighbours.
  if (selected || state.keyboardAnchor === node || state.marked.has(node))
    return { ...display, highlighted: true, forceLabel: true, zIndex: 3 };
  if (derived.edgeEnds.size > 0) {
    return derived.edgeEnds.has(node)
      ? { ...display, highlighted: true, forceLabel: true, zIndex: 3 }
      : dimmed(display, graph);
  }
  if (derived.focus !== null) {
    if (derived.focus === node) return { ...display, highlighted: true, forceLabel: true, zIndex: 3 };
    if (derived.focusNeighbours.has(node))
      return { ...display, forceLabel: state.hoveredNode !== null, zIndex: 2, labelRank: 2 } as NodeDisplay;
    return dimmed(display, graph);
  }
  return display;
}

type EdgeDisplay = Partial<EdgeDisplayData> & { curvature: number };

/**
 * The straight arrow program for a large graph's focused relations. sigma draws one program after another in
 * the order they are registered, its own "arrow" before "line": on the plain "line" program's thousands of dimmed
 * relations the focused arrows would be painted over. This one is registered after "line".
 */
export const FOCUS_ARROW = "focusArrow";

/** Draws an edge of a large graph in full after all: arrow and curve, where the user looks. */
function detailed(display: EdgeDisplay, data: ClientEdgeAttributes, overview: boolean): EdgeDisplay {
  const curvature = overview ? 0 : data.curvature;
  const type = edgeProgram({ relation: data.relation, curvature });
  return { ...display, type: type === "arrow" ? FOCUS_ARROW : type, curvature };
}

export function reduceEdge(
  state: ExplorerState,
  graph: ClientGraph,
  edge: string,
  data: ClientEdgeAttributes,
): EdgeDisplay {
  const large = isLargeGraph(graph);
  const display: EdgeDisplay = {
    color: data.color,
    size: data.size,
    label: "",
    // An overview holds the densest part of a large graph, thousands of parallel relations among hubs: drawn
    // straight, they cost a thin quad each instead of a curve's wide one (and software WebGL fills every pixel).
    // A large graph goes further: plain lines, without arrowheads, away from the focus (see LARGE_GRAPH_EDGES).
    type: large ? "line" : edgeProgram(state.overview ? { relation: data.relation, curvature: 0 } : data),
    curvature: state.overview || large ? 0 : data.curvature,
    zIndex: 1,
  };
  if (!isEdgeShown(state, graph, edge)) return { ...display, hidden: true };
  if (state.year !== null && isUndated(data.time)) display.color = pale(display.color);
  const derived = derive(state, graph);
  if (state.overview && data.parallel && !derived.pathEdges.has(edge)) return { ...display, hidden: true };
  const [source, target] = graph.extremities(edge);
  const reading = relationLabel(data, state.lang);
  const full = large ? detailed(display, data, state.overview !== null) : display;
  const pointed = state.hoveredEdge === edge || (state.selection?.kind === "edge" && state.selection.key === edge);
  if (pointed) return { ...full, size: data.size * 2.5, label: reading, forceLabel: true, zIndex: 3 };
  if (derived.pathEdges.size > 0) {
    return derived.pathEdges.has(edge)
      ? { ...full, size: PATH_EDGE_SIZE, label: reading, forceLabel: true, zIndex: 3 }
      : { ...display, color: DIM_EDGE_COLOR, zIndex: 0 };
  }
  if (derived.edgeEnds.size > 0) return { ...display, color: DIM_EDGE_COLOR, zIndex: 0 };
  if (derived.focus !== null) {
    if (source !== derived.focus && target !== derived.focus) return { ...display, color: DIM_EDGE_COLOR, zIndex: 0 };
    // The focused node's relations carry their labels, unless it is a hub whose labels would bury each other:
    // those come once zoomed in. A large graph does not follow the zoom: a hub's labels show at once, unforced,
    // and the label guard keeps only those that cross no other label.
    const small = graph.degree(derived.focus) <= HUB_DEGREE;
    const labelled = large || state.zoomedIn || small;
    return {
      ...full,
      size: data.size * 1.5,
      label: labelled ? reading : "",
      forceLabel: labelled && (small || (state.zoomedIn && !large)) && state.hoveredNode === derived.focus,
      zIndex: 2,
    };
  }
  return state.zoomedIn && !large ? { ...display, label: reading } : display;
}

/** The two reducers bound to a state getter, ready for sigma's settings. */
export function createReducers(graph: ClientGraph, getState: () => ExplorerState) {
  return {
    nodeReducer: (node: string, data: ClientNodeAttributes) => reduceNode(getState(), graph, node, data),
    edgeReducer: (edge: string, data: ClientEdgeAttributes) => reduceEdge(getState(), graph, edge, data),
  };
}

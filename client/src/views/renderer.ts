/**
 * The sigma renderer: programs (arrows, curved parallels), label settings, reducers bound to the store,
 * pointer events (hover, click, drag) turned into actions, and camera helpers (zoom, fit, focus a node).
 */
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { CameraState } from "sigma/types";
import { EdgeArrowProgram, EdgeRectangleProgram } from "sigma/rendering";
import { getCameraStateToFitViewportToNodes } from "@sigma/utils";
import type { ClientEdgeAttributes, ClientGraph, ClientNodeAttributes } from "../core/graph/load";
import type { GraphAttributes } from "../../../server/graph/attributes";
import { createReducers, FOCUS_ARROW, isLargeGraph } from "../core/graph/reducers";
import { LabelGuard } from "./labels";
import { prefersReducedMotion } from "../core/motion";
import type { Rect } from "../core/graph/label-placement";
import { steadyCamera } from "./steady-camera";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import * as actions from "../core/state/actions";

export type Renderer = Sigma<ClientNodeAttributes, ClientEdgeAttributes, GraphAttributes>;

/** Room sigma leaves around the graph, in pixels; the first frame frames it the same way. */
export const STAGE_PADDING = 40;
export const LABEL_FONT =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
export const LABEL_SIZE = 13;
export const LABEL_WEIGHT = "500";

/** Below this camera ratio every shown relation carries its label. */
export const EDGE_LABEL_RATIO = 0.45;

const guards = new WeakMap<Renderer, LabelGuard>();

/**
 * The view drawn on a canvas (device pixels, white background) for the PNG export; the label guard follows the
 * temporary renderer that draws it, so labels are placed inside its edges as on screen.
 */
export async function drawViewOnCanvas(renderer: Renderer): Promise<HTMLCanvasElement> {
  const guard = guards.get(renderer);
  const { drawOnCanvas } = await import("@sigma/export-image");
  try {
    return await drawOnCanvas(renderer as unknown as Sigma, {
      backgroundColor: "#ffffff",
      withTempRenderer: (temporary) => {
        guard?.attach(temporary as unknown as Renderer);
        temporary.refresh();
      },
    });
  } finally {
    guard?.attach(renderer);
  }
}

/** Where the page's node labels were last placed: entity key to its label's box in the stage's pixels. */
export function labelBoxes(renderer: Renderer): Record<string, Rect> {
  const placed = guards.get(renderer)?.placements() ?? new Map();
  return Object.fromEntries([...placed].map(([key, { rect }]) => [key, rect]));
}

export function createRenderer(container: HTMLElement, graph: ClientGraph, store: Store<ExplorerState>): Renderer {
  const { nodeReducer, edgeReducer } = createReducers(graph, store.get);
  const labels = new LabelGuard((drawing) => (drawing === renderer ? overlayBoxes(container) : []));
  const renderer: Renderer = new Sigma<ClientNodeAttributes, ClientEdgeAttributes, GraphAttributes>(graph, container, {
    nodeReducer,
    edgeReducer,
    edgeProgramClasses: {
      line: EdgeRectangleProgram,
      arrow: EdgeArrowProgram,
      ...labels.curvedPrograms(),
      [FOCUS_ARROW]: EdgeArrowProgram,
    },
    ...(labels.settings() as Partial<Settings<ClientNodeAttributes, ClientEdgeAttributes, GraphAttributes>>),
    defaultEdgeType: "arrow",
    // A large graph's edges are not pickable: sigma would draw every edge a second time into its picking
    // layer on each frame. They are reached from the node sidebar (see LARGE_GRAPH_EDGES).
    enableEdgeEvents: !isLargeGraph(graph),
    renderEdgeLabels: true,
    zIndex: true,
    // The label guard thins labels on a small graph; sigma's grid (a few per 100 px cell) only on a large one.
    labelDensity: isLargeGraph(graph) ? 3 : 100,
    labelGridCellSize: 100,
    labelRenderedSizeThreshold: 4,
    labelFont: LABEL_FONT,
    labelSize: LABEL_SIZE,
    labelWeight: LABEL_WEIGHT,
    edgeLabelFont: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', sans-serif",
    edgeLabelSize: 11,
    edgeLabelColor: { color: "#4b5563" },
    // Large graphs stay fluid while panning and zooming: edges and labels return when the camera stops.
    hideEdgesOnMove: graph.size > 3000,
    hideLabelsOnMove: graph.order > 2000,
    minCameraRatio: 0.05,
    maxCameraRatio: 4,
    stagePadding: STAGE_PADDING,
  });
  labels.attach(renderer);
  guards.set(renderer, labels);
  bindPointer(renderer, graph, store);
  // sigma only listens to window resizes; the stage also changes size when the sidebar opens or closes, and the
  // view then keeps its scale and place (steady-camera.ts). The observer's first call reports the size sigma was
  // just created at: redrawing then would be wasted work.
  let size = { width: container.offsetWidth, height: container.offsetHeight };
  const observer = new ResizeObserver(() => {
    const next = { width: container.offsetWidth, height: container.offsetHeight };
    if (next.width === size.width && next.height === size.height) return;
    const before = size;
    size = next;
    renderer.resize();
    if (before.width > 0 && before.height > 0 && next.width > 0 && next.height > 0) {
      const selection = store.get().selection;
      const keep = selection?.kind === "node" ? selection.key : null;
      const timeline = container.parentElement?.querySelector("#timeline")?.getBoundingClientRect();
      const freeBottom =
        timeline && timeline.height > 0 ? timeline.top - container.getBoundingClientRect().top : next.height;
      renderer.getCamera().setState(steadyCamera(renderer, before, next, keep, freeBottom));
    }
    renderer.refresh({ skipIndexation: true });
  });
  observer.observe(container);
  renderer.on("kill", () => observer.disconnect());
  return renderer;
}

/** Boxes laid over the stage (counts, chips, timeline, zoom buttons), in the stage's pixels: labels keep off them. */
function overlayBoxes(container: HTMLElement): Rect[] {
  const stage = container.getBoundingClientRect();
  const parent = container.parentElement;
  if (!parent) return [];
  const boxes: Rect[] = [];
  for (const element of parent.querySelectorAll(
    "#counts, #mode-chips > *, #timeline, #timeline-change, .zoom-controls",
  )) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    boxes.push({
      x1: box.left - stage.left,
      y1: box.top - stage.top,
      x2: box.right - stage.left,
      y2: box.bottom - stage.top,
    });
  }
  return boxes;
}

/** Hover, click and drag: sigma's own event names turned into store actions. */
function bindPointer(renderer: Renderer, graph: ClientGraph, store: Store<ExplorerState>): void {
  let dragged: string | null = null;
  let moved = false;
  const container = renderer.getContainer();

  renderer.on("enterNode", ({ node }) => {
    container.style.cursor = "pointer";
    store.update((s) => actions.hoverNode(s, node));
  });
  renderer.on("leaveNode", () => {
    container.style.cursor = "";
    store.update((s) => actions.hoverNode(s, null));
  });
  renderer.on("enterEdge", ({ edge }) => {
    container.style.cursor = "pointer";
    store.update((s) => actions.hoverEdge(s, edge));
  });
  renderer.on("leaveEdge", () => {
    container.style.cursor = "";
    store.update((s) => actions.hoverEdge(s, null));
  });
  renderer.on("clickNode", ({ node }) => {
    if (!moved) store.update((s) => actions.selectNode(s, node));
  });
  renderer.on("clickEdge", ({ edge }) => store.update((s) => actions.selectEdge(s, edge)));
  renderer.on("clickStage", () => store.update(actions.clearSelection));

  renderer.on("downNode", ({ node }) => {
    dragged = node;
    moved = false;
    graph.setNodeAttribute(node, "fixed", true);
    // Freeze the normalisation box so the rest of the graph does not shift while one node moves.
    if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
  });
  renderer.on("moveBody", ({ event }) => {
    if (dragged === null) return;
    const position = renderer.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y });
    moved = true;
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const drop = () => {
    if (dragged !== null && graph.hasNode(dragged)) graph.removeNodeAttribute(dragged, "fixed");
    dragged = null;
    // A drag ends with a click on the node; let it through only when the node did not move.
    window.setTimeout(() => (moved = false), 0);
  };
  renderer.on("upNode", drop);
  renderer.on("upStage", drop);
}

/** Moves the camera to `target`, animated over `duration` ms unless the user prefers reduced motion. */
export function moveCamera(renderer: Renderer, target: Partial<CameraState>, duration: number): void {
  const camera = renderer.getCamera();
  if (duration <= 0 || prefersReducedMotion()) camera.setState({ ...camera.getState(), ...target });
  else void camera.animate(target, { duration });
}

export function zoomBy(renderer: Renderer, factor: number): void {
  moveCamera(renderer, { ratio: renderer.getCamera().getState().ratio / factor }, 250);
}

/** Fits the camera to the given nodes (all when empty). */
export function fitTo(renderer: Renderer, nodes: string[], animate = true): void {
  const whole = nodes.length === 0 || nodes.length === renderer.getGraph().order;
  const state = whole
    ? { x: 0.5, y: 0.5, ratio: 1, angle: 0 }
    : getCameraStateToFitViewportToNodes(renderer as unknown as Sigma, nodes);
  const target = whole ? state : { ...state, ratio: Math.max(state.ratio * 1.15, 0.15) };
  moveCamera(renderer, target, animate ? 400 : 0);
}

/** Moves the camera onto one node, zooming in if the view is wide. */
export function focusNode(renderer: Renderer, node: string): void {
  const data = renderer.getNodeDisplayData(node);
  if (!data) return;
  moveCamera(renderer, { x: data.x, y: data.y, ratio: Math.min(renderer.getCamera().getState().ratio, 0.6) }, 450);
}

/** Brings a node into view when it is off screen (or under the edge), without changing the zoom. */
export function revealNode(renderer: Renderer, node: string): void {
  const data = renderer.getNodeDisplayData(node);
  if (!data) return;
  const at = renderer.framedGraphToViewport(data);
  const { width, height } = renderer.getDimensions();
  const margin = STAGE_PADDING;
  if (at.x >= margin && at.y >= margin && at.x <= width - margin && at.y <= height - margin) return;
  moveCamera(renderer, { x: data.x, y: data.y }, 300);
}

/**
 * Runs many graph changes (an overview growing or shrinking) with one re-index at the end. sigma answers
 * every dropped node or edge with a full re-index of the graph, so dropping a thousand edges one by one would
 * re-read the whole graph a thousand times; its own unbind/bind pair of graph listeners avoids that.
 */
export function batchGraphChanges(renderer: Renderer, change: () => void): void {
  const sigma = renderer as unknown as Partial<{ unbindGraphHandlers(): void; bindGraphHandlers(): void }>;
  if (!sigma.unbindGraphHandlers || !sigma.bindGraphHandlers) return change();
  sigma.unbindGraphHandlers();
  try {
    change();
  } finally {
    sigma.bindGraphHandlers();
    renderer.refresh();
  }
}

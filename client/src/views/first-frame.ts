/**
 * The graph drawn on a plain 2D canvas, standing in for sigma until sigma's first WebGL frame is ready.
 *
 * Without a GPU (headless Chromium here, virtual machines, remote desktops) WebGL is software-rendered: sigma's
 * constructor waits for its shaders to compile, and its first frame then keeps the GPU process busy for about a
 * second more. This canvas shows the same entities and relations, with the colours, sizes and visibility the
 * reducers give them, where sigma draws them (sigma's own normalisation and camera matrix), in a few
 * milliseconds: first, then again whenever the state changes before sigma exists (stage.ts) and whenever sigma
 * renders while its canvases are held back (views/webgl-warm-up.ts), so hovering, selecting and camera moves show
 * at once. `nodeAt` hit-tests what it drew.
 * Small graphs only: a large graph opens on an overview anyway.
 */
import type { CameraState, NodeDisplayData } from "sigma/types";
import { createNormalizationFunction, graphExtent, matrixFromCamera } from "sigma/utils";
import type { ClientGraph } from "../core/graph/load";
import { discRect, placeNodeLabels, type NodeLabelCandidate } from "../core/graph/label-placement";
import type { createReducers, NodeDisplay } from "../core/graph/reducers";
import { LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT, STAGE_PADDING } from "./renderer";

export interface Point {
  x: number;
  y: number;
}

export interface FirstFrame {
  /** Where each entity's centre landed in the latest drawing, in CSS pixels of the stage. */
  readonly positions: ReadonlyMap<string, Point>;
  /** Draws again, at the stage's current size: the state or the camera has changed (null: sigma's default). */
  redraw(camera: CameraState | null): void;
  /** The entity drawn on top at a point of the stage (CSS pixels), if any. */
  nodeAt(point: Point): string | null;
  remove(): void;
}

interface DrawnNode {
  at: Point;
  /** In CSS pixels, as sigma will draw it. */
  radius: number;
  display: Partial<NodeDisplayData>;
}

const DEFAULT_CAMERA: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

/**
 * The function sigma uses to place a graph point in the viewport at a given camera, before anything is drawn:
 * the node extent from the graph's own x/y, normalised into the unit square, then the camera matrix.
 */
export function sigmaProjection(
  graph: Pick<ClientGraph, "forEachNode" | "order">,
  camera: CameraState,
  width: number,
  height: number,
  padding: number,
): (x: number, y: number) => Point {
  const extent = graphExtent(graph as unknown as Parameters<typeof graphExtent>[0]);
  const normalise = createNormalizationFunction(extent);
  const graphDimensions = { width: extent.x[1] - extent.x[0] || 1, height: extent.y[1] - extent.y[0] || 1 };
  const m = matrixFromCamera(camera, { width, height }, graphDimensions, padding);
  return (x, y) => {
    const n = normalise({ x, y });
    // The matrix gives clip space (-1..1, y up); the viewport is in CSS pixels, y down.
    const clipX = n.x * m[0]! + n.y * m[3]! + m[6]!;
    const clipY = n.x * m[1]! + n.y * m[4]! + m[7]!;
    return { x: ((1 + clipX) * width) / 2, y: ((1 - clipY) * height) / 2 };
  };
}

export function drawFirstFrame(
  container: HTMLElement,
  graph: ClientGraph,
  reducers: ReturnType<typeof createReducers>,
  /** The camera sigma will start with (from the URL), or null for its default. */
  initialCamera: CameraState | null,
): FirstFrame | null {
  if (container.offsetWidth === 0 || container.offsetHeight === 0 || graph.order === 0) return null;
  const canvas = document.createElement("canvas");
  canvas.className = "first-frame";
  canvas.setAttribute("aria-hidden", "true");
  const context = canvas.getContext("2d");
  if (!context) return null;
  // Topmost last, as drawn.
  let drawn: [string, DrawnNode][] = [];

  const draw = (wanted: CameraState | null) => {
    const camera = wanted ?? DEFAULT_CAMERA;
    const width = container.offsetWidth;
    const height = container.offsetHeight;
    const pixelRatio = window.devicePixelRatio || 1;
    // Setting the size clears the canvas and its transform, even when the size is unchanged.
    canvas.width = Math.round(width * pixelRatio);
    canvas.height = Math.round(height * pixelRatio);
    context.scale(pixelRatio, pixelRatio);
    const nodes = projectNodes(graph, reducers, camera, width, height);
    drawEdges(context, graph, reducers, nodes, Math.sqrt(camera.ratio));
    drawn = [...nodes].sort(([, a], [, b]) => (a.display.zIndex ?? 0) - (b.display.zIndex ?? 0));
    for (const [, { at, radius, display }] of drawn) {
      context.fillStyle = display.color ?? "#999";
      context.beginPath();
      context.arc(at.x, at.y, radius, 0, Math.PI * 2);
      context.fill();
    }
    drawLabels(
      context,
      drawn.map(([, node]) => node),
      width,
      height,
    );
  };

  draw(initialCamera);
  container.append(canvas);
  return {
    get positions() {
      return new Map(drawn.map(([key, { at }]) => [key, at]));
    },
    redraw: draw,
    nodeAt: (point) => {
      for (let i = drawn.length - 1; i >= 0; i--) {
        const [key, { at, radius }] = drawn[i]!;
        if (Math.hypot(point.x - at.x, point.y - at.y) <= radius + HIT_SLOP) return key;
      }
      return null;
    },
    remove: () => canvas.remove(),
  };
}

/** Pixels around a small entity that still count as pointing at it. */
const HIT_SLOP = 2;

/** Every shown entity, where sigma puts it and as large as sigma draws it. */
function projectNodes(
  graph: ClientGraph,
  reducers: ReturnType<typeof createReducers>,
  camera: CameraState,
  width: number,
  height: number,
): Map<string, DrawnNode> {
  const project = sigmaProjection(graph, camera, width, height, STAGE_PADDING);
  // sigma sizes items in screen pixels divided by the square root of the zoom ratio (its default).
  const sizeRatio = Math.sqrt(camera.ratio);
  const nodes = new Map<string, DrawnNode>();
  graph.forEachNode((node, data) => {
    const display = reducers.nodeReducer(node, data);
    if (display.hidden) return;
    const radius = Math.max(1, (display.size ?? 1) / sizeRatio);
    nodes.set(node, { at: project(display.x ?? data.x, display.y ?? data.y), radius, display });
  });
  return nodes;
}

function drawEdges(
  context: CanvasRenderingContext2D,
  graph: ClientGraph,
  reducers: ReturnType<typeof createReducers>,
  nodes: Map<string, DrawnNode>,
  sizeRatio: number,
): void {
  graph.forEachEdge((edge, data, source, target) => {
    const from = nodes.get(source);
    const to = nodes.get(target);
    if (!from || !to) return;
    const display = reducers.edgeReducer(edge, data);
    if (display.hidden) return;
    context.strokeStyle = display.color ?? data.color;
    // sigma's edge programs draw a relation about half its size wide.
    context.lineWidth = Math.max(0.75, (display.size ?? data.size ?? 1) / sizeRatio / 2);
    context.beginPath();
    context.moveTo(from.at.x, from.at.y);
    const curvature = display.curvature ?? 0;
    if (curvature === 0) context.lineTo(to.at.x, to.at.y);
    else {
      // @sigma/edge-curve's control point: the midpoint pushed sideways by the curvature times the length.
      const dx = to.at.x - from.at.x;
      const dy = to.at.y - from.at.y;
      const cx = (from.at.x + to.at.x) / 2 + dy * curvature;
      const cy = (from.at.y + to.at.y) / 2 - dx * curvature;
      context.quadraticCurveTo(cx, cy, to.at.x, to.at.y);
    }
    context.stroke();
  });
}

/** Labels placed as sigma's label guard places them (core/graph/label-placement.ts), so none move at the handover. */
function drawLabels(context: CanvasRenderingContext2D, nodes: DrawnNode[], width: number, height: number): void {
  context.font = `${LABEL_WEIGHT} ${LABEL_SIZE}px ${LABEL_FONT}`;
  context.fillStyle = "#1f2937";
  const candidates: NodeLabelCandidate[] = [];
  nodes.forEach(({ at, radius, display }, index) => {
    if (!display.label) return;
    const rank = display.highlighted ? 4 : display.forceLabel ? 3 : ((display as NodeDisplay).labelRank ?? 0);
    candidates.push({
      key: String(index),
      x: at.x,
      y: at.y,
      size: radius,
      width: context.measureText(display.label).width,
      height: LABEL_SIZE + 2,
      rank,
      forced: !!display.highlighted,
    });
  });
  const { placed } = placeNodeLabels(candidates, {
    bounds: { x1: 0, y1: 0, x2: width, y2: height },
    discs: nodes.map(({ at, radius }) => discRect(at.x, at.y, radius)),
  });
  for (const [index, { rect }] of placed) {
    const label = nodes[Number(index)]?.display.label;
    if (label) context.fillText(label, rect.x1 + 2, (rect.y1 + rect.y2) / 2 + LABEL_SIZE / 3);
  }
}

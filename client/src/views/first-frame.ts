/**
 * A first frame of the graph, drawn on a plain 2D canvas while sigma starts.
 *
 * Without a GPU (headless Chromium here, virtual machines, remote desktops) WebGL is software-rendered, and sigma's
 * first frame waits until every shader it uses has been compiled: about a second after the data has arrived,
 * during which the stage would stay empty. This canvas shows the same entities and relations, with the colours,
 * sizes and visibility the reducers give them, where sigma is about to draw them (sigma's own normalisation and
 * camera matrix), in a few milliseconds. It takes no input and is removed as soon as sigma has drawn: sigma's
 * frame replaces it in the same commit. Small graphs only: a large graph opens on an overview anyway.
 */
import type { CameraState, NodeDisplayData } from "sigma/types";
import { createNormalizationFunction, graphExtent, matrixFromCamera } from "sigma/utils";
import type { ClientGraph } from "../core/graph/load";
import type { createReducers } from "../core/graph/reducers";
import { LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT, STAGE_PADDING } from "./renderer";

export interface Point {
  x: number;
  y: number;
}

export interface FirstFrame {
  /** Where each drawn entity's centre landed, in CSS pixels of the stage (for tests). */
  readonly positions: ReadonlyMap<string, Point>;
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
  const width = container.offsetWidth;
  const height = container.offsetHeight;
  if (width === 0 || height === 0 || graph.order === 0) return null;
  const camera = initialCamera ?? DEFAULT_CAMERA;
  const project = sigmaProjection(graph, camera, width, height, STAGE_PADDING);
  // sigma sizes items in screen pixels divided by the square root of the zoom ratio (its default).
  const sizeRatio = Math.sqrt(camera.ratio);

  const canvas = document.createElement("canvas");
  const pixelRatio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  canvas.className = "first-frame";
  canvas.setAttribute("aria-hidden", "true");
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.scale(pixelRatio, pixelRatio);

  const nodes = new Map<string, DrawnNode>();
  graph.forEachNode((node, data) => {
    const display = reducers.nodeReducer(node, data);
    if (display.hidden) return;
    const radius = Math.max(1, (display.size ?? 1) / sizeRatio);
    nodes.set(node, { at: project(display.x ?? data.x, display.y ?? data.y), radius, display });
  });

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

  const ordered = [...nodes.values()].sort((a, b) => (a.display.zIndex ?? 0) - (b.display.zIndex ?? 0));
  for (const { at, radius, display } of ordered) {
    context.fillStyle = display.color ?? "#999";
    context.beginPath();
    context.arc(at.x, at.y, radius, 0, Math.PI * 2);
    context.fill();
  }
  drawLabels(context, ordered);

  container.append(canvas);
  return {
    positions: new Map([...nodes].map(([key, { at }]) => [key, at])),
    remove: () => canvas.remove(),
  };
}

/** The largest entities' labels, skipping any that would overlap one already drawn: sigma's grid does the rest. */
function drawLabels(context: CanvasRenderingContext2D, nodes: DrawnNode[]): void {
  context.font = `${LABEL_WEIGHT} ${LABEL_SIZE}px ${LABEL_FONT}`;
  context.fillStyle = "#1f2937";
  context.textBaseline = "middle";
  const taken: { left: number; right: number; top: number; bottom: number }[] = [];
  const bySize = [...nodes].sort((a, b) => (b.display.size ?? 0) - (a.display.size ?? 0));
  for (const { at, radius, display } of bySize) {
    if (!display.label) continue;
    const left = at.x + radius + 3;
    const box = {
      left,
      right: left + context.measureText(display.label).width,
      top: at.y - LABEL_SIZE / 2,
      bottom: at.y + LABEL_SIZE / 2,
    };
    if (taken.some((t) => box.left < t.right && t.left < box.right && box.top < t.bottom && t.top < box.bottom))
      continue;
    taken.push(box);
    context.fillText(display.label, box.left, at.y);
  }
}

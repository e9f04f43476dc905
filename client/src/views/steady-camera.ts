/**
 * The camera that keeps the view steady when the stage changes size (the sidebar opens or closes, the window is
 * resized). sigma fits the graph to its container, so on its own every entity would move and change size; this
 * keeps the pixel scale and the top-left corner (which the sidebar never moves), and the selected entity inside
 * the stage: a clicked entity stays under the cursor unless the sidebar now covers it.
 */
import { getCorrectionRatio } from "sigma/utils";
import type { CameraState, Coordinates, Dimensions } from "sigma/types";
import type { Renderer } from "./renderer";

/** How far inside the stage's edges a kept entity is brought, at most. */
const KEEP_MARGIN = 60;

/**
 * The camera for the stage's new size, `after`, given the one that showed the view at `before`. Call it once sigma
 * has taken the new size (`renderer.resize()`): its conversions use its current size.
 */
export function steadyCamera(
  renderer: Renderer,
  before: Dimensions,
  after: Dimensions,
  keep: string | null,
  /** Where the stage is not covered at its foot (the timeline's top), in its pixels. */
  freeBottom = after.height,
): CameraState {
  const camera = renderer.getCamera().getState();
  const convert = (point: Coordinates, cameraState: CameraState) =>
    renderer.viewportToFramedGraph(point, { cameraState });
  const moveBy = (state: CameraState, from: Coordinates, to: Coordinates): CameraState => ({
    ...state,
    x: state.x + from.x - to.x,
    y: state.y + from.y - to.y,
  });

  // sigma's pixels per graph unit at ratio 1: the smaller side less the padding, corrected for the graph's shape.
  const graph = renderer.getGraphDimensions();
  const padding = renderer.getStagePadding();
  const scale = (size: Dimensions) =>
    (Math.min(size.width, size.height) - 2 * padding) * getCorrectionRatio(size, graph);
  let next: CameraState = { ...camera, ratio: (camera.ratio * scale(after)) / scale(before) };
  // At that scale the camera's centre stays the stage's centre, so the old top-left corner is now half the size
  // change away from the new one; the camera moves it back to the corner.
  const corner = convert({ x: (after.width - before.width) / 2, y: (after.height - before.height) / 2 }, next);
  next = moveBy(next, corner, convert({ x: 0, y: 0 }, next));

  const data = keep === null ? undefined : renderer.getNodeDisplayData(keep);
  if (!data || data.hidden) return next;
  const where = renderer.framedGraphToViewport(data, { cameraState: next });
  const margin = Math.min(KEEP_MARGIN, after.width / 4, after.height / 4);
  const inside = {
    x: Math.min(Math.max(where.x, margin), after.width - margin),
    y: Math.min(Math.max(where.y, margin), Math.max(margin, freeBottom - margin)),
  };
  if (inside.x === where.x && inside.y === where.y) return next;
  // Move the camera by as little as brings the entity inside.
  return moveBy(next, data, convert(inside, next));
}

/**
 * Labels that do not pile up. Before each frame, candidate labels are placed greedily (forced and highlighted
 * first, then forced, then by node size) into screen rectangles, skipping any that would overlap one already placed; the
 * label drawer then draws only the placed ones. sigma's own label grid only thins labels per cell.
 */
import type { Settings } from "sigma/settings";
import { drawDiscNodeLabel } from "sigma/rendering";
import type { NodeDisplayData, PartialButFor } from "sigma/types";
import { placeLabels, type Rect } from "../core/graph/label-placement";
import type { Renderer } from "./renderer";

export function installLabelCollision(renderer: Renderer): Partial<Settings> {
  const allowed = new Set<string>();
  const widths = new Map<string, number>();
  const measure = document.createElement("canvas").getContext("2d");

  // "beforeRender" fires before sigma processes data and moves the camera matrix, so placement waits for the
  // first label drawn in the frame, when positions are final.
  let stale = true;
  renderer.on("beforeRender", () => (stale = true));
  const place = () => {
    stale = false;
    allowed.clear();
    const settings = renderer.getSettings();
    const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    if (measure) measure.font = font;
    const candidates: { node: string; rect: Rect; forced: boolean; priority: number; size: number }[] = [];
    const graph = renderer.getGraph();
    graph.forEachNode((node) => {
      const data = renderer.getNodeDisplayData(node);
      if (!data || data.hidden || !data.label) return;
      const size = renderer.scaleSize(data.size);
      const forced = !!data.highlighted;
      const priority = forced ? 2 : data.forceLabel ? 1 : 0;
      if (!priority && size < settings.labelRenderedSizeThreshold) return;
      const { x, y } = renderer.framedGraphToViewport(data);
      const cacheKey = `${font}\u0000${data.label}`;
      let width = widths.get(cacheKey);
      if (width === undefined) {
        width = measure ? measure.measureText(data.label).width : data.label.length * settings.labelSize * 0.6;
        widths.set(cacheKey, width);
      }
      const half = settings.labelSize / 2 + 1;
      candidates.push({ node, forced, priority, size, rect: { x1: x + size + 1, y1: y - half, x2: x + size + 5 + width, y2: y + half } });
    });
    candidates.sort((a, b) => b.priority - a.priority || b.size - a.size);
    const placed = placeLabels(
      candidates.map((c) => c.rect),
      candidates.map((c) => c.forced),
    );
    placed.forEach((index) => allowed.add((candidates[index] as { node: string }).node));
  };

  return {
    defaultDrawNodeLabel: (
      context: CanvasRenderingContext2D,
      data: PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color"> & { key?: string },
      settings: Settings,
    ) => {
      if (stale) place();
      if (data.key !== undefined && !allowed.has(data.key)) return;
      drawDiscNodeLabel(context, data, settings);
    },
  };
}

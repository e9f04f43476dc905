/**
 * Labels that do not pile up. Once per frame, node labels are placed greedily (highlighted first, then those
 * sigma is asked to force, then by node size), skipping any that would overlap one already placed; relation
 * labels are then drawn only where they cross no label already drawn. sigma's own label grid only thins
 * labels per cell, and draws relation labels wherever they fall.
 */
import {
  createDrawCurvedEdgeLabel,
  createEdgeCurveProgram,
  DEFAULT_EDGE_CURVATURE,
  DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS,
} from "@sigma/edge-curve";
import type { Settings } from "sigma/settings";
import {
  DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
  drawDiscNodeLabel,
  drawStraightEdgeLabel,
  type EdgeLabelDrawingFunction,
  type EdgeProgramType,
  type NodeLabelDrawingFunction,
} from "sigma/rendering";
import { edgeLabelRects, edgeLabelShift, LabelSpace, type Rect } from "../core/graph/label-placement";
import type { Renderer } from "./renderer";

export class LabelGuard {
  private renderer: Renderer | null = null;
  private stale = true;
  private readonly allowed = new Set<string>();
  private space = new LabelSpace();
  private readonly widths = new Map<string, number>();
  private readonly measure = document.createElement("canvas").getContext("2d");

  private readonly attached = new WeakSet<Renderer>();
  /** Set when sigma drew labels before it could be attached (its constructor draws once): that frame has none. */
  private missedFrame = false;

  /** Places labels for `renderer` (the page's, or the temporary one that draws a PNG export). */
  attach(renderer: Renderer): void {
    this.renderer = renderer;
    this.stale = true;
    if (this.missedFrame) {
      this.missedFrame = false;
      renderer.scheduleRender();
    }
    if (this.attached.has(renderer)) return;
    this.attached.add(renderer);
    // "beforeRender" fires before sigma processes data and moves its camera matrix, so placement waits for the
    // first label drawn in the frame, when positions are final.
    renderer.on("beforeRender", () => {
      if (this.renderer === renderer) this.stale = true;
    });
  }

  private width(text: string, font: string, size: number): number {
    const key = `${font}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      if (this.measure) this.measure.font = font;
      width = this.measure ? this.measure.measureText(text).width : text.length * size * 0.6;
      this.widths.set(key, width);
    }
    return width;
  }

  private place(): void {
    this.stale = false;
    this.allowed.clear();
    this.space = new LabelSpace();
    const renderer = this.renderer;
    if (!renderer) {
      // Stay stale: the first frame drawn once a renderer is attached places the labels.
      this.stale = true;
      this.missedFrame = true;
      return;
    }
    const settings = renderer.getSettings();
    const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const candidates: { node: string; rect: Rect; priority: number; size: number }[] = [];
    renderer.getGraph().forEachNode((node) => {
      const data = renderer.getNodeDisplayData(node);
      if (!data || data.hidden || !data.label) return;
      const size = renderer.scaleSize(data.size);
      const priority = data.highlighted ? 2 : data.forceLabel ? 1 : 0;
      if (!priority && size < settings.labelRenderedSizeThreshold) return;
      const { x, y } = renderer.framedGraphToViewport(data);
      const half = settings.labelSize / 2 + 1;
      const width = this.width(data.label, font, settings.labelSize);
      candidates.push({
        node,
        priority,
        size,
        rect: { x1: x + size + 1, y1: y - half, x2: x + size + 5 + width, y2: y + half },
      });
    });
    candidates.sort((a, b) => b.priority - a.priority || b.size - a.size);
    for (const candidate of candidates) {
      if (this.space.claim([candidate.rect], candidate.priority === 2)) this.allowed.add(candidate.node);
    }
  }

  readonly drawNodeLabel: NodeLabelDrawingFunction = (context, data, settings) => {
    if (this.stale) this.place();
    const key = (data as { key?: string }).key;
    if (key !== undefined && !this.allowed.has(key)) return;
    drawDiscNodeLabel(context, data, settings);
  };

  /** Wraps a relation label drawer so it draws only where the label crosses no other label. */
  guardEdgeLabel(draw: EdgeLabelDrawingFunction, curved: boolean): EdgeLabelDrawingFunction {
    return (context, edgeData, sourceData, targetData, settings: Settings) => {
      if (this.stale) this.place();
      if (!edgeData.label) return;
      const font = `${settings.edgeLabelWeight} ${settings.edgeLabelSize}px ${settings.edgeLabelFont}`;
      const width = this.width(edgeData.label, font, settings.edgeLabelSize);
      const curvature = (edgeData as { curvature?: number }).curvature ?? 0;
      const shift = edgeLabelShift(sourceData, targetData, curved, edgeData.size, settings.edgeLabelSize);
      const room =
        Math.hypot(targetData.x - sourceData.x, targetData.y - sourceData.y) - sourceData.size - targetData.size;
      const rects = edgeLabelRects(
        sourceData,
        targetData,
        curvature,
        Math.min(width, room),
        settings.edgeLabelSize + 2,
        shift,
      );
      if (!this.space.claim(rects, !!edgeData.forceLabel)) return;
      draw(context, edgeData, sourceData, targetData, settings);
    };
  }

  /** The curved edge programs, with their labels guarded. */
  curvedPrograms(): { curved: EdgeProgramType; curvedArrow: EdgeProgramType } {
    const base = {
      ...DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS,
      curvatureAttribute: "curvature",
      defaultCurvature: DEFAULT_EDGE_CURVATURE,
    };
    const drawLabel = this.guardEdgeLabel(createDrawCurvedEdgeLabel({ ...base, keepLabelUpright: true }), true);
    const common = { ...base, drawLabel };
    return {
      curved: createEdgeCurveProgram({ ...common, arrowHead: null }),
      curvedArrow: createEdgeCurveProgram({ ...common, arrowHead: DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS }),
    };
  }

  /** Settings for sigma: the guarded node and straight relation label drawers. */
  settings(): Partial<Settings> {
    return {
      defaultDrawNodeLabel: this.drawNodeLabel,
      defaultDrawEdgeLabel: this.guardEdgeLabel(drawStraightEdgeLabel, false),
    };
  }
}

/**
 * Labels that do not pile up. Once per frame, node labels are placed greedily, the important first (highlighted,
 * then those sigma is asked to force, then the selection's neighbours, events and the selected type, then by node
 * size), each on the first side of its disc where it covers no disc, no box over the stage and no label already
 * placed, and stays on screen (core/graph/label-placement.ts); relation labels are then drawn only where they
 * cross none of those. sigma's own label grid only thins labels per cell, and draws relation labels wherever
 * they fall.
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
  drawStraightEdgeLabel,
  type EdgeLabelDrawingFunction,
  type EdgeProgramType,
  type NodeLabelDrawingFunction,
} from "sigma/rendering";
import type { NodeDisplayData } from "sigma/types";
import {
  discRect,
  edgeLabelRects,
  edgeLabelShift,
  LabelSpace,
  placeNodeLabels,
  type NodeLabelCandidate,
  type PlacedNodeLabel,
  type Rect,
} from "../core/graph/label-placement";
import { isLargeGraph } from "../core/graph/reducers";
import type { Renderer } from "./renderer";

export class LabelGuard {
  /** `obstacles` gives the boxes laid over a renderer's stage (timeline, counts, zoom buttons) in its pixels. */
  constructor(private readonly obstacles: (renderer: Renderer) => Rect[] = () => []) {}

  private renderer: Renderer | null = null;
  private stale = true;
  private placed = new Map<string, PlacedNodeLabel>();
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

  /** Where each node label was last placed, in its renderer's pixels (read by the end-to-end tests). */
  placements(): ReadonlyMap<string, PlacedNodeLabel> {
    return this.placed;
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
    this.placed.clear();
    const renderer = this.renderer;
    if (!renderer) {
      // Stay stale: the first frame drawn once a renderer is attached places the labels.
      this.stale = true;
      this.missedFrame = true;
      this.space = new LabelSpace();
      return;
    }
    const settings = renderer.getSettings();
    const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const { width, height } = renderer.getDimensions();
    const withDiscs = !isLargeGraph(renderer.getGraph());
    const candidates: NodeLabelCandidate[] = [];
    const discs: Rect[] = [];
    renderer.getGraph().forEachNode((node) => {
      const data = renderer.getNodeDisplayData(node) as (NodeDisplayData & { labelRank?: number }) | undefined;
      if (!data || data.hidden) return;
      const size = renderer.scaleSize(data.size);
      const { x, y } = renderer.framedGraphToViewport(data);
      if (withDiscs) discs.push(discRect(x, y, size));
      if (!data.label) return;
      const rank = data.highlighted ? 4 : data.forceLabel ? 3 : (data.labelRank ?? 0);
      if (!rank && size < settings.labelRenderedSizeThreshold) return;
      const textWidth = this.width(data.label, font, settings.labelSize);
      candidates.push({
        key: node,
        x,
        y,
        size,
        width: textWidth,
        height: settings.labelSize + 2,
        rank,
        forced: !!data.highlighted,
      });
    });
    const { placed, space } = placeNodeLabels(candidates, {
      bounds: { x1: 0, y1: 0, x2: width, y2: height },
      discs,
      obstacles: this.obstacles(renderer),
    });
    this.placed = placed;
    this.space = space;
  }

  /** Draws a node label where placement put it (sigma's own drawer always writes to the right of the disc). */
  readonly drawNodeLabel: NodeLabelDrawingFunction = (context, data, settings) => {
    if (this.stale) this.place();
    const key = (data as { key?: string }).key;
    const spot = key === undefined ? undefined : this.placed.get(key);
    if (!spot || !data.label) return;
    const color = settings.labelColor.attribute
      ? ((data as unknown as Record<string, string | undefined>)[settings.labelColor.attribute] ??
        settings.labelColor.color ??
        "#000")
      : (settings.labelColor.color ?? "#000");
    context.fillStyle = color;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    context.fillText(data.label, spot.rect.x1 + 2, (spot.rect.y1 + spot.rect.y2) / 2 + settings.labelSize / 3);
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

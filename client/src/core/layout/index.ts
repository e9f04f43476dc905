/**
 * Layout: ForceAtlas2 in a Web Worker (graphology's supervisor), started and stopped from the page, then an
 * anti-overlap pass (noverlap) measured in screen pixels, since sigma sizes nodes in pixels, animated into place
 * (unless the user prefers reduced motion).
 */
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { animateNodes } from "sigma/utils";
import type { ClientGraph } from "../graph/load";
import { prefersReducedMotion } from "../motion";
import type { Renderer } from "../../views/renderer";

export type LayoutListener = (running: boolean) => void;

export class LayoutController {
  private supervisor: FA2Layout | null = null;
  private readonly listeners = new Set<LayoutListener>();
  private cancelAnimation: (() => void) | null = null;

  constructor(
    private readonly graph: ClientGraph,
    private readonly renderer: Renderer,
  ) {}

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  onChange(listener: LayoutListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.cancelAnimation?.();
    if (!this.supervisor) {
      const settings = forceAtlas2.inferSettings(this.graph as never);
      this.supervisor = new FA2Layout(this.graph as never, {
        settings: { ...settings, scalingRatio: 10, gravity: 1, barnesHutOptimize: this.graph.order > 2000 },
      });
    }
    this.supervisor.start();
    this.emit();
  }

  /** Stops ForceAtlas2 and runs the anti-overlap pass. */
  stop(): void {
    if (!this.running) return;
    this.supervisor?.stop();
    this.emit();
    this.removeOverlaps();
  }

  toggle(): void {
    if (this.running) this.stop();
    else this.start();
  }

  /** Spreads nodes that overlap on screen, then animates them to their new places. */
  removeOverlaps(): void {
    const renderer = this.renderer;
    const positions = noverlap(this.graph as never, {
      maxIterations: 60,
      settings: { margin: 3, ratio: 1.1, speed: 3 },
      inputReducer: (key, attributes) => {
        const viewport = renderer.graphToViewport(attributes);
        return { x: viewport.x, y: viewport.y, size: renderer.getNodeDisplayData(key)?.size ?? attributes.size ?? 1 };
      },
      outputReducer: (_key, attributes) => ({ ...attributes, ...renderer.viewportToGraph(attributes) }),
    });
    // With the system's "reduce motion" the nodes are put in place at once.
    if (prefersReducedMotion()) {
      for (const [key, position] of Object.entries(positions)) this.graph.mergeNodeAttributes(key, position);
    } else this.cancelAnimation = animateNodes(this.graph as never, positions, { duration: 500 });
  }

  kill(): void {
    this.cancelAnimation?.();
    this.supervisor?.kill();
    this.supervisor = null;
    this.listeners.clear();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.running);
  }
}

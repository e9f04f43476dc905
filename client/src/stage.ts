/**
 * Where the graph is drawn. sigma does the drawing, but creating it is the slowest step of opening the page
 * without a GPU (its constructor waits about half a second for shaders to compile), so on a small graph the page first
 * draws the graph on a 2D canvas (views/first-frame.ts), mounts every panel and answers input, and only then
 * creates sigma; the 2D frame stands in until the GPU has drawn sigma's first frame (views/webgl-warm-up.ts).
 * A large graph, which gets no 2D frame, has sigma created at once.
 *
 * Until sigma exists, a redraw draws the 2D frame again, pointing and clicking are hit-tested on it, and whatever
 * needs sigma (camera moves, the PNG, the layout) waits for it: `whenRenderer` runs it once sigma is there.
 */
import type { ClientGraph } from "./core/graph/load";
import { createReducers, isLargeGraph } from "./core/graph/reducers";
import * as actions from "./core/state/actions";
import type { Store } from "./core/state/store";
import type { ExplorerState } from "./core/state/types";
import { drawFirstFrame, type FirstFrame } from "./views/first-frame";
import { createRenderer, type Renderer } from "./views/renderer";
import { showWhenDrawn } from "./views/webgl-warm-up";

export interface Stage {
  readonly container: HTMLElement;
  /** sigma, once created; null before. */
  readonly renderer: Renderer | null;
  /** The 2D frame drawn before sigma (null on a large graph); it stands in until sigma's frame shows. */
  readonly firstFrame: FirstFrame | null;
  /** Runs `use` with sigma now, or right after it has been created. */
  whenRenderer(use: (renderer: Renderer) => void): void;
  /** Draws the current state again: sigma (now, or in the next frame when `soon`), or the 2D frame before it. */
  refresh(soon?: boolean): void;
  /**
   * Creates sigma unless it exists, and resolves once its frame is on screen. With a 2D frame standing in, sigma
   * is created after the next paint, so the panels mounted before this call show first.
   */
  showSigma(): Promise<void>;
}

/** Draws the 2D frame on a small graph; creates sigma at once on a large one (or when nothing could be drawn). */
export function createStage(container: HTMLElement, graph: ClientGraph, store: Store<ExplorerState>): Stage {
  let renderer: Renderer | null = null;
  const waiting: ((renderer: Renderer) => void)[] = [];
  const firstFrame = isLargeGraph(graph)
    ? null
    : drawFirstFrame(container, graph, createReducers(graph, store.get), store.get().camera);
  const stopPointer = firstFrame ? standInPointer(container, firstFrame, store) : () => {};
  // Before sigma exists, nothing else redraws the 2D frame when the stage changes size (the sidebar opens). The
  // observer's first call reports the size the frame was just drawn at.
  let size = `${container.offsetWidth}x${container.offsetHeight}`;
  const resized = new ResizeObserver(() => {
    const next = `${container.offsetWidth}x${container.offsetHeight}`;
    if (next === size) return;
    size = next;
    if (!renderer) firstFrame?.redraw(store.get().camera);
  });
  if (firstFrame) resized.observe(container);

  const create = () => {
    // Hidden from their creation: sigma draws in its constructor, and a visible WebGL canvas would make the next
    // commit wait for the GPU.
    if (firstFrame) container.classList.add("warming");
    const created = createRenderer(container, graph, store);
    renderer = created;
    performance.mark("explorer:renderer");
    for (const use of waiting.splice(0)) use(created);
    return created;
  };
  if (!firstFrame) create();

  return {
    container,
    get renderer() {
      return renderer;
    },
    firstFrame,
    whenRenderer(use) {
      if (renderer) use(renderer);
      else waiting.push(use);
    },
    refresh(soon = false) {
      if (renderer && soon) renderer.scheduleRender();
      else if (renderer) renderer.refresh({ skipIndexation: true });
      else firstFrame?.redraw(store.get().camera);
    },
    async showSigma() {
      if (renderer || !firstFrame) return;
      await nextPaint();
      await showWhenDrawn(create(), firstFrame);
      resized.disconnect();
      stopPointer();
    },
  };
}

/** Resolves once the current frame has been painted: a task queued from an animation frame runs after it. */
export function nextPaint(): Promise<void> {
  return new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
}

/** Hover and click on the 2D frame, turned into the same actions as sigma's own pointer events. */
function standInPointer(container: HTMLElement, frame: FirstFrame, store: Store<ExplorerState>): () => void {
  let hovered: string | null = null;
  const at = (event: MouseEvent) => {
    const box = container.getBoundingClientRect();
    return frame.nodeAt({ x: event.clientX - box.left, y: event.clientY - box.top });
  };
  const hover = (key: string | null) => {
    if (key === hovered) return;
    hovered = key;
    container.style.cursor = key === null ? "" : "pointer";
    store.update((s) => actions.hoverNode(s, key));
  };
  const onMove = (event: PointerEvent) => hover(at(event));
  const onLeave = () => hover(null);
  const onClick = (event: MouseEvent) => {
    const key = at(event);
    store.update((s) => (key === null ? actions.clearSelection(s) : actions.selectNode(s, key)));
  };
  container.addEventListener("pointermove", onMove);
  container.addEventListener("pointerleave", onLeave);
  container.addEventListener("click", onClick);
  return () => {
    container.removeEventListener("pointermove", onMove);
    container.removeEventListener("pointerleave", onLeave);
    container.removeEventListener("click", onClick);
    // sigma's captor takes over; it reports the next hover itself.
    hover(null);
  };
}

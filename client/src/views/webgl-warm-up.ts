/**
 * Holds sigma's canvases back until the GPU has finished sigma's first frame, with the 2D first frame standing in.
 *
 * With software WebGL (no GPU: headless Chromium, virtual machines) the first drawing with each shader keeps the
 * GPU process busy for about a second. A WebGL canvas on screen is read back by the compositor at every commit,
 * and that read waits for the GPU: the whole page would freeze for that second. Hidden, nothing waits for it. A
 * fence in each WebGL context says when the GPU has caught up; until then sigma renders as usual (unseen), the 2D
 * frame is drawn again after each of its renders, and sigma's pointer captors are off: its picking would read
 * pixels back and wait too (the stage hit-tests the 2D frame instead). With a GPU the fences signal within a frame
 * or two.
 */
import type { FirstFrame } from "./first-frame";
import type { Renderer } from "./renderer";

/** Shown anyway after this long: a fence that never signals must not leave the page without sigma. */
const MAX_WAIT_MS = 10_000;

/**
 * Resolves once sigma's canvases are on screen and the 2D frame is gone, in the same commit. Meanwhile the stage
 * carries the class `warming`, which hides sigma's canvases (styles/stage.css).
 */
export function showWhenDrawn(renderer: Renderer, frame: FirstFrame): Promise<void> {
  const container = renderer.getContainer();
  const captors = [renderer.getMouseCaptor(), renderer.getTouchCaptor()];

  container.classList.add("warming");
  for (const captor of captors) captor.enabled = false;
  // After each of sigma's renders, a fence behind it: the canvases are shown once the GPU has caught up with all
  // of them, so the commit that shows them has nothing left to wait for but the read-back itself.
  let fences = gpuFences(renderer);
  const afterRender = () => {
    frame.redraw(renderer.getCamera().getState());
    for (const { gl, sync } of fences) gl.deleteSync(sync);
    fences = gpuFences(renderer);
  };
  renderer.on("afterRender", afterRender);
  const started = performance.now();
  return new Promise((shown) => {
    const check = () => {
      if (!fences.every(isSignalled) && performance.now() - started < MAX_WAIT_MS) {
        requestAnimationFrame(check);
        return;
      }
      for (const { gl, sync } of fences) gl.deleteSync(sync);
      renderer.off("afterRender", afterRender);
      for (const captor of captors) captor.enabled = true;
      // What sigma last drew (the current state) replaces the 2D frame in one commit.
      container.classList.remove("warming");
      frame.remove();
      shown();
    };
    requestAnimationFrame(check);
  });
}

interface Fence {
  gl: WebGL2RenderingContext;
  sync: WebGLSync;
}

/** A fence after everything sigma has asked of each of its WebGL2 contexts so far, flushed to the GPU. */
function gpuFences(renderer: Renderer): Fence[] {
  const fences: Fence[] = [];
  for (const canvas of Object.values(renderer.getCanvases())) {
    // The context sigma created, if it is WebGL2; null for 2D canvases (and for WebGL1, which has no fences).
    const gl = canvas.getContext("webgl2");
    const sync = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (!gl || !sync) continue;
    gl.flush();
    fences.push({ gl, sync });
  }
  return fences;
}

function isSignalled({ gl, sync }: Fence): boolean {
  return gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED || gl.isContextLost();
}

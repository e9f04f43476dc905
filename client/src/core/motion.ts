/** The user asked the system for less motion: the camera jumps instead of gliding, nodes move at once. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * Focus never falls to `body`. A control that removes or hides itself when used (a chip's ×, _Show everything_,
 * _Clear path_) would leave the keyboard user nowhere; after each click or key press, if focus was lost that
 * way, it goes to a sensible place: the details' title when it was in the details, else the graph. A click on
 * empty page, which leaves the clicked control in place, is left alone.
 */
export function guardFocus(graph: HTMLElement, sidebar: HTMLElement): void {
  let last: HTMLElement | null = null;
  let lastInSidebar = false;
  document.addEventListener("focusin", (event) => {
    last = event.target instanceof HTMLElement ? event.target : null;
    lastInSidebar = last !== null && sidebar.contains(last);
  });
  const check = () => {
    const active = document.activeElement;
    if (last === null || (active !== null && active !== document.body)) return;
    // Still there and shown: focus left on purpose (a click elsewhere, Escape in a box).
    if (last.isConnected && last.checkVisibility()) return;
    const title = lastInSidebar && !sidebar.hidden ? sidebar.querySelector<HTMLElement>("#detail-title") : null;
    (title ?? graph).focus({ preventScroll: true });
  };
  // After the handlers of the same event have changed the page.
  const later = () => window.setTimeout(check, 0);
  document.addEventListener("click", later);
  document.addEventListener("keydown", later);
}

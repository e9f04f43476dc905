/**
 * The skip links at the top of the page: to the details (only while they are open) and to the graph. They move
 * focus themselves rather than follow the fragment, which would add a history entry and leave the URL's state.
 */
import type { ExplorerState } from "../core/state/types";
import { byId } from "./dom";

export function mountSkipLinks(graph: HTMLElement, focusDetails: () => void): (state: ExplorerState) => void {
  const toDetails = byId<HTMLAnchorElement>("skip-details");
  const toGraph = document.querySelector<HTMLAnchorElement>('.skip-link[href="#graph"]');
  toDetails.addEventListener("click", (event) => {
    event.preventDefault();
    focusDetails();
  });
  toGraph?.addEventListener("click", (event) => {
    event.preventDefault();
    graph.focus();
  });
  return (state) => {
    toDetails.hidden = state.selection === null;
  };
}

/**
 * In an overview, the top of the sidebar for the selected entity: how many of its neighbours are still hidden,
 * and the button that expands it (adds its neighbourhood from the server) or collapses it again.
 */
import type { ClientGraph } from "../core/graph/load";
import type { ExplorerState } from "../core/state/types";
import { EXPANSION_LIMIT, type OverviewGrower } from "../overview";
import { el, replaceChildren } from "./dom";

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

export function mountOverviewNode(
  element: HTMLElement,
  graph: ClientGraph,
  grower: OverviewGrower,
): (state: ExplorerState) => void {
  return (state) => {
    const overview = state.overview;
    const key = state.selection?.kind === "node" ? state.selection.key : null;
    if (!overview || key === null || !graph.hasNode(key)) {
      element.hidden = true;
      replaceChildren(element, []);
      return;
    }
    const { neighbours, hiddenNeighbours: hidden } = graph.getNodeAttributes(key);
    const expanded = overview.expanded.has(key);
    const pending = overview.pending.has(key);
    const counted =
      neighbours === undefined || hidden === undefined
        ? el("p", { text: "Counting its neighbours…" })
        : el("p", { attrs: { id: "overview-hidden", "data-hidden": hidden, "data-neighbours": neighbours } }, [
            hidden === 0
              ? `All ${plural(neighbours, "neighbour is", "neighbours are")} on the page.`
              : `${hidden.toLocaleString("en")} of its ${plural(neighbours, "neighbour", "neighbours")} ${hidden === 1 ? "is" : "are"} not on the page.`,
          ]);
    const button = expanded
      ? el("button", {
          text: "Collapse",
          attrs: { type: "button", id: "overview-collapse", title: "Remove what expanding it added" },
          on: { click: () => grower.collapse(key) },
        })
      : el("button", {
          class: "primary",
          text: pending ? "Expanding…" : "Expand",
          attrs: {
            type: "button",
            id: "overview-expand",
            disabled: pending || hidden === 0,
            title: `Add its neighbours from the server (at most ${EXPANSION_LIMIT})`,
          },
          on: { click: () => void grower.expand(key) },
        });
    replaceChildren(element, [
      counted,
      overview.truncated.has(key)
        ? el("p", {
            class: "overview-truncated",
            text: `Expanding added at most ${EXPANSION_LIMIT} neighbours: the rest stay hidden. Search or a path still reaches them.`,
          })
        : null,
      overview.error ? el("p", { class: "error-text", text: `Could not grow the overview: ${overview.error}` }) : null,
      button,
    ]);
    element.hidden = false;
  };
}

/**
 * The line over the graph: how much is shown ("42 of 120 entities · 60 of 300 relations") and a chip for each
 * active mode (neighbourhood, path, hidden types) that clears it with one click.
 */
import type { ClientGraph } from "../core/graph/load";
import { countShown } from "../core/graph/visibility";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import { el, replaceChildren } from "./dom";

const number = (value: number) => value.toLocaleString("en");

export function mountStageInfo(
  counts: HTMLElement,
  chips: HTMLElement,
  store: Store<ExplorerState>,
  graph: ClientGraph,
  /** In an overview: takes away everything added since the page opened. */
  onReset?: () => void,
): (state: ExplorerState) => void {
  const label = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : key);
  const chip = (text: string, clear: () => void, id: string) =>
    el("span", { class: "chip", attrs: { id } }, [
      el("span", { text }),
      el("button", {
        class: "chip-clear",
        text: "×",
        attrs: { type: "button", "aria-label": `Clear: ${text}` },
        on: { click: clear },
      }),
    ]);

  return (state) => {
    const shown = countShown(state, graph);
    const overview = state.overview;
    if (overview) {
      // Too big to draw: say so, with the whole graph's size, never as if this were all of it.
      counts.textContent = `Overview: ${number(shown.nodes)} of ${number(overview.totalNodes)} entities · ${number(shown.edges)} of ${number(overview.totalEdges)} relations`;
      counts.title =
        "The graph is too big to draw: the page shows its most connected entities. Select one to expand it; search and paths reach the whole graph.";
      counts.dataset.totalNodes = String(overview.totalNodes);
      counts.dataset.totalEdges = String(overview.totalEdges);
    } else {
      // A year says so, even when everything happens to be there (the last year reads unlike "All years").
      const when = state.year === null ? "" : `In ${state.year}: `;
      counts.textContent =
        shown.nodes === shown.totalNodes && shown.edges === shown.totalEdges
          ? `${when}${shown.totalNodes} entities · ${shown.totalEdges} relations`
          : `${when}Showing ${shown.nodes} of ${shown.totalNodes} entities · ${shown.edges} of ${shown.totalEdges} relations`;
    }
    counts.classList.toggle("overview", overview !== null);
    counts.dataset.nodes = String(shown.nodes);
    counts.dataset.edges = String(shown.edges);
    const hood = state.neighbourhood;
    const filtered = state.hiddenTypes.size + state.hiddenRelations.size;
    replaceChildren(chips, [
      overview?.grown && onReset ? chip("Back to the overview", onReset, "chip-overview") : null,
      hood
        ? chip(
            `Within ${hood.depth} hop${hood.depth === 1 ? "" : "s"} of ${label(hood.center)}`,
            () => store.update(actions.closeNeighbourhood),
            "chip-hood",
          )
        : null,
      state.path
        ? chip(
            `Path: ${label(state.path.from)} → ${label(state.path.to)}`,
            () => store.update(actions.clearPath),
            "chip-path",
          )
        : null,
      filtered > 0
        ? chip(
            `${filtered} filter${filtered === 1 ? "" : "s"} on`,
            () => store.update((s) => actions.setHiddenRelations(actions.setHiddenTypes(s, []), [])),
            "chip-filters",
          )
        : null,
    ]);
  };
}

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

export function mountStageInfo(
  counts: HTMLElement,
  chips: HTMLElement,
  store: Store<ExplorerState>,
  graph: ClientGraph,
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
    counts.textContent =
      shown.nodes === shown.totalNodes && shown.edges === shown.totalEdges
        ? `${shown.totalNodes} entities · ${shown.totalEdges} relations`
        : `Showing ${shown.nodes} of ${shown.totalNodes} entities · ${shown.edges} of ${shown.totalEdges} relations`;
    counts.dataset.nodes = String(shown.nodes);
    counts.dataset.edges = String(shown.edges);
    const hood = state.neighbourhood;
    const filtered = state.hiddenTypes.size + state.hiddenRelations.size;
    replaceChildren(chips, [
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

/**
 * The line over the graph: how much is shown ("42 of 120 entities · 60 of 300 relations") and a chip for each
 * active mode (neighbourhood, path, hidden types) that clears it with one click.
 */
import type { ClientGraph } from "../core/graph/load";
import { countShown } from "../core/graph/visibility";
import { displayLabel } from "../core/graph/reducers";
import { t } from "../core/i18n";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import { el, replaceChildren } from "./dom";

export function mountStageInfo(
  counts: HTMLElement,
  chips: HTMLElement,
  store: Store<ExplorerState>,
  graph: ClientGraph,
  /** In an overview: takes away everything added since the page opened. */
  onReset?: () => void,
): (state: ExplorerState) => void {
  const label = (key: string) =>
    graph.hasNode(key) ? displayLabel(graph.getNodeAttributes(key), store.get().lang) : key;
  const chip = (text: string, clear: () => void, id: string) =>
    el("span", { class: "chip", attrs: { id } }, [
      el("span", { text }),
      el("button", {
        class: "chip-clear",
        text: "×",
        attrs: { type: "button", "aria-label": t("chip.clear", { chip: text }) },
        on: { click: clear },
      }),
    ]);

  return (state) => {
    const shown = countShown(state, graph);
    const overview = state.overview;
    if (overview) {
      // Too big to draw: say so, with the whole graph's size, never as if this were all of it.
      counts.textContent = t("stage.overview", {
        nodes: shown.nodes,
        totalNodes: overview.totalNodes,
        edges: shown.edges,
        totalEdges: overview.totalEdges,
      });
      counts.title = t("stage.overviewTitle");
      counts.dataset.totalNodes = String(overview.totalNodes);
      counts.dataset.totalEdges = String(overview.totalEdges);
    } else {
      // A year says so, even when everything happens to be there (the last year reads unlike "All years").
      const when = state.year === null ? "" : t("stage.inYear", { year: state.year });
      counts.textContent =
        shown.nodes === shown.totalNodes && shown.edges === shown.totalEdges
          ? when + t("stage.all", { nodes: shown.totalNodes, edges: shown.totalEdges })
          : when + t("stage.some", shown);
    }
    counts.classList.toggle("overview", overview !== null);
    counts.dataset.nodes = String(shown.nodes);
    counts.dataset.edges = String(shown.edges);
    const hood = state.neighbourhood;
    const filtered = state.hiddenTypes.size + state.hiddenRelations.size;
    replaceChildren(chips, [
      overview?.grown && onReset ? chip(t("chip.overview"), onReset, "chip-overview") : null,
      hood
        ? chip(
            t("chip.hood", { depth: hood.depth, centre: label(hood.center) }),
            () => store.update(actions.closeNeighbourhood),
            "chip-hood",
          )
        : null,
      state.path
        ? chip(
            t("chip.path", { from: label(state.path.from), to: label(state.path.to) }),
            () => store.update(actions.clearPath),
            "chip-path",
          )
        : null,
      filtered > 0
        ? chip(
            t("chip.filters", { count: filtered }),
            () => store.update((s) => actions.setHiddenRelations(actions.setHiddenTypes(s, []), [])),
            "chip-filters",
          )
        : null,
    ]);
  };
}

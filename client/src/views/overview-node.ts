/**
 * In an overview, the top of the sidebar for the selected entity: how many of its neighbours are still hidden,
 * and the button that expands it (adds its neighbourhood from the server) or collapses it again.
 */
import type { ClientGraph } from "../core/graph/load";
import { t } from "../core/i18n";
import type { ExplorerState } from "../core/state/types";
import { EXPANSION_LIMIT, type OverviewGrower } from "../overview";
import { el, replaceChildren } from "./dom";

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
        ? el("p", { text: t("overview.counting") })
        : el("p", { attrs: { id: "overview-hidden", "data-hidden": hidden, "data-neighbours": neighbours } }, [
            hidden === 0
              ? t("overview.allShown", { count: neighbours })
              : t("overview.someHidden", { hidden, count: neighbours }),
          ]);
    const button = expanded
      ? el("button", {
          text: t("overview.collapse"),
          attrs: { type: "button", id: "overview-collapse", title: t("overview.collapseTitle") },
          on: { click: () => grower.collapse(key) },
        })
      : el("button", {
          class: "primary",
          text: t(pending ? "overview.expanding" : "overview.expand"),
          attrs: {
            type: "button",
            id: "overview-expand",
            disabled: pending || hidden === 0,
            title: t("overview.expandTitle", { limit: EXPANSION_LIMIT }),
          },
          on: { click: () => void grower.expand(key) },
        });
    replaceChildren(element, [
      counted,
      overview.truncated.has(key)
        ? el("p", {
            class: "overview-truncated",
            text: t("overview.truncated", { limit: EXPANSION_LIMIT }),
          })
        : null,
      overview.error ? el("p", { class: "error-text", text: t("overview.failed", { message: overview.error }) }) : null,
      button,
    ]);
    element.hidden = false;
  };
}

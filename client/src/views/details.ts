/**
 * The details sidebar's life cycle: opens on a selection, shows "Loading…", fetches the entity or relation
 * from the API (ignoring answers that arrive after the selection moved on), renders it, or says what failed.
 * The answer holds every year; moving the timeline re-renders it for the chosen year without a new request
 * (relations of that year, figures with the year marked), so playing through the years stays steady.
 */
import { api } from "../api";
import type { EdgeItem, NodeDetailResponse } from "../../../server/api/contract";
import type { DocumentRecord } from "../../../server/domain/dataset-schema";
import type { ClientGraph } from "../core/graph/load";
import { t } from "../core/i18n";
import type { Selection } from "../core/state/types";
import { el, replaceChildren } from "./dom";
import { renderEdgeDetail, renderNodeDetail, type NodeLabel, type SidebarActions } from "./sidebar";

export interface DetailsView {
  /**
   * Opens (or closes, for null) the sidebar on a selection, seen from `year` (null: all years). The same
   * selection again is drawn again from what was loaded: the year or the language changed.
   */
  show(selection: Selection | null, year: number | null): void;
}

type Loaded = { kind: "node"; detail: NodeDetailResponse } | { kind: "edge"; edge: EdgeItem };

export function createDetailsView(
  sidebar: HTMLElement,
  content: HTMLElement,
  graph: ClientGraph,
  documents: readonly DocumentRecord[],
  actions: SidebarActions,
): DetailsView {
  let controller: AbortController | null = null;
  let shown: Selection | null = null;
  let year: number | null = null;
  let loaded: Loaded | null = null;
  const nodeLabel = (key: string): NodeLabel => {
    if (!graph.hasNode(key)) return { label: key, type: "topic" };
    const { label, labelZh, type } = graph.getNodeAttributes(key);
    return { label, type, ...(labelZh !== undefined && { labelZh }) };
  };

  const fail = (selection: Selection, error: Error) => {
    if (error.name === "AbortError") return;
    const what = selection.kind === "node" ? "entity" : "relation";
    replaceChildren(content, [
      el("h2", { class: "detail-title", text: selection.key, attrs: { id: "detail-title" } }),
      el("p", { class: "error-text", text: t("sidebar.failed", { what, message: error.message }) }),
      el("button", { text: t("status.retry"), attrs: { type: "button" }, on: { click: () => load(selection) } }),
    ]);
  };

  const load = (selection: Selection) => {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    sidebar.hidden = false;
    sidebar.setAttribute("aria-busy", "true");
    const known = selection.kind === "node" ? graph.hasNode(selection.key) : graph.hasEdge(selection.key);
    replaceChildren(content, [
      el("h2", {
        class: "detail-title",
        text:
          selection.kind === "node" && known ? graph.getNodeAttribute(selection.key, "label") : t("sidebar.loading"),
        attrs: { id: "detail-title" },
      }),
      el("p", { class: "panel-status", text: t("sidebar.loading") }),
    ]);
    const done = (answer: Loaded) => {
      if (own.signal.aborted) return;
      sidebar.removeAttribute("aria-busy");
      loaded = answer;
      render();
      content.scrollTop = 0;
    };
    const failed = (error: Error) => {
      if (own.signal.aborted) return;
      sidebar.removeAttribute("aria-busy");
      fail(selection, error);
    };
    loaded = null;
    if (selection.kind === "node") {
      api.node(selection.key, own.signal).then((detail) => done({ kind: "node", detail }), failed);
    } else {
      api.edge(selection.key, own.signal).then((edge) => done({ kind: "edge", edge }), failed);
    }
  };

  const render = () => {
    if (!loaded) return;
    const scroll = content.scrollTop;
    replaceChildren(
      content,
      loaded.kind === "node"
        ? renderNodeDetail(loaded.detail, documents, actions, { year, graph })
        : renderEdgeDetail(
            loaded.edge,
            { source: nodeLabel(loaded.edge.source), target: nodeLabel(loaded.edge.target) },
            documents,
            actions,
            year,
          ),
    );
    content.scrollTop = scroll;
  };

  return {
    show(selection, nextYear) {
      const again = selection !== null && shown?.kind === selection.kind && shown.key === selection.key;
      year = nextYear;
      if (selection === null) {
        shown = null;
        loaded = null;
        controller?.abort();
        sidebar.hidden = true;
        replaceChildren(content, []);
        return;
      }
      shown = selection;
      if (again && loaded) render();
      else if (!again) load(selection);
    },
  };
}

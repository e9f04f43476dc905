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
import { loadEntityAnalysis, renderAnalysis, type EntityAnalysis } from "./analysis";
import { nodeLink, renderEdgeDetail, renderNodeDetail, type NodeLabel, type SidebarActions } from "./sidebar";

export interface DetailsView {
  /**
   * Opens (or closes, for null) the sidebar on a selection, seen from `year` (null: all years). The same
   * selection again is drawn again from what was loaded: the year or the language changed.
   */
  show(selection: Selection | null, year: number | null): void;
  /** Moves focus to the details' title now and again once they have loaded: the user's attention went there. */
  focusTitle(): void;
}

type Loaded = { kind: "node"; detail: NodeDetailResponse } | { kind: "edge"; edge: EdgeItem };

export function createDetailsView(
  sidebar: HTMLElement,
  content: HTMLElement,
  graph: ClientGraph,
  documents: readonly DocumentRecord[],
  actions: SidebarActions,
  /** Called when the sidebar closes with focus inside it, so focus can go somewhere useful (not `body`). */
  onCloseWithFocus: (closed: Selection) => void,
): DetailsView {
  let controller: AbortController | null = null;
  /** Focus goes to the title when the details render: asked for, or focus was inside what is replaced. */
  let focusWanted = false;
  const focusInside = () => sidebar.contains(document.activeElement);
  const focusTitleIfWanted = () => {
    if (focusWanted) content.querySelector<HTMLElement>("#detail-title")?.focus({ preventScroll: true });
  };
  // A neighbour link or a relation's ⓘ moves the selection from inside the panel: focus follows it.
  const ownActions: SidebarActions = {
    ...actions,
    selectNode: (key) => {
      focusWanted = true;
      actions.selectNode(key);
    },
    selectEdge: (key) => {
      focusWanted = true;
      actions.selectEdge(key);
    },
  };
  let shown: Selection | null = null;
  let year: number | null = null;
  let loaded: Loaded | null = null;
  /** The selected entity's measures and control chains, which may arrive before or after its details. */
  let analysis: EntityAnalysis | null = null;
  const nodeLabel = (key: string): NodeLabel => {
    if (!graph.hasNode(key)) return { label: key, type: "topic" };
    const { label, labelZh, type } = graph.getNodeAttributes(key);
    return { label, type, ...(labelZh !== undefined && { labelZh }) };
  };

  const fail = (selection: Selection, error: Error) => {
    if (error.name === "AbortError") return;
    const what = selection.kind === "node" ? "entity" : "relation";
    replaceChildren(content, [
      el("h2", { class: "detail-title", text: selection.key, attrs: { id: "detail-title", tabindex: "-1" } }),
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
        attrs: { id: "detail-title", tabindex: "-1" },
      }),
      el("p", { class: "panel-status", text: t("sidebar.loading") }),
    ]);
    focusTitleIfWanted();
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
      focusTitleIfWanted();
      focusWanted = false;
    };
    loaded = null;
    analysis = null;
    if (selection.kind === "node") {
      api.node(selection.key, own.signal).then((detail) => done({ kind: "node", detail }), failed);
      void loadEntityAnalysis(selection.key, own.signal).then((answer) => {
        if (own.signal.aborted) return;
        analysis = answer;
        fillAnalysis();
      });
    } else {
      api.edge(selection.key, own.signal).then((edge) => done({ kind: "edge", edge }), failed);
    }
  };

  const render = () => {
    if (!loaded) return;
    const scroll = content.scrollTop;
    // Replacing the content drops focus to `body`: it stays in the panel, on the title.
    if (focusInside() && document.activeElement !== content) focusWanted = true;
    replaceChildren(
      content,
      loaded.kind === "node"
        ? renderNodeDetail(loaded.detail, documents, ownActions, { year, graph })
        : renderEdgeDetail(
            loaded.edge,
            { source: nodeLabel(loaded.edge.source), target: nodeLabel(loaded.edge.target) },
            documents,
            ownActions,
            year,
          ),
    );
    fillAnalysis();
    content.scrollTop = scroll;
    focusTitleIfWanted();
    focusWanted = false;
  };

  /** Puts the analysis into its slot alone, so its arrival moves neither focus nor scroll. */
  const fillAnalysis = () => {
    const slot = content.querySelector<HTMLElement>(".analysis-slot");
    if (!slot || !analysis) return;
    const link = (key: string) => nodeLink(key, nodeLabel(key), ownActions);
    replaceChildren(slot, renderAnalysis(analysis, link, year));
  };

  return {
    show(selection, nextYear) {
      const again = selection !== null && shown?.kind === selection.kind && shown.key === selection.key;
      year = nextYear;
      if (selection === null) {
        const closed = shown;
        const hadFocus = focusInside();
        shown = null;
        loaded = null;
        controller?.abort();
        sidebar.hidden = true;
        replaceChildren(content, []);
        focusWanted = false;
        if (hadFocus && closed) onCloseWithFocus(closed);
        return;
      }
      if (focusInside() && !again) focusWanted = true;
      shown = selection;
      if (again && loaded) render();
      else if (!again) load(selection);
    },
    focusTitle() {
      focusWanted = true;
      focusTitleIfWanted();
      // Already loaded: nothing renders next, and a later render (the year moving) must not take focus.
      if (loaded) focusWanted = false;
    },
  };
}

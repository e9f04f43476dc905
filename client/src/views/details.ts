/**
 * The details sidebar's life cycle: opens on a selection, shows "Loading…", fetches the entity or relation
 * from the API (ignoring answers that arrive after the selection moved on), renders it, or says what failed.
 */
import { api } from "../api";
import type { DocumentRecord } from "../../../server/domain/dataset-schema";
import type { ClientGraph } from "../core/graph/load";
import type { Selection } from "../core/state/types";
import { el, replaceChildren } from "./dom";
import { renderEdgeDetail, renderNodeDetail, type NodeLabel, type SidebarActions } from "./sidebar";

export interface DetailsView {
  show(selection: Selection | null): void;
}

export function createDetailsView(
  sidebar: HTMLElement,
  content: HTMLElement,
  graph: ClientGraph,
  documents: readonly DocumentRecord[],
  actions: SidebarActions,
): DetailsView {
  let controller: AbortController | null = null;
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
      el("p", { class: "error-text", text: `Could not load this ${what}: ${error.message}` }),
      el("button", { text: "Retry", attrs: { type: "button" }, on: { click: () => load(selection) } }),
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
        text: selection.kind === "node" && known ? graph.getNodeAttribute(selection.key, "label") : "Loading…",
        attrs: { id: "detail-title" },
      }),
      el("p", { class: "panel-status", text: "Loading…" }),
    ]);
    const done = (children: HTMLElement[]) => {
      if (own.signal.aborted) return;
      sidebar.removeAttribute("aria-busy");
      replaceChildren(content, children);
      content.scrollTop = 0;
    };
    const failed = (error: Error) => {
      if (own.signal.aborted) return;
      sidebar.removeAttribute("aria-busy");
      fail(selection, error);
    };
    if (selection.kind === "node") {
      api.node(selection.key, own.signal).then((detail) => done(renderNodeDetail(detail, documents, actions)), failed);
    } else {
      api
        .edge(selection.key, own.signal)
        .then(
          (edge) =>
            done(
              renderEdgeDetail(
                edge,
                { source: nodeLabel(edge.source), target: nodeLabel(edge.target) },
                documents,
                actions,
              ),
            ),
          failed,
        );
    }
  };

  return {
    show(selection) {
      if (selection === null) {
        controller?.abort();
        sidebar.hidden = true;
        replaceChildren(content, []);
        return;
      }
      load(selection);
    },
  };
}

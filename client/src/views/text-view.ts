/**
 * The text view: what the graph shows, as two tables (entities, then relations), for screen-reader users and
 * for anyone who would rather read. It follows the same rules as the drawing (visibility.ts: filters, year,
 * neighbourhood, path), so the rows always match the counts over the graph. An entity's name opens its details.
 * Rows are capped so a huge overview cannot freeze the page; the caption says when the cap cut them.
 */
import type { ClientGraph } from "../core/graph/load";
import { displayLabel } from "../core/graph/reducers";
import { relationName, t, typeName } from "../core/i18n";
import { isEdgeShown } from "../core/graph/visibility";
import { walkOrder } from "../core/graph/walk";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import { el, replaceChildren } from "./dom";

/** At most this many rows per table. */
export const TEXT_VIEW_ROWS = 1000;

export interface TextViewContext {
  root: HTMLElement;
  toggle: HTMLButtonElement;
  store: Store<ExplorerState>;
  graph: ClientGraph;
  /** Opens an entity's details and moves focus to them. */
  open(key: string): void;
}

export function mountTextView(context: TextViewContext): (state: ExplorerState) => void {
  const { root, toggle, store, graph } = context;
  let drawn: ExplorerState | null = null;

  const name = (key: string, state: ExplorerState): HTMLElement => {
    const attributes = graph.getNodeAttributes(key);
    const text = displayLabel(attributes, state.lang);
    return el("button", {
      class: "text-entity",
      text,
      attrs: {
        type: "button",
        "data-key": key,
        // The English name stands in for a missing Chinese one.
        lang: state.lang === "zh" && attributes.labelZh === undefined ? "en" : undefined,
      },
      on: { click: () => context.open(key) },
    });
  };

  const table = (id: string, caption: string, columns: string[], rows: HTMLElement[]) =>
    el("table", { class: "text-table", attrs: { id } }, [
      el("caption", { text: caption }),
      el("thead", {}, [
        el(
          "tr",
          {},
          columns.map((c) => el("th", { text: c, attrs: { scope: "col" } })),
        ),
      ]),
      el("tbody", {}, rows),
    ]);

  const render = (state: ExplorerState) => {
    drawn = state;
    const nodes = walkOrder(state, graph, null);
    const rank = new Map(nodes.map((key, index) => [key, index]));
    const edges = graph
      .filterEdges((edge) => isEdgeShown(state, graph, edge))
      .sort((a, b) => (rank.get(graph.source(a)) ?? 0) - (rank.get(graph.source(b)) ?? 0));
    const entityRows = nodes.slice(0, TEXT_VIEW_ROWS).map((key) => {
      const type = graph.getNodeAttribute(key, "type");
      return el("tr", {}, [
        el("th", { attrs: { scope: "row" } }, [name(key, state)]),
        el("td", { text: typeName(type) }),
        el("td", { text: String(graph.degree(key)) }),
      ]);
    });
    const relationRows = edges.slice(0, TEXT_VIEW_ROWS).map((edge) => {
      const { relation } = graph.getEdgeAttributes(edge);
      const [source, target] = graph.extremities(edge);
      return el("tr", {}, [
        el("td", {}, [name(source, state)]),
        el("td", { text: relationName(relation) }),
        el("td", {}, [name(target, state)]),
      ]);
    });
    const capped = (shown: number) => (shown > TEXT_VIEW_ROWS ? t("textView.capped", { rows: TEXT_VIEW_ROWS }) : "");
    replaceChildren(root, [
      el("h2", {
        class: "text-view-title",
        text: t("textView.title"),
        attrs: { id: "text-view-title", tabindex: "-1" },
      }),
      el("p", { class: "text-view-note", text: t("textView.order") }),
      table(
        "text-entities",
        t("textView.entities", { shown: nodes.length, total: graph.order }) + capped(nodes.length),
        [t("textView.entity"), t("textView.type"), t("textView.relationCount")],
        entityRows,
      ),
      table(
        "text-relations",
        t("textView.relations", { shown: edges.length, total: graph.size }) + capped(edges.length),
        [t("textView.from"), t("textView.relation"), t("textView.to")],
        relationRows,
      ),
    ]);
  };

  const setOpen = (open: boolean) => {
    root.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.dataset.i18nTitle = open ? "textView.close" : "textView.open";
    toggle.title = t(open ? "textView.close" : "textView.open");
    if (!open) {
      replaceChildren(root, []);
      drawn = null;
      return;
    }
    render(store.get());
    root.querySelector<HTMLElement>("#text-view-title")?.focus();
  };
  toggle.addEventListener("click", () => setOpen(root.hidden));
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    setOpen(false);
    toggle.focus();
  });

  return (state) => {
    if (root.hidden || drawn === null) return;
    // The hover and the camera do not change what is listed; everything else may.
    const same = (Object.keys(state) as (keyof ExplorerState)[]).every(
      (key) =>
        state[key] === drawn?.[key] ||
        key === "hoveredNode" ||
        key === "hoveredEdge" ||
        key === "camera" ||
        key === "zoomedIn" ||
        key === "keyboardFocus" ||
        key === "keyboardAnchor",
    );
    if (same) return;
    // Keep focus on the same entity's button when the rows are rebuilt.
    const focusedKey = root.contains(document.activeElement)
      ? (document.activeElement?.getAttribute("data-key") ?? null)
      : null;
    render(state);
    if (focusedKey !== null)
      (root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`) ?? root.querySelector("h2"))?.focus();
  };
}

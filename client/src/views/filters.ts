/**
 * Legend and filters in one: every node type with its colour and count, every relation with its colour and
 * count, each a checkbox that shows or hides it. "All" and "None" act on a whole list.
 */
import type { SchemaResponse } from "../../../server/api/contract";
import type { NodeType, Relation } from "../../../server/domain/vocabulary";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import { el, replaceChildren, swatch } from "./dom";

interface Row<K extends string> {
  key: K;
  label: string;
  color: string;
  count: number;
  title: string;
}

function list<K extends string>(
  name: string,
  rows: Row<K>[],
  isHidden: (key: K) => boolean,
  setVisible: (key: K, visible: boolean) => void,
  swatchClass: "swatch" | "relation-swatch",
): { element: HTMLElement; update(): void } {
  const boxes = new Map<K, HTMLInputElement>();
  const items = rows.map((row) => {
    const box = el("input", {
      attrs: { type: "checkbox", "data-filter": `${name}:${row.key}`, "aria-label": `${row.label} (${row.count})` },
      on: { change: () => setVisible(row.key, box.checked) },
    });
    boxes.set(row.key, box);
    return el("li", {}, [
      el("label", { class: "filter-row", attrs: { title: row.title } }, [
        box,
        swatch(swatchClass, row.color),
        el("span", { class: "filter-label", text: row.label }),
        el("span", { class: "count", text: String(row.count) }),
      ]),
    ]);
  });
  return {
    element: el("ul", { class: "filter-list", attrs: { "aria-label": name } }, items),
    update() {
      for (const [key, box] of boxes) box.checked = !isHidden(key);
    },
  };
}

export function mountFilters(
  section: HTMLElement,
  store: Store<ExplorerState>,
  schema: SchemaResponse,
): (state: ExplorerState) => void {
  const types = schema.nodeTypes.filter((t) => t.count > 0);
  const relations = schema.relations.filter((r) => r.count > 0);
  const typeList = list<NodeType>(
    "Entity types",
    types.map((t) => ({ key: t.type, label: t.plural, color: t.color, count: t.count, title: t.description })),
    (key) => store.get().hiddenTypes.has(key),
    (key, visible) => store.update((s) => actions.setTypeVisible(s, key, visible)),
    "swatch",
  );
  const relationList = list<Relation>(
    "Relations",
    relations.map((r) => ({ key: r.relation, label: r.label, color: r.color, count: r.count, title: r.description })),
    (key) => store.get().hiddenRelations.has(key),
    (key, visible) => store.update((s) => actions.setRelationVisible(s, key, visible)),
    "relation-swatch",
  );
  const bulk = (label: string, onClick: () => void) =>
    el("button", { class: "link-button", text: label, attrs: { type: "button" }, on: { click: onClick } });
  const typeCount = el("span", { class: "count" });
  const relationCount = el("span", { class: "count" });

  replaceChildren(section, [
    el("h2", { class: "section-title", text: "Legend & filters", attrs: { id: "filters-title" } }),
    el("details", { class: "filter-group", attrs: { open: true } }, [
      el("summary", {}, ["Entity types ", typeCount]),
      el("div", { class: "bulk" }, [
        bulk("All", () => store.update((s) => actions.setHiddenTypes(s, []))),
        bulk("None", () =>
          store.update((s) =>
            actions.setHiddenTypes(
              s,
              types.map((t) => t.type),
            ),
          ),
        ),
      ]),
      typeList.element,
    ]),
    el("details", { class: "filter-group" }, [
      el("summary", {}, ["Relations ", relationCount]),
      el("div", { class: "bulk" }, [
        bulk("All", () => store.update((s) => actions.setHiddenRelations(s, []))),
        bulk("None", () =>
          store.update((s) =>
            actions.setHiddenRelations(
              s,
              relations.map((r) => r.relation),
            ),
          ),
        ),
      ]),
      relationList.element,
    ]),
  ]);

  return (state) => {
    typeList.update();
    relationList.update();
    typeCount.textContent = `${types.length - types.filter((t) => state.hiddenTypes.has(t.type)).length}/${types.length}`;
    relationCount.textContent = `${relations.length - relations.filter((r) => state.hiddenRelations.has(r.relation)).length}/${relations.length}`;
  };
}

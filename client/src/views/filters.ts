/**
 * Legend and filters in one: every node type with its colour and count, every relation with its colour and
 * count, each a checkbox that shows or hides it. "All" and "None" act on a whole list.
 */
import type { SchemaResponse } from "../../../server/api/contract";
import type { NodeType, Relation } from "../../../server/domain/vocabulary";
import { staticText, type PlainKey, type StaticText } from "../core/i18n";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import { el, replaceChildren, swatch } from "./dom";

interface Row<K extends string> {
  key: K;
  label: StaticText;
  color: string;
  count: number;
  title: StaticText;
}

/** `name` identifies the list in `data-filter` attributes ("Entity types:person"); `heading` labels it. */
function list<K extends string>(
  name: string,
  heading: PlainKey,
  rows: Row<K>[],
  isHidden: (key: K) => boolean,
  setVisible: (key: K, visible: boolean) => void,
  swatchClass: "swatch" | "relation-swatch",
): { element: HTMLElement; update(): void } {
  const boxes = new Map<K, HTMLInputElement>();
  const items = rows.map((row) => {
    const box = el("input", {
      attrs: { type: "checkbox", "data-filter": `${name}:${row.key}` },
      on: { change: () => setVisible(row.key, box.checked) },
    });
    boxes.set(row.key, box);
    return el("li", {}, [
      el("label", { class: "filter-row", i18n: { title: row.title } }, [
        box,
        swatch(swatchClass, row.color),
        el("span", { class: "filter-label", i18n: { text: row.label } }),
        el("span", { class: "count", text: String(row.count) }),
      ]),
    ]);
  });
  return {
    element: el("ul", { class: "filter-list", i18n: { "aria-label": heading } }, items),
    update() {
      for (const row of rows) {
        const box = boxes.get(row.key) as HTMLInputElement;
        box.checked = !isHidden(row.key);
        // Named "Companies (6)" in the interface language.
        box.setAttribute("aria-label", `${staticText(row.label)} (${row.count})`);
      }
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
    "filters.types",
    types.map((t) => ({
      key: t.type,
      label: `types:${t.type}`,
      color: t.color,
      count: t.count,
      title: `typeinfo:${t.type}`,
    })),
    (key) => store.get().hiddenTypes.has(key),
    (key, visible) => store.update((s) => actions.setTypeVisible(s, key, visible)),
    "swatch",
  );
  const relationList = list<Relation>(
    "Relations",
    "filters.relations",
    relations.map((r) => ({
      key: r.relation,
      label: `relation:${r.relation}`,
      color: r.color,
      count: r.count,
      title: `relationinfo:${r.relation}`,
    })),
    (key) => store.get().hiddenRelations.has(key),
    (key, visible) => store.update((s) => actions.setRelationVisible(s, key, visible)),
    "relation-swatch",
  );
  const bulk = (label: PlainKey, onClick: () => void) =>
    el("button", { class: "link-button", attrs: { type: "button" }, i18n: { text: label }, on: { click: onClick } });
  const typeCount = el("span", { class: "count" });
  const relationCount = el("span", { class: "count" });

  replaceChildren(section, [
    el("h2", { class: "section-title", attrs: { id: "filters-title" }, i18n: { text: "filters.title" } }),
    el("details", { class: "filter-group", attrs: { open: true } }, [
      el("summary", {}, [el("span", { i18n: { text: "filters.types" } }), " ", typeCount]),
      el("div", { class: "bulk" }, [
        bulk("filters.all", () => store.update((s) => actions.setHiddenTypes(s, []))),
        bulk("filters.none", () =>
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
      el("summary", {}, [el("span", { i18n: { text: "filters.relations" } }), " ", relationCount]),
      el("div", { class: "bulk" }, [
        bulk("filters.all", () => store.update((s) => actions.setHiddenRelations(s, []))),
        bulk("filters.none", () =>
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

/**
 * The neighbourhood panel: show only what lies within 1, 2 or 3 hops of the selected entity
 * (/api/nodes/:key/neighbors), following relations out, in or both ways, through all relations or chosen ones.
 */
import type { SchemaResponse } from "../../../server/api/contract";
import { isRelation } from "../../../server/domain/vocabulary";
import { relationName, t, type PlainKey } from "../core/i18n";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import { DEPTHS, type Depth, type Direction, type ExplorerState } from "../core/state/types";
import type { ClientGraph } from "../core/graph/load";
import { displayLabel } from "../core/graph/reducers";
import { el, swatch } from "./dom";

const DIRECTION_LABELS: Record<Direction, PlainKey> = { both: "hood.both", out: "hood.out", in: "hood.in" };

export function mountNeighbourhood(
  section: HTMLElement,
  store: Store<ExplorerState>,
  graph: ClientGraph,
  schema: SchemaResponse,
): (state: ExplorerState) => void {
  const depthInputs = DEPTHS.map((depth) =>
    el("input", {
      attrs: { type: "radio", name: "hood-depth", value: depth, id: `hood-depth-${depth}`, checked: depth === 1 },
      on: { change: () => apply() },
    }),
  );
  const direction = el(
    "select",
    { attrs: { id: "hood-direction" }, i18n: { "aria-label": "hood.direction" }, on: { change: () => apply() } },
    (Object.keys(DIRECTION_LABELS) as Direction[]).map((d) =>
      el("option", { attrs: { value: d }, i18n: { text: DIRECTION_LABELS[d] } }),
    ),
  );
  const relationBoxes = schema.relations
    .filter((r) => r.count > 0)
    .map((r) =>
      el("input", {
        attrs: { type: "checkbox", value: r.relation, "data-hood-relation": r.relation },
        on: { change: () => apply() },
      }),
    );
  const relationSummary = el("summary", { text: t("hood.allRelations") });
  const relationPicker = el("details", { class: "relation-picker", attrs: { id: "hood-relations" } }, [
    relationSummary,
    el(
      "ul",
      { class: "filter-list" },
      relationBoxes.map((box) => {
        const info = schema.relations.find((r) => r.relation === box.value);
        return el("li", {}, [
          el("label", { class: "filter-row" }, [
            box,
            swatch("relation-swatch", info?.color ?? "#999"),
            info
              ? el("span", { class: "filter-label", i18n: { text: `relation:${info.relation}` } })
              : el("span", { class: "filter-label", text: box.value }),
          ]),
        ]);
      }),
    ),
    el("button", {
      class: "link-button",
      attrs: { type: "button" },
      i18n: { text: "hood.anyRelation" },
      on: {
        click: () => {
          for (const box of relationBoxes) box.checked = false;
          apply();
        },
      },
    }),
  ]);
  const show = el("button", {
    class: "primary",
    text: t("hood.show"),
    attrs: { type: "button", id: "hood-show" },
    on: {
      click: () => {
        const selection = store.get().selection;
        if (selection?.kind === "node") store.update((s) => actions.openNeighbourhood(s, selection.key, options()));
      },
    },
  });
  const reset = el("button", {
    attrs: { type: "button", id: "hood-clear" },
    i18n: { text: "hood.reset" },
    on: { click: () => store.update(actions.closeNeighbourhood) },
  });
  const status = el("p", { class: "panel-status", attrs: { id: "hood-status", "aria-live": "polite" } });

  const options = (): { depth: Depth; direction: Direction; relations: ReturnType<typeof relationsValue> } => ({
    depth: Number(depthInputs.find((input) => input.checked)?.value ?? 1) as Depth,
    direction: direction.value as Direction,
    relations: relationsValue(),
  });
  const relationsValue = () =>
    relationBoxes
      .filter((box) => box.checked)
      .map((box) => box.value)
      .filter(isRelation);
  const apply = () => {
    const hood = store.get().neighbourhood;
    if (hood) store.update((s) => actions.openNeighbourhood(s, hood.center, options()));
  };

  section.append(
    el("h2", { class: "section-title", attrs: { id: "hood-title" }, i18n: { text: "hood.title" } }),
    el("div", { class: "control-row" }, [
      el("span", { class: "control-label", i18n: { text: "hood.hops" } }),
      el(
        "div",
        { class: "segmented", attrs: { role: "radiogroup" }, i18n: { "aria-label": "hood.hops" } },
        depthInputs.map((input, i) =>
          el("label", { attrs: { for: input.id } }, [input, el("span", { text: String(DEPTHS[i]) })]),
        ),
      ),
    ]),
    el("div", { class: "control-row" }, [direction]),
    relationPicker,
    el("div", { class: "control-row" }, [show, reset]),
    status,
  );

  const name = (key: string) => displayLabel(graph.getNodeAttributes(key), store.get().lang);
  return (state) => {
    const hood = state.neighbourhood;
    const selected =
      state.selection?.kind === "node" && graph.hasNode(state.selection.key) ? state.selection.key : null;
    if (hood) {
      for (const input of depthInputs) input.checked = Number(input.value) === hood.depth;
      direction.value = hood.direction;
      for (const box of relationBoxes) box.checked = (hood.relations as string[]).includes(box.value);
    }
    const chosen = relationsValue();
    const [only] = chosen;
    relationSummary.textContent =
      only === undefined
        ? t("hood.allRelations")
        : chosen.length === 1
          ? t("hood.onlyRelation", { relation: relationName(only) })
          : t("hood.someRelations", { count: chosen.length });
    show.disabled = selected === null || hood?.center === selected;
    show.textContent = selected ? t("hood.showOf", { name: name(selected) }) : t("hood.show");
    reset.hidden = hood === null;
    const result = state.neighbourhoodResult;
    const centre = hood && graph.hasNode(hood.center) ? name(hood.center) : (hood?.center ?? "");
    if (!hood) status.textContent = selected ? "" : t("hood.hint");
    else if (!result || result.status === "loading") status.textContent = t("hood.loading", { centre });
    else if (result.status === "error") status.textContent = t("hood.failed", { message: result.message });
    else {
      status.textContent = t("hood.ready", {
        nodes: result.nodes.size,
        edges: result.edges.size,
        depth: hood.depth,
        centre,
        truncated: result.truncated,
      });
    }
  };
}

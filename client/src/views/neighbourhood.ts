/**
 * The neighbourhood panel: show only what lies within 1, 2 or 3 hops of the selected entity
 * (/api/nodes/:key/neighbors), following relations out, in or both ways, through all relations or chosen ones.
 */
import type { SchemaResponse } from "../../../server/api/contract";
import { isRelation } from "../../../server/domain/vocabulary";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import { DEPTHS, type Depth, type Direction, type ExplorerState } from "../core/state/types";
import type { ClientGraph } from "../core/graph/load";
import { el, swatch } from "./dom";

const DIRECTION_LABELS: Record<Direction, string> = { both: "Both ways", out: "Outgoing", in: "Incoming" };

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
    { attrs: { id: "hood-direction", "aria-label": "Direction" }, on: { change: () => apply() } },
    (Object.keys(DIRECTION_LABELS) as Direction[]).map((d) =>
      el("option", { text: DIRECTION_LABELS[d], attrs: { value: d } }),
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
  const relationSummary = el("summary", { text: "All relations" });
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
            el("span", { class: "filter-label", text: info?.label ?? box.value }),
          ]),
        ]);
      }),
    ),
    el("button", {
      class: "link-button",
      text: "Any relation",
      attrs: { type: "button" },
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
    text: "Show neighbourhood",
    attrs: { type: "button", id: "hood-show" },
    on: {
      click: () => {
        const selection = store.get().selection;
        if (selection?.kind === "node") store.update((s) => actions.openNeighbourhood(s, selection.key, options()));
      },
    },
  });
  const reset = el("button", {
    text: "Show everything",
    attrs: { type: "button", id: "hood-clear" },
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
    el("h2", { class: "section-title", text: "Neighbourhood", attrs: { id: "hood-title" } }),
    el("div", { class: "control-row" }, [
      el("span", { class: "control-label", text: "Hops" }),
      el(
        "div",
        { class: "segmented", attrs: { role: "radiogroup", "aria-label": "Hops" } },
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
    relationSummary.textContent =
      chosen.length === 0
        ? "All relations"
        : chosen.length === 1
          ? `Only: ${schema.relations.find((r) => r.relation === chosen[0])?.label}`
          : `${chosen.length} relations`;
    show.disabled = selected === null || hood?.center === selected;
    show.textContent = selected
      ? `Show neighbourhood of ${graph.getNodeAttribute(selected, "label")}`
      : "Show neighbourhood";
    reset.hidden = hood === null;
    const result = state.neighbourhoodResult;
    const centre = hood && graph.hasNode(hood.center) ? graph.getNodeAttribute(hood.center, "label") : hood?.center;
    if (!hood) status.textContent = selected ? "" : "Select an entity to show only what lies near it.";
    else if (!result || result.status === "loading") status.textContent = `Loading the neighbourhood of ${centre}…`;
    else if (result.status === "error") status.textContent = `Could not load the neighbourhood: ${result.message}`;
    else {
      const hops = `${hood.depth} hop${hood.depth === 1 ? "" : "s"}`;
      status.textContent = `${result.nodes.size} entities and ${result.edges.size} relations within ${hops} of ${centre}${
        result.truncated ? " (cut short by the server's limit)" : ""
      }.`;
    }
  };
}

/**
 * The neighbourhood panel: show only what lies within 1, 2 or 3 hops of the selected entity
 * (/api/nodes/:key/neighbors), following relations out, in or both ways, all relations or one.
 */
import type { SchemaResponse } from "../../../server/api/contract";
import { isRelation } from "../../../server/domain/vocabulary";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import { DEPTHS, type Depth, type Direction, type ExplorerState } from "../core/state/types";
import type { ClientGraph } from "../core/graph/load";
import { el } from "./dom";

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
    (Object.keys(DIRECTION_LABELS) as Direction[]).map((d) => el("option", { text: DIRECTION_LABELS[d], attrs: { value: d } })),
  );
  const relation = el("select", { attrs: { id: "hood-relation", "aria-label": "Relation" }, on: { change: () => apply() } }, [
    el("option", { text: "All relations", attrs: { value: "" } }),
    ...schema.relations.filter((r) => r.count > 0).map((r) => el("option", { text: r.label, attrs: { value: r.relation } })),
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
  const relationsValue = () => (isRelation(relation.value) ? [relation.value] : []);
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
        depthInputs.map((input, i) => el("label", { attrs: { for: input.id } }, [input, el("span", { text: String(DEPTHS[i]) })])),
      ),
    ]),
    el("div", { class: "control-row" }, [direction, relation]),
    el("div", { class: "control-row" }, [show, reset]),
    status,
  );

  return (state) => {
    const hood = state.neighbourhood;
    const selected = state.selection?.kind === "node" && graph.hasNode(state.selection.key) ? state.selection.key : null;
    if (hood) {
      for (const input of depthInputs) input.checked = Number(input.value) === hood.depth;
      direction.value = hood.direction;
      relation.value = hood.relations.length === 1 ? (hood.relations[0] ?? "") : "";
    }
    show.disabled = selected === null || hood?.center === selected;
    show.textContent = selected ? `Show neighbourhood of ${graph.getNodeAttribute(selected, "label")}` : "Show neighbourhood";
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

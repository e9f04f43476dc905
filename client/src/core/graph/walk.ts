/**
 * The keyboard walk through the graph, as pure functions. From an anchor entity (the selected one, or the one
 * the walk last stood on) the arrow keys step through its shown neighbours; with no anchor, through every shown
 * entity. One stated order for both: most relations first, then by name, so the order is predictable and the
 * hubs, where a reader usually wants to go, come first.
 */
import type { ExplorerState } from "../state/types";
import { displayLabel } from "./reducers";
import type { ClientGraph } from "./load";
import { isEdgeShown, isNodeShown } from "./visibility";

/** The entities the arrow keys step through from `anchor` (null: every shown entity), in the stated order. */
export function walkOrder(state: ExplorerState, graph: ClientGraph, anchor: string | null): string[] {
  const keys =
    anchor === null
      ? graph.filterNodes((node) => isNodeShown(state, graph, node))
      : graph.neighbors(anchor).filter((node) => shownRelations(state, graph, anchor, node).length > 0);
  const name = (key: string) => displayLabel(graph.getNodeAttributes(key), state.lang);
  return keys.sort((a, b) => graph.degree(b) - graph.degree(a) || name(a).localeCompare(name(b)) || (a < b ? -1 : 1));
}

/** The shown relations between two entities, either way round (graphology's `edges(a, b)` gives both ways). */
export function shownRelations(state: ExplorerState, graph: ClientGraph, a: string, b: string): string[] {
  return graph.edges(a, b).filter((edge) => isEdgeShown(state, graph, edge));
}

export type Step = "next" | "previous" | "first" | "last";

/** Where a step from `current` lands in `order`; from outside the order, "next" is the first entity. */
export function stepIn(order: readonly string[], current: string | null, step: Step): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  const last = order.length - 1;
  const index =
    step === "first" ? 0 : step === "last" ? last : step === "next" ? (at + 1) % order.length : at <= 0 ? last : at - 1;
  return order[index] ?? null;
}

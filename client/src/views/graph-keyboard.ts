/**
 * The graph as a keyboard widget (after Data Navigator's idea of a graph walked along its edges, with the
 * rendering left as it is and the words said in a live region). Focus stays on the graph's container; a cursor
 * entity in the state is drawn larger and highlighted, and each move is announced: name, type, number of
 * relations, its place in the order and how it relates to where the walk stands.
 *
 * → ↓ next, ← ↑ previous, Home / End first / last: the anchor's shown neighbours (the selected entity, or the
 * one the walk last stood on), most relations first, then by name; every shown entity when there is no anchor.
 * Enter opens the cursor's details (focus goes to the panel). Escape goes back: to the anchor, then off it.
 * Shift + arrows pan (toolbar.ts).
 */
import type { ClientGraph } from "../core/graph/load";
import { displayLabel } from "../core/graph/reducers";
import { isNodeShown } from "../core/graph/visibility";
import { relationName, t, typeName } from "../core/i18n";
import { shownRelations, stepIn, walkOrder, type Step } from "../core/graph/walk";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import type { Stage } from "../stage";
import { revealNode } from "./renderer";

const STEPS: Record<string, Step> = {
  ArrowRight: "next",
  ArrowDown: "next",
  ArrowLeft: "previous",
  ArrowUp: "previous",
  Home: "first",
  End: "last",
};

export interface GraphKeyboard {
  /** Puts focus on the graph with the cursor (and the walk's anchor) on `key`, and says so. */
  returnTo(key: string | null): void;
  /** The view function: drops a cursor or an anchor the state no longer shows. */
  update(state: ExplorerState): void;
}

export interface GraphKeyboardContext {
  stage: Stage;
  announcer: HTMLElement;
  store: Store<ExplorerState>;
  graph: ClientGraph;
  /** Opens an entity's details and moves focus to them. */
  open(key: string): void;
}

export function mountGraphKeyboard(context: GraphKeyboardContext): GraphKeyboard {
  const { stage, announcer, store, graph } = context;
  const container = stage.container;

  const label = (key: string) => displayLabel(graph.getNodeAttributes(key), store.get().lang);
  const selectedNode = (state: ExplorerState) =>
    state.selection?.kind === "node" && graph.hasNode(state.selection.key) ? state.selection.key : null;
  const anchor = (state: ExplorerState) => selectedNode(state) ?? state.keyboardAnchor;

  const say = (text: string) => {
    // A new text node each time, so a screen reader announces a repeated sentence too.
    announcer.textContent = "";
    announcer.append(document.createTextNode(text));
  };

  const describe = (key: string, state: ExplorerState): string => {
    const { type } = graph.getNodeAttributes(key);
    const head = t("walk.head", { name: label(key), type: typeName(type), count: graph.degree(key) });
    const from = anchor(state);
    const order = walkOrder(state, graph, from === key ? null : from);
    const at = order.indexOf(key) + 1;
    if (from === null || from === key) return at > 0 ? t("walk.atEntity", { head, at, of: order.length }) : head;
    // The anchor's own relations first ("Xiaomi holds a stake in …"), then those pointing at it.
    const edges = shownRelations(state, graph, from, key).sort(
      (a, b) => Number(graph.source(b) === from) - Number(graph.source(a) === from),
    );
    const how = edges.map((edge) => {
      const [source, target] = graph.extremities(edge);
      return `${label(source)} ${relationName(graph.getEdgeAttribute(edge, "relation"))} ${label(target)}`;
    });
    return t("walk.atNeighbour", {
      head,
      at,
      of: order.length,
      anchor: label(from),
      how: how.join(t("walk.howSeparator")),
    });
  };

  const moveTo = (key: string | null) => {
    store.update((s) => actions.setKeyboardFocus(s, key));
    if (key === null) return;
    stage.whenRenderer((renderer) => revealNode(renderer, key));
    say(describe(key, store.get()));
  };

  const step = (how: Step) => {
    const state = store.get();
    const from = anchor(state);
    const order = walkOrder(state, graph, from);
    if (order.length === 0)
      return say(from === null ? t("walk.nothingShown") : t("walk.noNeighbours", { anchor: label(from) }));
    moveTo(stepIn(order, state.keyboardFocus, how));
  };

  /**
   * Escape: from a neighbour back to the anchor; from the anchor, closes its panel, then leaves it. Without a
   * cursor (the entity was clicked), it closes the panel as anywhere else on the page.
   */
  const back = () => {
    const state = store.get();
    const from = anchor(state);
    const cursor = state.keyboardFocus;
    if (from !== null && cursor !== null && cursor !== from) return moveTo(from);
    if (state.selection !== null && cursor === null) return store.update(actions.clearSelection);
    if (state.selection !== null) {
      store.update((s) => actions.setKeyboardAnchor(actions.clearSelection(s), from));
      return from === null ? undefined : moveTo(from);
    }
    store.update((s) => actions.setKeyboardFocus(actions.setKeyboardAnchor(s, null), null));
    say(t("walk.wholeGraph"));
  };

  container.addEventListener("keydown", (event) => {
    if (event.target !== container || event.ctrlKey || event.metaKey || event.altKey) return;
    const how = STEPS[event.key];
    if (how && !event.shiftKey) step(how);
    else if (event.key === "Enter") {
      const state = store.get();
      const key = state.keyboardFocus ?? selectedNode(state);
      if (key === null) return step("first");
      context.open(key);
    } else if (event.key === "Escape") back();
    else return;
    event.preventDefault();
    event.stopPropagation();
  });
  // The walk is the keyboard's: pointing at the graph ends it.
  container.addEventListener("pointerdown", () =>
    store.update((s) => actions.setKeyboardFocus(actions.setKeyboardAnchor(s, null), null)),
  );

  return {
    returnTo(key) {
      container.focus({ preventScroll: true });
      // Called while the store tells its listeners of a change: the walk moves once they all have seen it.
      const to = key !== null && graph.hasNode(key) ? key : null;
      queueMicrotask(() => {
        store.update((s) => actions.setKeyboardAnchor(s, to));
        if (to !== null) moveTo(to);
      });
    },
    update(state) {
      const gone = (now: ExplorerState, key: string | null) =>
        key !== null && (!graph.hasNode(key) || !isNodeShown(now, graph, key));
      // After the views have all seen this state: an update from inside one would reach the rest out of order.
      if (gone(state, state.keyboardFocus) || gone(state, state.keyboardAnchor))
        queueMicrotask(() =>
          store.update((s) =>
            actions.setKeyboardFocus(
              actions.setKeyboardAnchor(s, gone(s, s.keyboardAnchor) ? null : s.keyboardAnchor),
              gone(s, s.keyboardFocus) ? null : s.keyboardFocus,
            ),
          ),
        );
    },
  };
}

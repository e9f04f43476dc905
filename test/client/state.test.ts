import { describe, expect, it, vi } from "vitest";
import * as actions from "../../client/src/core/state/actions";
import { createStore } from "../../client/src/core/state/store";
import { getEmptyState } from "../../client/src/core/state/types";

describe("store", () => {
  it("notifies listeners with next and previous state, and skips no-op actions", () => {
    const store = createStore(getEmptyState());
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.get();
    store.update((s) => actions.selectNode(s, "xiaomi"));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]![1]).toBe(before);
    store.update((s) => actions.selectNode(s, "xiaomi"));
    store.update(actions.closeNeighbourhood);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("stops notifying after unsubscribe", () => {
    const store = createStore(getEmptyState());
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    store.update((s) => actions.setLanguage(s, "zh"));
    expect(listener).not.toHaveBeenCalled();
    expect(store.get().lang).toBe("zh");
  });
});

describe("actions", () => {
  it("selects nodes and edges and clears the selection", () => {
    let state = actions.selectNode(getEmptyState(), "lei-jun");
    expect(state.selection).toEqual({ kind: "node", key: "lei-jun" });
    state = actions.selectEdge(state, "a__founded__b");
    expect(state.selection).toEqual({ kind: "edge", key: "a__founded__b" });
    state = actions.clearSelection(state);
    expect(state.selection).toBeNull();
    expect(actions.clearSelection(state)).toBe(state);
  });

  it("toggles type and relation visibility without mutating the previous state", () => {
    const empty = getEmptyState();
    const hidden = actions.setTypeVisible(empty, "person", false);
    expect(hidden.hiddenTypes.has("person")).toBe(true);
    expect(empty.hiddenTypes.size).toBe(0);
    expect(actions.setTypeVisible(hidden, "person", false)).toBe(hidden);
    expect(actions.setTypeVisible(hidden, "person", true).hiddenTypes.size).toBe(0);
    const noStakes = actions.setRelationVisible(empty, "holds_stake_in", false);
    expect([...noStakes.hiddenRelations]).toEqual(["holds_stake_in"]);
  });

  it("opens a neighbourhood with defaults, keeps options, and follows the selection", () => {
    let state = actions.openNeighbourhood(getEmptyState(), "xiaomi");
    expect(state.neighbourhood).toEqual({ center: "xiaomi", depth: 1, direction: "both", relations: [] });
    expect(state.neighbourhoodResult).toEqual({ status: "loading" });
    state = actions.openNeighbourhood(state, "xiaomi", { depth: 2, direction: "out" });
    state = actions.setNeighbourhoodResult(state, {
      status: "ready",
      nodes: new Set(["xiaomi"]),
      edges: new Set(),
      truncated: false,
    });
    state = actions.selectNode(state, "lei-jun");
    expect(state.neighbourhood).toEqual({ center: "lei-jun", depth: 2, direction: "out", relations: [] });
    expect(state.neighbourhoodResult).toEqual({ status: "loading" });
    state = actions.closeNeighbourhood(state);
    expect(state.neighbourhood).toBeNull();
    expect(state.neighbourhoodResult).toBeNull();
  });

  it("finds and clears a path", () => {
    let state = actions.findPath(getEmptyState(), "cui-baoqiu", "chatglm-6b");
    expect(state.path).toEqual({ from: "cui-baoqiu", to: "chatglm-6b" });
    expect(state.pathResult).toEqual({ status: "loading" });
    state = actions.setPathResult(state, { status: "none", message: "no path" });
    expect(state.pathResult?.status).toBe("none");
    state = actions.clearPath(state);
    expect(state.path).toBeNull();
    expect(state.pathResult).toBeNull();
  });

  it("applies a URL state, reloading only the queries that changed", () => {
    const ready = { status: "ready" as const, nodes: new Set<string>(), edges: new Set<string>(), truncated: false };
    const hood = { center: "xiaomi", depth: 2 as const, direction: "both" as const, relations: [] };
    const base = { ...actions.openNeighbourhood(getEmptyState(), "xiaomi", { depth: 2 }), neighbourhoodResult: ready };
    const url = {
      selection: { kind: "node" as const, key: "xiaomi" },
      hiddenTypes: new Set(["event" as const]),
      hiddenRelations: new Set<never>(),
      neighbourhood: hood,
      path: { from: "a", to: "b" },
      lang: "zh" as const,
      camera: null,
      year: null,
    };
    const next = actions.applyUrlState(base, url);
    expect(next.neighbourhoodResult).toBe(ready);
    expect(next.pathResult).toEqual({ status: "loading" });
    expect(next.lang).toBe("zh");
    expect(next.hiddenTypes.has("event")).toBe(true);
    const moved = actions.applyUrlState(next, { ...url, neighbourhood: { ...hood, depth: 3 }, path: null });
    expect(moved.neighbourhoodResult).toEqual({ status: "loading" });
    expect(moved.pathResult).toBeNull();
  });
});

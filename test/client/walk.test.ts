import { describe, expect, it } from "vitest";
import { KEYBOARD_FOCUS_SCALE, reduceNode } from "../../client/src/core/graph/reducers";
import { derive } from "../../client/src/core/graph/visibility";
import { shownRelations, stepIn, walkOrder } from "../../client/src/core/graph/walk";
import * as actions from "../../client/src/core/state/actions";
import { getEmptyState } from "../../client/src/core/state/types";
import { makeGraph } from "./_graph";

const graph = makeGraph();
const empty = getEmptyState();

describe("the keyboard walk's order", () => {
  it("steps through every shown entity, most relations first, then by name", () => {
    expect(walkOrder(empty, graph, null)).toEqual(["kingsoft", "xiaomi", "alibaba", "lei-jun", "model"]);
    const noPeople = actions.setTypeVisible(empty, "person", false);
    expect(walkOrder(noPeople, graph, null)).toEqual(["kingsoft", "xiaomi", "alibaba", "model"]);
  });

  it("from an anchor, steps through its neighbours reached by a shown relation", () => {
    expect(walkOrder(empty, graph, "xiaomi")).toEqual(["kingsoft", "lei-jun"]);
    expect(walkOrder(actions.setTypeVisible(empty, "person", false), graph, "xiaomi")).toEqual(["kingsoft"]);
    const oneLeft = actions.setRelationVisible(empty, "holds_stake_in", false);
    expect(walkOrder(oneLeft, graph, "xiaomi")).toEqual(["kingsoft", "lei-jun"]);
    const noneLeft = actions.setRelationVisible(oneLeft, "customer_of", false);
    expect(walkOrder(noneLeft, graph, "xiaomi")).toEqual(["lei-jun"]);
    expect(walkOrder(empty, graph, "model")).toEqual([]);
  });

  it("lists the shown relations between two entities either way round, each once", () => {
    expect(shownRelations(empty, graph, "xiaomi", "kingsoft").sort()).toEqual(["customer", "stake"]);
    expect(shownRelations(empty, graph, "kingsoft", "xiaomi").sort()).toEqual(["customer", "stake"]);
    const noStake = actions.setRelationVisible(empty, "holds_stake_in", false);
    expect(shownRelations(noStake, graph, "xiaomi", "kingsoft")).toEqual(["customer"]);
  });

  it("steps next and previous around the order, and to its ends", () => {
    const order = ["a", "b", "c"];
    expect(stepIn(order, null, "next")).toBe("a");
    expect(stepIn(order, "outside", "next")).toBe("a");
    expect(stepIn(order, "a", "next")).toBe("b");
    expect(stepIn(order, "c", "next")).toBe("a");
    expect(stepIn(order, "a", "previous")).toBe("c");
    expect(stepIn(order, null, "previous")).toBe("c");
    expect(stepIn(order, "b", "previous")).toBe("a");
    expect(stepIn(order, "b", "first")).toBe("a");
    expect(stepIn(order, "b", "last")).toBe("c");
    expect(stepIn([], "a", "next")).toBeNull();
  });
});

describe("the keyboard cursor in the drawing", () => {
  it("draws the cursor's entity larger and highlighted, and makes its neighbours stand out", () => {
    const state = actions.setKeyboardFocus(actions.selectNode(empty, "lei-jun"), "kingsoft");
    const drawn = reduceNode(state, graph, "kingsoft", graph.getNodeAttributes("kingsoft"));
    expect(drawn).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 4 });
    expect(drawn.size).toBe(graph.getNodeAttribute("kingsoft", "size") * KEYBOARD_FOCUS_SCALE);
    expect(derive(state, graph).focus).toBe("kingsoft");
    // A hover still wins: the mouse shows what it points at.
    expect(derive(actions.hoverNode(state, "alibaba"), graph).focus).toBe("alibaba");
    expect(actions.setKeyboardFocus(state, "kingsoft")).toBe(state);
  });

  it("draws the walk's anchor as a selection is drawn", () => {
    const state = actions.setKeyboardAnchor(empty, "xiaomi");
    expect(reduceNode(state, graph, "xiaomi", graph.getNodeAttributes("xiaomi"))).toMatchObject({
      highlighted: true,
      forceLabel: true,
    });
    expect(reduceNode(empty, graph, "xiaomi", graph.getNodeAttributes("xiaomi")).highlighted).toBeUndefined();
  });

  it("does not draw a cursor on an entity that is hidden", () => {
    const state = actions.setKeyboardFocus(actions.setTypeVisible(empty, "person", false), "lei-jun");
    expect(reduceNode(state, graph, "lei-jun", graph.getNodeAttributes("lei-jun")).hidden).toBe(true);
  });
});

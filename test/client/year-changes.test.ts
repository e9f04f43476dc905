import { describe, expect, it } from "vitest";
import { describeYear, formatTally, yearChanges } from "../../client/src/core/time/year-changes";
import { getEmptyState } from "../../client/src/core/state/types";
import { createReducers, pale } from "../../client/src/core/graph/reducers";
import { makeGraph } from "./_graph";

/** The unit graph with dates: Kingsoft listed 2020-, the customer link 2018-2021, the stake 2020-. */
function datedGraph() {
  const graph = makeGraph();
  graph.setNodeAttribute("kingsoft", "time", { start: 2020, basis: "stated" });
  graph.setEdgeAttribute("customer", "time", { start: 2018, end: 2021, basis: "stated" });
  graph.setEdgeAttribute("stake", "time", { start: 2020, basis: "stated" });
  return graph;
}

describe("yearChanges", () => {
  it("counts what comes in a year and what is gone since the year before, and the undated apart", () => {
    const graph = datedGraph();
    expect(yearChanges(graph, 2020)).toEqual({
      year: 2020,
      added: { entities: 1, relations: 1 },
      ended: { entities: 0, relations: 0 },
      undated: { entities: 4, relations: 2 },
    });
    expect(yearChanges(graph, 2022).ended).toEqual({ entities: 0, relations: 1 });
    expect(yearChanges(graph, 2019).added).toEqual({ entities: 0, relations: 0 });
  });

  it("says each year's change in words, a quiet year included, and marks the last dated year", () => {
    const graph = datedGraph();
    expect(describeYear(yearChanges(graph, 2020))).toBe(
      "2020: 1 entity, 1 relation added · 4 entities, 2 relations undated, drawn pale",
    );
    expect(describeYear(yearChanges(graph, 2022), true)).toBe(
      "2022: 1 relation ended · 4 entities, 2 relations undated, drawn pale · the last dated year",
    );
    expect(describeYear(yearChanges(graph, 2019))).toMatch(/^2019: no change from 2018 · /);
    expect(formatTally({ entities: 0, relations: 0 })).toBe("");
  });
});

describe("undated facts in a chosen year", () => {
  it("draws undated entities and relations pale once a year is chosen, and dated ones in their colour", () => {
    const graph = datedGraph();
    let state = getEmptyState();
    const { nodeReducer, edgeReducer } = createReducers(graph, () => state);
    const colour = (node: string) => graph.getNodeAttribute(node, "color");
    expect(nodeReducer("xiaomi", graph.getNodeAttributes("xiaomi")).color).toBe(colour("xiaomi"));
    state = { ...state, year: 2020 };
    expect(nodeReducer("xiaomi", graph.getNodeAttributes("xiaomi")).color).toBe(pale(colour("xiaomi")));
    expect(nodeReducer("kingsoft", graph.getNodeAttributes("kingsoft")).color).toBe(colour("kingsoft"));
    expect(edgeReducer("founded", graph.getEdgeAttributes("founded")).color).toBe(
      pale(graph.getEdgeAttribute("founded", "color")),
    );
    expect(edgeReducer("stake", graph.getEdgeAttributes("stake")).color).toBe(graph.getEdgeAttribute("stake", "color"));
    expect(pale("#000000", 0.5)).toBe("#808080");
    expect(pale("rgb(1, 2, 3)")).toBe("rgb(1, 2, 3)");
  });
});

/**
 * The timeline on the client: which entities and relations are shown in a year (the server's `inSpan` rule),
 * where a figure point stands relative to the year, playback steps, the year actions, and that the client's
 * filtering agrees with the server's /api/graph?asOf= on the real dataset.
 */
import { describe, expect, it } from "vitest";
import { isEdgeShown, isNodeShown, countShown } from "../../client/src/core/graph/visibility";
import { buildClientGraph } from "../../client/src/core/graph/load";
import { reduceNode } from "../../client/src/core/graph/reducers";
import * as actions from "../../client/src/core/state/actions";
import { getEmptyState } from "../../client/src/core/state/types";
import { absentBecause, eventYear, formatSpan, nextYear, pointTime, shownIn } from "../../client/src/core/time/as-of";
import { GraphFilter } from "../../server/graph/filter";
import { loadGraph } from "../../server/load-graph";
import { makeGraph } from "./_graph";

const stated = "stated" as const;

/** The test graph with dates: the customer link 2013-2021, Kingsoft from 2012, the model from 2023. */
function datedGraph() {
  const graph = makeGraph();
  graph.setEdgeAttribute("customer", "time", { start: 2013, end: 2021, basis: stated });
  graph.setEdgeAttribute("competes", "time", { start: 2023, basis: "implied", note: "price war" });
  graph.setNodeAttribute("model", "time", { start: 2023, basis: stated });
  graph.setNodeAttribute("alibaba", "time", { end: 2019, basis: stated });
  return graph;
}

describe("shownIn (the server's inSpan)", () => {
  it("keeps undated things in every year and everything when no year is chosen", () => {
    expect(shownIn(undefined, 1900)).toBe(true);
    expect(shownIn({ start: 2020, basis: stated }, null)).toBe(true);
  });

  it("treats both ends as inclusive and open ends as open", () => {
    const span = { start: 2013, end: 2021, basis: stated };
    expect([2012, 2013, 2021, 2022].map((y) => shownIn(span, y))).toEqual([false, true, true, false]);
    expect(shownIn({ start: 2020, basis: stated }, 2100)).toBe(true);
    expect(shownIn({ end: 2019, basis: stated }, 1900)).toBe(true);
    expect(shownIn({ end: 2019, basis: stated }, 2020)).toBe(false);
  });
});

describe("the graph in a year", () => {
  it("hides entities and relations outside their span, and relations touching a hidden entity", () => {
    const graph = datedGraph();
    const in2019 = actions.setYear(getEmptyState(), 2019);
    expect(isEdgeShown(in2019, graph, "customer")).toBe(true);
    expect(isNodeShown(in2019, graph, "model")).toBe(false);
    expect(isEdgeShown(in2019, graph, "competes")).toBe(false);
    const in2023 = actions.setYear(getEmptyState(), 2023);
    expect(isEdgeShown(in2023, graph, "customer")).toBe(false);
    expect(isNodeShown(in2023, graph, "model")).toBe(true);
    expect(isNodeShown(in2023, graph, "alibaba")).toBe(false);
    // competes_with runs kingsoft -> alibaba, which is gone by 2023.
    expect(isEdgeShown(in2023, graph, "competes")).toBe(false);
    expect(reduceNode(in2023, graph, "alibaba", graph.getNodeAttributes("alibaba")).hidden).toBe(true);
    expect(countShown(getEmptyState(), graph)).toMatchObject({ nodes: 5, edges: 4 });
  });

  it("agrees with the server's as-of filter on the real dataset, year by year", async () => {
    const { graph: server } = await loadGraph();
    const client = buildClientGraph(server.export() as never);
    for (let year = 2012; year <= 2025; year++) {
      const state = actions.setYear(getEmptyState(), year);
      const asOf = new GraphFilter(server, { asOf: year });
      expect(client.filterNodes((n) => isNodeShown(state, client, n)).sort(), `nodes ${year}`).toEqual(
        server.filterNodes((_n, a) => asOf.keepsNode(a)).sort(),
      );
      expect(client.filterEdges((e) => isEdgeShown(state, client, e)).sort(), `edges ${year}`).toEqual(
        server.filterEdges((_e, a, source, target) => asOf.keepsEdge(a, source, target)).sort(),
      );
    }
    const in2019 = actions.setYear(getEmptyState(), 2019);
    expect(isEdgeShown(in2019, client, "kingsoft-cloud__listed_on__us-stock-market")).toBe(false);
    expect(isEdgeShown(actions.setYear(in2019, 2020), client, "kingsoft-cloud__listed_on__us-stock-market")).toBe(true);
  });
});

describe("figure points and a year", () => {
  it("marks the year's point current, earlier and later ones, and never dates an undated one", () => {
    expect(pointTime({ year: 2019 }, 2019)).toBe("current");
    expect(pointTime({ year: 2019 }, 2021)).toBe("earlier");
    expect(pointTime({ year: 2021 }, 2019)).toBe("later");
    expect(pointTime({}, 2019)).toBe("undated");
    expect(pointTime({}, null)).toBe("undated");
    expect(pointTime({ year: 2019 }, null)).toBe("any");
  });

  it("says spans and absences in words", () => {
    expect(formatSpan({ start: 2020 })).toBe("since 2020");
    expect(formatSpan({ end: 2019 })).toBe("until 2019");
    expect(formatSpan({ start: 2023, end: 2024 })).toBe("2023\u20132024");
    expect(formatSpan({ start: 2020, end: 2020 })).toBe("2020");
    expect(absentBecause({ start: 2020 }, 2015)).toBe("from 2020");
    expect(absentBecause({ end: 2019 }, 2021)).toBe("until 2019");
  });
});

describe("playback, events and the year actions", () => {
  const range = { start: 2013, end: 2024 };

  it("steps a year at a time from the start and stops at the end", () => {
    expect(nextYear(null, range)).toBe(2013);
    expect(nextYear(2012, range)).toBe(2013);
    expect(nextYear(2019, range)).toBe(2020);
    expect(nextYear(2024, range)).toBeNull();
    expect(eventYear({ start: 2020 })).toBe(2020);
    expect(eventYear({ end: 2019 })).toBe(2019);
  });

  it("sets the year (within ?asOf='s range), refetching an open neighbourhood and path", () => {
    const base = actions.findPath(actions.openNeighbourhood(getEmptyState(), "xiaomi"), "a", "b");
    const ready = {
      ...base,
      neighbourhoodResult: {
        status: "ready" as const,
        nodes: new Set<string>(),
        edges: new Set<string>(),
        truncated: false,
      },
      pathResult: { status: "none" as const, message: "no path" },
    };
    const next = actions.setYear(ready, 2019);
    expect(next.year).toBe(2019);
    expect(next.neighbourhoodResult).toEqual({ status: "loading" });
    expect(next.pathResult).toEqual({ status: "loading" });
    expect(actions.setYear(next, 2019)).toBe(next);
    expect(actions.setYear(next, 1899)).toBe(next);
    expect(actions.setYear(next, 2019.5)).toBe(next);
    expect(actions.setYear(next, null).year).toBeNull();
  });

  it("picks an event: its year, its first entity selected, all of them marked until the selection moves", () => {
    const graph = datedGraph();
    const picked = actions.pickEvent(getEmptyState(), { year: 2020, nodes: ["kingsoft", "alibaba"] });
    expect(picked.year).toBe(2020);
    expect(picked.selection).toEqual({ kind: "node", key: "kingsoft" });
    expect([...picked.marked]).toEqual(["kingsoft", "alibaba"]);
    expect(reduceNode(picked, graph, "kingsoft", graph.getNodeAttributes("kingsoft")).highlighted).toBe(true);
    // Alibaba (until 2019) is not there in 2020: marked, but hidden like anything of another year.
    expect(reduceNode(picked, graph, "alibaba", graph.getNodeAttributes("alibaba")).hidden).toBe(true);
    const in2019 = actions.pickEvent(getEmptyState(), { year: 2019, nodes: ["kingsoft", "alibaba"] });
    expect(reduceNode(in2019, graph, "alibaba", graph.getNodeAttributes("alibaba")).highlighted).toBe(true);
    expect(actions.selectNode(picked, "xiaomi").marked.size).toBe(0);
    expect(actions.clearSelection(picked).marked.size).toBe(0);
    expect(actions.pickEvent(getEmptyState(), { year: null, nodes: ["xiaomi"] }).year).toBeNull();
  });
});

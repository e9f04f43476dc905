/**
 * The overview's bookkeeping without WebGL: hidden-neighbour counts, expanding and collapsing (only what
 * nothing else keeps leaves), search hits and paths brought in, one drawn line per pair, and key batches.
 */
import { describe, expect, it } from "vitest";
import type { EdgeItem } from "../../server/api/contract";
import { batchKeys } from "../../client/src/api";
import type { ClientGraph } from "../../client/src/core/graph/load";
import {
  addEdges,
  addToPage,
  collapse,
  createOverviewModel,
  expand,
  overviewStatus,
  resetToOverview,
  withdraw,
  type IncomingNode,
} from "../../client/src/core/graph/overview";
import { hiddenSuffix, overviewNodeSize, reduceEdge, reduceNode } from "../../client/src/core/graph/reducers";
import * as actions from "../../client/src/core/state/actions";
import { getEmptyState } from "../../client/src/core/state/types";
import { makeGraph } from "./_graph";

/** The whole graph the server holds: Lei Jun -> Xiaomi => Kingsoft (two relations) -> Alibaba, and a model. */
const whole = makeGraph();
const incoming = (key: string): IncomingNode => ({
  key,
  attributes: whole.getNodeAttributes(key),
  neighbours: whole.neighbors(key).length,
});
const edgeItem = (key: string): EdgeItem => ({
  key,
  source: whole.source(key),
  target: whole.target(key),
  attributes: whole.getEdgeAttributes(key),
});
const edgesOf = (...keys: string[]) => [...new Set(keys.flatMap((k) => whole.edges(k)))].map(edgeItem);

/** The page as it opens: Xiaomi and Kingsoft Cloud, the two most connected, with their two relations. */
function opening() {
  const graph = whole.copy() as ClientGraph;
  for (const key of ["lei-jun", "alibaba", "model"]) graph.dropNode(key);
  const model = createOverviewModel(graph, {
    totalNodes: whole.order,
    totalEdges: whole.size,
    neighbours: { xiaomi: 2, kingsoft: 2 },
  });
  return { graph, model };
}
const hidden = (graph: ClientGraph, key: string) => graph.getNodeAttribute(key, "hiddenNeighbours");

describe("the overview as it opens", () => {
  it("counts each entity's neighbours that are not on the page", () => {
    const { graph, model } = opening();
    expect(hidden(graph, "xiaomi")).toBe(1);
    expect(hidden(graph, "kingsoft")).toBe(1);
    expect(overviewStatus(model)).toMatchObject({ totalNodes: 5, totalEdges: 4, grown: false });
  });

  it("draws one line per pair of entities and marks the rest parallel", () => {
    const { graph } = opening();
    const parallel = graph.filterEdges((_e, a) => a.parallel === true);
    expect(parallel).toHaveLength(1);
    const state = actions.setOverview(getEmptyState(), overviewStatus(opening().model));
    const drawn = graph.filterEdges((e) => !reduceEdge(state, graph, e, graph.getEdgeAttributes(e)).hidden);
    expect(drawn).toHaveLength(1);
    // Outside an overview both are drawn, curved apart.
    const plain = graph.filterEdges((e) => !reduceEdge(getEmptyState(), graph, e, graph.getEdgeAttributes(e)).hidden);
    expect(plain).toHaveLength(2);
    expect(reduceEdge(state, graph, drawn[0]!, graph.getEdgeAttributes(drawn[0]!)).curvature).toBe(0);
  });

  it("labels an entity with its hidden count and draws hubs smaller", () => {
    const { graph, model } = opening();
    const state = actions.setOverview(getEmptyState(), overviewStatus(model));
    expect(reduceNode(state, graph, "xiaomi", graph.getNodeAttributes("xiaomi")).label).toBe("Xiaomi +1");
    expect(hiddenSuffix(0)).toBe("");
    expect(hiddenSuffix(12345)).toBe(" +12,345");
    expect(overviewNodeSize(28)).toBeLessThan(28);
    expect(overviewNodeSize(3)).toBeGreaterThan(0);
    expect(reduceNode(getEmptyState(), graph, "xiaomi", graph.getNodeAttributes("xiaomi")).label).toBe("Xiaomi +1");
  });
});

describe("expanding and collapsing", () => {
  it("adds the neighbourhood, and the hidden counts drop", () => {
    const { graph, model } = opening();
    const added = expand(graph, model, "xiaomi", {
      nodes: [
        incoming("xiaomi"),
        incoming("kingsoft"),
        { key: "lei-jun", attributes: whole.getNodeAttributes("lei-jun") },
      ],
      edges: edgesOf("xiaomi").filter((e) => e.source !== "kingsoft" || e.target !== "alibaba"),
      truncated: false,
    });
    expect(added).toEqual(["lei-jun"]);
    expect(hidden(graph, "xiaomi")).toBe(0);
    expect(graph.hasEdge("founded")).toBe(true);
    // Lei Jun's total is not known until /api/overview/nodes answers: no count rather than a wrong one.
    expect(hidden(graph, "lei-jun")).toBeUndefined();
    addEdges(graph, []);
    graph.setNodeAttribute("lei-jun", "neighbours", 1);
    addEdges(graph, edgesOf("lei-jun"));
    expect(hidden(graph, "lei-jun")).toBe(0);
    expect(overviewStatus(model)).toMatchObject({ grown: true, expanded: new Set(["xiaomi"]) });
  });

  it("collapsing removes what the expansion added, not what the overview holds", () => {
    const { graph, model } = opening();
    expand(graph, model, "kingsoft", {
      nodes: [incoming("kingsoft"), incoming("alibaba")],
      edges: edgesOf("kingsoft"),
      truncated: true,
    });
    expect(overviewStatus(model).truncated).toEqual(new Set(["kingsoft"]));
    expect(graph.order).toBe(3);
    expect(collapse(graph, model, "kingsoft")).toEqual(["alibaba"]);
    expect(graph.nodes().sort()).toEqual(["kingsoft", "xiaomi"]);
    expect(hidden(graph, "kingsoft")).toBe(1);
    expect(collapse(graph, model, "kingsoft")).toEqual([]);
    expect(overviewStatus(model).grown).toBe(false);
  });

  it("keeps an entity that is also there for another reason", () => {
    const { graph, model } = opening();
    addToPage(graph, model, "search", [incoming("alibaba")], edgesOf("alibaba"));
    expand(graph, model, "kingsoft", {
      nodes: [incoming("kingsoft"), incoming("alibaba")],
      edges: edgesOf("kingsoft"),
      truncated: false,
    });
    collapse(graph, model, "kingsoft");
    expect(graph.hasNode("alibaba")).toBe(true);
    expect(graph.hasEdge("competes")).toBe(true);
  });

  it("keeps an expanded entity while its expansion is open, and collapses what goes with a removed centre", () => {
    const { graph, model } = opening();
    expand(graph, model, "xiaomi", {
      nodes: [incoming("xiaomi"), incoming("lei-jun")],
      edges: edgesOf("xiaomi"),
      truncated: false,
    });
    expand(graph, model, "kingsoft", {
      nodes: [incoming("kingsoft"), incoming("alibaba")],
      edges: edgesOf("kingsoft"),
      truncated: false,
    });
    // Alibaba, brought by Kingsoft, is expanded in turn: its expansion keeps it when Kingsoft collapses.
    expand(graph, model, "alibaba", { nodes: [incoming("alibaba")], edges: edgesOf("alibaba"), truncated: false });
    collapse(graph, model, "kingsoft");
    expect(graph.hasNode("alibaba")).toBe(true);
    collapse(graph, model, "alibaba");
    expect(graph.hasNode("alibaba")).toBe(false);
    expect(graph.hasNode("lei-jun")).toBe(true);
  });

  it("withdraws a path, and goes back to the overview", () => {
    const { graph, model } = opening();
    addToPage(graph, model, "path", [incoming("lei-jun"), incoming("xiaomi")], [edgeItem("founded")]);
    addToPage(graph, model, "search", [incoming("model")]);
    expect(withdraw(graph, model, "path")).toEqual(["lei-jun"]);
    expect(graph.hasNode("xiaomi")).toBe(true);
    expect(resetToOverview(graph, model)).toEqual(["model"]);
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(2);
  });
});

describe("batches of keys for /api/overview/nodes", () => {
  it("keeps each batch under the length and every key once, in order", () => {
    const keys = Array.from({ length: 50 }, (_, i) => `node-${i}`);
    const batches = batchKeys(keys, 60);
    expect(batches.flat()).toEqual(keys);
    for (const batch of batches) expect(batch.join(",").length).toBeLessThanOrEqual(60);
    expect(batchKeys(["a".repeat(100)], 10)).toEqual([["a".repeat(100)]]);
    expect(batchKeys([], 10)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { curvatureFor } from "../../client/src/core/graph/load";
import {
  DIM_EDGE_COLOR,
  DIM_NODE_COLOR,
  PATH_EDGE_SIZE,
  displayLabel,
  edgeProgram,
  reduceEdge,
  reduceNode,
} from "../../client/src/core/graph/reducers";
import { countShown, isEdgeShown, isNodeShown } from "../../client/src/core/graph/visibility";
import * as actions from "../../client/src/core/state/actions";
import { getEmptyState, type ExplorerState } from "../../client/src/core/state/types";
import { makeGraph } from "./_graph";

const graph = makeGraph();
const node = (state: ExplorerState, key: string) => reduceNode(state, graph, key, graph.getNodeAttributes(key));
const edge = (state: ExplorerState, key: string) => reduceEdge(state, graph, key, graph.getEdgeAttributes(key));

describe("parallel relations", () => {
  it("bends parallel edges apart and leaves lone edges straight", () => {
    const stake = graph.getEdgeAttribute("stake", "curvature");
    const customer = graph.getEdgeAttribute("customer", "curvature");
    expect(stake).not.toBe(0);
    expect(customer).not.toBe(0);
    expect(Math.sign(stake)).toBe(-Math.sign(customer));
    expect(graph.getEdgeAttribute("founded", "curvature")).toBe(0);
    expect(curvatureFor(0, 1)).toBe(0);
    expect(curvatureFor(-1, 1)).toBe(-curvatureFor(1, 1));
  });

  it("draws directed relations with arrows and symmetric ones without", () => {
    expect(edgeProgram({ relation: "founded", curvature: 0 })).toBe("arrow");
    expect(edgeProgram({ relation: "holds_stake_in", curvature: 0.2 })).toBe("curvedArrow");
    expect(edgeProgram({ relation: "competes_with", curvature: 0 })).toBe("line");
    expect(edgeProgram({ relation: "partner_of", curvature: -0.2 })).toBe("curved");
    expect(edge(getEmptyState(), "stake").type).toBe("curvedArrow");
  });
});

describe("nodeReducer", () => {
  it("draws every node with its colour, size and English label by default", () => {
    const data = node(getEmptyState(), "lei-jun");
    expect(data).toMatchObject({
      label: "Lei Jun",
      color: graph.getNodeAttribute("lei-jun", "color"),
      size: 5,
      type: "circle",
    });
    expect(data.hidden).toBeUndefined();
  });

  it("switches labels to Chinese, falling back to English", () => {
    const zh = actions.setLanguage(getEmptyState(), "zh");
    expect(node(zh, "lei-jun").label).toBe("雷军");
    expect(node(zh, "alibaba").label).toBe("Alibaba Cloud");
    expect(displayLabel({ label: "A", labelZh: "甲" }, "en")).toBe("A");
  });

  it("keeps the hovered node and its neighbours and dims the rest", () => {
    const state = actions.hoverNode(getEmptyState(), "xiaomi");
    expect(node(state, "xiaomi").highlighted).toBe(true);
    expect(node(state, "kingsoft")).toMatchObject({ forceLabel: true });
    expect(node(state, "kingsoft").color).not.toBe(DIM_NODE_COLOR);
    expect(node(state, "lei-jun").color).not.toBe(DIM_NODE_COLOR);
    expect(node(state, "alibaba")).toMatchObject({ color: DIM_NODE_COLOR, label: "" });
    expect(edge(state, "stake")).toMatchObject({ label: "holds a stake in", forceLabel: true });
    expect(edge(state, "competes").color).toBe(DIM_EDGE_COLOR);
  });

  it("hides filtered types, and the relations that touch them", () => {
    const state = actions.setTypeVisible(getEmptyState(), "person", false);
    expect(node(state, "lei-jun").hidden).toBe(true);
    expect(edge(state, "founded").hidden).toBe(true);
    expect(node(state, "xiaomi").hidden).toBeUndefined();
    expect(countShown(state, graph)).toEqual({ nodes: 4, edges: 3, totalNodes: 5, totalEdges: 4 });
  });

  it("hides filtered relations but keeps their ends", () => {
    const state = actions.setRelationVisible(getEmptyState(), "customer_of", false);
    expect(edge(state, "customer").hidden).toBe(true);
    expect(edge(state, "stake").hidden).toBeUndefined();
    expect(isNodeShown(state, graph, "kingsoft")).toBe(true);
  });

  it("shows only the neighbourhood the API returned, once it is ready", () => {
    let state = actions.openNeighbourhood(getEmptyState(), "xiaomi");
    expect(isNodeShown(state, graph, "alibaba")).toBe(true);
    state = actions.setNeighbourhoodResult(state, {
      status: "ready",
      nodes: new Set(["xiaomi", "kingsoft", "lei-jun"]),
      edges: new Set(["stake", "founded"]),
      truncated: false,
    });
    expect(node(state, "alibaba").hidden).toBe(true);
    expect(node(state, "kingsoft").hidden).toBeUndefined();
    expect(isEdgeShown(state, graph, "customer")).toBe(false);
    expect(isEdgeShown(state, graph, "stake")).toBe(true);
  });

  it("highlights a found path over everything else, even through a hidden type", () => {
    let state = actions.setTypeVisible(getEmptyState(), "person", false);
    state = actions.findPath(state, "lei-jun", "kingsoft");
    state = actions.setPathResult(state, {
      status: "found",
      nodes: ["lei-jun", "xiaomi", "kingsoft"],
      edges: ["founded", "stake"],
    });
    expect(node(state, "lei-jun")).toMatchObject({ highlighted: true, forceLabel: true });
    expect(node(state, "alibaba").color).toBe(DIM_NODE_COLOR);
    expect(edge(state, "stake")).toMatchObject({ size: PATH_EDGE_SIZE, label: "holds a stake in" });
    expect(edge(state, "customer").color).toBe(DIM_EDGE_COLOR);
  });

  it("marks the selected node and the ends of a selected edge", () => {
    const selected = actions.selectNode(getEmptyState(), "kingsoft");
    expect(node(selected, "kingsoft").highlighted).toBe(true);
    expect(node(selected, "model").color).toBe(DIM_NODE_COLOR);
    const edgeSelected = actions.selectEdge(getEmptyState(), "customer");
    expect(node(edgeSelected, "xiaomi").highlighted).toBe(true);
    expect(node(edgeSelected, "lei-jun").color).toBe(DIM_NODE_COLOR);
    expect(edge(edgeSelected, "customer")).toMatchObject({ forceLabel: true, label: "is a customer of" });
    expect(edge(edgeSelected, "stake").color).toBe(DIM_EDGE_COLOR);
  });

  it("labels every shown relation once zoomed in, and none when zoomed out", () => {
    const out = getEmptyState();
    expect(edge(out, "founded").label).toBe("");
    const zoomed = actions.setCamera(out, { x: 0.5, y: 0.5, ratio: 0.2, angle: 0 }, true);
    expect(edge(zoomed, "founded").label).toBe("founded");
  });
});

describe("relation labels around a hub", () => {
  it("waits for zoom before labelling a hub's many relations", () => {
    const hub = makeGraph();
    for (let i = 0; i < 14; i++) {
      hub.addNode(`n${i}`, { ...hub.getNodeAttributes("model"), label: `N${i}` });
      hub.addDirectedEdgeWithKey(`e${i}`, "kingsoft", `n${i}`, hub.getEdgeAttributes("stake"));
    }
    const hovered = actions.hoverNode(getEmptyState(), "kingsoft");
    expect(reduceEdge(hovered, hub, "e0", hub.getEdgeAttributes("e0")).label).toBe("");
    const zoomed = actions.setCamera(hovered, { x: 0.5, y: 0.5, ratio: 0.2, angle: 0 }, true);
    expect(reduceEdge(zoomed, hub, "e0", hub.getEdgeAttributes("e0")).label).toBe("holds a stake in");
    const small = actions.hoverNode(getEmptyState(), "lei-jun");
    expect(reduceEdge(small, hub, "founded", hub.getEdgeAttributes("founded")).label).toBe("founded");
  });
});

describe("canvas labels", () => {
  it("cuts long labels with an ellipsis and keeps short ones whole", async () => {
    const { canvasLabel, MAX_CANVAS_LABEL } = await import("../../client/src/core/graph/reducers");
    expect(canvasLabel("Xiaomi")).toBe("Xiaomi");
    const long = "Stock Price Plummets Over 95%, Kingsoft Cloud Struggles to Break Through with AI Bet";
    const cut = canvasLabel(long);
    expect([...cut]).toHaveLength(MAX_CANVAS_LABEL);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

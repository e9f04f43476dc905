import { describe, expect, it } from "vitest";
import {
  cameraOnly,
  FOCUS_ARROW,
  isLargeGraph,
  LARGE_DIM_NODE_SIZE,
  LARGE_GRAPH_EDGES,
  reduceEdge,
  reduceNode,
} from "../../client/src/core/graph/reducers";
import type { ClientGraph } from "../../client/src/core/graph/load";
import * as actions from "../../client/src/core/state/actions";
import { getEmptyState, type ExplorerState } from "../../client/src/core/state/types";
import { makeGraph } from "./_graph";

/** The small test graph plus enough relations among filler companies to cross LARGE_GRAPH_EDGES. */
function makeLargeGraph(): ClientGraph {
  const graph = makeGraph();
  const company = graph.getNodeAttributes("xiaomi");
  const relation = graph.getEdgeAttributes("founded");
  for (let i = 0; i < 100; i++) graph.addNode(`c${i}`, { ...company, label: `C${i}` });
  for (let i = 0; graph.size <= LARGE_GRAPH_EDGES; i++) {
    graph.addDirectedEdgeWithKey(`f${i}`, `c${i % 100}`, `c${(i * 7 + 1) % 100}`, relation);
  }
  return graph;
}

const small = makeGraph();
const large = makeLargeGraph();
const edge = (graph: ClientGraph, state: ExplorerState, key: string) =>
  reduceEdge(state, graph, key, graph.getEdgeAttributes(key));
const zoomedIn = (state: ExplorerState) => actions.setCamera(state, { x: 0.5, y: 0.5, ratio: 0.2, angle: 0 }, true);

describe("level of detail", () => {
  it("tells a large graph from a small one by its relations", () => {
    expect(isLargeGraph(small)).toBe(false);
    expect(isLargeGraph(large)).toBe(true);
    expect(isLargeGraph({ size: LARGE_GRAPH_EDGES })).toBe(false);
  });

  it("draws a small graph's arrows and curved parallels everywhere", () => {
    const state = getEmptyState();
    expect(edge(small, state, "stake")).toMatchObject({ type: "curvedArrow" });
    expect(edge(small, state, "stake").curvature).not.toBe(0);
    expect(edge(small, state, "founded").type).toBe("arrow");
  });

  it("draws a large graph's relations as straight lines without arrows away from the focus", () => {
    const state = getEmptyState();
    expect(edge(large, state, "stake")).toMatchObject({ type: "line", curvature: 0 });
    expect(edge(large, state, "founded")).toMatchObject({ type: "line", curvature: 0 });
    const hovered = actions.hoverNode(state, "lei-jun");
    expect(edge(large, hovered, "stake")).toMatchObject({ type: "line", curvature: 0 });
  });

  it("keeps arrows and curves on the relations of the hovered or selected node", () => {
    const hovered = actions.hoverNode(getEmptyState(), "xiaomi");
    expect(edge(large, hovered, "stake").type).toBe("curvedArrow");
    expect(edge(large, hovered, "stake").curvature).toBe(large.getEdgeAttribute("stake", "curvature"));
    expect(edge(large, hovered, "founded").type).toBe(FOCUS_ARROW);
    expect(edge(large, hovered, "competes").type).toBe("line");
    const selected = actions.selectNode(getEmptyState(), "alibaba");
    expect(edge(large, selected, "competes")).toMatchObject({ type: "line", label: "competes with" });
  });

  it("keeps arrows on a found path and on a selected relation", () => {
    let state = actions.findPath(getEmptyState(), "lei-jun", "kingsoft");
    state = actions.setPathResult(state, {
      status: "found",
      nodes: ["lei-jun", "xiaomi", "kingsoft"],
      edges: ["founded", "stake"],
    });
    expect(edge(large, state, "founded")).toMatchObject({ type: FOCUS_ARROW, label: "founded" });
    expect(edge(large, state, "stake").type).toBe("curvedArrow");
    expect(edge(large, state, "customer").type).toBe("line");
    const picked = actions.selectEdge(getEmptyState(), "customer");
    expect(edge(large, picked, "customer").type).toBe("curvedArrow");
  });

  it("labels a small graph's relations once zoomed in, a large graph's only around the focus", () => {
    expect(edge(small, zoomedIn(getEmptyState()), "founded").label).toBe("founded");
    expect(edge(large, zoomedIn(getEmptyState()), "founded").label).toBe("");
    expect(edge(large, zoomedIn(getEmptyState()), "f0").label).toBe("");
    expect(edge(large, actions.hoverNode(getEmptyState(), "lei-jun"), "founded").label).toBe("founded");
  });

  it("labels a large graph's hub relations without waiting for zoom, unforced", () => {
    const hub = actions.hoverNode(getEmptyState(), "c0");
    expect(large.degree("c0")).toBeGreaterThan(12);
    expect(edge(large, hub, "f0")).toMatchObject({ label: "founded", forceLabel: false, type: FOCUS_ARROW });
    expect(edge(large, zoomedIn(hub), "f0")).toEqual(edge(large, hub, "f0"));
  });

  it("shrinks a large graph's dimmed nodes to dots, and only there", () => {
    const hovered = actions.hoverNode(getEmptyState(), "lei-jun");
    expect(reduceNode(hovered, large, "alibaba", large.getNodeAttributes("alibaba")).size).toBe(LARGE_DIM_NODE_SIZE);
    expect(reduceNode(hovered, large, "xiaomi", large.getNodeAttributes("xiaomi")).size).toBe(5);
    expect(reduceNode(hovered, small, "alibaba", small.getNodeAttributes("alibaba")).size).toBe(5);
  });

  it("refreshes on zoom only where the zoom changes what is drawn", () => {
    const out = getEmptyState();
    const moved = actions.setCamera(out, { x: 0.4, y: 0.5, ratio: 1, angle: 0 }, false);
    expect(cameraOnly(moved, out, small)).toBe(true);
    expect(cameraOnly(moved, out, large)).toBe(true);
    expect(cameraOnly(zoomedIn(out), out, small)).toBe(false);
    expect(cameraOnly(zoomedIn(out), out, large)).toBe(true);
    expect(cameraOnly(actions.hoverNode(out, "xiaomi"), out, large)).toBe(false);
  });
});

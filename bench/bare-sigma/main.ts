/**
 * The baseline for bench/page-fps.ts: sigma v3 with its default settings drawing the graph from /api/graph
 * (same positions, sizes, colours and labels as the explorer), and nothing else. `?width=W&height=H` sizes
 * the stage like the explorer's; `?hideOnMove=1` turns on sigma's hideEdgesOnMove and hideLabelsOnMove, the
 * only settings the explorer changes that matter while the camera moves.
 */
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { GraphResponse } from "../../server/api/contract";

declare global {
  interface Window {
    bare?: { renderer: Sigma; graph: MultiDirectedGraph };
  }
}

const params = new URLSearchParams(window.location.search);
const container = document.getElementById("graph")!;
if (params.has("width")) container.style.width = `${Number(params.get("width"))}px`;
if (params.has("height")) container.style.height = `${Number(params.get("height"))}px`;

const data = (await (await fetch("/api/graph")).json()) as GraphResponse;
performance.mark("bare:data");
// Only what sigma draws: the dataset's own `type` attribute would otherwise name a node program sigma lacks.
const graph = new MultiDirectedGraph();
for (const { key, attributes: a } of data.nodes) {
  graph.addNode(key, { x: a!.x, y: a!.y, size: a!.size, color: a!.color, label: a!.label });
}
for (const { key, source, target, attributes: a } of data.edges) {
  graph.addDirectedEdgeWithKey(key!, source, target, { size: a!.size, color: a!.color });
}
const hideOnMove = params.get("hideOnMove") === "1";
const renderer = new Sigma(graph, container, hideOnMove ? { hideEdgesOnMove: true, hideLabelsOnMove: true } : {});
// sigma draws synchronously when it is created.
performance.mark("bare:renderer");
window.bare = { renderer, graph };

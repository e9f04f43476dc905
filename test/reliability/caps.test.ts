/**
 * The caps hold on a large graph: neighbourhood and path requests stop at their limits, answer quickly, and
 * say so, whatever the hubs. The graph is a synthetic 30,000-node, 150,000-edge power-law graph.
 */
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { syntheticEdges, syntheticNodes, SYNTHETIC_DOCUMENT } from "../../bench/synthetic-dataset";
import { createApp } from "../../server/api/app";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { buildGraph } from "../../server/graph/build-graph";

let graph: KnowledgeGraph;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  const options = { nodes: 30_000, edges: 150_000, seed: 3 };
  const dataset = {
    name: "caps",
    description: "caps",
    documents: [SYNTHETIC_DOCUMENT],
    nodes: [...syntheticNodes(options)],
    edges: [...syntheticEdges(options)],
  };
  // Positions do not matter here: zeros skip the layout.
  graph = buildGraph(dataset, new Float64Array(options.nodes * 2));
  app = createApp({ graph, log: () => {}, limits: { maxNeighbors: 300, maxPathVisited: 5_000 } });
});

describe("caps on a large graph", () => {
  it("has hubs big enough to matter", () => {
    expect(graph.degree("n0")).toBeGreaterThan(5_000);
  });

  it("stops a 3-hop neighbourhood of the biggest hub at the node cap and says it did", async () => {
    const res = await request(app).get("/api/nodes/n0/neighbors?depth=3&limit=300").expect(200);
    expect(res.body.nodes).toHaveLength(300);
    expect(res.body.truncated).toBe(true);
    await request(app).get("/api/nodes/n0/neighbors?limit=301").expect(400);
  });

  it("gives up a path search past the visit cap with a 422 problem", async () => {
    // An isolated target: nothing reaches it, so only the cap can end the search.
    graph.addNode("alone", { ...graph.getNodeAttributes("n1"), label: "alone" });
    const res = await request(app).get("/api/paths?from=n0&to=alone").expect(422);
    expect(res.type).toBe("application/problem+json");
    expect(res.body.detail).toMatch(/5000 visited nodes/);
  });

  it("still finds paths between ordinary nodes within the cap", async () => {
    const res = await request(app).get("/api/paths?from=n12345&to=n23456").expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.length).toBeLessThanOrEqual(8);
  });
});

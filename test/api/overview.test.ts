/**
 * /api/overview and /api/overview/nodes: the whole graph below the threshold (the page's one request), the
 * most central nodes above it, added nodes with their neighbour counts and links, and bad parameters.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { GraphResponse, OverviewNodesResponse, OverviewResponse, Problem } from "../../server/api/contract";
import { LINKS_PER_NODE } from "../../server/api/routes/overview";
import { embeddedGraph, makeDataset, makeGraph } from "../_fixtures";
import { makeApp } from "./_app";

const graph = embeddedGraph();
const byDegree = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));

describe("GET /api/overview on a graph small enough to draw", () => {
  it("is the whole graph, exactly as /api/graph serves it", async () => {
    const app = makeApp();
    const body = (await request(app).get("/api/overview").expect(200)).body as OverviewResponse;
    const whole = (await request(app).get("/api/graph").expect(200)).body as GraphResponse;
    expect(body.overview).toBeNull();
    expect(body.graph).toEqual(whole);
    expect(body.graph.nodes).toHaveLength(57);
  });

  it("has an ETag and answers a repeat with 304", async () => {
    const app = makeApp();
    const first = await request(app).get("/api/overview").expect(200);
    expect(first.headers.etag).toMatch(/^W\/"/);
    await request(app)
      .get("/api/overview")
      .set("If-None-Match", first.headers.etag as string)
      .expect(304);
    const other = await request(app).get("/api/overview?limit=5").expect(200);
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it("is the whole graph when its size equals the threshold", async () => {
    const body = (
      await request(makeApp({ overviewAbove: 57 }))
        .get("/api/overview")
        .expect(200)
    ).body as OverviewResponse;
    expect(body.overview).toBeNull();
  });
});

describe("GET /api/overview above the threshold", () => {
  const app = makeApp({ overviewAbove: 10 });

  it("holds the most central nodes, the edges among them and every node's neighbour count", async () => {
    const body = (await request(app).get("/api/overview?limit=8").expect(200)).body as OverviewResponse;
    expect(body.overview).toMatchObject({ above: 10, limit: 8, totalNodes: 57, totalEdges: 101 });
    const keys = body.graph.nodes.map((n) => n.key);
    expect(keys).toEqual(byDegree.slice(0, 8));
    expect(keys[0]).toBe("kingsoft-cloud");
    const chosen = new Set(keys);
    const expected = graph.filterEdges((_e, _a, s, t) => chosen.has(s) && chosen.has(t)).sort();
    expect(body.graph.edges.map((e) => e.key).sort()).toEqual(expected);
    for (const node of body.graph.nodes) {
      expect(Number.isFinite(node.attributes?.x)).toBe(true);
      expect(body.overview?.neighbours[node.key]).toBe(graph.neighbors(node.key).length);
    }
    expect(body.graph.attributes?.name).toBe(graph.getAttribute("name"));
    expect(body.graph.options).toMatchObject({ type: "directed", multi: true });
  });

  it("defaults to 200 nodes, fewer when the graph is smaller", async () => {
    const body = (await request(app).get("/api/overview").expect(200)).body as OverviewResponse;
    expect(body.overview?.limit).toBe(200);
    expect(body.graph.nodes).toHaveLength(57);
  });
});

describe("GET /api/overview/nodes", () => {
  const app = makeApp({ overviewAbove: 10 });

  it("gives each node's attributes, neighbour count and every edge", async () => {
    const res = await request(app).get("/api/overview/nodes?nodes=lei-jun,xiaomi,lei-jun").expect(200);
    const body = res.body as OverviewNodesResponse;
    expect(body.nodes.map((n) => n.key)).toEqual(["lei-jun", "xiaomi"]);
    expect(body.nodes[1]).toMatchObject({ neighbours: graph.neighbors("xiaomi").length });
    expect(body.nodes[0]?.attributes.label).toBe("Lei Jun");
    const expected = new Set([...graph.edges("lei-jun"), ...graph.edges("xiaomi")]);
    expect(body.edges.map((e) => e.key).sort()).toEqual([...expected].sort());
    expect(body.truncated).toBe(false);
  });
});

describe("a hub's links are capped", () => {
  it("gives at most LINKS_PER_NODE edges of one node and says it was cut", async () => {
    const base = makeDataset();
    const [hub] = base.nodes;
    const leaves = Array.from({ length: LINKS_PER_NODE + 5 }, (_, i) => ({ ...base.nodes[1]!, id: `leaf-${i}` }));
    const graphWithHub = makeGraph({
      nodes: [hub!, ...leaves],
      edges: leaves.map((leaf) => ({ ...base.edges[0]!, target: leaf.id })),
    });
    const app = makeApp({ graph: graphWithHub, overviewAbove: 10 });
    const body = (await request(app).get("/api/overview/nodes?nodes=a,leaf-0").expect(200))
      .body as OverviewNodesResponse;
    expect(body.nodes[0]).toMatchObject({ key: "a", neighbours: LINKS_PER_NODE + 5 });
    expect(body.truncated).toBe(true);
    expect(body.edges).toHaveLength(LINKS_PER_NODE);
    const overview = (await request(app).get("/api/overview?limit=1").expect(200)).body as OverviewResponse;
    expect(overview.graph.nodes.map((n) => n.key)).toEqual(["a"]);
    expect(overview.overview?.neighbours).toEqual({ a: LINKS_PER_NODE + 5 });
  });
});

describe("bad overview parameters are 400 problem+json naming the parameter", () => {
  const app = makeApp({ overviewAbove: 10, limits: { maxOverview: 100, maxNeighbors: 3 } });
  it.each([
    ["/api/overview?limit=0", "limit"],
    ["/api/overview?limit=101", "limit"],
    ["/api/overview?limit=ten", "limit"],
    ["/api/overview?limit=1&limit=2", "limit"],
    ["/api/overview?limits=5", "limits"],
    ["/api/overview/nodes", "nodes"],
    ["/api/overview/nodes?nodes=", "nodes"],
    ["/api/overview/nodes?nodes=,,", "nodes"],
    ["/api/overview/nodes?nodes=a,b,c,d", "nodes"],
    ["/api/overview/nodes?nodes=xiaomi&depth=1", "depth"],
  ])("%s names %s", async (url, parameter) => {
    const res = await request(app).get(url).expect(400);
    expect(res.type).toBe("application/problem+json");
    expect((JSON.parse(res.text) as Problem).parameter).toBe(parameter);
  });

  it("an unknown node is 404 naming nodes", async () => {
    const res = await request(app).get("/api/overview/nodes?nodes=xiaomi,nobody").expect(404);
    expect(res.type).toBe("application/problem+json");
    expect((JSON.parse(res.text) as Problem).parameter).toBe("nodes");
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = (await request(app).get("/api/openapi.json").expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/overview", "/api/overview/nodes"]));
  });
});

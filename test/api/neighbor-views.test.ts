/**
 * Neighbourhood answers: `view=summary` carries the same nodes and edges as the full default in a slim shape,
 * and the edges among the kept nodes are all of them, also when a kept hub has more edges than there are kept
 * nodes (the neighbourhood then looks its edges up node by node).
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { NeighborhoodResponse, NeighborhoodSummaryResponse } from "../../server/api/contract";
import { embeddedGraph } from "../_fixtures";
import { makeApp } from "./_app";

const app = makeApp();
const graph = embeddedGraph();
const get = (url: string) => request(app).get(url);

/** Every edge of the graph with both ends kept (and of a kept relation), found the slow way. */
function edgesAmong(keys: string[], relations?: string[]): string[] {
  const kept = new Set(keys);
  return graph
    .filterEdges(
      (_edge, a, source, target) =>
        kept.has(source) && kept.has(target) && (!relations || relations.includes(a.relation)),
    )
    .sort();
}

describe("neighbourhood edges", () => {
  it.each([
    "/api/nodes/kingsoft-cloud/neighbors?depth=3&limit=5",
    "/api/nodes/kingsoft-cloud/neighbors?depth=2&limit=12",
    "/api/nodes/xiaomi/neighbors?depth=1",
    "/api/nodes/kingsoft-cloud/neighbors?depth=2&relation=holds_stake_in,customer_of",
  ])("are every edge among the kept nodes: %s", async (url) => {
    const body = (await get(url).expect(200)).body as NeighborhoodResponse;
    const relations = new URL(url, "http://x").searchParams.get("relation")?.split(",");
    const keys = body.nodes.map((n) => n.key);
    // The small limits keep fewer nodes than the hub has out-edges: the lookup path is the one tested.
    if (url.includes("limit=5")) expect(graph.outDegree("kingsoft-cloud")).toBeGreaterThan(keys.length);
    expect(body.edges.map((e) => e.key).sort()).toEqual(edgesAmong(keys, relations));
    expect(new Set(body.edges.map((e) => e.key)).size).toBe(body.edges.length);
  });
});

describe("GET /api/nodes/:key/neighbors?view=summary", () => {
  it("has the same nodes, distances and edges as the full answer, without the attributes", async () => {
    const url = "/api/nodes/kingsoft-cloud/neighbors?depth=2";
    const full = (await get(url).expect(200)).body as NeighborhoodResponse;
    const summary = (await get(`${url}&view=summary`).expect(200)).body as NeighborhoodSummaryResponse;
    expect(summary.view).toBe("summary");
    expect(summary.center).toBe(full.center);
    expect(summary.truncated).toBe(full.truncated);
    expect(summary.nodes.map((n) => [n.key, n.distance])).toEqual(full.nodes.map((n) => [n.key, n.distance]));
    expect(summary.edges.map((e) => e.key)).toEqual(full.edges.map((e) => e.key));

    const node = summary.nodes.find((n) => n.key === "kingsoft-cloud")!;
    const attributes = graph.getNodeAttributes("kingsoft-cloud");
    expect(node).toEqual({
      key: "kingsoft-cloud",
      label: attributes.label,
      labelZh: attributes.labelZh,
      type: attributes.type,
      x: attributes.x,
      y: attributes.y,
      size: attributes.size,
      distance: 0,
    });
    const edge = summary.edges[0]!;
    expect(edge).toEqual({
      key: edge.key,
      source: graph.source(edge.key),
      target: graph.target(edge.key),
      relation: graph.getEdgeAttribute(edge.key, "relation"),
    });
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  it("keeps the full shape by default and with view=full", async () => {
    const byDefault = (await get("/api/nodes/xiaomi/neighbors").expect(200)).body as NeighborhoodResponse;
    const full = (await get("/api/nodes/xiaomi/neighbors?view=full").expect(200)).body as NeighborhoodResponse;
    expect(full).toEqual(byDefault);
    expect(byDefault).not.toHaveProperty("view");
    expect(byDefault.nodes[0]!.attributes.sources).toBeDefined();
  });

  it("rejects an unknown view with a problem naming the parameter and the allowed values", async () => {
    const res = await get("/api/nodes/xiaomi/neighbors?view=tiny").expect(400);
    expect(res.type).toBe("application/problem+json");
    expect(res.body.parameter).toBe("view");
    expect(res.body.allowed).toEqual(["full", "summary"]);
  });

  it("is documented in the OpenAPI document with its values", async () => {
    const doc = (await get("/api/openapi.json").expect(200)).body;
    const view = doc.paths["/api/nodes/{key}/neighbors"].get.parameters.find(
      (p: { name: string }) => p.name === "view",
    );
    expect(view.schema.enum).toEqual(["full", "summary"]);
    expect(view.required).toBe(false);
  });
});

describe("JSON answers sent without Express's res.json", () => {
  it("carry type, length and the security headers, and answer HEAD without a body", async () => {
    const res = await get("/api/nodes/xiaomi/neighbors").set("Accept-Encoding", "identity").expect(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(res.text));
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    const head = await request(app).head("/api/search?q=xiaomi").set("Accept-Encoding", "identity").expect(200);
    expect(head.text ?? "").toBe("");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
  });

  it("are compressed when the client accepts it", async () => {
    const res = await get("/api/nodes/kingsoft-cloud/neighbors?depth=2").set("Accept-Encoding", "gzip").expect(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect((res.body as NeighborhoodResponse).center).toBe("kingsoft-cloud");
  });
});

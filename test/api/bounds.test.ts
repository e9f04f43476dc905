/**
 * Every request's work is bounded: relations a page at a time, an edge budget per overview answer, overviews
 * of any size read off one ranking, capped searches, HEAD without building the export, and a 503 with
 * Retry-After once too many heavy requests run, while /api/health still answers.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/api/app";
import type { NodeDetailResponse, OverviewNodesResponse, OverviewResponse } from "../../server/api/contract";
import { overview } from "../../server/graph/overview";
import { bigDatedGraph } from "../_big-graph";
import { makeApp } from "./_app";

const graph = bigDatedGraph(6000); // n0 is linked to all 5,999 others; the rest form a ring
const app = makeApp({ graph, overviewAbove: 1000, limits: { maxOverviewLinks: 3000 } });

describe("/api/nodes/:key pages a hub's relations", () => {
  const relationCount = (body: NodeDetailResponse) => body.relations.reduce((n, g) => n + g.edges.length, 0);

  it("sends 1000 relations by default, says how many there are, and pages through them all", async () => {
    const first = (await request(app).get("/api/nodes/n0").expect(200)).body as NodeDetailResponse;
    expect(first.degree).toBe(5999);
    expect(first.relationsPage).toEqual({ offset: 0, limit: 1000, total: 5999 });
    expect(relationCount(first)).toBe(1000);
    const seen = new Set<string>();
    for (let offset = 0; offset < 5999; offset += 1000) {
      const page = (await request(app).get(`/api/nodes/n0?offset=${offset}&limit=1000`).expect(200))
        .body as NodeDetailResponse;
      page.relations.forEach((g) => g.edges.forEach((e) => seen.add(e.key)));
    }
    expect(seen.size).toBe(5999);
  });

  it("refuses a page larger than the cap, naming the parameter", async () => {
    const res = await request(app).get("/api/nodes/n0?limit=5000").expect(400);
    expect(res.body.parameter).toBe("limit");
  });
});

describe("/api/overview and /api/overview/nodes", () => {
  it("caps the edges of one /api/overview/nodes answer, whatever the number of nodes asked for", async () => {
    const keys = Array.from({ length: 1500 }, (_, i) => `n${i}`).join(",");
    const body = (await request(app).get(`/api/overview/nodes?nodes=${keys}`).expect(200))
      .body as OverviewNodesResponse;
    expect(body.nodes.length).toBe(1500);
    expect(body.edges.length).toBeLessThanOrEqual(3000); // without the budget: thousands more
    expect(body.truncated).toBe(true);
  });

  it("reads any limit off one ranking, with the answer a fresh overview of that size would give", async () => {
    for (const limit of [1, 7, 200, 999, 5000]) {
      const body = (await request(app).get(`/api/overview?limit=${limit}`).expect(200)).body as OverviewResponse;
      const expected = overview(graph, limit);
      expect(body.graph.nodes.map((n) => n.key)).toEqual(expected.nodes);
      expect(body.graph.edges.map((e) => e.key)).toEqual(expected.edges);
      expect(body.overview!.neighbours.n0).toBe(5999);
    }
  });
});

describe("/api/search caps its query", () => {
  it("refuses more than 100 characters and more than 12 terms, naming q", async () => {
    const long = await request(app)
      .get(`/api/search?q=${"a".repeat(101)}`)
      .expect(400);
    expect(long.body.parameter).toBe("q");
    const words = Array.from({ length: 13 }, (_, i) => `word${i}`).join(" ");
    const many = await request(app)
      .get(`/api/search?q=${encodeURIComponent(words)}`)
      .expect(400);
    expect(many.body).toMatchObject({ parameter: "q", detail: expect.stringContaining("at most 12 search terms") });
    await request(app)
      .get(`/api/search?q=${encodeURIComponent("node common words")}`)
      .expect(200);
  });
});

describe("HEAD /api/export.gexf", () => {
  it("answers with the export's headers without writing it", async () => {
    const small = bigDatedGraph(10);
    const headOnly = makeApp({ graph: small });
    // Writing the export would now fail: HEAD must not get that far.
    small.nodeEntries = () => {
      throw new Error("the export was built");
    };
    const res = await request(headOnly).head("/api/export.gexf").expect(200);
    expect(res.headers["content-type"]).toBe("application/gexf+xml; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain(".gexf");
  });
});

describe("a limit on heavy requests running at once", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const heavy = createApp({ graph: bigDatedGraph(20_000), log: () => {}, admission: { whole: 1, query: 2 } });
    server = http.createServer(heavy);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers 503 problem+json with Retry-After beyond it, keeps /api/health answering, and frees the slot", async () => {
    // An export read by nobody stays in flight: its response waits for the client to drain it.
    const held = await new Promise<http.IncomingMessage>((resolve) => http.get(`${base}/api/export.gexf`, resolve));
    held.pause();
    expect(held.statusCode).toBe(200);

    const busy = await fetch(`${base}/api/graph`);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("2");
    expect(busy.headers.get("content-type")).toContain("application/problem+json");
    expect(((await busy.json()) as { detail: string }).detail).toContain("whole-graph requests are running");
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/nodes/n5`)).status).toBe(200); // queries have slots of their own

    held.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await fetch(`${base}/api/graph?type=person`);
    expect(after.status).toBe(200);
    await after.text();
  }, 60_000);
});

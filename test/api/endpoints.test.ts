import { parse } from "graphology-gexf";
import { MultiGraph } from "graphology";
import { DOMParser } from "@xmldom/xmldom";
import request from "supertest";
import { describe, expect, it } from "vitest";
import type {
  EdgeListResponse,
  GraphResponse,
  HealthResponse,
  NeighborhoodResponse,
  NodeDetailResponse,
  NodeListResponse,
  PathResponse,
  SchemaResponse,
  SearchResponse,
} from "../../server/api/contract";
import { NODE_TYPES, RELATIONS } from "../../server/domain/vocabulary";
import { getText, makeApp } from "./_app";

const app = makeApp();
const get = (url: string) => request(app).get(url);

describe("GET /api/health", () => {
  it("reports counts", async () => {
    const res = await get("/api/health")
      .expect(200)
      .expect("content-type", /application\/json/);
    expect(res.body as HealthResponse).toEqual({ status: "ok", dataset: "kingsoft-cloud", nodes: 57, edges: 101 });
  });
});

describe("GET /api/graph", () => {
  it("is graphology's serialisation with positions", async () => {
    const body = (await get("/api/graph").expect(200)).body as GraphResponse;
    expect(body.options).toMatchObject({ type: "directed", multi: true });
    expect(body.nodes).toHaveLength(57);
    expect(body.edges).toHaveLength(101);
    const xiaomi = body.nodes.find((n) => n.key === "xiaomi")!;
    expect(xiaomi.attributes).toMatchObject({ label: "Xiaomi", labelZh: "小米集团", type: "company" });
    expect(Number.isFinite(xiaomi.attributes!.x)).toBe(true);
    expect(body.attributes!.documents[0]!.id).toBe("article");
  });

  it("filters by type and relation", async () => {
    const body = (await get("/api/graph?type=person,company").expect(200)).body as GraphResponse;
    expect(new Set(body.nodes.map((n) => n.attributes!.type))).toEqual(new Set(["person", "company"]));
    expect(
      body.edges.every((e) => body.nodes.some((n) => n.key === e.source) && body.nodes.some((n) => n.key === e.target)),
    ).toBe(true);
    const stakes = (await get("/api/graph?relation=holds_stake_in").expect(200)).body as GraphResponse;
    expect(stakes.edges.map((e) => e.key)).toEqual(["xiaomi__holds_stake_in__kingsoft-cloud"]);
  });
});

describe("GET /api/nodes", () => {
  it("lists with type, name and paging", async () => {
    const people = (await get("/api/nodes?type=person").expect(200)).body as NodeListResponse;
    expect(people.items.map((i) => i.key).sort()).toEqual(["cui-baoqiu", "lei-jun"]);
    const byName = (await get(`/api/nodes?q=${encodeURIComponent("小米")}`).expect(200)).body as NodeListResponse;
    expect(byName.items.map((i) => i.key)).toEqual(["xiaomi"]);
    const page = (await get("/api/nodes?limit=5&offset=53").expect(200)).body as NodeListResponse;
    expect(page.total).toBe(57);
    expect(page.items).toHaveLength(4);
  });
});

describe("GET /api/nodes/:key", () => {
  it("gives attributes, degrees and edges grouped by relation", async () => {
    const body = (await get("/api/nodes/xiaomi").expect(200)).body as NodeDetailResponse;
    expect(body.attributes.label).toBe("Xiaomi");
    expect(body.degree).toBe(body.inDegree + body.outDegree);
    const out = body.relations
      .filter((g) => g.direction === "out")
      .map((g) => g.relation)
      .sort();
    expect(out).toEqual(["customer_of", "holds_stake_in", "invested_in", "supports"]);
    const founded = body.relations.find((g) => g.relation === "founded" && g.direction === "in")!;
    expect(founded.edges[0]!.other).toEqual({ key: "lei-jun", label: "Lei Jun", labelZh: "雷军", type: "person" });
  });

  it("decodes Unicode and percent-encoded keys", async () => {
    await get("/api/nodes/36kr").expect(200);
    await get(`/api/nodes/${encodeURIComponent("lei-jun")}`).expect(200);
  });
});

describe("GET /api/nodes/:key/neighbors", () => {
  it("returns the subgraph with distances", async () => {
    const body = (await get("/api/nodes/lei-jun/neighbors?depth=1&direction=out").expect(200))
      .body as NeighborhoodResponse;
    expect(body.center).toBe("lei-jun");
    expect(body.nodes.map((n) => [n.key, n.distance]).sort()).toEqual([
      ["kingsoft-cloud", 1],
      ["lei-jun", 0],
      ["xiaomi", 1],
    ]);
    expect(body.edges.length).toBeGreaterThanOrEqual(6);
    expect(body.truncated).toBe(false);
  });

  it("grows with depth and shrinks with filters", async () => {
    const one = (await get("/api/nodes/cui-baoqiu/neighbors?depth=1").expect(200)).body as NeighborhoodResponse;
    const three = (await get("/api/nodes/cui-baoqiu/neighbors?depth=3").expect(200)).body as NeighborhoodResponse;
    expect(three.nodes.length).toBeGreaterThan(one.nodes.length);
    const models = (await get("/api/nodes/kingsoft-cloud/neighbors?type=ai_model&relation=offers").expect(200))
      .body as NeighborhoodResponse;
    expect(models.nodes.map((n) => n.key).sort()).toEqual([
      "alpaca-lora",
      "chatglm-6b",
      "kingsoft-cloud",
      "stable-diffusion",
    ]);
  });

  it("caps the result and says it did", async () => {
    const body = (await get("/api/nodes/kingsoft-cloud/neighbors?depth=3&limit=5").expect(200))
      .body as NeighborhoodResponse;
    expect(body.nodes).toHaveLength(5);
    expect(body.truncated).toBe(true);
  });
});

describe("GET /api/edges", () => {
  it("filters by source, target and relation", async () => {
    const both = (await get("/api/edges?source=xiaomi&target=kingsoft-cloud").expect(200)).body as EdgeListResponse;
    expect(both.items.map((e) => e.attributes.relation).sort()).toEqual([
      "customer_of",
      "holds_stake_in",
      "invested_in",
      "supports",
    ]);
    const offers = (await get("/api/edges?relation=offers").expect(200)).body as EdgeListResponse;
    expect(offers.total).toBe(4);
    expect(offers.items.every((e) => e.source === "kingsoft-cloud")).toBe(true);
  });

  it("gets one edge by key", async () => {
    const res = await get("/api/edges/xiaomi__customer_of__kingsoft-cloud").expect(200);
    expect(res.body.attributes.figures.map((f: { key: string }) => f.key)).toEqual([
      "revenue_contribution",
      "related_party_share",
    ]);
  });
});

describe("GET /api/paths", () => {
  it("finds the shortest path with its edges", async () => {
    const body = (await get("/api/paths?from=cui-baoqiu&to=chatglm-6b").expect(200)).body as PathResponse;
    expect(body.length).toBe(2);
    expect(body.nodes.map((n) => n.key)).toEqual(["cui-baoqiu", "kingsoft-cloud", "chatglm-6b"]);
    expect(body.edges).toHaveLength(2);
    expect(body.edges.at(-1)!.key).toMatch(/^kingsoft-cloud__/);
  });

  it("404s when there is no path in that direction", async () => {
    const res = await get("/api/paths?from=chatglm-6b&to=cui-baoqiu&direction=out").expect(404);
    expect(res.type).toBe("application/problem+json");
    expect(res.body.detail).toMatch(/no path/);
  });
});

describe("GET /api/search", () => {
  it.each([
    ["xiaomy", "xiaomi"],
    ["雷军", "lei-jun"],
    ["alpaca lora", "alpaca-lora"],
  ])("%s ranks %s first", async (q, key) => {
    const body = (await get(`/api/search?q=${encodeURIComponent(q)}`).expect(200)).body as SearchResponse;
    expect(body.items[0]!.key).toBe(key);
    expect(body.items[0]!.score).toBeGreaterThan(0);
  });

  it("ranks scores in descending order and honours limit", async () => {
    const body = (await get("/api/search?q=cloud&limit=5").expect(200)).body as SearchResponse;
    expect(body.items).toHaveLength(5);
    const scores = body.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe("GET /api/schema", () => {
  it("lists every type and relation with counts that add up", async () => {
    const body = (await get("/api/schema").expect(200)).body as SchemaResponse;
    expect(body.nodeTypes.map((t) => t.type)).toEqual([...NODE_TYPES]);
    expect(body.relations.map((r) => r.relation)).toEqual([...RELATIONS]);
    expect(body.nodeTypes.reduce((n, t) => n + t.count, 0)).toBe(57);
    expect(body.relations.reduce((n, r) => n + r.count, 0)).toBe(101);
    expect(body.nodeTypes.find((t) => t.type === "person")).toMatchObject({
      count: 2,
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(body.nodeAttributes).toEqual(expect.arrayContaining(["label", "labelZh", "sources", "figures"]));
  });
});

describe("GET /api/export.gexf", () => {
  const text = (url: string) => getText(app, url);
  const read = (xml: string) => parse(MultiGraph, xml, { DOMParser } as never);

  it("is a GEXF attachment that graphology-gexf reads back whole", async () => {
    const res = await text("/api/export.gexf").expect(200);
    expect(res.headers["content-type"]).toMatch(/^application\/gexf\+xml/);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="?kingsoft-cloud\.gexf"?$/);
    const graph = read(res.body as string);
    expect(graph.order).toBe(57);
    expect(graph.size).toBe(101);
    expect(graph.getNodeAttribute("lei-jun", "labelZh")).toBe("雷军");
  });

  it("exports a neighbourhood with a matching file name", async () => {
    const res = await text("/api/export.gexf?center=lei-jun&depth=1&direction=out").expect(200);
    expect(res.headers["content-disposition"]).toMatch(/filename="?kingsoft-cloud-lei-jun-1\.gexf"?$/);
    expect(
      read(res.body as string)
        .nodes()
        .sort(),
    ).toEqual(["kingsoft-cloud", "lei-jun", "xiaomi"]);
  });

  it("applies the same filters as /api/graph", async () => {
    const res = await text("/api/export.gexf?type=person,company").expect(200);
    const graph = read(res.body as string);
    expect(graph.nodes().sort()).toEqual([
      "alibaba-group",
      "baidu",
      "china-mobile",
      "china-telecom",
      "china-unicom",
      "cui-baoqiu",
      "huawei",
      "kingsoft-group",
      "lei-jun",
      "tencent",
      "xiaomi",
    ]);
  });
});

describe("GET /api/openapi.json", () => {
  it("documents every endpoint with parameters from the request schemas", async () => {
    const body = (await get("/api/openapi.json").expect(200)).body;
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/graph",
        "/api/nodes",
        "/api/nodes/{key}",
        "/api/nodes/{key}/neighbors",
        "/api/edges",
        "/api/edges/{key}",
        "/api/paths",
        "/api/search",
        "/api/schema",
        "/api/export.gexf",
      ]),
    );
    const depth = body.paths["/api/nodes/{key}/neighbors"].get.parameters.find(
      (p: { name: string }) => p.name === "depth",
    );
    expect(depth).toMatchObject({ in: "query", required: false });
    const key = body.paths["/api/nodes/{key}"].get.parameters.find((p: { name: string }) => p.name === "key");
    expect(key).toMatchObject({ in: "path", required: true });
    const from = body.paths["/api/paths"].get.parameters.find((p: { name: string }) => p.name === "from");
    expect(from.required).toBe(true);
  });
});

/** The graph as of a year, and the timeline, through the HTTP API on the embedded dataset. */
import request from "supertest";
import { describe, expect, it } from "vitest";
import type {
  EdgeListResponse,
  FigureAsOf,
  GraphResponse,
  NodeDetailResponse,
  TimelineResponse,
} from "../../server/api/contract";
import { gexfToString } from "../../server/gexf/write-gexf";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { selectSubgraph } from "../../server/graph/select";
import { embeddedGraph } from "../_fixtures";
import { copyAsOf, copySelection } from "../_reference-graphs";
import { getText, makeApp } from "./_app";

const app = makeApp();
const get = async <T>(url: string, status = 200): Promise<T> => (await request(app).get(url).expect(status)).body as T;
const edgeKeys = (g: GraphResponse) => g.edges.map((e) => e.key);

describe("?asOf=YEAR", () => {
  it("in 2019 the Xiaomi customer link carries 14.4 %, and nothing later", async () => {
    const xiaomi = await get<NodeDetailResponse>("/api/nodes/xiaomi?asOf=2019");
    const customer = xiaomi.relations.find((g) => g.relation === "customer_of")!.edges[0]!;
    const share = customer.attributes.figures.find((f) => f.key === "related_party_share") as FigureAsOf;
    expect(share.asOf).toEqual({ year: 2019, point: expect.objectContaining({ year: 2019, value: 14.4 }) });
    expect(share.points.map((p) => p.year ?? p.period)).toEqual([2019]);
  });

  it("before 2020 there is no listing; from 2020 there is", async () => {
    const listing = "kingsoft-cloud__listed_on__us-stock-market";
    expect(edgeKeys(await get<GraphResponse>("/api/graph?asOf=2019"))).not.toContain(listing);
    expect(edgeKeys(await get<GraphResponse>("/api/graph?asOf=2020"))).toContain(listing);
    expect(edgeKeys(await get<GraphResponse>("/api/graph?asOf=2024"))).toContain(listing);
  });

  it("drops entities outside their span, and their edges, but keeps undated ones", async () => {
    const in2022 = await get<GraphResponse>("/api/graph?asOf=2022");
    const keys = in2022.nodes.map((n) => n.key);
    expect(keys).not.toContain("price-cut-wave");
    expect(keys).not.toContain("frost-sullivan-2024-evaluation");
    expect(keys).toContain("xiaomi");
    expect(in2022.edges.every((e) => keys.includes(e.source) && keys.includes(e.target))).toBe(true);
    const in2023 = await get<GraphResponse>("/api/graph?asOf=2023");
    expect(in2023.nodes.map((n) => n.key)).toContain("price-cut-wave");
    expect(edgeKeys(in2023)).toContain("alibaba-cloud__initiated__price-cut-wave");
  });

  it("shows the revenue known in 2022 without the 2023 figure", async () => {
    const kc = await get<NodeDetailResponse>("/api/nodes/kingsoft-cloud?asOf=2022");
    const revenue = kc.attributes.figures.find((f) => f.key === "revenue") as FigureAsOf;
    expect(revenue.points.map((p) => p.year)).toEqual([2021, 2022]);
    expect(revenue.asOf.point).toMatchObject({ year: 2022, value: 8_180_000_000 });
  });

  it("applies to neighbourhoods and paths", async () => {
    const before = await get<{ nodes: { key: string }[] }>("/api/nodes/alibaba-cloud/neighbors?asOf=2022");
    expect(before.nodes.map((n) => n.key)).not.toContain("price-cut-wave");
    await get("/api/paths?from=tencent-cloud&to=price-cut-wave&asOf=2022", 404);
    const path = await get<{ length: number }>("/api/paths?from=tencent-cloud&to=price-cut-wave&asOf=2023");
    expect(path.length).toBe(1);
  });

  it("404s a node that did not exist yet, saying the year", async () => {
    const problem = await get<{ detail: string; parameter: string }>(
      "/api/nodes/frost-sullivan-2024-evaluation?asOf=2023",
      404,
    );
    expect(problem).toMatchObject({ parameter: "key", detail: expect.stringContaining("in 2023") });
  });

  it.each(["1899", "2101", "soon", "2020.5"])("rejects asOf=%s", async (year) => {
    expect((await get<{ parameter: string }>(`/api/graph?asOf=${year}`, 400)).parameter).toBe("asOf");
  });

  it("leaves undated relations in every year, such as the 12.3 % stake", async () => {
    for (const year of [2013, 2019, 2024]) {
      const stakes = await get<EdgeListResponse>(`/api/graph?asOf=${year}&relation=holds_stake_in`);
      expect((stakes as unknown as GraphResponse).edges.map((e) => e.key)).toEqual([
        "xiaomi__holds_stake_in__kingsoft-cloud",
      ]);
    }
  });
});

describe("GET /api/timeline", () => {
  it("lists dated events in order, each with sources, from 2013 to 2024", async () => {
    const body = await get<TimelineResponse>("/api/timeline");
    expect(body.range).toEqual({ start: 2013, end: 2024 });
    const starts = body.events.map((e) => e.start ?? e.end!);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(body.events[0]).toMatchObject({
      key: "lei-jun__champions__kingsoft-cloud",
      start: 2013,
      nodes: ["lei-jun", "kingsoft-cloud"],
    });
    expect(body.events.every((e) => e.sources.length > 0)).toBe(true);
    const listing = body.events.find((e) => e.key === "kingsoft-cloud__listed_on__us-stock-market")!;
    expect(listing).toMatchObject({
      kind: "relation",
      start: 2020,
      title: "Kingsoft Cloud is listed on US stock market",
    });
    const inferred = body.events.find((e) => e.key === "alibaba-cloud__initiated__price-cut-wave")!;
    expect(inferred).toMatchObject({ start: 2023, basis: "implied", note: expect.stringContaining("last year") });
  });

  it("does not list undated facts", async () => {
    const body = await get<TimelineResponse>("/api/timeline");
    expect(body.events.map((e) => e.key)).not.toContain("xiaomi__holds_stake_in__kingsoft-cloud");
  });
});

describe("GEXF as of a year", () => {
  it("exports only what stood then, named for the year", async () => {
    const res = await getText(app, "/api/export.gexf?asOf=2019");
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/kingsoft-cloud-2019\.gexf/);
    const xml = res.body as string;
    expect(xml).not.toContain('id="kingsoft-cloud__listed_on__us-stock-market"');
    expect(xml).toContain('id="xiaomi__customer_of__kingsoft-cloud"');
    expect(xml).toContain("fig_related_party_share_2019");
    expect(xml).not.toContain("fig_revenue_2023");
  });

  it("exports byte for byte what the copied graph of that year exports: whole, by type, a neighbourhood", async () => {
    const graph = embeddedGraph();
    const year = 2019;
    const seen = copyAsOf(graph, year);
    const cases: [string, KnowledgeGraph][] = [
      [`asOf=${year}`, seen],
      [`asOf=${year}&type=company,cloud_provider`, copySelection(seen, { types: ["company", "cloud_provider"] })],
      [`asOf=${year}&center=xiaomi&depth=2`, selectSubgraph(seen, { center: "xiaomi", depth: 2, limit: 2000 })],
    ];
    for (const [query, expected] of cases) {
      const res = await getText(app, `/api/export.gexf?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.body, query).toBe(await gexfToString(expected, { description: graph.getAttribute("name") }));
    }
  });
});

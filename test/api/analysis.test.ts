/** /api/metrics and /api/nodes/:key/control through HTTP on the embedded dataset and on small made-up graphs. */
import request from "supertest";
import { describe, expect, it } from "vitest";
import { MetricsBusyError, MetricsService } from "../../server/analysis/metrics-service";
import type { ControlResponse, MetricsResponse, Problem } from "../../server/api/contract";
import type { Dataset } from "../../server/domain/dataset-schema";
import { embeddedGraph, makeDataset, makeGraph } from "../_fixtures";
import { makeApp } from "./_app";

const app = makeApp();
const get = async <T>(url: string, status = 200): Promise<T> => (await request(app).get(url).expect(status)).body as T;

describe("GET /api/metrics", () => {
  it("gives each node one field per metric asked for, named as in the query, and a summary of each", async () => {
    const body = await get<MetricsResponse>("/api/metrics?metrics=pagerank,degree,community");
    expect(body.metrics).toEqual(["pagerank", "degree", "community"]);
    expect(body.total).toBe(embeddedGraph().order);
    expect(body.nodes).toHaveLength(body.total);
    for (const row of body.nodes) expect(Object.keys(row).sort()).toEqual(["community", "degree", "key", "pagerank"]);
    const sum = body.nodes.reduce((s, row) => s + row.pagerank!, 0);
    expect(sum).toBeCloseTo(1, 9);
    const kingsoft = body.nodes.find((row) => row.key === "kingsoft-cloud")!;
    expect(kingsoft.degree).toBe(embeddedGraph().degree("kingsoft-cloud"));
    expect(body.summary.pagerank).toMatchObject({ converged: true, histogram: { bins: 20 } });
    expect(body.summary.pagerank!.histogram.counts.reduce((a, b) => a + b, 0)).toBe(body.total);
    expect(body.summary.community!.modularity).toBeGreaterThan(0.3);
    expect(body.summary.community!.sizes!.reduce((a, b) => a + b, 0)).toBe(body.total);
  });

  it("sorts by a metric, largest first, and pages", async () => {
    const all = await get<MetricsResponse>("/api/metrics?metrics=pagerank&sort=pagerank");
    const ranks = all.nodes.map((row) => row.pagerank!);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const page = await get<MetricsResponse>("/api/metrics?metrics=pagerank&sort=pagerank&limit=3&offset=2");
    expect(page.nodes).toEqual(all.nodes.slice(2, 5));
    expect(page.total).toBe(all.total);
  });

  it("gives named nodes their rows with ranks (1 = largest, ties share a rank), as the sidebar shows them", async () => {
    const all = await get<MetricsResponse>("/api/metrics?metrics=pagerank,degree,community");
    const some = await get<MetricsResponse>(
      "/api/metrics?metrics=pagerank,degree,community&nodes=xiaomi,kingsoft-cloud",
    );
    expect(some.nodes.map((r) => r.key)).toEqual(["xiaomi", "kingsoft-cloud"]);
    for (const row of some.nodes) {
      for (const metric of ["pagerank", "degree"] as const) {
        const larger = all.nodes.filter((other) => other[metric]! > row[metric]!).length;
        expect(row.ranks![metric]).toBe(larger + 1);
      }
      expect(row.ranks).not.toHaveProperty("community"); // a group number has no rank
    }
    expect((await get<Problem>("/api/metrics?metrics=degree&nodes=xiaomi,nobody", 404)).parameter).toBe("nodes");
  });

  it("filters by type, relation and year like the rest of the API", async () => {
    const people = await get<MetricsResponse>("/api/metrics?metrics=degree&type=person,company");
    const graph = embeddedGraph();
    const kept = graph.filterNodes((_k, a) => a.type === "person" || a.type === "company");
    expect(people.nodes.map((r) => r.key).sort()).toEqual(kept.sort());
    const stakes = await get<MetricsResponse>("/api/metrics?metrics=outDegree&relation=holds_stake_in");
    expect(stakes.nodes.find((r) => r.key === "xiaomi")!.outDegree).toBe(
      graph.outEdges("xiaomi").filter((e) => graph.getEdgeAttribute(e, "relation") === "holds_stake_in").length,
    );
    const in2019 = await get<MetricsResponse>("/api/metrics?metrics=degree&asOf=2019");
    expect(in2019.nodes.map((r) => r.key)).not.toContain("price-cut-wave");
  });

  it("rejects a missing or unknown metric with a 400 naming the parameter and the allowed values", async () => {
    const missing = await get<Problem>("/api/metrics", 400);
    expect(missing.parameter).toBe("metrics");
    const unknown = await get<Problem>("/api/metrics?metrics=pagerank,fame", 400);
    expect(unknown).toMatchObject({ parameter: "metrics", detail: expect.stringContaining("fame") });
    expect(unknown.allowed).toContain("betweenness");
    expect((await get<Problem>("/api/metrics?metrics=degree&sort=fame", 400)).parameter).toBe("sort");
  });

  it("computes once per filter: a second request is answered from the cache", async () => {
    const service = new MetricsService(embeddedGraph());
    const first = await service.metrics({}, ["pagerank"]);
    const second = await service.metrics({}, ["pagerank"]);
    expect(second.results.get("pagerank")).toBe(first.results.get("pagerank"));
    await service.close();
  });

  it("says busy rather than queueing work without end", async () => {
    const service = new MetricsService(embeddedGraph(), { queueSize: 1 });
    const running = service.metrics({}, ["betweenness"]);
    await expect(service.metrics({ asOf: 2020 }, ["betweenness"])).rejects.toBeInstanceOf(MetricsBusyError);
    await running;
    await service.close();
  });
});

describe("GET /api/nodes/:key/control", () => {
  it("Xiaomi holds 12.3 % of Kingsoft Cloud (¶38), which is part of Kingsoft Group (¶39, implied); Lei Jun holds offices on both sides (¶38)", async () => {
    const body = await get<ControlResponse>("/api/nodes/kingsoft-cloud/control");
    const owners = Object.fromEntries(body.owners.map((o) => [o.key, o]));
    expect(Object.keys(owners).sort()).toEqual(["kingsoft-group", "xiaomi"]);
    expect(owners.xiaomi).toMatchObject({
      share: { min: 12.3, max: 12.3 },
      chains: [{ edges: ["xiaomi__holds_stake_in__kingsoft-cloud"] }],
    });
    // A parent gives no share: the chain is there, its share unknown.
    expect(owners["kingsoft-group"]).toMatchObject({
      share: null,
      chains: [{ nodes: ["kingsoft-group", "kingsoft-cloud"], shares: [null] }],
    });
    expect(body.ultimateOwners.sort()).toEqual(["kingsoft-group", "xiaomi"]);
    const leiJun = body.people.find((p) => p.person === "lei-jun")!;
    expect(leiJun.roles.map((r) => r.entity).sort()).toEqual(["kingsoft-cloud", "xiaomi"]);
    expect(leiJun.roles.find((r) => r.entity === "kingsoft-cloud")!.relations).toEqual(["chairs"]);
    // Cui Baoqiu is a vice president of Xiaomi only: one side, no tie.
    expect(body.people.map((p) => p.person)).not.toContain("cui-baoqiu");
  });

  it("multiplies stakes along each chain and adds the chains up, without looping on a cycle", async () => {
    // a holds 50 % of b, b 40 % of c, a 10 % of c directly, c 5 % of a (a cycle), e owns d outright.
    const stake = (source: string, target: string, value: number) => ({
      source,
      target,
      relation: "holds_stake_in" as const,
      description: "stake",
      basis: "stated" as const,
      sources: [{ document: "doc", paragraph: 2 }],
      figures: [
        {
          key: "stake",
          label: "Stake",
          unit: "percent" as const,
          points: [{ value, basis: "stated" as const, sources: [{ document: "doc", paragraph: 2 }] }],
        },
      ],
    });
    const base = makeDataset();
    const dataset: Dataset = {
      ...base,
      edges: [stake("a", "b", 50), stake("b", "c", 40), stake("a", "c", 10), stake("c", "a", 5)],
    };
    const local = makeApp({ graph: makeGraph(dataset) });
    const body = (await request(local).get("/api/nodes/c/control").expect(200)).body as ControlResponse;
    const a = body.owners.find((o) => o.key === "a")!;
    expect(a.chains.map((c) => c.nodes.join(">")).sort()).toEqual(["a>b>c", "a>c"]);
    expect(a.share!.min).toBeCloseTo(30, 9);
    expect(body.holdings.map((h) => h.key).sort()).toEqual(["a", "b"]);
    expect(body.ultimateOwners).toEqual([]); // every owner is owned in turn (the cycle)
    expect(body.truncated).toBe(false);
  });

  it("answers 404 for an unknown node and 400 for a bad year", async () => {
    expect((await get<Problem>("/api/nodes/nobody/control", 404)).parameter).toBe("key");
    expect((await get<Problem>("/api/nodes/xiaomi/control?asOf=3000", 400)).parameter).toBe("asOf");
  });
});

/**
 * The analysis metrics against networkx 3 on the same graphs: the embedded dataset and a generated
 * multigraph with parallel links, self-loops and isolated nodes. networkx builds a MultiDiGraph from the
 * very links our adjacency holds (test/analysis/_networkx-metrics.py).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { arraysOf, buildAdjacency, fromLinks, type AdjacencyArrays } from "../../server/analysis/adjacency";
import { betweenness } from "../../server/analysis/algorithms/betweenness";
import { distinctOut } from "../../server/analysis/algorithms/distinct";
import { chooseSources } from "../../server/analysis/algorithms/sampling";
import { computeMetrics, type MetricResult } from "../../server/analysis/compute";
import type { Metric } from "../../server/analysis/metric-names";
import { seededRandom } from "../../server/graph/layout";
import { embeddedGraph } from "../_fixtures";
import { networkx3 } from "../gexf/_readers";

const SCRIPT = fileURLToPath(new URL("./_networkx-metrics.py", import.meta.url));
const python = networkx3();
const ALL: Metric[] = ["pagerank", "betweenness", "closeness", "core", "component", "community", "hub", "authority"];

interface Reference {
  pagerank: number[];
  betweenness: number[];
  closeness: number[];
  core: number[];
  components: number[][];
  louvainModularity: number;
  ourModularity: number;
  hubs: number[] | null;
  authorities: number[] | null;
}

function reference(a: AdjacencyArrays, partition: ArrayLike<number>): Reference {
  if (!python.ok) throw new Error(python.reason);
  const links: number[][] = [];
  for (let i = 0; i < a.order; i++)
    for (let e = a.outStart[i]!; e < a.outStart[i + 1]!; e++) links.push([i, a.outTargets[e]!, a.outWeights[e]!]);
  const input = JSON.stringify({ nodes: a.order, links, partition: Array.from(partition) });
  const run = spawnSync(python.python, [SCRIPT], { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Reference;
}

/** A seeded random multigraph: skewed endpoints, some parallel links, self-loops, and a few isolated nodes. */
function generated(order: number, links: number, seed: number): AdjacencyArrays {
  const random = seededRandom(seed);
  const pick = () => Math.floor(order * random() ** 2);
  const sources: number[] = [];
  const targets: number[] = [];
  for (let e = 0; e < links; e++) {
    const s = pick();
    const t = e % 97 === 0 ? s : pick();
    sources.push(s, ...(e % 13 === 0 ? [s] : []));
    targets.push(t, ...(e % 13 === 0 ? [t] : []));
  }
  const keys = Array.from({ length: order }, (_, i) => `n${i}`);
  return arraysOf(
    fromLinks(
      keys,
      sources,
      targets,
      sources.map(() => 1),
    ),
  );
}

const maxDifference = (ours: ArrayLike<number>, theirs: number[]) =>
  Math.max(...theirs.map((v, i) => Math.abs(v - ours[i]!)));

describe.skipIf(!python.ok)(`metrics against networkx (${python.ok ? python.version : python.reason})`, () => {
  const cases: [string, () => Promise<AdjacencyArrays>][] = [
    ["the embedded dataset", async () => arraysOf(await buildAdjacency(embeddedGraph()))],
    ["a generated 600-node multigraph", async () => generated(600, 2400, 7)],
  ];
  for (const [name, build] of cases) {
    describe(name, () => {
      let a: AdjacencyArrays;
      let ours: Map<Metric, MetricResult>;
      let nx: Reference;
      beforeAll(async () => {
        a = await build();
        ours = computeMetrics(a, ALL);
        nx = reference(a, ours.get("community")!.values);
      });

      // networkx's default tolerance (1e-6 × n on the summed change) can stop far from the fixed point (up to
      // 9e-4 on the generated graph), so both are run to convergence and compared there.
      it("PageRank treats each relation as one link (parallel ones add up): within 1e-6 of networkx.pagerank", () => {
        expect(maxDifference(ours.get("pagerank")!.values, nx.pagerank)).toBeLessThan(1e-6);
      });

      it("betweenness equals networkx.betweenness_centrality", () => {
        expect(ours.get("betweenness")!.notes.exact).toBe(true);
        expect(maxDifference(ours.get("betweenness")!.values, nx.betweenness)).toBeLessThan(1e-12);
      });

      it("closeness equals networkx.closeness_centrality (incoming distances, Wasserman-Faust)", () => {
        expect(maxDifference(ours.get("closeness")!.values, nx.closeness)).toBeLessThan(1e-12);
      });

      it("core numbers equal networkx.core_number on the undirected simple graph", () => {
        expect(Array.from(ours.get("core")!.values)).toEqual(nx.core);
      });

      it("components are networkx's weakly connected components, largest first", () => {
        const of = ours.get("component")!.values;
        const groups = new Map<number, number[]>();
        of.forEach((c, i) => groups.set(c, [...(groups.get(c) ?? []), i]));
        const mine = [...groups].sort((x, y) => x[0] - y[0]).map(([, members]) => members);
        expect(mine.map((g) => g.length)).toEqual(nx.components.map((g) => g.length));
        expect(new Set(mine.map((g) => g.join()))).toEqual(new Set(nx.components.map((g) => g.join())));
      });

      it("HITS hubs and authorities match networkx.hits", () => {
        if (!nx.hubs || !nx.authorities) return; // networkx found no unique answer; nothing to compare
        expect(maxDifference(ours.get("hub")!.values, nx.hubs)).toBeLessThan(1e-6);
        expect(maxDifference(ours.get("authority")!.values, nx.authorities)).toBeLessThan(1e-6);
      });

      it("Louvain's modularity is at least networkx's louvain_communities' minus 0.01, as networkx measures it", () => {
        const { modularity } = ours.get("community")!.notes;
        expect(modularity).toBeCloseTo(nx.ourModularity, 9);
        expect(nx.ourModularity).toBeGreaterThanOrEqual(nx.louvainModularity - 0.01);
      });
    });
  }
});

describe("sampled betweenness", () => {
  it("estimates from a seeded sample of sources, within a few standard errors of the exact values", () => {
    const a = generated(600, 2400, 11);
    const rows = distinctOut(a);
    const exact = betweenness(rows, chooseSources(a.order, rows.next.length));
    const sources = chooseSources(a.order, rows.next.length, 100 * (a.order + rows.next.length));
    expect(sources.exact).toBe(false);
    expect(sources.nodes.length).toBe(100);
    const sampled = betweenness(rows, sources);
    expect(sampled.exact).toBe(false);
    const top = Array.from(exact.values.keys())
      .sort((x, y) => exact.values[y]! - exact.values[x]!)
      .slice(0, 20);
    for (const v of top) {
      expect(sampled.standardErrors[v]).toBeGreaterThan(0);
      expect(Math.abs(sampled.values[v]! - exact.values[v]!)).toBeLessThan(5 * sampled.standardErrors[v]!);
    }
    // The same seed gives the same estimate: another process answers alike.
    expect(
      betweenness(rows, chooseSources(a.order, rows.next.length, 100 * (a.order + rows.next.length))).values,
    ).toEqual(sampled.values);
  });
});

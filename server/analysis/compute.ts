/**
 * Runs the asked-for metrics over one adjacency and summarises each: the work a metrics request does, in a
 * worker thread (see metrics-worker.ts) so the server keeps answering meanwhile.
 */
import type { AdjacencyArrays } from "./adjacency";
import { betweenness } from "./algorithms/betweenness";
import { closeness } from "./algorithms/closeness";
import { weaklyConnectedComponents } from "./algorithms/components";
import { degrees } from "./algorithms/degree";
import { distinctEither, distinctIn, distinctOut } from "./algorithms/distinct";
import { hits } from "./algorithms/hits";
import { coreNumbers } from "./algorithms/k-core";
import { louvainCommunities } from "./algorithms/louvain";
import { pagerank } from "./algorithms/pagerank";
import { chooseSources } from "./algorithms/sampling";
import type { Metric } from "./metric-names";

export type MetricValues = Float64Array | Uint32Array;

/** How a metric was computed: enough for a reader to judge the numbers. */
export interface MetricNotes {
  iterations?: number;
  converged?: boolean;
  /** Path-based measures: exact over every source, or estimated from `sources` sampled ones. */
  exact?: boolean;
  sources?: number;
  /** Betweenness estimated from a sample: the largest and the median per-node standard error. */
  standardError?: { max: number; median: number };
  /** Group metrics: how many groups, their sizes (largest first, at most 50), and modularity for communities. */
  groups?: number;
  sizes?: number[];
  modularity?: number;
}

export interface MetricResult {
  values: MetricValues;
  notes: MetricNotes;
}

export function computeMetrics(a: AdjacencyArrays, metrics: readonly Metric[]): Map<Metric, MetricResult> {
  const asked = new Set(metrics);
  const results = new Map<Metric, MetricResult>();
  const put = (metric: Metric, values: MetricValues, notes: MetricNotes = {}) => {
    if (asked.has(metric)) results.set(metric, { values, notes });
  };
  const wants = (...names: Metric[]) => names.some((name) => asked.has(name));

  if (wants("degree", "inDegree", "outDegree", "weightedDegree", "weightedInDegree", "weightedOutDegree")) {
    const d = degrees(a);
    put("inDegree", d.inDegree);
    put("outDegree", d.outDegree);
    put("degree", sum(d.inDegree, d.outDegree));
    put("weightedInDegree", d.weightedInDegree);
    put("weightedOutDegree", d.weightedOutDegree);
    put("weightedDegree", sum(d.weightedInDegree, d.weightedOutDegree));
  }
  if (wants("pagerank")) {
    const { values, iterations, converged } = pagerank(a);
    put("pagerank", values, { iterations, converged });
  }
  if (wants("hub", "authority")) {
    const { hubs, authorities, iterations, converged } = hits(a);
    put("hub", hubs, { iterations, converged });
    put("authority", authorities, { iterations, converged });
  }
  const out = wants("betweenness", "closeness") ? distinctOut(a) : undefined;
  if (out && wants("betweenness")) {
    const found = betweenness(out, chooseSources(a.order, out.next.length));
    const standardError = found.exact ? undefined : spread(found.standardErrors);
    put("betweenness", found.values, { exact: found.exact, sources: found.sources, standardError });
  }
  if (out && wants("closeness")) {
    const sources = chooseSources(a.order, out.next.length);
    put("closeness", closeness(out, distinctIn(a), sources), { exact: sources.exact, sources: sources.nodes.length });
  }
  const either = wants("component", "core") ? distinctEither(a) : undefined;
  if (either && wants("component")) {
    const { of, sizes } = weaklyConnectedComponents(either);
    put("component", of, { groups: sizes.length, sizes: sizes.slice(0, 50) });
  }
  if (either && wants("core")) put("core", coreNumbers(either));
  if (wants("community")) {
    const { of, sizes, modularity } = louvainCommunities(a);
    put("community", of, { groups: sizes.length, sizes: sizes.slice(0, 50), modularity });
  }
  return results;
}

function sum(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((value, i) => value + b[i]!);
}

function spread(errors: Float64Array): { max: number; median: number } {
  const sorted = Float64Array.from(errors).sort();
  return { max: sorted[sorted.length - 1] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0 };
}

/** Metrics as GEXF node columns (`metric_pagerank`, "PageRank"), so Gephi can size, colour and filter by them. */
import type { NodeMetricColumns } from "../gexf/write-gexf";
import type { MetricResult } from "./compute";
import { METRIC_INFO, type Metric } from "./metric-names";

/** Counts and group numbers are whole numbers; the rest are measures. */
const INTEGER_METRICS: ReadonlySet<Metric> = new Set([
  "degree",
  "inDegree",
  "outDegree",
  "component",
  "core",
  "community",
]);

export function metricColumns(
  keys: readonly string[],
  results: ReadonlyMap<Metric, MetricResult>,
  metrics: readonly Metric[],
): NodeMetricColumns {
  const position = new Map(keys.map((key, i) => [key, i]));
  const values = metrics.map((metric) => results.get(metric)!.values);
  return {
    columns: metrics.map((metric) => ({
      id: `metric_${metric}`,
      title: METRIC_INFO[metric].label,
      type: INTEGER_METRICS.has(metric) ? "integer" : "double",
    })),
    valuesOf(key) {
      const i = position.get(key);
      return i === undefined ? undefined : values.map((column) => column[i]);
    },
  };
}

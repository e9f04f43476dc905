/** What a metrics answer says about each metric as a whole: its range, mean and shape, and how it was computed. */
import type { MetricNotes, MetricValues } from "./compute";
import { GROUP_METRICS, type Metric } from "./metric-names";

export interface MetricSummary extends MetricNotes {
  min: number;
  max: number;
  mean: number;
  /** Equal-width bins from min to max; `counts[i]` nodes fall in bin i (the last bin includes max). */
  histogram: { bins: number; counts: number[] };
}

const BINS = 20;

export function summarise(metric: Metric, values: MetricValues, notes: MetricNotes): MetricSummary {
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    total += v;
  }
  const n = values.length;
  if (n === 0) return { ...notes, min: 0, max: 0, mean: 0, histogram: { bins: 0, counts: [] } };
  // Group numbers are labels: their "histogram" is the group sizes, already in the notes.
  const counts = (GROUP_METRICS as readonly Metric[]).includes(metric) ? [] : histogram(values, min, max);
  return { ...notes, min, max, mean: total / n, histogram: { bins: counts.length, counts } };
}

function histogram(values: MetricValues, min: number, max: number): number[] {
  const counts = new Array<number>(BINS).fill(0);
  const width = (max - min) / BINS;
  for (const v of values) counts[width > 0 ? Math.min(BINS - 1, Math.floor((v - min) / width)) : 0]!++;
  return counts;
}

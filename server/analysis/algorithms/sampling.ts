/**
 * Which sources the path-based measures start from: every node while the work fits the budget, else a
 * seeded sample, so two processes on the same data give the same estimate.
 */
import { seededRandom } from "../../graph/layout";

export interface Sources {
  nodes: Uint32Array;
  exact: boolean;
}

/** Visits (nodes + links walked) one measure may spend; about a few seconds of one core. */
export const PATH_WORK_BUDGET = 50_000_000;
export const MIN_SAMPLES = 64;

export function chooseSources(order: number, links: number, budget = PATH_WORK_BUDGET, seed = 1): Sources {
  const perSource = order + links;
  if (order * perSource <= budget) return { nodes: Uint32Array.from({ length: order }, (_, i) => i), exact: true };
  const k = Math.min(order, Math.max(MIN_SAMPLES, Math.floor(budget / perSource)));
  // Partial Fisher-Yates over the node indices with a seeded generator.
  const pool = Uint32Array.from({ length: order }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (order - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return { nodes: pool.slice(0, k), exact: k === order };
}

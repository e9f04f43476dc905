/** The worker thread's side: computes what it is sent and posts the values back, their buffers transferred. */
import { parentPort } from "node:worker_threads";
import type { AdjacencyArrays } from "./adjacency";
import { computeMetrics, type MetricResult } from "./compute";
import type { Metric } from "./metric-names";

export interface MetricsJob {
  id: number;
  arrays: AdjacencyArrays;
  metrics: Metric[];
}

export type MetricsReply =
  { id: number; ok: true; results: [Metric, MetricResult][] } | { id: number; ok: false; error: string };

parentPort!.on("message", ({ id, arrays, metrics }: MetricsJob) => {
  let reply: MetricsReply;
  try {
    reply = { id, ok: true, results: [...computeMetrics(arrays, metrics)] };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const buffers = reply.ok ? reply.results.map(([, r]) => r.values.buffer as ArrayBuffer) : [];
  parentPort!.postMessage(reply, buffers);
});

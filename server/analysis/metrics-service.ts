/**
 * Metrics for one graph, computed lazily and cached per filter: the adjacency is built on the main thread in
 * slices (the server keeps answering), the algorithms run in one worker thread, one job at a time, and a
 * bounded queue says "busy" beyond it rather than letting work pile up.
 */
import { Worker } from "node:worker_threads";
import type { KnowledgeGraph } from "../graph/attributes";
import { arraysOf, buildAdjacency, type AnalysisFilter } from "./adjacency";
import type { MetricResult } from "./compute";
import type { Metric } from "./metric-names";
import type { MetricsJob, MetricsReply } from "./metrics-worker";

export interface MetricsAnswer {
  keys: readonly string[];
  results: Map<Metric, MetricResult>;
  /** A node's rank by a metric: 1 for the largest value, values that tie share a rank. */
  rank(metric: Metric, value: number): number;
}

/** Thrown when more jobs wait than the queue holds; the route answers 503 with Retry-After. */
export class MetricsBusyError extends Error {}

export interface MetricsServiceOptions {
  /** Filters whose results are kept (least recently used dropped first). */
  cacheSize?: number;
  /** Jobs in flight at once, the running one included; more are refused as busy. */
  queueSize?: number;
}

interface Entry extends MetricsAnswer {
  /** Each metric's values sorted from the largest, made when a rank is first asked for. */
  sorted: Map<Metric, Float64Array>;
}

function newEntry(): Entry {
  const entry: Entry = {
    keys: [],
    results: new Map(),
    sorted: new Map(),
    rank(metric, value) {
      let sorted = entry.sorted.get(metric);
      if (!sorted) {
        sorted = Float64Array.from(entry.results.get(metric)!.values).sort().reverse();
        entry.sorted.set(metric, sorted);
      }
      // Binary search for how many values are larger.
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (sorted[middle]! > value) low = middle + 1;
        else high = middle;
      }
      return low + 1;
    },
  };
  return entry;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class MetricsService {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<number, (reply: MetricsReply) => void>();
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private readonly cacheSize: number;
  private readonly queueSize: number;

  constructor(
    private readonly graph: KnowledgeGraph,
    options: MetricsServiceOptions = {},
  ) {
    this.cacheSize = options.cacheSize ?? 8;
    this.queueSize = options.queueSize ?? 4;
  }

  async metrics(filter: AnalysisFilter, metrics: readonly Metric[]): Promise<MetricsAnswer> {
    const id = filterKey(filter);
    const cached = this.cache.get(id);
    const missing = metrics.filter((m) => !cached?.results.has(m));
    if (cached && missing.length === 0) {
      this.touch(id, cached);
      return cached;
    }
    if (this.waiting >= this.queueSize) throw new MetricsBusyError("metrics are being computed for other requests");
    this.waiting++;
    const job = this.queue.then(() => this.compute(id, filter, metrics));
    this.queue = job.catch(() => {});
    try {
      return await job;
    } finally {
      this.waiting--;
    }
  }

  /** Starts the worker thread ahead of the first request (the server does, once it listens). */
  warmUp(): void {
    this.ensureWorker();
  }

  /** Stops the worker; the service starts a new one if asked again. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private async compute(id: string, filter: AnalysisFilter, metrics: readonly Metric[]): Promise<Entry> {
    // Another job may have computed these meanwhile.
    const entry = this.cache.get(id) ?? newEntry();
    const missing = metrics.filter((m) => !entry.results.has(m));
    if (missing.length > 0) {
      const adjacency = await buildAdjacency(this.graph, filter, yieldToEventLoop);
      const reply = await this.run({ id: this.nextId++, arrays: arraysOf(adjacency), metrics: missing });
      if (!reply.ok) throw new Error(`metrics worker: ${reply.error}`);
      for (const [metric, result] of reply.results) entry.results.set(metric, result);
      entry.keys = adjacency.keys;
    }
    this.touch(id, entry);
    return entry;
  }

  private run(job: MetricsJob): Promise<MetricsReply> {
    const worker = this.ensureWorker();
    return new Promise((resolve) => {
      this.pending.set(job.id, resolve);
      worker.postMessage(job);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./metrics-worker-boot.mjs", import.meta.url));
    worker.unref();
    worker.on("message", (reply: MetricsReply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    const fail = (error: string) => {
      for (const [id, resolve] of this.pending) resolve({ id, ok: false, error });
      this.pending.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on("error", (error) => fail(error.message));
    worker.on("exit", (code) => fail(`exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private touch(id: string, entry: Entry): void {
    this.cache.delete(id);
    this.cache.set(id, entry);
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }
}

function filterKey({ types, relations, asOf }: AnalysisFilter): string {
  return JSON.stringify([[...(types ?? [])].sort(), [...(relations ?? [])].sort(), asOf ?? null]);
}

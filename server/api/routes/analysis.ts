/**
 * Analysis: network metrics per node (centralities, components, cores, communities), computed on demand and
 * cached, and the control chains around one entity.
 */
import type { Response, Router } from "express";
import { control } from "../../analysis/control";
import type { AnalysisFilter } from "../../analysis/adjacency";
import { MetricsBusyError, type MetricsAnswer, type MetricsService } from "../../analysis/metrics-service";
import { summarise } from "../../analysis/summary";
import { GROUP_METRICS, type Metric } from "../../analysis/metric-names";
import type { ApiContext } from "../context";
import type { ControlResponse, MetricRow, MetricsResponse } from "../contract";
import { HttpError, NotFoundError } from "../errors";
import { sendJson } from "../send-json";
import { validate } from "../validate";
import { requireNode } from "../views";

/** Seconds a client is asked to wait when every metrics slot is taken. */
const RETRY_AFTER_SECONDS = 5;

/** The service's answer, or a 503 problem with Retry-After when every metrics slot is taken. */
export async function metricsOrBusy(
  res: Response,
  analysis: MetricsService,
  filter: AnalysisFilter,
  metrics: readonly Metric[],
): Promise<MetricsAnswer> {
  try {
    return await analysis.metrics(filter, metrics);
  } catch (error) {
    if (!(error instanceof MetricsBusyError)) throw error;
    res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    throw new HttpError(503, "Busy", `${error.message}; try again in ${RETRY_AFTER_SECONDS} s`);
  }
}

export function registerAnalysisRoutes(router: Router, { graph, analysis, schemas }: ApiContext): void {
  router.get("/metrics", async (req, res) => {
    const query = validate(schemas.metrics, req.query);
    const asked = [...new Set(query.metrics)];
    const filter = { types: query.type, relations: query.relation, asOf: query.asOf };
    const answer = await metricsOrBusy(
      res,
      analysis,
      filter,
      query.sort ? [...new Set([...asked, query.sort])] : asked,
    );
    const { keys, results } = answer;
    let order = Array.from(keys, (_, i) => i);
    if (query.nodes) {
      const unknown = query.nodes.find((key) => !graph.hasNode(key));
      if (unknown !== undefined) throw new NotFoundError(`no node "${unknown.slice(0, 100)}"`, "nodes");
      const position = new Map(keys.map((key, i) => [key, i]));
      // A node the filters leave out has no row.
      order = query.nodes.flatMap((key) => (position.has(key) ? [position.get(key)!] : []));
    }
    if (query.sort) {
      const values = results.get(query.sort)!.values;
      order.sort((a, b) => values[b]! - values[a]! || (keys[a]! < keys[b]! ? -1 : 1));
    }
    order = order.slice(query.offset, query.offset + query.limit);
    const rows = order.map((i) => {
      const row: MetricRow = { key: keys[i]! };
      for (const metric of asked) row[metric] = results.get(metric)!.values[i]!;
      if (query.nodes) {
        const ranked = asked.filter((metric) => !(GROUP_METRICS as readonly Metric[]).includes(metric));
        row.ranks = Object.fromEntries(ranked.map((metric) => [metric, answer.rank(metric, row[metric]!)]));
      }
      return row;
    });
    const body: MetricsResponse = {
      metrics: asked,
      total: keys.length,
      nodes: rows,
      summary: Object.fromEntries(
        asked.map((metric) => {
          const { values, notes } = results.get(metric)!;
          return [metric, summarise(metric, values, notes)];
        }),
      ),
    };
    sendJson(res, body);
  });

  router.get("/nodes/:key/control", (req, res) => {
    const { key } = validate(schemas.nodeParams, req.params);
    const { asOf } = validate(schemas.nodeDetail, req.query);
    const body: ControlResponse = control(graph, requireNode(graph, key, "key"), { asOf });
    sendJson(res, body);
  });
}

/** GEXF download (1.3, `?version=1.2draft` for older readers, `?dynamic=true` for Gephi's timeline), streamed as written. */
import type { Response, Router } from "express";
import { writeGexf } from "../../gexf/write-gexf";
import { selectSubgraph } from "../../graph/select";
import { GraphFilter } from "../../graph/filter";
import { metricColumns } from "../../analysis/export-columns";
import type { Metric } from "../../analysis/metric-names";
import type { NodeType, Relation } from "../../domain/vocabulary";
import type { ApiContext } from "../context";
import { metricsOrBusy } from "./analysis";
import { ValidationError } from "../errors";
import { validate } from "../validate";
import { requireNode } from "../views";

export function registerExportRoutes(router: Router, context: ApiContext): void {
  const { graph, datasetName, schemas, limits } = context;
  router.get("/export.gexf", async (req, res) => {
    const { type, relation, center, depth, direction, version, asOf, dynamic, metrics } = validate(
      schemas.exportGexf,
      req.query,
    );
    if (dynamic && version !== "1.3")
      throw new ValidationError("dynamic", "dynamic=true needs version=1.3 (1.2draft has no dynamic export)");
    if (dynamic && asOf !== undefined)
      throw new ValidationError("dynamic", "dynamic=true holds every year: leave out asOf");
    // Without a center only the documented defaults (depth 1, direction both) are accepted: they change nothing.
    if (center === undefined && (depth !== 1 || direction !== "both")) {
      throw new ValidationError(
        depth !== 1 ? "depth" : "direction",
        "depth and direction apply only with center (without it, only depth=1 and direction=both are accepted)",
      );
    }
    if (center !== undefined) requireNode(graph, center, "center", asOf);
    // A neighbourhood is small: it is selected first. Anything else is the whole graph through a filter.
    const selected =
      center === undefined
        ? graph
        : selectSubgraph(graph, {
            center,
            types: type,
            relations: relation,
            depth,
            direction,
            asOf,
            limit: limits.maxNeighbors,
          });
    const filter =
      center === undefined ? new GraphFilter(graph, { types: type, relations: relation, asOf }) : undefined;
    // Metrics are computed before the first byte, so that "busy" can still be a 503.
    const nodeMetrics =
      metrics && req.method !== "HEAD"
        ? await exportMetrics(res, context, metrics, { type, relation, asOf })
        : undefined;
    res.status(200);
    res.attachment(exportFileName(datasetName, center, depth, asOf));
    res.type("application/gexf+xml; charset=utf-8");
    if (req.method === "HEAD") return void res.end(); // the headers say all HEAD asks; the body is not built
    await writeGexf(selected, res, {
      description: graph.getAttribute("name"),
      version,
      dynamic,
      filter,
      nodeMetrics,
    });
    res.end();
  });
}

/** The metrics of the graph the export's filters give (all of it, for a neighbourhood), as GEXF columns. */
async function exportMetrics(
  res: Response,
  { analysis }: ApiContext,
  metrics: Metric[],
  { type, relation, asOf }: { type?: NodeType[]; relation?: Relation[]; asOf?: number },
) {
  const asked = [...new Set(metrics)];
  const { keys, results } = await metricsOrBusy(res, analysis, { types: type, relations: relation, asOf }, asked);
  return metricColumns(keys, results, asked);
}

/** `kingsoft-cloud.gexf`, `kingsoft-cloud-lei-jun-2.gexf` for a neighbourhood, `-2019` added for a year. */
export function exportFileName(datasetName: string, center: string | undefined, depth: number, asOf?: number): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "graph";
  const parts = [
    slug(datasetName),
    ...(center === undefined ? [] : [slug(center), String(depth)]),
    ...(asOf === undefined ? [] : [String(asOf)]),
  ];
  return `${parts.join("-")}.gexf`;
}

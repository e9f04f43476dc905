/**
 * How many requests of each class may run at once. Whole-graph answers (the graph, its export, the overview,
 * the timeline, metrics) take seconds and memory on a big graph; queries (neighbourhoods, paths, search,
 * lists) take milliseconds each but add up. Beyond its class's limit a request gets a 503 problem+json with
 * `Retry-After` at once instead of queueing, so the light routes (health, schema, the OpenAPI document) are
 * never stuck behind a pile of heavy work.
 */
import type { RequestHandler } from "express";
import { HttpError } from "./errors";

export type RouteClass = "whole" | "query" | "light";

export interface AdmissionLimits {
  /** Whole-graph requests at once. */
  whole: number;
  /** Queries at once. */
  query: number;
  /** Seconds a refused client is asked to wait. */
  retryAfter: number;
}

export const DEFAULT_ADMISSION: AdmissionLimits = { whole: 4, query: 16, retryAfter: 2 };

const LIGHT = new Set(["/health", "/schema", "/openapi.json"]);
const WHOLE = new Set(["/graph", "/export.gexf", "/overview", "/timeline", "/metrics"]);

/** The class of an /api path (as the API router sees it, without /api). */
export const routeClass = (path: string): RouteClass =>
  LIGHT.has(path) ? "light" : WHOLE.has(path) ? "whole" : "query";

/** Counts requests in flight per class, from arrival until the response is closed (sent, or the client gone). */
export function admission(limits: AdmissionLimits = DEFAULT_ADMISSION): RequestHandler {
  const running: Record<RouteClass, number> = { whole: 0, query: 0, light: 0 };
  return (req, res, next) => {
    const kind = routeClass(req.path);
    if (kind === "light") return next();
    if (running[kind] >= limits[kind]) {
      res.setHeader("Retry-After", String(limits.retryAfter));
      throw new HttpError(
        503,
        "Busy",
        `${limits[kind]} ${kind === "whole" ? "whole-graph requests" : "queries"} are running; try again in ${limits.retryAfter} s`,
      );
    }
    running[kind]++;
    res.once("close", () => running[kind]--);
    next();
  };
}

/**
 * Builds the Express app around a graph: the JSON API under /api and the built client at /. It never
 * listens; server/index.ts does, and tests drive it in-process.
 */
import { existsSync } from "node:fs";
import { IncomingMessage, ServerResponse, type ServerOptions } from "node:http";
import path from "node:path";
import compression from "compression";
import express, { Router, type Express, type RequestHandler } from "express";
import { MetricsService } from "../analysis/metrics-service";
import type { KnowledgeGraph } from "../graph/attributes";
import { SearchIndex } from "../graph/search-index";
import type { ApiContext } from "./context";
import { HttpError, notFoundHandler, problemHandler } from "./errors";
import { precompressedAssets } from "./precompressed-assets";
import { requestLog, stdoutLog } from "./request-log";
import { corsPolicy, securityHeaders } from "./security";
import { DEFAULT_LIMITS, requestSchemas, type Limits } from "./request-schemas";
import { registerAnalysisRoutes } from "./routes/analysis";
import { registerEdgeRoutes } from "./routes/edges";
import { registerExportRoutes } from "./routes/export";
import { registerGraphRoutes } from "./routes/graph";
import { registerMetaRoutes } from "./routes/meta";

import { registerNodeRoutes } from "./routes/nodes";
import { registerOverviewRoutes } from "./routes/overview";
import { registerPathRoutes } from "./routes/paths";
import { registerSearchRoutes } from "./routes/search";

export interface AppOptions {
  graph: KnowledgeGraph;
  /** Shown by /api/health and used for export file names. */
  datasetName?: string;
  /** The dataset's content hash (`loadDatasetFile`'s sha256), for ETags; without it they last one process. */
  datasetVersion?: string;
  limits?: Partial<Limits>;
  /** Where request and error lines go; default stdout, written once per turn of the event loop. */
  log?: (line: string) => void;
  /** Folder of the built client; omitted or missing means API only. */
  clientDir?: string;
  /** Origins allowed to call the API cross-site; none by default. */
  corsOrigins?: string[];
  /** Graphs with more nodes than this open on an overview (`/api/overview`); default 20000. */
  overviewAbove?: number;
}

export const API_VERSION = "0.1.0";

/**
 * Request-header limit for the HTTP server (Node's default is 16 KiB). Large enough that a long query
 * reaches the app and gets a problem+json naming the parameter, instead of Node's bare 431.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;

/**
 * Options for the `node:http` server that runs `app` (server/index.ts and the API benchmark use them): the
 * header limit, and request and response classes whose objects are born with the app's prototypes.
 *
 * Express 5 re-parents every request and response with `Object.setPrototypeOf(req, app.request)` (and the same
 * for res). In V8 that costs far more than the call: the objects of each request then survive the young-
 * generation GC and are promoted, so every scavenge copies megabytes, and the more so the larger the heap
 * holding the graph. Measured on a trivial route: about 3 MB promoted per scavenge and ~110 µs CPU per
 * request, against ~2 KB and ~30 µs when the prototype is already right, which makes Express's call a no-op.
 */
export function serverOptions(app: Express): ServerOptions {
  return {
    maxHeaderSize: MAX_HEADER_BYTES,
    IncomingMessage: bornWith(IncomingMessage, app.request),
    ServerResponse: bornWith(ServerResponse, app.response),
  };
}

/**
 * A constructor of `base`'s objects whose prototype is `prototype` from the start. Node's http classes are
 * ES5 constructor functions, so `base.apply(this, ...)` initialises the object `new` made with that prototype
 * (Reflect.construct with another new.target would be slower than Express's re-parenting). Should a later
 * Node make them ES classes, which cannot be called so, Node's own class is used: slower, still correct.
 */
function bornWith<C extends typeof IncomingMessage | typeof ServerResponse>(base: C, prototype: object): C {
  if (Function.prototype.toString.call(base).startsWith("class")) return base;
  const init = base as unknown as (this: object, ...args: unknown[]) => void;
  function Born(this: object, ...args: unknown[]): void {
    init.apply(this, args);
  }
  Born.prototype = prototype;
  return Born as unknown as C;
}

export function createApp(options: AppOptions): Express {
  const log = options.log ?? stdoutLog;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const context: ApiContext = {
    graph: options.graph,
    datasetName: options.datasetName ?? "graph",
    datasetVersion: options.datasetVersion,
    search: new SearchIndex(options.graph),
    analysis: new MetricsService(options.graph),
    schemas: requestSchemas(limits),
    limits,
  };

  const api = Router();
  registerGraphRoutes(api, context);
  registerNodeRoutes(api, context);
  registerEdgeRoutes(api, context);
  registerPathRoutes(api, context);
  registerSearchRoutes(api, context);
  registerOverviewRoutes(api, context, options.overviewAbove);
  registerExportRoutes(api, context);
  registerAnalysisRoutes(api, context);
  registerMetaRoutes(api, context, API_VERSION);
  api.use(notFoundHandler);

  const app = express();
  app.disable("x-powered-by");
  app.set("json spaces", 0);
  app.use(requestLog(log));
  app.use(securityHeaders());
  // gzip or brotli when the client accepts it; streamed responses (GEXF) stay streamed.
  app.use(compression({ threshold: 1024 }));
  app.use(readOnly);
  const cors = corsPolicy({ corsOrigins: options.corsOrigins });
  if (cors) app.use("/api", cors);
  app.use("/api", api);
  if (options.clientDir && existsSync(path.join(options.clientDir, "index.html"))) {
    app.use(precompressedAssets(options.clientDir));
    app.use(express.static(options.clientDir, { index: "index.html", maxAge: "1h", setHeaders: noCacheForHtml }));
  }
  app.use(notFoundHandler);
  app.use(problemHandler(log));
  return app;
}

/** Everything here is read-only: other methods get 405 with the methods that are allowed. */
const readOnly: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  res.setHeader("Allow", "GET, HEAD");
  next(new HttpError(405, "Method not allowed", `${req.method} is not supported; this server is read-only`));
};

// The HTML names the hashed bundles, so it must be revalidated while the bundles can be cached.
function noCacheForHtml(res: { setHeader(name: string, value: string): void }, file: string): void {
  if (file.endsWith(".html")) res.setHeader("Cache-Control", "no-cache");
}

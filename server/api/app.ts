/**
 * Builds the Express app around a graph: the JSON API under /api and the built client at /. It never
 * listens; server/index.ts does, and tests drive it in-process.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import compression from "compression";
import express, { Router, type Express, type RequestHandler } from "express";
import type { KnowledgeGraph } from "../graph/attributes";
import { SearchIndex } from "../graph/search-index";
import type { ApiContext } from "./context";
import { HttpError, notFoundHandler, problemHandler } from "./errors";
import { precompressedAssets } from "./precompressed-assets";
import { requestLog, stdoutLog } from "./request-log";
import { corsPolicy, securityHeaders } from "./security";
import { DEFAULT_LIMITS, requestSchemas, type Limits } from "./request-schemas";
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

export function createApp(options: AppOptions): Express {
  const log = options.log ?? stdoutLog;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const context: ApiContext = {
    graph: options.graph,
    datasetName: options.datasetName ?? "graph",
    datasetVersion: options.datasetVersion,
    search: new SearchIndex(options.graph),
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

/**
 * Builds the Express app around a graph: the JSON API under /api and the built client at /. It never
 * listens; server/index.ts does, and tests drive it in-process.
 */
import { existsSync } from "node:fs";
import { createServer, IncomingMessage, ServerResponse, type Server, type ServerOptions } from "node:http";
import path from "node:path";
import querystring from "node:querystring";
import compression from "compression";
import express, { Router, type Express, type RequestHandler } from "express";
import { MetricsService } from "../analysis/metrics-service";
import type { KnowledgeGraph } from "../graph/attributes";
import { SearchIndex } from "../graph/search-index";
import { allowedHosts } from "./allowed-hosts";
import type { ApiContext } from "./context";
import { admission, DEFAULT_ADMISSION, type AdmissionLimits } from "./admission";
import { HttpError, NotFoundError, notFoundHandler, problemHandler } from "./errors";
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
  /** Requests of each class allowed at once (server/api/admission.ts). */
  admission?: Partial<AdmissionLimits>;
  /** Host names (or addresses) answered besides loopback ones; any other `Host` gets 403 (DNS rebinding). */
  allowedHosts?: string[];
  /** Start the analysis worker thread now rather than on the first `/api/metrics` request. */
  warmUpAnalysis?: boolean;
}

export const API_VERSION = "0.1.0";

/**
 * Connections one server holds at once; more are closed as they arrive. With Node's 16 KiB header limit and a
 * 10 s deadline for headers, stalled connections can hold at most a few MB between them.
 */
export const MAX_CONNECTIONS = 500;

/** How long a client may take to send its request headers (Node's default is 60 s). */
export const HEADERS_TIMEOUT_MS = 10_000;

/**
 * Options for the `node:http` server that runs `app` (server/index.ts and the API benchmark use them): the
 * headers deadline, and request and response classes whose objects are born with the app's prototypes. The
 * header size limit stays Node's (16 KiB): the page keeps its URLs under 4 KB, and a longer query gets 431.
 *
 * Express 5 re-parents every request and response with `Object.setPrototypeOf(req, app.request)` (and the same
 * for res). In V8 that costs far more than the call: the objects of each request then survive the young-
 * generation GC and are promoted, so every scavenge copies megabytes, and the more so the larger the heap
 * holding the graph. Measured on a trivial route: about 3 MB promoted per scavenge and ~110 µs CPU per
 * request, against ~2 KB and ~30 µs when the prototype is already right, which makes Express's call a no-op.
 */
export function serverOptions(app: Express): ServerOptions {
  return {
    headersTimeout: HEADERS_TIMEOUT_MS,
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

/** The `node:http` server for `app`, with serverOptions and at most `maxConnections` open connections. */
export function createHttpServer(app: Express, maxConnections = MAX_CONNECTIONS): Server {
  const server = createServer(serverOptions(app), app);
  server.maxConnections = maxConnections;
  return server;
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

  if (options.warmUpAnalysis) context.analysis.warmUp();

  const api = Router();
  api.use(admission({ ...DEFAULT_ADMISSION, ...options.admission }));
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
  // Every parameter, not querystring's first 1,000: an unknown one past them must still be rejected. The
  // header limit bounds how many a request can carry.
  app.set("query parser", (query: string) => querystring.parse(query, undefined, undefined, { maxKeys: 0 }));
  app.use(requestLog(log));
  app.use(securityHeaders());
  app.use(allowedHosts(options.allowedHosts));
  // gzip or brotli when the client accepts it; streamed responses (GEXF) stay streamed.
  app.use(compression({ threshold: 1024 }));
  // CORS preflights (OPTIONS) are answered here when origins are configured; otherwise OPTIONS is a 405.
  const cors = corsPolicy({ corsOrigins: options.corsOrigins });
  if (cors) app.use("/api", cors);
  app.use(readOnly);
  app.use("/api", api);
  if (options.clientDir && existsSync(path.join(options.clientDir, "index.html"))) {
    app.use(noSourceMaps);
    app.use(precompressedAssets(options.clientDir));
    app.use(express.static(options.clientDir, { index: "index.html", maxAge: "1h", setHeaders: noCacheForHtml }));
  }
  app.use(notFoundHandler);
  app.use(problemHandler(log));
  return app;
}

/** Everything here is read-only: other methods get 405 with the methods that are allowed. */
const readOnly: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  res.setHeader("Allow", "GET, HEAD");
  next(new HttpError(405, "Method not allowed", `${req.method} is not supported; this server is read-only`));
};

/** The build writes no source maps; one left in the folder by an older build is not served either. */
const noSourceMaps: RequestHandler = (req, _res, next) => {
  // express.static decodes the path, so `.m%61p` must be caught too.
  let decoded = req.path;
  try {
    decoded = decodeURIComponent(req.path);
  } catch {
    // express.static refuses a malformed escape itself.
  }
  if (decoded.toLowerCase().endsWith(".map")) throw new NotFoundError(`no route for ${req.method} ${req.path}`);
  next();
};

// The HTML names the hashed bundles, so it must be revalidated while the bundles can be cached.
function noCacheForHtml(res: { setHeader(name: string, value: string): void }, file: string): void {
  if (file.endsWith(".html")) res.setHeader("Cache-Control", "no-cache");
}

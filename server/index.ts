/**
 * `npm start`: parses flags and environment once, loads the dataset, builds the client if needed, listens,
 * and shuts down cleanly on SIGTERM/SIGINT. Every failure here ends with a one-paragraph message, not a stack.
 */
import type { Server } from "node:http";
import path from "node:path";
import { boundHosts } from "./api/allowed-hosts";
import { createApp, createHttpServer } from "./api/app";
import { parseFlags, parsePort, UsageError } from "./cli/args";
import { ensureClientBuild } from "./client-build";
import { DatasetError } from "./domain/load-dataset";
import { loadGraph, REPO_ROOT } from "./load-graph";

const USAGE =
  "usage: npm start -- [--port N] [--host ADDRESS] [--data FILE.json] [--cors ORIGIN,...] [--allowed-hosts NAME,...] [--overview-above N] [--no-build]";

/** `--overview-above` / OVERVIEW_ABOVE: a whole number of nodes (0: always open on an overview). */
function parseOverviewAbove(value: string, source: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`${source}: "${value}" is not a whole number of nodes`);
  return Number(value);
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    port: { type: "string" },
    host: { type: "string" },
    data: { type: "string" },
    cors: { type: "string" },
    "allowed-hosts": { type: "string" },
    "overview-above": { type: "string" },
    "no-build": { type: "boolean" },
    help: { type: "boolean" },
  });
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const port =
    flags.port !== undefined ? parsePort(flags.port, "--port") : parsePort(process.env.PORT ?? "3000", "PORT");
  const host = flags.host ?? process.env.HOST ?? "127.0.0.1";
  const overviewAbove =
    flags["overview-above"] !== undefined
      ? parseOverviewAbove(flags["overview-above"], "--overview-above")
      : process.env.OVERVIEW_ABOVE
        ? parseOverviewAbove(process.env.OVERVIEW_ABOVE, "OVERVIEW_ABOVE")
        : undefined;

  const started = performance.now();
  const { graph, file, datasetName, sha256, layout } = await loadGraph(flags.data && path.resolve(flags.data));
  const how = layout.cached ? "layout from cache" : "layout computed";
  console.log(
    `loaded ${file}: ${graph.order} nodes, ${graph.size} edges in ${(performance.now() - started).toFixed(0)} ms (${how})`,
  );
  if (layout.cacheError)
    console.log(`note: the layout could not be cached (${layout.cacheError}); the next start will compute it again`);

  if (!flags["no-build"]) await ensureClientBuild((message) => console.log(message));
  const list = (value: string) =>
    value
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean);
  const corsOrigins = list(flags.cors ?? process.env.CORS_ORIGINS ?? "");
  // Loopback names are always answered; the bound address and the operator's names are added.
  const allowedHosts = [...boundHosts(host), ...list(flags["allowed-hosts"] ?? process.env.ALLOWED_HOSTS ?? "")];
  const app = createApp({
    graph,
    datasetName,
    datasetVersion: sha256,
    clientDir: path.join(REPO_ROOT, "client", "dist"),
    corsOrigins,
    allowedHosts,
    warmUpAnalysis: true,
    ...(overviewAbove !== undefined && { overviewAbove }),
  });
  const server = await listen(app, port, host);
  const address = server.address();
  const shownPort = typeof address === "object" && address ? address.port : port;
  console.log(`explorer ready at http://${host.includes(":") ? `[${host}]` : host}:${shownPort}/`);

  const stop = (signal: string) => {
    console.log(`${signal}: closing`);
    server.close(() => process.exit(0));
    // Keep-alive and streaming connections get a moment to finish, then are cut.
    setTimeout(() => server.closeAllConnections(), 3000).unref();
  };
  // Operators (and the load benchmark) ask a running server for its memory with `kill -USR2 PID`;
  // under `node --expose-gc` it collects garbage first, so the figure is what is really retained.
  process.on("SIGUSR2", () => {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    console.log(`memory rss=${rss} heapUsed=${heapUsed} external=${external}`);
  });
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createHttpServer(app).listen(port, host);
    server.once("listening", () => resolve(server));
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        reject(new UsageError(`port ${port} on ${host} is already in use; pick another with --port or PORT`));
      else if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND")
        reject(new UsageError(`cannot listen on host "${host}" (${error.code})`));
      else if (error.code === "EACCES") reject(new UsageError(`not allowed to listen on port ${port}`));
      else reject(error);
    });
  });
}

main().catch((error: unknown) => {
  if (error instanceof DatasetError) console.error(`cannot start: ${error.message}`);
  else if (error instanceof UsageError) console.error(`cannot start: ${error.message}\n${USAGE}`);
  else console.error("cannot start:", error);
  process.exit(1);
});

/**
 * The child process of bench/api.ts: loads a dataset once and serves it twice, through our Express app on one
 * port and through a bare `node:http` handler on another, which answers `/api/nodes/:key/neighbors` with the
 * same neighbourhood function and the same JSON body and nothing else (no validation, headers or log). It
 * tells the parent its ports and a fixed sample of node keys over the IPC channel.
 */
import { createServer, type RequestListener, type Server, type ServerOptions } from "node:http";
import { pathToFileURL } from "node:url";
import { createApp, serverOptions } from "../server/api/app";
import { neighborhoodResponse } from "../server/api/views";
import type { KnowledgeGraph } from "../server/graph/attributes";
import { seededRandom } from "../server/graph/layout";
import { neighborhood } from "../server/graph/neighborhood";
import { loadGraph } from "../server/load-graph";

export interface ServersReady {
  ours: number;
  raw: number;
  nodes: number;
  edges: number;
  loadMs: number;
  /** Node keys drawn uniformly at random (fixed seed), with their labels for search queries. */
  sample: { key: string; label: string }[];
}

/** The baseline: route by hand, run the same query with the API's defaults, send the same bytes. */
export function rawNeighbors(graph: KnowledgeGraph): RequestListener {
  const route = /^\/api\/nodes\/([^/?]+)\/neighbors(?:\?(.*))?$/;
  return (req, res) => {
    const match = route.exec(req.url ?? "");
    const key = match && decodeURIComponent(match[1]!);
    if (!key || !graph.hasNode(key)) {
      res.writeHead(404).end();
      return;
    }
    const query = new URLSearchParams(match[2] ?? "");
    const depth = Number(query.get("depth") ?? 1);
    const limit = Number(query.get("limit") ?? 500);
    const found = neighborhood(graph, key, { depth, direction: "both", limit });
    const body = JSON.stringify(neighborhoodResponse(graph, key, depth, found));
    res.writeHead(200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
    });
    res.end(body);
  };
}

function listen(handler: RequestListener, options: ServerOptions = {}): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(options, handler).listen(0, "127.0.0.1", () => resolve(server));
  });
}

function sampleNodes(graph: KnowledgeGraph, count: number): { key: string; label: string }[] {
  const keys = graph.nodes();
  const random = seededRandom(20260401);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, keys.length)) chosen.add(keys[Math.floor(random() * keys.length)]!);
  return [...chosen].map((key) => ({ key, label: graph.getNodeAttribute(key, "label") }));
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || !process.send) throw new Error("usage: started by bench/api.ts with a dataset file and an IPC channel");
  const started = performance.now();
  const { graph, datasetName } = await loadGraph(file);
  const loadMs = performance.now() - started;
  // As `npm start` does it: request lines go to stdout (the parent points it at a file), same server options.
  const app = createApp({ graph, datasetName });
  const ours = await listen(app, serverOptions(app));
  const raw = await listen(rawNeighbors(graph));
  const port = (server: Server) => (server.address() as { port: number }).port;
  const ready: ServersReady = {
    ours: port(ours),
    raw: port(raw),
    nodes: graph.order,
    edges: graph.size,
    loadMs,
    sample: sampleNodes(graph, 1000),
  };
  process.send(ready);
  // The parent asks for CPU time around each run: server CPU per request does not depend on how busy the
  // load generator's core is.
  process.on("message", () => process.send!(process.cpuUsage()));
  process.on("disconnect", () => process.exit(0));
}

// Run when started as a script; importing it (for rawNeighbors) starts nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * What the page opens on, and what it asks for while it grows: `/api/overview` returns the whole graph when
 * it has at most `above` nodes, else the most central nodes with the edges among them and every shown node's
 * neighbour count; `/api/overview/nodes` gives nodes the page adds (search hits, path ends, an expansion) with
 * their neighbour counts and their links, so the page can draw them and count what is still hidden.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Router } from "express";
import { ChunkSink, type Output } from "../../gexf/sink";
import type { KnowledgeGraph } from "../../graph/attributes";
import { linksOf, neighbourCount, OverviewRanking, type Overview } from "../../graph/overview";
import type { ApiContext } from "../context";
import type { OverviewNodesResponse, OverviewResponse } from "../contract";
import { writeGraphJson } from "../graph-json";
import { sendJson } from "../send-json";
import { validate } from "../validate";
import { edgeItem, requireNode } from "../views";

/** Graphs above this many nodes open on an overview unless the app is told otherwise. */
export const DEFAULT_OVERVIEW_ABOVE = 20_000;

/** Edges returned per added node: enough for the long tail of a power-law graph; hubs are in the overview. */
export const LINKS_PER_NODE = 500;

/** Each item's JSON, comma-separated, made only as it is written. */
function* listed<T>(items: readonly T[], item: (value: T) => unknown): Generator<string> {
  for (let i = 0; i < items.length; i++) yield (i > 0 ? "," : "") + JSON.stringify(item(items[i]!));
}

/** OverviewResponse as JSON pieces, each made as it is written. */
function* overviewPieces(graph: KnowledgeGraph, chosen: Overview, overview: OverviewResponse["overview"]) {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"graph":{"attributes":${JSON.stringify(graph.getAttributes())},"options":${JSON.stringify(options)},"nodes":[`;
  yield* listed(chosen.nodes, (key) => ({ key, attributes: graph.getNodeAttributes(key) }));
  yield '],"edges":[';
  yield* listed(chosen.edges, (key) => edgeItem(graph, key));
  yield `]},"overview":${JSON.stringify(overview)}}`;
}

/** Writes the pieces through a ChunkSink: batched, waiting for 'drain', and letting other requests run. */
async function writeJsonPieces(out: Output, pieces: Iterable<string>): Promise<void> {
  const sink = new ChunkSink(out);
  try {
    for (const piece of pieces) {
      if (sink.push(piece)) await sink.flush();
      if (sink.stopped) break;
    }
    await sink.flush();
  } finally {
    sink.dispose();
  }
  if (sink.failure) throw sink.failure;
}

export function registerOverviewRoutes(router: Router, context: ApiContext, above = DEFAULT_OVERVIEW_ABOVE): void {
  const { graph, schemas, limits } = context;
  // The graph never changes while the app runs: the largest overview is worked out once, the rest read off it.
  let ranking: OverviewRanking | undefined;

  // The page's first request: like /api/graph, a repeat is a 304 and a whole graph is streamed, never one string.
  const version = context.datasetVersion ?? `instance-${randomUUID()}`;
  router.get("/overview", async (req, res) => {
    const { limit } = validate(schemas.overview, req.query);
    res.setHeader("ETag", overviewEtag(version, above, limit));
    res.setHeader("Cache-Control", "no-cache");
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (graph.order <= above) {
      // OverviewResponse with `overview: null` and the whole graph, as /api/graph writes it.
      res.type("application/json; charset=utf-8");
      if (req.method === "HEAD") return void res.end();
      res.write('{"overview":null,"graph":');
      await writeGraphJson(graph, res);
      res.end("}");
      return;
    }
    ranking ??= new OverviewRanking(graph, limits.maxOverview);
    const chosen = ranking.take(limit);
    const neighbours: Record<string, number> = {};
    chosen.nodes.forEach((node, rank) => (neighbours[node] = ranking!.neighbours[rank]!));
    res.type("application/json; charset=utf-8");
    if (req.method === "HEAD") return void res.end();
    // OverviewResponse, written in pieces: thousands of nodes with every attribute are megabytes of JSON.
    const overview: OverviewResponse["overview"] = {
      above,
      limit,
      totalNodes: graph.order,
      totalEdges: graph.size,
      neighbours,
    };
    await writeJsonPieces(res, overviewPieces(graph, chosen, overview));
    res.end();
  });

  router.get("/overview/nodes", (req, res) => {
    const { nodes } = validate(schemas.overviewNodes, req.query);
    const keys = [...new Set(nodes)];
    for (const key of keys) requireNode(graph, key, "nodes");
    const links = linksOf(graph, keys, LINKS_PER_NODE, limits.maxOverviewLinks);
    const body: OverviewNodesResponse = {
      nodes: keys.map((key) => ({
        key,
        attributes: graph.getNodeAttributes(key),
        neighbours: neighbourCount(graph, key),
      })),
      edges: links.edges.map((edge) => edgeItem(graph, edge)),
      perNode: LINKS_PER_NODE,
      truncated: links.truncated,
    };
    sendJson(res, body);
  });
}

/** A weak ETag from the dataset's version and everything the answer depends on. */
export function overviewEtag(version: string, above: number, limit: number): string {
  const key = JSON.stringify(["overview-1", version, above, limit]);
  return `W/"${createHash("sha256").update(key).digest("base64url").slice(0, 32)}"`;
}

/**
 * What the page opens on, and what it asks for while it grows: `/api/overview` returns the whole graph when
 * it has at most `above` nodes, else the most central nodes with the edges among them and every shown node's
 * neighbour count; `/api/overview/nodes` gives nodes the page adds (search hits, path ends, an expansion) with
 * their neighbour counts and their links, so the page can draw them and count what is still hidden.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Router } from "express";
import { linksOf, neighbourCount, overview, type Overview } from "../../graph/overview";
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

export function registerOverviewRoutes(router: Router, context: ApiContext, above = DEFAULT_OVERVIEW_ABOVE): void {
  const { graph, schemas } = context;
  // The graph never changes while the app runs: an overview is computed once per limit asked for.
  const cache = new Map<number, Overview>();
  const overviewOf = (limit: number): Overview => {
    let found = cache.get(limit);
    if (!found) {
      if (cache.size >= 16) cache.delete(cache.keys().next().value!);
      cache.set(limit, (found = overview(graph, limit)));
    }
    return found;
  };

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
    const chosen = overviewOf(limit);
    const neighbours: Record<string, number> = {};
    for (const node of chosen.nodes) neighbours[node] = neighbourCount(graph, node);
    const body: OverviewResponse = {
      graph: {
        attributes: graph.getAttributes(),
        options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
        nodes: chosen.nodes.map((key) => ({ key, attributes: graph.getNodeAttributes(key) })),
        edges: chosen.edges.map((key) => ({
          key,
          source: graph.source(key),
          target: graph.target(key),
          attributes: graph.getEdgeAttributes(key),
        })),
      },
      overview: { above, limit, totalNodes: graph.order, totalEdges: graph.size, neighbours },
    };
    sendJson(res, body);
  });

  router.get("/overview/nodes", (req, res) => {
    const { nodes } = validate(schemas.overviewNodes, req.query);
    const keys = [...new Set(nodes)];
    for (const key of keys) requireNode(graph, key, "nodes");
    const links = linksOf(graph, keys, LINKS_PER_NODE);
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

/** Nodes: listing with filters, one node with its relations, and its neighbourhood. */
import type { Router } from "express";
import { neighborhood } from "../../graph/neighborhood";
import type { ApiContext } from "../context";
import type { NodeListResponse } from "../contract";
import { sendJson } from "../send-json";
import { validate } from "../validate";
import { neighborhoodResponse, neighborhoodSummary, nodeDetail, nodeSummary, requireNode } from "../views";

export function registerNodeRoutes(router: Router, context: ApiContext): void {
  const { graph, schemas } = context;
  router.get("/nodes", (req, res) => {
    const { type, q, limit, offset } = validate(schemas.nodes, req.query);
    const types = type ? new Set<string>(type) : undefined;
    const needle = q?.normalize("NFKC").toLowerCase();
    const keys = graph.filterNodes((_key, a) => {
      if (types && !types.has(a.type)) return false;
      if (!needle) return true;
      return [a.label, a.labelZh ?? "", ...a.aliases].some((name) =>
        name.normalize("NFKC").toLowerCase().includes(needle),
      );
    });
    const body: NodeListResponse = {
      total: keys.length,
      items: keys
        .slice(offset, offset + limit)
        .map((key) => ({ ...nodeSummary(graph, key), degree: graph.degree(key) })),
    };
    res.json(body);
  });

  router.get("/nodes/:key", (req, res) => {
    const { key } = validate(schemas.nodeParams, req.params);
    const { asOf, limit, offset } = validate(schemas.node, req.query);
    sendJson(res, nodeDetail(graph, requireNode(graph, key, "key", asOf), asOf, { offset, limit }));
  });

  router.get("/nodes/:key/neighbors", (req, res) => {
    const { key } = validate(schemas.nodeParams, req.params);
    const query = validate(schemas.neighbors, req.query);
    const found = neighborhood(graph, requireNode(graph, key, "key", query.asOf), {
      depth: query.depth,
      direction: query.direction,
      relations: query.relation,
      types: query.type,
      asOf: query.asOf,
      limit: query.limit,
    });
    const body =
      query.view === "summary"
        ? neighborhoodSummary(graph, key, query.depth, found)
        : neighborhoodResponse(graph, key, query.depth, found, query.asOf);
    sendJson(res, body);
  });
}

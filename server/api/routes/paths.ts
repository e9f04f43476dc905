/** Shortest path between two nodes. */
import type { Router } from "express";
import { shortestPath } from "../../graph/shortest-path";
import { attributesAsOf } from "../../graph/as-of";
import type { ApiContext } from "../context";
import type { PathResponse } from "../contract";
import { HttpError, NotFoundError } from "../errors";
import { sendJson } from "../send-json";
import { validate } from "../validate";
import { edgeItem, requireNode } from "../views";

export function registerPathRoutes(router: Router, context: ApiContext): void {
  const { graph, schemas, limits } = context;
  router.get("/paths", (req, res) => {
    const { from, to, direction, relation, asOf } = validate(schemas.paths, req.query);
    requireNode(graph, from, "from", asOf);
    requireNode(graph, to, "to", asOf);
    const outcome = shortestPath(graph, from, to, {
      direction,
      relations: relation,
      asOf,
      maxVisited: limits.maxPathVisited,
    });
    if (!outcome.found && outcome.exhausted) {
      throw new HttpError(
        422,
        "Search too large",
        `no path found within ${limits.maxPathVisited} visited nodes; narrow it with relation or direction`,
      );
    }
    if (!outcome.found)
      throw new NotFoundError(
        `no path from "${from}" to "${to}" with direction ${direction}${relation ? ` and relation ${relation.join(",")}` : ""}`,
      );
    const body: PathResponse = {
      nodes: outcome.path.nodes.map((key) => ({ key, attributes: attributesAsOf(graph.getNodeAttributes(key), asOf) })),
      edges: outcome.path.edges.map((edge) => edgeItem(graph, edge, asOf)),
      length: outcome.path.edges.length,
    };
    sendJson(res, body);
  });
}

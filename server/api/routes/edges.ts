/** Edges: listing by relation and end points, and one edge. */
import type { Router } from "express";
import type { ApiContext } from "../context";
import type { EdgeListResponse } from "../contract";
import { NotFoundError } from "../errors";
import { validate } from "../validate";
import { edgeItem, requireNode } from "../views";

export function registerEdgeRoutes(router: Router, { graph, schemas }: ApiContext): void {
  router.get("/edges", (req, res) => {
    const { relation, source, target, limit, offset } = validate(schemas.edges, req.query);
    if (source !== undefined) requireNode(graph, source, "source");
    if (target !== undefined) requireNode(graph, target, "target");
    const relations = relation ? new Set<string>(relation) : undefined;
    // Start from the narrowest set of candidate edges the end points allow.
    const candidates =
      source !== undefined && target !== undefined
        ? graph.outEdges(source, target)
        : source !== undefined
          ? graph.outEdges(source)
          : target !== undefined
            ? graph.inEdges(target)
            : graph.edges();
    const keys = relations
      ? candidates.filter((edge) => relations.has(graph.getEdgeAttribute(edge, "relation")))
      : candidates;
    const body: EdgeListResponse = {
      total: keys.length,
      items: keys.slice(offset, offset + limit).map((edge) => edgeItem(graph, edge)),
    };
    res.json(body);
  });

  router.get("/edges/:key", (req, res) => {
    const { key } = validate(schemas.edgeParams, req.params);
    validate(schemas.none, req.query);
    if (!graph.hasEdge(key)) throw new NotFoundError(`no edge with key "${key.slice(0, 200)}"`, "key");
    res.json(edgeItem(graph, key));
  });
}

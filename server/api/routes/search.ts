/** Ranked search over names, Chinese names, aliases and descriptions. */
import type { Router } from "express";
import type { ApiContext } from "../context";
import type { SearchResponse } from "../contract";
import { validate } from "../validate";
import { nodeSummary } from "../views";

export function registerSearchRoutes(router: Router, { graph, search, schemas }: ApiContext): void {
  router.get("/search", (req, res) => {
    const { q, limit } = validate(schemas.search, req.query);
    const body: SearchResponse = {
      query: q,
      items: search
        .search(q, limit)
        .map((match) => ({ ...nodeSummary(graph, match.key), score: match.score, matchedIn: match.matchedIn })),
    };
    res.json(body);
  });
}

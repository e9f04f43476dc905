/** Ranked search over names, Chinese names, aliases and descriptions. */
import type { Router } from "express";
import type { ApiContext } from "../context";
import type { SearchResponse } from "../contract";
import { sendJson } from "../send-json";
import { validate } from "../validate";
import { nodeSummary } from "../views";

export function registerSearchRoutes(router: Router, { graph, search, schemas }: ApiContext): void {
  router.get("/search", (req, res) => {
    const { q, limit } = validate(schemas.search, req.query);
    // A big graph is indexed after start-up; until it is done, search answers from what is in, and says so.
    const { named, described, nodes } = search.progress;
    res.setHeader(
      "X-Search-Coverage",
      search.complete ? "complete" : `names ${named}/${nodes}; descriptions ${described}/${nodes}`,
    );
    const body: SearchResponse = {
      query: q,
      items: search
        .search(q, limit)
        .map((match) => ({ ...nodeSummary(graph, match.key), score: match.score, matchedIn: match.matchedIn })),
    };
    sendJson(res, body);
  });
}

/** The API's description of itself. */
import type { Router } from "express";
import type { ApiContext } from "../context";
import { openApiDocument } from "../openapi";
import { validate } from "../validate";

export function registerMetaRoutes(router: Router, { schemas }: ApiContext, version: string): void {
  const document = openApiDocument(schemas, version);
  router.get("/openapi.json", (req, res) => {
    validate(schemas.none, req.query);
    res.json(document);
  });
}

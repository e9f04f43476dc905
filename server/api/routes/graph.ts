/** Whole-graph reads: health, the serialised graph (streamed, with an ETag), the schema of types and relations. */
import { createHash, randomUUID } from "node:crypto";
import type { Router } from "express";
import { NODE_TYPE_INFO, NODE_TYPES, RELATION_INFO, RELATIONS } from "../../domain/vocabulary";
import { GraphFilter } from "../../graph/filter";
import type { KnowledgeGraph } from "../../graph/attributes";
import type { ApiContext } from "../context";
import type { HealthResponse, SchemaResponse, TimelineResponse } from "../contract";
import { timeline, timelineRange } from "../../graph/timeline";
import { validate } from "../validate";
import { writeGraphJson } from "../graph-json";

// Bump when the body's shape changes for the same data, so caches do not keep the old one.
const GRAPH_BODY_FORMAT = "graph-json-1";

export function registerGraphRoutes(router: Router, context: ApiContext): void {
  const { graph, datasetName, schemas } = context;
  router.get("/health", (req, res) => {
    validate(schemas.none, req.query);
    const body: HealthResponse = { status: "ok", dataset: datasetName, nodes: graph.order, edges: graph.size };
    res.json(body);
  });

  // Without the dataset's content hash, ETags hold for this app only: the graph never changes under it.
  const version = context.datasetVersion ?? `instance-${randomUUID()}`;
  router.get("/graph", async (req, res) => {
    const { type, relation, asOf } = validate(schemas.graph, req.query);
    // Known before a byte of the body is written, so a repeat costs no serialising at all.
    res.setHeader("ETag", graphEtag(version, type, relation, asOf));
    res.setHeader("Cache-Control", "no-cache");
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type("application/json; charset=utf-8");
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    // The body is GraphResponse (`graph.export()` of what the filter keeps), written as the client takes it.
    await writeGraphJson(graph, res, new GraphFilter(graph, { types: type, relations: relation, asOf }));
    res.end();
  });

  router.get("/timeline", (req, res) => {
    validate(schemas.none, req.query);
    const events = timeline(graph);
    const body: TimelineResponse = { events, range: timelineRange(events) };
    res.json(body);
  });

  // Counted when the app is made: the graph never changes while it runs, and counting passes over every record.
  const schemaBody = schemaOf(graph);
  router.get("/schema", (req, res) => {
    validate(schemas.none, req.query);
    res.json(schemaBody);
  });
}

/** Node types and relations with their counts, attribute names, documents. */
function schemaOf(graph: KnowledgeGraph): SchemaResponse {
  const typeCounts = new Map<string, number>();
  const relationCounts = new Map<string, number>();
  const nodeAttributes = new Set<string>();
  const edgeAttributes = new Set<string>();
  graph.forEachNode((_key, a) => {
    typeCounts.set(a.type, (typeCounts.get(a.type) ?? 0) + 1);
    Object.keys(a).forEach((name) => nodeAttributes.add(name));
  });
  graph.forEachEdge((_key, a) => {
    relationCounts.set(a.relation, (relationCounts.get(a.relation) ?? 0) + 1);
    Object.keys(a).forEach((name) => edgeAttributes.add(name));
  });
  return {
    nodeTypes: NODE_TYPES.map((type) => ({ type, ...NODE_TYPE_INFO[type], count: typeCounts.get(type) ?? 0 })),
    relations: RELATIONS.map((relation) => ({
      relation,
      ...RELATION_INFO[relation],
      count: relationCounts.get(relation) ?? 0,
    })),
    nodeAttributes: [...nodeAttributes].sort(),
    edgeAttributes: [...edgeAttributes].sort(),
    documents: graph.getAttribute("documents"),
  };
}

/**
 * A weak ETag for /api/graph from the dataset's version and the normalised query (filters sorted, duplicates
 * dropped): equal for requests that get the same body, and computed without serialising the graph.
 */
export function graphEtag(
  version: string,
  types: readonly string[] | undefined,
  relations: readonly string[] | undefined,
  asOf: number | undefined,
): string {
  const normal = (values: readonly string[] | undefined) => (values ? [...new Set(values)].sort() : null);
  const query = JSON.stringify([GRAPH_BODY_FORMAT, version, normal(types), normal(relations), asOf ?? null]);
  return `W/"${createHash("sha256").update(query).digest("base64url").slice(0, 32)}"`;
}

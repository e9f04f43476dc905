/** Whole-graph reads: health, the serialised graph, the schema of types and relations. */
import type { Router } from "express";
import { NODE_TYPE_INFO, NODE_TYPES, RELATION_INFO, RELATIONS } from "../../domain/vocabulary";
import { selectSubgraph } from "../../graph/select";
import { graphFor, type ApiContext } from "../context";
import type { GraphResponse, HealthResponse, SchemaResponse, TimelineResponse } from "../contract";
import { timeline } from "../../graph/timeline";
import { validate } from "../validate";

export function registerGraphRoutes(router: Router, context: ApiContext): void {
  const { graph, datasetName, schemas } = context;
  router.get("/health", (req, res) => {
    validate(schemas.none, req.query);
    const body: HealthResponse = { status: "ok", dataset: datasetName, nodes: graph.order, edges: graph.size };
    res.json(body);
  });

  router.get("/graph", (req, res) => {
    const { type, relation, asOf } = validate(schemas.graph, req.query);
    const seen = graphFor(context, asOf);
    const selected = type || relation ? selectSubgraph(seen, { types: type, relations: relation }) : seen;
    const body: GraphResponse = selected.export();
    res.json(body);
  });

  router.get("/timeline", (req, res) => {
    validate(schemas.none, req.query);
    const events = timeline(graph);
    const years = events.flatMap((e) => [e.start, e.end]).filter((y): y is number => y !== undefined);
    const body: TimelineResponse = {
      events,
      range: years.length ? { start: Math.min(...years), end: Math.max(...years) } : null,
    };
    res.json(body);
  });

  router.get("/schema", (req, res) => {
    validate(schemas.none, req.query);
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
    const body: SchemaResponse = {
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
    res.json(body);
  });
}

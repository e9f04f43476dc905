/**
 * The OpenAPI 3.1 document, generated from the zod schemas that validate requests (request-schemas.ts) and
 * type responses (contract.ts): each query or path schema becomes its parameters, with bounds, defaults and
 * allowed values, and each response schema a component, so documentation and behaviour cannot disagree.
 */
import { routeClass } from "./admission";
import { z } from "zod";
import { datasetJsonSchema } from "../domain/dataset-json-schema";
import * as contract from "./contract";
import type { RequestSchemas } from "./request-schemas";

interface Operation {
  path: string;
  operationId: string;
  summary: string;
  query: z.ZodObject;
  params?: z.ZodObject;
  /** The 200 body: a component name (JSON), or another media type with its schema. */
  response: string | string[] | { type: string; schema: object; description: string };
  notFound?: string;
  /** Answers 304 to a matching If-None-Match (the body carries an ETag). */
  conditional?: boolean;
  /** Answers 422 when the search it runs outgrows its cap. */
  tooLarge?: string;
  /** Answers 503 with Retry-After when its slots are taken. */
  busy?: string;
}

type JsonSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[] };

/** The response schemas, by component name. */
const COMPONENTS: Record<string, z.ZodType> = {
  NodeAttributes: contract.nodeAttributesSchema,
  EdgeAttributes: contract.edgeAttributesSchema,
  EdgeItem: contract.edgeItemSchema,
  Graph: contract.graphSchema,
  Health: contract.healthSchema,
  NodeList: contract.nodeListSchema,
  NodeDetail: contract.nodeDetailSchema,
  Neighborhood: contract.neighborhoodSchema,
  NeighborhoodSummary: contract.neighborhoodSummarySchema,
  EdgeList: contract.edgeListSchema,
  Path: contract.pathSchema,
  Search: contract.searchSchema,
  Schema: contract.schemaSchema,
  Timeline: contract.timelineSchema,
  Overview: contract.overviewSchema,
  OverviewNodes: contract.overviewNodesSchema,
  Metrics: contract.metricsSchema,
  Control: contract.controlSchema,
  Problem: contract.problemSchema,
};

function componentSchemas(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: "output", uri: (id) => `#/components/schemas/${id}` });
  // Inside an OpenAPI document each is a plain subschema: no $schema or $id of its own.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

/** A parameter's value as the route sees it (a number, a list, a default), or as sent when that cannot be said. */
function parameterSchema(schema: z.ZodType): Record<string, unknown> {
  const clean = (json: object) => {
    const { $schema: _s, ...rest } = json as Record<string, unknown>;
    return rest;
  };
  const output = clean(z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }));
  return Object.keys(output).length > 0 ? output : clean(z.toJSONSchema(schema, { io: "input" }));
}

function parameters(schema: z.ZodObject, where: "query" | "path") {
  const required = (z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema).required ?? [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const property = parameterSchema(field as z.ZodType);
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.includes(name),
      ...(typeof description === "string" && { description }),
      schema: rest,
      // Lists are comma-separated: `?type=company,person`.
      ...(rest.type === "array" && { style: "form", explode: false }),
    };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});

/** The 503 of a route's class when too many of its class are running (admission.ts); none for light routes. */
function busyAnswer(path: string): string | undefined {
  const kind = routeClass(path.replace(/^\/api/, ""));
  if (kind === "light") return undefined;
  return `Too many ${kind === "whole" ? "whole-graph requests" : "queries"} are running; try again after Retry-After seconds`;
}

function responses(op: Operation) {
  const ok =
    typeof op.response === "object" && !Array.isArray(op.response)
      ? { description: op.response.description, content: { [op.response.type]: { schema: op.response.schema } } }
      : {
          description: "OK",
          content: {
            "application/json": {
              schema: Array.isArray(op.response) ? { oneOf: op.response.map(ref) } : ref(op.response),
            },
          },
        };
  return {
    200: ok,
    ...(op.conditional && {
      304: { description: "Not modified: the ETag sent in If-None-Match is still current; no body" },
    }),
    400: problem("A bad or unknown parameter, named in `parameter`"),
    403: problem("The Host header names a host this server does not answer to (DNS-rebinding defence)"),
    ...(op.notFound && { 404: problem(op.notFound) }),
    ...(op.tooLarge && { 422: problem(op.tooLarge) }),
    500: problem("The server failed to answer; details are in its log, never in the response"),
    ...(op.busy && {
      503: {
        ...problem(op.busy),
        headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
      },
    }),
  };
}

/** The read-only API's answer to any other method: OPTIONS stands for them all (POST, PUT, DELETE… alike). */
const methodNotAllowed = (operationId: string) => ({
  operationId: `${operationId}Options`,
  summary: "Any method but GET and HEAD: 405 (a CORS preflight gets 204 when --cors allows the origin)",
  responses: {
    204: { description: "A CORS preflight, only when cross-origin access is configured" },
    403: problem("The Host header names a host this server does not answer to"),
    405: {
      ...problem("This server is read-only"),
      headers: { Allow: { description: "GET, HEAD", schema: { type: "string", const: "GET, HEAD" } } },
    },
  },
});

export function openApiDocument(schemas: RequestSchemas, serverVersion: string) {
  const operations: Operation[] = [
    {
      path: "/api/health",
      operationId: "getHealth",
      summary: "Status and node/edge counts",
      query: schemas.none,
      response: "Health",
    },
    {
      path: "/api/graph",
      operationId: "getGraph",
      summary: "The graph in graphology's serialisation, optionally filtered or as of a year (streamed)",
      query: schemas.graph,
      response: "Graph",
      conditional: true,
    },
    {
      path: "/api/overview",
      operationId: "getOverview",
      summary: "What the page opens on: the whole graph, or above a size the most central nodes and their edges",
      query: schemas.overview,
      response: "Overview",
      conditional: true,
    },
    {
      path: "/api/overview/nodes",
      operationId: "getOverviewNodes",
      summary: "Nodes added to an overview: attributes, neighbour counts and their edges (capped per node)",
      query: schemas.overviewNodes,
      response: "OverviewNodes",
      notFound: "Unknown node",
    },
    {
      path: "/api/timeline",
      operationId: "getTimeline",
      summary: "Dated entities and relations in order, with their sources",
      query: schemas.none,
      response: "Timeline",
    },
    {
      path: "/api/nodes",
      operationId: "listNodes",
      summary: "Nodes filtered by type and name, paged",
      query: schemas.nodes,
      response: "NodeList",
    },
    {
      path: "/api/nodes/{key}",
      operationId: "getNode",
      summary: "One node, its degrees and a page of its edges grouped by relation",
      query: schemas.node,
      params: schemas.nodeParams,
      response: "NodeDetail",
      notFound: "Unknown node, or not there in asOf's year",
    },
    {
      path: "/api/nodes/{key}/neighbors",
      operationId: "getNeighbors",
      summary: "The neighbourhood of a node within 1-3 hops (view=summary: only what drawing needs)",
      query: schemas.neighbors,
      params: schemas.nodeParams,
      response: ["Neighborhood", "NeighborhoodSummary"],
      notFound: "Unknown node, or not there in asOf's year",
    },
    {
      path: "/api/nodes/{key}/control",
      operationId: "getControl",
      summary:
        "Control chains: owners and holdings through stakes (multiplied along each chain), ultimate owners, people with offices on both sides",
      query: schemas.nodeDetail,
      params: schemas.nodeParams,
      response: "Control",
      notFound: "Unknown node",
    },
    {
      path: "/api/edges",
      operationId: "listEdges",
      summary: "Edges filtered by relation, source and target, paged",
      query: schemas.edges,
      response: "EdgeList",
      notFound: "Unknown source or target",
    },
    {
      path: "/api/edges/{key}",
      operationId: "getEdge",
      summary: "One edge",
      query: schemas.none,
      params: schemas.edgeParams,
      response: "EdgeItem",
      notFound: "Unknown edge",
    },
    {
      path: "/api/paths",
      operationId: "findPath",
      summary: "Shortest path (fewest edges) between two nodes",
      query: schemas.paths,
      response: "Path",
      notFound: "Unknown node, or no path",
      tooLarge: "The search visited its cap of nodes without an answer; narrow it with relation or direction",
    },
    {
      path: "/api/search",
      operationId: "search",
      summary: "Ranked, typo-tolerant search over names, Chinese names, aliases and descriptions",
      query: schemas.search,
      response: "Search",
    },
    {
      path: "/api/schema",
      operationId: "getSchema",
      summary: "Node types and relations with counts, labels and colours",
      query: schemas.none,
      response: "Schema",
    },
    {
      path: "/api/metrics",
      operationId: "getMetrics",
      summary: "Per-node metrics (degrees, PageRank, betweenness, closeness, HITS, components, cores, communities)",
      query: schemas.metrics,
      response: "Metrics",
      notFound: "A key in nodes= is not in the graph",
      busy: "Every metrics slot is taken; try again after Retry-After seconds",
    },
    {
      path: "/api/export.gexf",
      operationId: "exportGexf",
      summary: "GEXF file of the graph or a selection (streamed attachment)",
      query: schemas.exportGexf,
      response: {
        type: "application/gexf+xml",
        schema: { type: "string" },
        description: "GEXF 1.3 (or 1.2draft) document",
      },
      notFound: "Unknown center, or not there in asOf's year",
    },
    {
      path: "/api/openapi.json",
      operationId: "getOpenApi",
      summary: "This document",
      query: schemas.none,
      response: { type: "application/json", schema: { type: "object" }, description: "OpenAPI 3.1 document" },
    },
  ];

  const paths: Record<string, object> = {};
  for (const op of operations) {
    paths[op.path] = {
      get: {
        operationId: op.operationId,
        summary: op.summary,
        parameters: [...(op.params ? parameters(op.params, "path") : []), ...parameters(op.query, "query")],
        responses: responses({ ...op, busy: op.busy ?? busyAnswer(op.path) }),
      },
      options: methodNotAllowed(op.operationId),
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Knowledge-graph explorer API",
      version: serverVersion,
      description:
        "Read-only REST API over a cited knowledge graph. Unknown query parameters are rejected with 400; " +
        "every method but GET and HEAD gets 405 with Allow; every error is application/problem+json.",
    },
    paths,
    components: {
      schemas: {
        ...componentSchemas(),
        // The dataset format, as graph-data/dataset.schema.json publishes it.
        Dataset: (({ $schema: _s, ...schema }) => schema)(datasetJsonSchema()),
      },
    },
  };
}

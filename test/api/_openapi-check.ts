/**
 * Checks an HTTP answer of the API against the OpenAPI document with a real JSON Schema 2020-12 validator
 * (ajv): the status must be documented for that path and method, the media type listed for that status, and
 * a JSON body valid against its schema. test/_contract-setup.ts runs it on every supertest response.
 */
import { Ajv2020 } from "ajv/dist/2020";
import { openApiDocument } from "../../server/api/openapi";
import { DEFAULT_LIMITS, requestSchemas } from "../../server/api/request-schemas";

type Responses = Record<string, { content?: Record<string, unknown> }>;
type PathItem = Record<string, { responses: Responses }>;

let compiled: { document: ReturnType<typeof openApiDocument>; ajv: Ajv2020; templates: [string, RegExp][] };

function load() {
  if (compiled) return compiled;
  const document = openApiDocument(requestSchemas(DEFAULT_LIMITS), "test");
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(document, "openapi.json");
  const templates = Object.keys(document.paths).map((template): [string, RegExp] => {
    const pattern = template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+");
    return [template, new RegExp(`^${pattern}$`)];
  });
  return (compiled = { document, ajv, templates });
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export interface Answer {
  method: string;
  url: string;
  status: number;
  contentType: string | undefined;
  /** The parsed JSON body, or the text of any other body; undefined when the test did not read it. */
  body: unknown;
}

/** What is wrong with `answer` by the document, or undefined if nothing is (or the path is not the API's). */
export function contractViolation(answer: Answer): string | undefined {
  const { document, ajv, templates } = load();
  const path = new URL(answer.url, "http://localhost").pathname;
  const template = templates.find(([, pattern]) => pattern.test(path))?.[0];
  // Paths the document does not name (a typo, the page's files) have no contract beyond problem+json 404s.
  if (!template) return undefined;
  const method = answer.method.toUpperCase();
  const operation = method === "GET" || method === "HEAD" ? "get" : "options";
  const where = `${method} ${answer.url.slice(0, 120)} → ${answer.status}`;
  const response = (document.paths[template as keyof typeof document.paths] as PathItem)[operation]!.responses[
    answer.status
  ];
  if (!response) return `${where}: status ${answer.status} is not documented for ${operation} ${template}`;
  if (!response.content || method === "HEAD") return undefined;
  const type = answer.contentType?.split(";")[0]!.trim() ?? "";
  if (!(type in response.content))
    return `${where}: media type "${type}" is not documented (${Object.keys(response.content).join(", ")})`;
  if (!/json/.test(type) || answer.body === undefined) return undefined;
  const body = typeof answer.body === "string" ? JSON.parse(answer.body) : answer.body;
  const ref = `openapi.json#/${pointer("paths", template, operation, "responses", String(answer.status), "content", type, "schema")}`;
  const validate = ajv.getSchema(ref)!;
  if (validate(body)) return undefined;
  const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "(body)"} ${e.message}`);
  return `${where}: body does not match the document: ${errors.join("; ")}`;
}

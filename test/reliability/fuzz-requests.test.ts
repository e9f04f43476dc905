/**
 * Property test over every endpoint: thousands of generated requests with hostile keys and parameters
 * (Unicode, %00, path traversal, 100 kB strings, huge and negative numbers, repeated and unknown
 * parameters) sent over a real socket. Never a 5xx; every 4xx is problem+json naming the parameter;
 * valid requests keep being answered in between.
 */
import { request as httpRequest, Agent } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { NODE_TYPES, RELATIONS } from "../../server/domain/vocabulary";
import { openApiDocument } from "../../server/api/openapi";
import { DEFAULT_LIMITS, requestSchemas } from "../../server/api/request-schemas";
import { makeApp } from "../api/_app";

/** Far above the real server's (Node's 16 KiB), so 100 kB parameters reach the app's own checks. */
const MAX_HEADER_BYTES = 1024 * 1024;
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, makeApp());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, agent, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"] ?? ""), body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const KEYS = ["lei-jun", "xiaomi", "kingsoft-cloud", "chatglm-6b", "36kr"];
const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "%00",
    "\u0000",
    "../../etc/passwd",
    "..%2F..%2F",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "雷军",
    "🙂",
    "\u202e",
    "%",
    "%E0%A4%A",
    "constructor",
    "__proto__",
    "toString",
    "",
  ),
  fc.constantFrom("x".repeat(100_000), "9".repeat(5_000)),
  fc.constantFrom(...KEYS),
);
const hostileNumber = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom(
    "0",
    "-1",
    "9",
    "1e3",
    "1.5",
    "NaN",
    "Infinity",
    "-0",
    "0x10",
    "99999999999999999999999",
    " 2",
    "2 ",
    "+2",
    "",
  ),
);
const list = (values: readonly string[]) =>
  fc.oneof(
    fc.subarray([...values], { minLength: 1 }).map((v) => v.join(",")),
    hostileText,
  );

const PARAMS: Record<string, fc.Arbitrary<string>> = {
  type: list(NODE_TYPES),
  relation: list(RELATIONS),
  depth: hostileNumber,
  limit: hostileNumber,
  offset: hostileNumber,
  direction: fc.oneof(fc.constantFrom("in", "out", "both"), hostileText),
  q: hostileText,
  from: fc.oneof(fc.constantFrom(...KEYS), hostileText),
  to: fc.oneof(fc.constantFrom(...KEYS), hostileText),
  source: fc.oneof(fc.constantFrom(...KEYS), hostileText),
  target: fc.oneof(fc.constantFrom(...KEYS), hostileText),
  center: fc.oneof(fc.constantFrom(...KEYS), hostileText),
  asOf: hostileNumber,
  version: fc.oneof(fc.constantFrom("1.3", "1.2draft"), hostileText),
  dynamic: fc.oneof(fc.constantFrom("true", "false"), hostileText),
  bogus: hostileText,
};
// Every documented route, so a new endpoint is fuzzed as soon as it is in the OpenAPI document.
const ROUTES = Object.keys(openApiDocument(requestSchemas(DEFAULT_LIMITS), "fuzz").paths);

/** How a generated value is put on the wire: encoded, raw (malformed escapes and all), or encoded twice. */
const encoding = fc.constantFrom("encoded", "encoded", "raw", "double");
const onWire = (value: string, how: string) => {
  if (how === "double") return encodeURIComponent(encodeURIComponent(value));
  // Raw text must still be a legal request line: escape only what Node refuses to send.
  if (how === "raw")
    return value.replace(/[^\x21-\x7e]|[#?&]/gu, (c) =>
      c.length > 1 || c.charCodeAt(0) < 0xd800 || c.charCodeAt(0) > 0xdfff ? encodeURIComponent(c) : "%EF%BF%BD",
    );
  return encodeURIComponent(value);
};

const requestArbitrary = fc.record({
  route: fc.constantFrom(...ROUTES),
  key: fc.oneof(fc.constantFrom(...KEYS), hostileText),
  keyEncoding: encoding,
  params: fc.array(fc.tuple(fc.constantFrom(...Object.keys(PARAMS)), fc.nat(), encoding), { maxLength: 5 }),
  seedValues: fc.array(fc.oneof(...Object.values(PARAMS)), { minLength: 5, maxLength: 5 }),
});

describe("fuzzed requests", () => {
  it(`never answers 5xx, and names the parameter in every 4xx (${RUNS} requests)`, async () => {
    let served = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async ({ route, key, keyEncoding, params, seedValues }) => {
        const path = route.replace("{key}", onWire(key, keyEncoding) || "x");
        const query = params.map(([name, i, how], n) => `${name}=${onWire(seedValues[(i + n) % 5]!, how)}`).join("&");
        const url = query ? `${path}?${query}` : path;
        const res = await get(url);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        served++;
        if (res.status >= 500) return false;
        // Past the header limit Node's own parser answers 431 before the app sees the request.
        if (res.status === 431) return url.length > MAX_HEADER_BYTES - 1024;
        if (res.status >= 400) {
          expect(res.type).toMatch(/^application\/problem\+json/);
          const problem = JSON.parse(res.body);
          expect(problem.status).toBe(res.status);
          // A path that matches no route (a raw "/" in a key) or cannot be percent-decoded has no parameter
          // to name; every other 4xx names what was wrong.
          const pathLevel = /^no route for |^Failed to decode param/.test(problem.detail);
          if (!pathLevel) expect(typeof problem.parameter).toBe("string");
          expect(res.body).not.toMatch(/\n\s+at /);
        }
        // A valid request in between still gets its answer.
        if (served % 500 === 0) expect((await get("/api/nodes/lei-jun")).status).toBe(200);
        return true;
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261126) },
    );
    expect(served).toBeGreaterThanOrEqual(RUNS);
    console.log(`fuzzed ${served} requests; statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect((await get("/api/health")).status).toBe(200);
  }, 600_000);
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { getText, makeApp } from "./_app";

describe("security headers", () => {
  const app = makeApp();
  it("sends a Content Security Policy that allows only the app's own scripts and styles", async () => {
    const res = await request(app).get("/api/health").expect(200);
    const csp = res.headers["content-security-policy"]!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("denies framing in both headers alike, and sends no HSTS over plain HTTP", async () => {
    const res = await request(app).get("/api/health").expect(200);
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  it("is read-only: other methods are 405 problems with an Allow header", async () => {
    const res = await request(app).post("/api/nodes").send({ a: 1 }).expect(405);
    expect(res.type).toBe("application/problem+json");
    expect(res.headers.allow).toBe("GET, HEAD");
    await request(app).delete("/api/nodes/lei-jun").expect(405);
  });

  it("answers OPTIONS with 405 and Allow, as other methods, when CORS is off", async () => {
    for (const url of ["/api/nodes", "/api/health", "/"]) {
      const res = await request(app).options(url).expect(405);
      expect(res.type).toBe("application/problem+json");
      expect(res.headers.allow).toBe("GET, HEAD");
    }
  });
});

describe("query strings", () => {
  const app = makeApp();
  it("rejects an unknown parameter after 1,000 others instead of dropping it", async () => {
    const res = await request(app)
      .get(`/api/nodes?${"&".repeat(1000)}tpye=person`)
      .expect(400);
    expect(res.body).toMatchObject({ parameter: "tpye", detail: 'unknown parameter "tpye"' });
    const many = Array.from({ length: 1200 }, () => "type=person").join("&");
    const repeated = await request(app).get(`/api/nodes?${many}`).expect(400);
    expect(repeated.body.parameter).toBe("type");
    const late = await request(app)
      .get(`/api/nodes?${"limit=1&".repeat(1000)}offset=0`)
      .expect(400);
    expect(late.body.detail).toBe("limit was given more than once; give it once");
  });
});

describe("source maps", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kg-maps-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>t</title>");
  writeFileSync(path.join(dir, "assets", "app.js"), "console.log(1);\n");
  writeFileSync(path.join(dir, "assets", "app.js.map"), '{"version":3,"sources":["secret.ts"]}');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const app = makeApp({ clientDir: dir });

  it("are never served, even when a build left one in the folder", async () => {
    await request(app).get("/assets/app.js").expect(200);
    for (const url of ["/assets/app.js.map", "/assets/app.js.m%61p", "/assets/app.js.MAP"]) {
      const res = await request(app).get(url).expect(404);
      expect(res.text).not.toContain("secret.ts");
    }
  });
});

describe("CORS", () => {
  it("is off by default", async () => {
    const res = await request(makeApp()).get("/api/health").set("Origin", "https://elsewhere.example").expect(200);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows only the configured origins", async () => {
    const app = makeApp({ corsOrigins: ["https://notebook.example"] });
    const allowed = await request(app).get("/api/health").set("Origin", "https://notebook.example").expect(200);
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://notebook.example");
    const other = await request(app).get("/api/health").set("Origin", "https://elsewhere.example").expect(200);
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("answers a preflight (OPTIONS) for the API when origins are configured", async () => {
    const app = makeApp({ corsOrigins: ["https://notebook.example"] });
    const res = await request(app)
      .options("/api/nodes")
      .set("Origin", "https://notebook.example")
      .set("Access-Control-Request-Method", "GET")
      .expect(204);
    expect(res.headers["access-control-allow-methods"]).toBe("GET,HEAD");
  });
});

describe("caching and compression", () => {
  const app = makeApp();
  it("compresses large JSON when asked, and answers a repeat with 304", async () => {
    const first = await request(app).get("/api/graph").set("Accept-Encoding", "gzip").expect(200);
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.body.nodes).toHaveLength(57);
    const etag = first.headers.etag!;
    expect(etag).toBeTruthy();
    await request(app).get("/api/graph").set("If-None-Match", etag).expect(304);
    const filtered = await request(app).get("/api/graph?type=person").expect(200);
    expect(filtered.headers.etag).not.toBe(etag);
  });

  it("streams the GEXF export compressed", async () => {
    const res = await getText(app, "/api/export.gexf", { "Accept-Encoding": "gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.body as string).toMatch(/<\/gexf>\s*$/);
  });
});

import request from "supertest";
import { describe, expect, it } from "vitest";
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
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("is read-only: other methods are 405 problems with an Allow header", async () => {
    const res = await request(app).post("/api/nodes").send({ a: 1 }).expect(405);
    expect(res.type).toBe("application/problem+json");
    expect(res.headers.allow).toBe("GET, HEAD");
    await request(app).delete("/api/nodes/lei-jun").expect(405);
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

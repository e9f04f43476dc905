import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeApp } from "./_app";

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

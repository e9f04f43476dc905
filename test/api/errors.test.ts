import request from "supertest";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../server/api/contract";
import { NODE_TYPES } from "../../server/domain/vocabulary";
import { makeApp } from "./_app";

const app = makeApp({ limits: { maxNeighbors: 50 } });

async function problem(url: string, status: number): Promise<Problem> {
  const res = await request(app).get(url).expect(status);
  expect(res.type).toBe("application/problem+json");
  const body = JSON.parse(res.text) as Problem;
  expect(body).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(res.text).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  return body;
}

describe("bad parameters are 400 problem+json naming the parameter", () => {
  it.each([
    ["/api/nodes/lei-jun/neighbors?depth=0", "depth"],
    ["/api/nodes/lei-jun/neighbors?depth=9", "depth"],
    ["/api/nodes/lei-jun/neighbors?depth=two", "depth"],
    ["/api/nodes/lei-jun/neighbors?limit=51", "limit"],
    ["/api/nodes?limit=-1", "limit"],
    ["/api/nodes?offset=1.5", "offset"],
    ["/api/nodes/lei-jun/neighbors?direction=sideways", "direction"],
    ["/api/graph?type=wizard", "type"],
    ["/api/graph?relation=likes", "relation"],
    ["/api/graph?relation=", "relation"],
    ["/api/edges?relation=offers,likes", "relation"],
    ["/api/search", "q"],
    ["/api/search?q=", "q"],
    [`/api/search?q=${"x".repeat(201)}`, "q"],
    ["/api/paths?from=lei-jun", "to"],
    ["/api/graph?type=person&type=company", "type"],
    ["/api/nodes?tpye=person", "tpye"],
    ["/api/export.gexf?depth=2", "depth"],
    ["/api/health?verbose=1", "verbose"],
  ])("%s names %s", async (url, parameter) => {
    expect((await problem(url, 400)).parameter).toBe(parameter);
  });

  it("lists the allowed values of closed sets", async () => {
    const body = await problem("/api/graph?type=person,wizard", 400);
    expect(body.detail).toContain('"wizard"');
    expect(body.allowed).toEqual([...NODE_TYPES]);
    expect((await problem("/api/nodes/x/neighbors?direction=up", 400)).allowed).toEqual(["out", "in", "both"]);
  });
});

describe("unknown things are 404 problem+json", () => {
  it.each([
    ["/api/nodes/nobody", "key"],
    ["/api/nodes/nobody/neighbors", "key"],
    ["/api/edges/nothing", "key"],
    ["/api/edges?source=nobody", "source"],
    ["/api/paths?from=nobody&to=lei-jun", "from"],
    ["/api/paths?from=lei-jun&to=nobody", "to"],
    ["/api/export.gexf?center=nobody", "center"],
  ])("%s names %s", async (url, parameter) => {
    expect((await problem(url, 404)).parameter).toBe(parameter);
  });

  it("answers unknown routes with a problem, not HTML", async () => {
    await problem("/api/nothing-here", 404);
    await problem("/no-such-page", 404);
  });

  it("treats a malformed percent-escape as a bad request", async () => {
    await problem("/api/nodes/%E0%A4%A", 400);
  });
});

describe("the server keeps answering", () => {
  it("serves a valid request after a run of bad ones", async () => {
    for (const url of [
      "/api/nodes/%00",
      "/api/nodes/..%2F..%2Fetc%2Fpasswd",
      "/api/search?q=%F0%9F%98%80",
      "/api/nodes?limit=99999999999999999999",
    ]) {
      const res = await request(app).get(url);
      expect(res.status).toBeLessThan(500);
    }
    await request(app).get("/api/health").expect(200);
  });
});

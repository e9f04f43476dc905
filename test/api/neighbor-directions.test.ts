/**
 * A neighbourhood asked with a direction holds only edges a walk in that direction could take: out from the
 * centre, never an edge into a node nearer the centre (Xiaomi's stake in Kingsoft Cloud, ¶38, is not "out"
 * from Kingsoft Cloud). Checked on every node, both directions, every depth, against a walk done here.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { NeighborhoodResponse } from "../../server/api/contract";
import { embeddedGraph } from "../_fixtures";
import { makeApp } from "./_app";

const app = makeApp();
const graph = embeddedGraph();

const neighbours = async (key: string, direction: string, depth: number) =>
  (await request(app).get(`/api/nodes/${key}/neighbors?direction=${direction}&depth=${depth}`).expect(200))
    .body as NeighborhoodResponse;

/** Breadth-first distances from `center`, stepping source → target ("out") or target → source ("in"). */
function distances(center: string, direction: "out" | "in", depth: number): Map<string, number> {
  const seen = new Map([[center, 0]]);
  let frontier = [center];
  for (let d = 1; d <= depth; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      const step = direction === "out" ? graph.outNeighbors(node) : graph.inNeighbors(node);
      for (const other of step) {
        if (seen.has(other)) continue;
        seen.set(other, d);
        next.push(other);
      }
    }
    frontier = next;
  }
  return seen;
}

describe("GET /api/nodes/:key/neighbors with a direction", () => {
  it("out from Kingsoft Cloud leaves out Xiaomi's stake in it but keeps its own edges to Xiaomi (¶38, ¶42)", async () => {
    const body = await neighbours("kingsoft-cloud", "out", 1);
    const keys = body.edges.map((e) => e.key);
    expect(keys).not.toContain("xiaomi__holds_stake_in__kingsoft-cloud");
    expect(keys).toContain("kingsoft-cloud__moving_away_from__xiaomi");
    expect(body.edges.every((e) => e.target !== "kingsoft-cloud")).toBe(true);
  });

  it("in towards Xiaomi keeps Lei Jun's edges into it and none out of it (¶38)", async () => {
    const body = await neighbours("xiaomi", "in", 1);
    expect(body.edges.map((e) => e.key)).toContain("lei-jun__founded__xiaomi");
    expect(body.edges.every((e) => e.source !== "xiaomi")).toBe(true);
  });

  const cases = graph
    .nodes()
    .flatMap((key) =>
      (["out", "in"] as const).flatMap((direction) => [1, 2, 3].map((depth) => ({ key, direction, depth }))),
    );

  it(`holds, on every node in both directions at depths 1-3 (${cases.length} cases), exactly the edges the walk can take`, async () => {
    for (const { key, direction, depth } of cases) {
      const body = await neighbours(key, direction, depth);
      const expected = distances(key, direction, depth);
      const where = `${key} ${direction} depth ${depth}`;
      expect(new Map(body.nodes.map((n) => [n.key, n.distance])), where).toEqual(expected);
      const walkable = graph
        .filterEdges((_edge, _a, source, target) => {
          const [from, to] = direction === "out" ? [source, target] : [target, source];
          return expected.has(from) && expected.has(to) && expected.get(to)! >= expected.get(from)!;
        })
        .sort();
      expect(body.edges.map((e) => e.key).sort(), where).toEqual(walkable);
    }
  });
});

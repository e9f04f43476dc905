/** The API on a big generated graph: answers that used to fail or grow without bound on it. */
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { TimelineResponse } from "../../server/api/contract";
import { bigDatedGraph } from "../_big-graph";
import { makeApp } from "./_app";

// 30,000 nodes and 59,998 edges, every one dated: about 90,000 events.
const graph = bigDatedGraph(30_000);
const app = makeApp({ graph });

describe("/api/timeline on a big dated graph", () => {
  it("answers 200 with the range of every event (Math.min over 90,000 arguments overflowed the stack)", async () => {
    const res = await request(app).get("/api/timeline").expect(200);
    const body = res.body as TimelineResponse;
    expect(body.events.length).toBe(graph.order + graph.size);
    expect(body.range).toEqual({ start: 1990, end: 2029 });
  }, 60_000);
});

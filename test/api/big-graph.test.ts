/** The API on a big generated graph: answers that used to fail or grow without bound on it. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { TimelineResponse } from "../../server/api/contract";
import { nodeDetail } from "../../server/api/views";
import { bigDatedGraph } from "../_big-graph";
import { copyAsOf } from "../_reference-graphs";
import { getText, makeApp } from "./_app";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

// 30,000 nodes and 59,998 edges, every one dated: about 90,000 events.
const graph = bigDatedGraph(30_000);
const app = makeApp({ graph });

describe("/api/timeline on a big dated graph", () => {
  it("answers 200 with the range of every event (Math.min over 90,000 arguments overflowed the stack)", async () => {
    const res = await request(app).get("/api/timeline").expect(200);
    const body = res.body as TimelineResponse;
    expect(body.events.length).toBe(graph.order - 1 + graph.size);
    expect(body.range).toEqual({ start: 1990, end: 2029 });
  }, 60_000);
});

describe("?asOf= on a big graph: a filter, not a copy per year", () => {
  it("answers as the copied graph of that year would", async () => {
    for (const year of [1998, 2003, 2007]) {
      const detail = await request(app).get(`/api/nodes/n7?asOf=${year}`).expect(200);
      expect(detail.body).toEqual(nodeDetail(copyAsOf(graph, year), "n7", undefined, { offset: 0, limit: 1000 }));
    }
  }, 60_000);

  it("holds no memory per year: 40 distinct years of every as-of route", async () => {
    const before = heapAfterGc();
    for (let year = 1990; year < 2030; year++) {
      await request(app).get(`/api/nodes/n0?asOf=${year}`).expect(200);
      await request(app).get(`/api/nodes/n0/neighbors?asOf=${year}&depth=2&limit=2000`).expect(200);
      const path = await request(app).get(`/api/paths?from=n1&to=n900&asOf=${year}`);
      expect([200, 404]).toContain(path.status);
      if (year % 8 === 0) {
        expect((await getText(app, `/api/graph?asOf=${year}`)).status).toBe(200);
        expect((await getText(app, `/api/export.gexf?asOf=${year}`)).status).toBe(200);
      }
    }
    const grown = heapAfterGc() - before;
    // One copy of this graph is tens of MB; the copies per year this replaces kept up to eight of them.
    expect(grown).toBeLessThan(16 * 1024 * 1024);
  }, 300_000);
});

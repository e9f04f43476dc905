/**
 * Metrics in the GEXF export (`?metrics=`, `npm run export -- --metrics`): declared numeric node columns
 * (`metric_pagerank` "PageRank", `metric_community` "Community", ...) with the values /api/metrics gives,
 * read back by graphology-gexf and networkx 3 and valid against the XSD, so Gephi can size and filter by them.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { MetricsResponse, Problem } from "../../server/api/contract";
import { getText, makeApp } from "../api/_app";
import {
  networkx3,
  optionalTool,
  readWithGraphology,
  readWithNetworkx,
  requireTool,
  runSchema12,
  runValidator,
  schema12Availability,
  validatorAvailability,
  writeTemp,
} from "./_readers";

const app = makeApp();
const ASKED = "pagerank,community,degree,betweenness";

async function metricsByKey(query: string): Promise<Map<string, MetricsResponse["nodes"][number]>> {
  const body = (await request(app).get(`/api/metrics?metrics=${ASKED}${query}`).expect(200)).body as MetricsResponse;
  return new Map(body.nodes.map((row) => [row.key, row]));
}

describe("metrics as GEXF columns", () => {
  it("declares each metric once, typed, and gives every node the values /api/metrics gives (graphology-gexf)", async () => {
    const xml = (await getText(app, `/api/export.gexf?metrics=${ASKED}`).expect(200)).body as string;
    expect(xml).toContain('<attribute id="metric_pagerank" title="PageRank" type="double"/>');
    expect(xml).toContain('<attribute id="metric_community" title="Community" type="integer"/>');
    expect(xml.match(/id="metric_degree"/g)).toHaveLength(1);
    const read = readWithGraphology(xml);
    const expected = await metricsByKey("");
    expect(read.order).toBe(expected.size);
    read.forEachNode((key, a) => {
      const row = expected.get(key)!;
      expect(a.metric_pagerank).toBeCloseTo(row.pagerank!, 9);
      expect(a.metric_betweenness).toBeCloseTo(row.betweenness!, 9);
      expect(a.metric_community).toBe(row.community);
      expect(a.metric_degree).toBe(row.degree);
    });
  });

  it("computes them on the graph the filters give, and passes the XSD in 1.3 and 1.2draft", async ({ skip }) => {
    const query = "&type=company,cloud_provider&relation=holds_stake_in,competes_with,part_of&asOf=2023";
    const xml = (await getText(app, `/api/export.gexf?metrics=${ASKED}${query}`).expect(200)).body as string;
    const read = readWithGraphology(xml);
    const expected = await metricsByKey(query);
    expect(read.order).toBe(expected.size);
    read.forEachNode((key, a) => expect(a.metric_degree).toBe(expected.get(key)!.degree));
    requireTool(validatorAvailability(), skip);
    const v13 = (await getText(app, `/api/export.gexf?metrics=${ASKED}`).expect(200)).body as string;
    const check13 = runValidator(writeTemp("metrics.gexf", v13));
    expect(check13.status, check13.output).toBe(0);
    requireTool(schema12Availability(), skip);
    const v12 = (await getText(app, `/api/export.gexf?metrics=${ASKED}&version=1.2draft`).expect(200)).body as string;
    const check12 = runSchema12(v12);
    expect(check12.status, check12.output).toBe(0);
  });

  it("reads as numbers in networkx 3", async ({ skip }) => {
    const python = networkx3();
    optionalTool(python, skip);
    const xml = (await getText(app, `/api/export.gexf?metrics=${ASKED}`).expect(200)).body as string;
    const reading = readWithNetworkx(writeTemp("metrics.gexf", xml), python.python);
    expect(reading.error).toBeUndefined();
    const ksc = reading.graph!.nodes["kingsoft-cloud"]!;
    expect(ksc.types).toMatchObject({ PageRank: "float", Community: "int", Degree: "int" });
    expect(ksc.data.Degree).toBe((await metricsByKey("")).get("kingsoft-cloud")!.degree);
  });

  it("refuses an unknown metric with a 400 naming the parameter", async () => {
    const problem = (await request(app).get("/api/export.gexf?metrics=pagerank,fame").expect(400)).body as Problem;
    expect(problem).toMatchObject({ parameter: "metrics", detail: expect.stringContaining("fame") });
  });
});

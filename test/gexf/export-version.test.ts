/** The version option end to end: `GET /api/export.gexf?version=...` (supertest) and `npm run export -- --version`. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import { getText as getTextFrom } from "../api/_app";
import { createApp } from "../../server/api/app";
import type { Problem } from "../../server/api/contract";
import { loadGraph } from "../../server/load-graph";
import { run } from "../cli/_run";
import {
  requireTool,
  runSchema12,
  runValidator,
  schema12Availability,
  validatorAvailability,
  writeTemp,
} from "./_readers";

let app: Express;

beforeAll(async () => {
  const { graph, datasetName } = await loadGraph();
  app = createApp({ graph, datasetName, log: () => {} });
});

const getText = (url: string) => getTextFrom(app, url);

describe("GET /api/export.gexf?version=", () => {
  it("serves 1.2draft on ?version=1.2draft, valid against the 1.2draft XSD", async (ctx) => {
    const res = await getText("/api/export.gexf?version=1.2draft").expect(200);
    expect(res.headers["content-type"]).toMatch(/^application\/gexf\+xml/);
    const xml = res.body as string;
    expect(xml).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
    expect(xml).toContain('<edges count="101">');
    requireTool(schema12Availability(), ctx.skip);
    const result = runSchema12(xml);
    expect(result.status, result.output).toBe(0);
  });

  it("serves 1.3 by default and on ?version=1.3", async (ctx) => {
    const byDefault = (await getText("/api/export.gexf").expect(200)).body as string;
    const explicit = (await getText("/api/export.gexf?version=1.3").expect(200)).body as string;
    expect(byDefault).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(explicit).toBe(byDefault);
    requireTool(validatorAvailability(), ctx.skip);
    const result = runValidator(writeTemp("api.gexf", explicit));
    expect(result.status, result.output).toBe(0);
  });

  it("combines with a selection", async () => {
    const xml = (await getText("/api/export.gexf?center=lei-jun&depth=1&direction=out&version=1.2draft").expect(200))
      .body as string;
    expect(xml).toContain('<nodes count="3">');
    expect(xml).toContain('version="1.2"');
  });

  it.each(["2", "1.2", "1.1draft", ""])("answers ?version=%s with a 400 problem naming version", async (version) => {
    const res = await request(app).get(`/api/export.gexf?version=${version}`).expect(400);
    expect(res.type).toBe("application/problem+json");
    const body = JSON.parse(res.text) as Problem;
    expect(body).toMatchObject({ status: 400, parameter: "version" });
  });
});

describe("npm run export -- --version", () => {
  it("writes 1.2draft with --version 1.2draft", async (ctx) => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "kg-export-")), "graph.gexf");
    const cli = run("server/cli/export.ts", ["--out", out, "--version", "1.2draft"]);
    expect(await cli.exited, cli.output()).toBe(0);
    const xml = readFileSync(out, "utf8");
    expect(xml).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
    requireTool(schema12Availability(), ctx.skip);
    expect(runSchema12(xml).status).toBe(0);
  });

  it("rejects --version 2 by name", async () => {
    const cli = run("server/cli/export.ts", ["--out", path.join(tmpdir(), "never.gexf"), "--version", "2"]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain("--version");
  });
});

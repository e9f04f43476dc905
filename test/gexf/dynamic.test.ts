/**
 * Dynamic GEXF 1.3 (`dynamic: true`, `?dynamic=true`, `--dynamic`) for Gephi's timeline: year intervals on nodes
 * and edges, figures as dynamic attributes over the dates each point holds for, with its basis, sources and
 * note. Checked on the embedded dataset against the official XSD, our own structural rules (one attribute block
 * per class, intervals well-formed and never overlapping), graphology-gexf (which ignores time), networkx 3
 * (which reads the intervals) and, when present, jing with the RELAX NG schema.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import type { Express } from "express";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { getText as getTextFrom } from "../api/_app";
import { createApp } from "../../server/api/app";
import type { Problem } from "../../server/api/contract";
import type { Figure } from "../../server/domain/dataset-schema";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { dynamicFigureValues } from "../../server/gexf/dynamic";
import { pointSpan } from "../../server/gexf/periods";
import { gexfToString } from "../../server/gexf/write-gexf";
import { loadGraph } from "../../server/load-graph";
import { run } from "../cli/_run";
import {
  checkDynamic,
  checkReferences,
  jingAvailability,
  networkx3,
  networkxAvailability,
  optionalTool,
  readWithGraphology,
  readWithNetworkx,
  requireTool,
  runJing,
  runValidator,
  systemPython,
  validatorAvailability,
  writeTemp,
} from "./_readers";

const CUSTOMER = "xiaomi__customer_of__kingsoft-cloud";
const LISTING = "kingsoft-cloud__listed_on__us-stock-market";
let graph: KnowledgeGraph;
let datasetName: string;
let xml: string;
let file: string;
let doc: Document;

beforeAll(async () => {
  ({ graph, datasetName } = await loadGraph());
  xml = await gexfToString(graph, { dynamic: true, lastModifiedDate: "2026-01-01" });
  file = writeTemp("dynamic.gexf", xml);
  doc = new DOMParser().parseFromString(xml, "application/xml") as unknown as Document;
});

const byId = (tag: "node" | "edge", id: string) =>
  Array.from(doc.getElementsByTagName(tag)).find((e) => e.getAttribute("id") === id)!;
const attvalues = (element: Element, column: string) =>
  Array.from(element.getElementsByTagName("attvalue"))
    .filter((v) => v.getAttribute("for") === column)
    .map((v) => [v.getAttribute("value"), v.getAttribute("start") || null, v.getAttribute("end") || null]);
const yearStart = (year: number | undefined) => (year === undefined ? null : `${year}-01-01`);
const yearEnd = (year: number | undefined) => (year === undefined ? null : `${year}-12-31`);

describe("dynamic GEXF 1.3 of the embedded dataset", () => {
  it("is a dynamic graph with one attribute block per class, so that graphology-gexf sees every column", () => {
    expect(xml).toContain(
      '<graph mode="dynamic" timeformat="date" timerepresentation="interval" defaultedgetype="directed">',
    );
    const blocks = Array.from(doc.getElementsByTagName("attributes")).map(
      (b) => `${b.getAttribute("class")}:${b.getAttribute("mode") || "static"}`,
    );
    expect(blocks).toEqual(["node:dynamic", "edge:dynamic"]);
    expect(xml).toContain('<attribute id="time_start" title="Start year" type="integer"/>');
    expect(xml).not.toContain(' for="fig_revenue_2023"'); // no per-year static figure columns
  });

  it("names columns by meaning: ¶35-36 training cost 'at first' and 'now' are two columns, not max and max_2", () => {
    const ids = Array.from(doc.getElementsByTagName("attribute")).map((a) => a.getAttribute("id")!);
    expect(ids.filter((id) => /^fig_training_cost/.test(id) && !/_(basis|sources|note)$/.test(id))).toEqual([
      "fig_training_cost_at_first_max",
      "fig_training_cost_at_first_min",
      "fig_training_cost_now_with_dearer_computing_power_max",
    ]);
    expect(ids.filter((id) => /^fig_.*_\d+$/.test(id))).toEqual([]); // no overflow columns on this dataset
    const topic = byId("node", "large-model-development");
    expect(attvalues(topic, "fig_training_cost_at_first_min")).toEqual([["200000000", null, null]]);
    expect(attvalues(topic, "fig_training_cost_now_with_dearer_computing_power_max")).toEqual([
      ["500000000", null, null],
    ]);
  });

  it("keeps periods as dates: Q4 2023 (¶47), the 2023 year-end cash (¶37) and April 2023 cuts (¶16)", () => {
    const ksc = byId("node", "kingsoft-cloud");
    expect(attvalues(ksc, "fig_quarterly_revenue")).toEqual([["1722000000", "2023-10-01", "2023-12-31"]]);
    expect(attvalues(ksc, "fig_cash_and_equivalents")).toEqual([["2255000000", "2023-12-31", "2023-12-31"]]);
    const cuts = byId("edge", "alibaba-cloud__initiated__price-cut-wave");
    expect(attvalues(cuts, "fig_core_product_price_cut_min")).toEqual([["15", "2023-04-01", "2023-04-30"]]);
    expect(attvalues(cuts, "fig_core_product_price_cut_max")).toEqual([["50", "2023-04-01", "2023-04-30"]]);
  });

  it("keeps each point's basis, sources and note: the derived 2021 revenue (¶9) and the gross-profit note (¶25)", () => {
    const ksc = byId("node", "kingsoft-cloud");
    expect(attvalues(ksc, "fig_revenue_basis")).toEqual([
      ["derived", "2021-01-01", "2021-12-31"],
      ["stated", "2022-01-01", "2022-12-31"],
      ["stated", "2023-01-01", "2023-12-31"],
    ]);
    expect(attvalues(ksc, "fig_revenue_sources")[0]).toEqual(["article ¶9", "2021-01-01", "2021-12-31"]);
    expect(attvalues(ksc, "fig_revenue_note")[0]![0]).toMatch(/9\.72/);
    const gross = attvalues(ksc, "fig_gross_profit_note").find((v) => v[1] === "2023-01-01")!;
    expect(gross[0]).toMatch(/gross profit/);
    expect(attvalues(ksc, "fig_gross_profit_sources")).toContainEqual(["article ¶25", "2023-01-01", "2023-12-31"]);
  });

  it("gives every dated node and edge its inclusive year interval, and undated ones none", () => {
    for (const kind of ["node", "edge"] as const) {
      const keys = kind === "node" ? graph.nodes() : graph.edges();
      for (const key of keys) {
        const time = kind === "node" ? graph.getNodeAttribute(key, "time") : graph.getEdgeAttribute(key, "time");
        const element = byId(kind, key);
        expect([element.getAttribute("start") || null, element.getAttribute("end") || null], key).toEqual([
          yearStart(time?.start),
          yearEnd(time?.end),
        ]);
      }
    }
    expect(byId("edge", LISTING).getAttribute("start")).toBe("2020-01-01");
    expect(byId("edge", LISTING).hasAttribute("end")).toBe(false);
    const wave = byId("node", "price-cut-wave");
    expect([wave.getAttribute("start"), wave.getAttribute("end")]).toEqual(["2023-01-01", "2024-12-31"]);
    expect(byId("node", "kingsoft-cloud").hasAttribute("start")).toBe(false);
  });

  it("writes the related-party share by year (¶38) and the early-days contribution (¶41) in its own column", () => {
    const edge = byId("edge", CUSTOMER);
    expect(attvalues(edge, "fig_related_party_share")).toEqual([
      ["14.4", "2019-01-01", "2019-12-31"],
      ["10", "2020-01-01", "2020-12-31"],
      ["8.3", "2021-01-01", "2021-12-31"],
    ]);
    expect(attvalues(edge, "fig_revenue_contribution_early_days_min")).toEqual([["80", null, null]]);
  });

  it("keeps every finite figure value: one attvalue per point, dated ones over their dates", () => {
    for (const kind of ["node", "edge"] as const) {
      const keys = kind === "node" ? graph.nodes() : graph.edges();
      for (const key of keys) {
        const figures: Figure[] =
          kind === "node" ? graph.getNodeAttribute(key, "figures") : graph.getEdgeAttribute(key, "figures");
        const want = figures
          .flatMap((f) =>
            f.points.flatMap((p) =>
              [p.value, p.min, p.max]
                .filter((v) => v !== undefined)
                .map((v) => [String(v), String(pointSpan(p)?.start ?? null)]),
            ),
          )
          .map((pair) => pair.join("@"))
          .sort();
        const dynamicIds = new Set(
          Array.from(doc.getElementsByTagName("attributes"))
            .filter((b) => b.getAttribute("class") === kind)
            .flatMap((b) => Array.from(b.getElementsByTagName("attribute")))
            .filter((a) => a.getAttribute("id")!.startsWith("fig_") && a.getAttribute("type") === "double")
            .map((a) => a.getAttribute("id")),
        );
        const got = Array.from(byId(kind, key).getElementsByTagName("attvalue"))
          .filter((v) => dynamicIds.has(v.getAttribute("for")))
          .map((v) => `${v.getAttribute("value")}@${v.getAttribute("start") || null}`)
          .sort();
        expect(got, key).toEqual(want);
      }
    }
  });

  it("passes the structural checks: declared columns, typed values, well-formed intervals that never overlap", () => {
    expect(checkReferences(xml)).toEqual([]);
    expect(checkDynamic(xml)).toEqual([]);
    // The check can fail: a second 2019 value, an interval on a static column, a reversed span.
    expect(checkDynamic(xml.replace('value="10" start="2020-01-01"', 'value="10" start="2019-01-01"'))).toHaveLength(1);
    expect(
      checkDynamic(
        xml.replace(
          '<attvalue for="relation" value="customer_of"/>',
          '<attvalue for="relation" value="customer_of" start="2019-01-01"/>',
        ),
      ),
    ).toHaveLength(1);
    expect(
      checkDynamic(xml.replace('start="2023-01-01" end="2024-12-31"', 'start="2025-01-01" end="2024-12-31"')),
    ).not.toEqual([]);
  });

  it("is refused with 1.2draft, naming dynamic", async () => {
    await expect(gexfToString(graph, { dynamic: true, version: "1.2draft" })).rejects.toThrow(/dynamic/);
  });

  it("adds node time columns to the static export too", async () => {
    const staticXml = await gexfToString(graph, { lastModifiedDate: "2026-01-01" });
    expect(staticXml).toContain('<graph mode="static" defaultedgetype="directed">');
    expect(staticXml).not.toMatch(/ start="| end="/);
    const wave = staticXml.split("\n").find((line) => line.includes('<node id="price-cut-wave"'))!;
    expect(wave).toContain('<attvalue for="time_start" value="2023"/><attvalue for="time_end" value="2024"/>');
  });
});

describe("dynamicFigureValues: one column per series and named period, intervals that never overlap", () => {
  const source = [{ document: "d", paragraph: 1 }];
  const figure = (points: Figure["points"]): Figure => ({ key: "revenue", label: "Revenue", unit: "CNY", points });
  const columns = (figures: Figure[]) =>
    dynamicFigureValues(figures)
      .filter((v) => v.type === "double")
      .map((v) => `${v.id}:${v.value}@${v.span ? `${v.span.start}/${v.span.end}` : "-"}`);

  it("narrows a year by a calendar period, names a column by any other, and moves a true overlap on", () => {
    const points = [
      { year: 2023, value: 7, basis: "stated", sources: source },
      { year: 2023, period: "Q4", value: 2, basis: "stated", sources: source },
      { year: 2024, period: "H1", value: 3, basis: "stated", sources: source },
      { year: 2024, period: "year end", value: 4, basis: "stated", sources: source },
      { period: "early days", value: 1, basis: "stated", sources: source },
      { year: 2022, value: 8, basis: "stated", sources: source },
    ] as Figure["points"];
    expect(columns([figure(points)])).toEqual([
      "fig_revenue:7@2023-01-01/2023-12-31",
      "fig_revenue_2:2@2023-10-01/2023-12-31", // inside 2023, so not in the same column
      "fig_revenue:3@2024-01-01/2024-06-30",
      "fig_revenue:4@2024-12-31/2024-12-31",
      "fig_revenue:8@2022-01-01/2022-12-31",
      "fig_revenue_early_days:1@-",
    ]);
    const values = dynamicFigureValues([figure(points)]);
    expect(values.find((v) => v.id === "fig_revenue_2")!.title).toBe("Revenue #2 (CNY)");
    expect(values.find((v) => v.id === "fig_revenue_early_days")!.title).toBe("Revenue, early days (CNY)");
  });

  it("writes each point's basis, sources and note over the same dates as its values", () => {
    const points = [
      { year: 2021, value: 9, basis: "derived", note: "8 / 0.9", sources: source },
      { year: 2022, value: 8, basis: "stated", sources: source },
    ] as Figure["points"];
    const text = dynamicFigureValues([figure(points)])
      .filter((v) => v.type === "string")
      .map((v) => `${v.id}=${v.value}@${v.span?.start}`);
    expect(text).toEqual([
      "fig_revenue_basis=derived@2021-01-01",
      "fig_revenue_sources=d ¶1@2021-01-01",
      "fig_revenue_note=8 / 0.9@2021-01-01",
      "fig_revenue_basis=stated@2022-01-01",
      "fig_revenue_sources=d ¶1@2022-01-01",
    ]);
  });

  it("leaves out NaN and ±Infinity (and a point with nothing else), and puts bounds in _min / _max", () => {
    const points = [
      { year: 2020, value: NaN, basis: "stated", sources: source },
      { year: 2021, min: 3, max: Infinity, basis: "stated", sources: source },
    ] as Figure["points"];
    expect(columns([figure(points)])).toEqual(["fig_revenue_min:3@2021-01-01/2021-12-31"]);
    expect(dynamicFigureValues([figure(points)]).map((v) => v.id)).not.toContain("fig_revenue_2");
  });
});

describe("readers of the dynamic file", () => {
  it("validates against the official GEXF 1.3 XSD", (ctx) => {
    requireTool(validatorAvailability(), ctx.skip);
    const result = runValidator(file);
    expect(result.status, result.output).toBe(0);
  });

  it("passes the RELAX NG schema with jing (when installed)", (ctx) => {
    const found = jingAvailability();
    if (!found.ok) {
      console.warn(`skipped: ${found.reason}`);
      return ctx.skip(found.reason);
    }
    const whole = runJing(file);
    expect(whole.status, whole.output).toBe(0);
  });

  it("graphology-gexf (Gephi Lite) reads it as it is, every column declared and typed (it ignores time)", () => {
    // It keeps only the last <attributes> block of a class: with one block per class, that is all of them.
    const parsed = readWithGraphology(xml);
    expect([parsed.order, parsed.size]).toEqual([graph.order, graph.size]);
    expect(parsed.getNodeAttribute("lei-jun", "labelZh")).toBe("雷军");
    expect(parsed.getNodeAttribute("price-cut-wave", "time_start")).toBe(2023); // declared integer
    expect(parsed.getNodeAttributes("price-cut-wave")).not.toHaveProperty("start");
    // One value per column: the last attvalue wins.
    expect(parsed.getEdgeAttribute(CUSTOMER, "fig_related_party_share")).toBe(8.3);
    expect(parsed.getEdgeAttribute(CUSTOMER, "fig_revenue_contribution_early_days_min")).toBe(80);
    expect(parsed.getNodeAttribute("kingsoft-cloud", "fig_quarterly_revenue")).toBe(1.722e9);
  });

  it("networkx 3 reads the intervals: (value, start, end) lists, 'None' for an undated value", (ctx) => {
    const found = networkx3();
    optionalTool(found, ctx.skip);
    const reading = readWithNetworkx(file, found.python);
    expect(reading.error).toBeUndefined();
    const g = reading.graph!;
    expect(Object.keys(g.nodes).sort()).toEqual(graph.nodes().sort());
    expect(g.edges.map((e) => e.key).sort()).toEqual(graph.edges().sort());
    const customer = g.edges.find((e) => e.key === CUSTOMER)!.data;
    expect(customer["Related-party transactions with Xiaomi, share of Kingsoft Cloud's revenue (%)"]).toEqual([
      [14.4, "2019-01-01", "2019-12-31"],
      [10, "2020-01-01", "2020-12-31"],
      [8.3, "2021-01-01", "2021-12-31"],
    ]);
    expect(customer["Xiaomi's contribution to Kingsoft Cloud's revenue, early days (min, %)"]).toEqual([
      [80, "None", "None"],
    ]);
    // A record's own columns are dynamic too (one block per class), valid throughout.
    expect(g.nodes["price-cut-wave"]!.data).toMatchObject({
      start: "2023-01-01",
      end: "2024-12-31",
      "Start year": [[2023, "None", "None"]],
    });
    const ksc = g.nodes["kingsoft-cloud"]!.data;
    expect(ksc["Quarterly revenue (CNY)"]).toEqual([[1.722e9, "2023-10-01", "2023-12-31"]]);
    expect(ksc["Revenue: basis"]).toEqual([
      ["derived", "2021-01-01", "2021-12-31"],
      ["stated", "2022-01-01", "2022-12-31"],
      ["stated", "2023-01-01", "2023-12-31"],
    ]);
    expect(g.edges.find((e) => e.key === LISTING)!.data).toMatchObject({ start: "2020-01-01" });
    expect(g.edges.find((e) => e.key === LISTING)!.data).not.toHaveProperty("end");
  });

  it("Debian's networkx 2.8 cannot read it (no GEXF 1.3 before networkx 3)", (ctx) => {
    requireTool(networkxAvailability(), ctx.skip);
    const reading = readWithNetworkx(file, systemPython);
    if (Number.parseInt(reading.version, 10) >= 3) return ctx.skip(`${systemPython} has networkx ${reading.version}`);
    expect(reading.error).toBe("NetworkXError: No <graph> element in GEXF file.");
  });
});

describe("GET /api/export.gexf?dynamic=", () => {
  let app: Express;
  beforeAll(() => {
    app = createApp({ graph, datasetName, log: () => {} });
  });
  const getText = (url: string) => getTextFrom(app, url);

  it("serves the dynamic file on ?dynamic=true, valid against the XSD", async (ctx) => {
    const res = await getText("/api/export.gexf?dynamic=true").expect(200);
    expect(res.headers["content-type"]).toMatch(/^application\/gexf\+xml/);
    const body = res.body as string;
    expect(body).toContain('<graph mode="dynamic" timeformat="date" timerepresentation="interval"');
    expect(checkDynamic(body)).toEqual([]);
    requireTool(validatorAvailability(), ctx.skip);
    const result = runValidator(writeTemp("api-dynamic.gexf", body));
    expect(result.status, result.output).toBe(0);
  });

  it("serves the static file on ?dynamic=false and by default, and combines with a selection", async () => {
    const byDefault = (await getText("/api/export.gexf").expect(200)).body as string;
    expect((await getText("/api/export.gexf?dynamic=false").expect(200)).body).toBe(byDefault);
    expect(byDefault).toContain('<graph mode="static"');
    const selection = (await getText("/api/export.gexf?center=xiaomi&depth=1&dynamic=true").expect(200)).body as string;
    expect(selection).toContain('mode="dynamic"');
    expect(selection).toContain('for="fig_related_party_share" value="14.4" start="2019-01-01" end="2019-12-31"');
  });

  it.each([
    ["dynamic=true&version=1.2draft", "with 1.2draft"],
    ["dynamic=true&asOf=2020", "with asOf"],
    ["dynamic=yes", "not true/false"],
    ["dynamic=", "empty"],
  ])("answers ?%s (%s) with a 400 problem naming dynamic", async (query) => {
    const res = await request(app).get(`/api/export.gexf?${query}`).expect(400);
    expect(res.type).toBe("application/problem+json");
    expect(JSON.parse(res.text) as Problem).toMatchObject({ status: 400, parameter: "dynamic" });
  });
});

describe("npm run export -- --dynamic", () => {
  it("writes the dynamic file", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "kg-export-")), "graph.gexf");
    const cli = run("server/cli/export.ts", ["--out", out, "--dynamic"]);
    expect(await cli.exited, cli.output()).toBe(0);
    const written = readFileSync(out, "utf8");
    expect(written).toContain('<graph mode="dynamic"');
    expect(checkDynamic(written)).toEqual([]);
  });

  it.each([
    ["--version", "1.2draft"],
    ["--as-of", "2020"],
  ])("refuses --dynamic with %s, naming --dynamic", async (flag, value) => {
    const cli = run("server/cli/export.ts", ["--out", path.join(tmpdir(), "never.gexf"), "--dynamic", flag, value]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain("--dynamic");
  });
});

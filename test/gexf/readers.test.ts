/** GEXF 1.3 round trips: the official XSD (xmllint) and graphology-gexf (Gephi Lite). networkx: networkx.test.ts. */
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-gexf";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../server/domain/load-dataset";
import { RELATION_INFO } from "../../server/domain/vocabulary";
import type { EdgeAttributes, KnowledgeGraph, NodeAttributes } from "../../server/graph/attributes";
import { buildGraph } from "../../server/graph/build-graph";
import { flattenFigures } from "../../server/gexf/figures";
import { gexfToString } from "../../server/gexf/write-gexf";
import { makeGraph, WEIRD_LABEL_CLEAN } from "./_fixtures";
import {
  checkReferences,
  readWithGraphology,
  repoRoot,
  requireTool,
  runValidator,
  validatorAvailability,
  writeTemp,
} from "./_readers";

const DATE = "2024-04-01";
let graph: KnowledgeGraph;
let xml: string;
let file: string;

beforeAll(async () => {
  graph = makeGraph();
  xml = await gexfToString(graph, { lastModifiedDate: DATE });
  file = writeTemp("test.gexf", xml);
});

// An independent reading of "XML-legal": code point by code point, as the XML 1.0 Char production says.
const legal = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  cp >= 0x10000;
const clean = (text: string) => [...text].filter((ch) => legal(ch.codePointAt(0)!)).join("");
const sourcesText = (a: NodeAttributes | EdgeAttributes) =>
  a.sources.map((s) => `${s.document} ¶${s.paragraph}`).join("; ");
const prefixed = (properties: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(properties).map(([k, v]) => [`prop_${k}`, k === "rank" ? String(v) : v]));
// Xiaomi's revenue is in USD, Kingsoft Cloud's (declared first) in CNY: USD gets its own column.
const figures = (a: NodeAttributes | EdgeAttributes) =>
  Object.fromEntries(flattenFigures(a.figures).map((f) => [f.unit === "USD" ? `${f.id}_usd` : f.id, f.value]));

/** What graphology-gexf must give back for a node: every field, typed, with illegal characters gone. */
function expectedNode(a: NodeAttributes): Record<string, unknown> {
  return {
    label: clean(a.label),
    ...(a.labelZh && { labelZh: a.labelZh }),
    type: a.type,
    description: clean(a.description),
    basis: a.basis,
    ...(a.note && { note: a.note }),
    ...(a.aliases.length > 0 && { aliases: a.aliases.map(clean) }),
    sources: sourcesText(a),
    ...prefixed(a.properties),
    ...figures(a),
    color: asRgb(a.color),
    size: a.size,
    x: a.x,
    y: a.y,
  };
}

/** graphology-gexf reads the r/g/b of viz:color back as a CSS `rgb()` string. */
function asRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16},${(n >> 8) & 255},${n & 255})`;
}

function expectedEdge(a: EdgeAttributes, rank: number): Record<string, unknown> {
  return {
    label: a.label,
    kind: rank > 1 ? `${a.relation}_${rank}` : a.relation,
    relation: a.relation,
    symmetric: RELATION_INFO[a.relation].directed === false,
    description: a.description,
    basis: a.basis,
    ...(a.note && { note: a.note }),
    sources: sourcesText(a),
    ...(a.time?.start !== undefined && { time_start: a.time.start }),
    ...(a.time?.end !== undefined && { time_end: a.time.end }),
    ...(a.time && { time_basis: a.time.basis }),
    ...(a.time?.note && { time_note: a.time.note }),
    ...prefixed(a.properties),
    ...figures(a),
    color: asRgb(a.color),
    thickness: a.size,
  };
}

describe("GEXF 1.3 schema", () => {
  it("validates against the official XSD", (ctx) => {
    requireTool(validatorAvailability(), ctx.skip);
    const result = runValidator(file);
    expect(result.output).toContain("valid GEXF 1.3");
    expect(result.status).toBe(0);
  });

  it("fails the validator on a broken file (the check can fail)", (ctx) => {
    requireTool(validatorAvailability(), ctx.skip);
    const broken = writeTemp("broken.gexf", xml.replace('defaultedgetype="directed"', 'defaultedgetype="sideways"'));
    expect(runValidator(broken).status).not.toBe(0);
  });

  it("has the 1.3 header, a directed graph of directed edges only and no schemaLocation", () => {
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">');
    expect(xml).toContain(`<meta lastmodifieddate="${DATE}">`);
    expect(xml).toContain("<creator>kg-explorer</creator>");
    expect(xml).toContain('<graph mode="static" defaultedgetype="directed">');
    const edgeTypes = [...xml.matchAll(/<edge [^>]*?type="([^"]*)"/g)].map((m) => m[1]);
    expect(edgeTypes).toEqual(Array(graph.size).fill("directed"));
    expect(xml).not.toMatch(/undirected|mutual|schemaLocation|NaN|Infinity|weight=/);
    expect(xml).toContain("金山云"); // raw UTF-8, not character references
  });

  it("checks what the XSD does not: declared columns, typed values, known ends", () => {
    expect(checkReferences(xml)).toEqual([]);
    expect(
      checkReferences(xml.replace('for="prop_listed" value="true"', 'for="prop_listed" value="yes"')),
    ).toHaveLength(1);
  });
});

describe("graphology-gexf (Gephi Lite's reader)", () => {
  it("reads every node with every attribute, typed and clean", () => {
    const parsed = readWithGraphology(xml);
    expect(parsed.order).toBe(graph.order);
    graph.forEachNode((key, attributes) => {
      expect(parsed.getNodeAttributes(key), key).toEqual(expectedNode(attributes));
    });
  });

  it("reads every edge, directed, with its ends, label, kind and attributes (symmetric ones flagged)", () => {
    const parsed = readWithGraphology(xml);
    expect(parsed.multi).toBe(true);
    expect(parsed.size).toBe(graph.size);
    // A directed-only graph: graphology-gexf fills a MultiDirectedGraph without complaint.
    expect((parse(MultiDirectedGraph, xml) as MultiDirectedGraph).size).toBe(graph.size);
    graph.forEachEdge((key, attributes, source, target) => {
      expect(parsed.source(key)).toBe(source);
      expect(parsed.target(key)).toBe(target);
      expect(parsed.isDirected(key), key).toBe(true);
      const rank = key === "xiaomi-invests-2021" ? 2 : 1;
      expect(parsed.getEdgeAttributes(key), key).toEqual(expectedEdge(attributes, rank));
    });
  });

  it("spot checks: Chinese, the awkward label, bounds, booleans, parallel edges", () => {
    const parsed = readWithGraphology(xml);
    const ksc = parsed.getNodeAttributes("kingsoft-cloud");
    expect(ksc.labelZh).toBe("金山云");
    expect(ksc.description).toBe("A Chinese cloud provider.\nListed in 2020.");
    expect(ksc.aliases).toEqual([
      "KSYUN",
      "Kingsoft Cloud Holdings, Ltd.",
      "金山云控股",
      'say "cloud"',
      "back\\slash",
      "(ksc)",
    ]);
    expect(ksc.prop_listed).toBe(true);
    expect(parsed.getNodeAttribute("alibaba-cloud", "prop_listed")).toBe(false);
    expect(ksc.fig_net_loss_2023_min).toBe(2e9);
    expect(ksc).not.toHaveProperty("fig_net_loss_2023");
    expect(ksc.fig_revenue_2022).toBe(8.18e9);
    expect(ksc.fig_revenue_q4_2023).toBe(2.1e9);
    expect(parsed.getNodeAttribute("xiaomi", "fig_revenue_2023_usd")).toBe(3.8e10);
    expect(parsed.getNodeAttribute("weird", "label")).toBe(WEIRD_LABEL_CLEAN);
    expect(parsed.getNodeAttribute("weird", "description")).toBe("Tab\there, bell  gone, emoji 😀 kept,  gone.");
    expect(parsed.getNodeAttribute("lei-jun", "labelZh")).toBe("雷军");

    const kinds = parsed.edges("xiaomi", "kingsoft-cloud").map((e) => parsed.getEdgeAttribute(e, "kind"));
    expect(kinds.sort()).toEqual(["customer_of", "holds_stake_in", "invested_in", "invested_in_2"]);
    expect(parsed.getEdgeAttribute("kingsoft-cloud__competes_with__alibaba-cloud", "time_start")).toBe(2013);
    expect(parsed.getEdgeAttribute("kingsoft-cloud__competes_with__alibaba-cloud", "symmetric")).toBe(true);
    expect(parsed.getEdgeAttribute("lei-jun__chairs__kingsoft-cloud", "symmetric")).toBe(false);
    expect(parsed.getEdgeAttribute("lei-jun__chairs__kingsoft-cloud", "prop_since_founding")).toBe(false);
  });
});

describe("the real dataset", () => {
  it("exports graph-data/kingsoft-cloud.json to a valid file every reader takes whole", async (ctx) => {
    const real = buildGraph(await loadDataset(path.join(repoRoot, "graph-data/kingsoft-cloud.json")));
    const realXml = await gexfToString(real);
    expect(checkReferences(realXml)).toEqual([]);
    const parsed = readWithGraphology(realXml);
    expect([parsed.order, parsed.size]).toEqual([real.order, real.size]);
    real.forEachEdge((key, attributes) => {
      expect(parsed.isDirected(key), key).toBe(true);
      expect(parsed.getEdgeAttribute(key, "symmetric"), key).toBe(!RELATION_INFO[attributes.relation].directed);
    });
    requireTool(validatorAvailability(), ctx.skip);
    const result = runValidator(writeTemp("real.gexf", realXml));
    expect(result.status, result.output).toBe(0);
  });
});

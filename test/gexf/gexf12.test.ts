/** The 1.2draft flavour (`version: "1.2draft"`): what differs from 1.3, the official 1.2draft XSD, graphology-gexf. */
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { gexfToString } from "../../server/gexf/write-gexf";
import { loadGraph } from "../../server/load-graph";
import { makeGraph } from "./_fixtures";
import { checkReferences, readWithGraphology, requireTool, runSchema12, schema12Availability } from "./_readers";

const OPTIONS = { version: "1.2draft", lastModifiedDate: "2024-04-01" } as const;
let graph: KnowledgeGraph;
let xml: string;
let xml13: string;

beforeAll(async () => {
  graph = makeGraph();
  xml = await gexfToString(graph, OPTIONS);
  xml13 = await gexfToString(graph, { ...OPTIONS, version: "1.3" });
});

const element = (text: string, tag: "node" | "edge", id: string) =>
  text.split("\n").find((line) => line.trimStart().startsWith(`<${tag} id="${id}"`)) ?? "";

describe("GEXF 1.2draft flavour", () => {
  it("has the 1.2draft header and a directed graph of directed edges", () => {
    expect(xml).toContain(
      '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
    );
    expect(xml).toContain('<graph mode="static" defaultedgetype="directed">');
    const edgeTypes = [...xml.matchAll(/<edge [^>]*?type="([^"]*)"/g)].map((m) => m[1]);
    expect(edgeTypes).toEqual(Array(graph.size).fill("directed"));
    expect(xml).not.toMatch(/gexf\.net\/1\.3|undirected|schemaLocation|NaN|Infinity|weight=/);
  });

  it("leaves out what 1.2draft does not have: kind, hex colours, [a, b] lists", () => {
    expect(xml).not.toMatch(/ kind=| hex=|liststring/);
    const ksc = element(xml, "node", "kingsoft-cloud");
    expect(ksc).toContain('<viz:color r="230" g="85" b="13"/>');
    expect(ksc).toMatch(/<viz:position x="[^"]+" y="[^"]+" z="0"\/>/); // z is required in 1.2draft
    expect(xml).toContain('<attribute id="aliases" title="Aliases" type="string"/>');
    expect(ksc).toContain(
      '<attvalue for="aliases" value="KSYUN | Kingsoft Cloud Holdings, Ltd. | 金山云控股 | say &quot;cloud&quot; | back\\slash | (ksc)"/>',
    );
    expect(checkReferences(xml)).toEqual([]);
  });

  it("is otherwise the same document as 1.3, attvalue for attvalue", () => {
    const attvalues = (text: string) => [...text.matchAll(/<attvalue for="([^"]+)"/g)].map((m) => m[1]);
    expect(attvalues(xml)).toEqual(attvalues(xml13));
    const declared = (text: string) => [...text.matchAll(/<attribute id="([^"]+)" title="([^"]+)"/g)].map((m) => m[0]);
    expect(declared(xml)).toEqual(declared(xml13));
    const ends = (text: string) =>
      [...text.matchAll(/<edge id="[^"]+" source="[^"]+" target="[^"]+"/g)].map((m) => m[0]);
    expect(ends(xml)).toEqual(ends(xml13));
  });

  it("rejects an unknown version by name", async () => {
    await expect(gexfToString(graph, { version: "1.1draft" as never })).rejects.toThrow(
      /version must be 1\.3 or 1\.2draft/,
    );
  });
});

describe("the official 1.2draft XSD", () => {
  it("validates the test graph", (ctx) => {
    requireTool(schema12Availability(), ctx.skip);
    const result = runSchema12(xml);
    expect(result.output).toContain("validates");
    expect(result.status, result.output).toBe(0);
  });

  it("fails what 1.2draft does not allow (the check can fail)", (ctx) => {
    requireTool(schema12Availability(), ctx.skip);
    expect(runSchema12(xml.replace(' type="directed"', ' type="directed" kind="x"')).status).not.toBe(0);
    expect(runSchema12(xml.replace('b="13"/>', 'b="13" hex="#e6550d"/>')).status).not.toBe(0);
    expect(runSchema12(xml.replace(' z="0"/>', "/>")).status).not.toBe(0);
    expect(runSchema12(xml13).status).not.toBe(0);
  });

  it("validates the embedded dataset's export, which graphology-gexf reads whole", async (ctx) => {
    const { graph: real } = await loadGraph();
    const realXml = await gexfToString(real, { version: "1.2draft" });
    expect(checkReferences(realXml)).toEqual([]);
    const parsed = readWithGraphology(realXml);
    expect([parsed.order, parsed.size]).toEqual([real.order, real.size]);
    expect(parsed.getNodeAttribute("lei-jun", "labelZh")).toBe("雷军");
    expect(parsed.getEdgeAttribute("xiaomi__holds_stake_in__kingsoft-cloud", "fig_stake")).toBe(12.3);
    requireTool(schema12Availability(), ctx.skip);
    const result = runSchema12(realXml);
    expect(result.status, result.output).toBe(0);
  });
});

describe("graphology-gexf on 1.2draft", () => {
  it("reads every node and edge, colours from r/g/b, lists as the joined string", () => {
    const parsed = readWithGraphology(xml);
    expect(parsed.nodes().sort()).toEqual(graph.nodes().sort());
    expect(parsed.edges().sort()).toEqual(graph.edges().sort());
    const ksc = parsed.getNodeAttributes("kingsoft-cloud");
    expect(ksc.color).toBe("rgb(230,85,13)");
    expect(ksc.aliases).toBe('KSYUN | Kingsoft Cloud Holdings, Ltd. | 金山云控股 | say "cloud" | back\\slash | (ksc)');
    expect(ksc.prop_listed).toBe(true);
    expect(parsed.getEdgeAttribute("kingsoft-cloud__competes_with__alibaba-cloud", "symmetric")).toBe(true);
    expect(parsed.getEdgeAttributes("xiaomi__holds_stake_in__kingsoft-cloud")).not.toHaveProperty("kind");
  });
});

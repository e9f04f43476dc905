/** The writer's element-level rules: what is written, what is left out, and how it reads back. */
import { describe, expect, it } from "vitest";
import { gexfToString } from "../../server/gexf/write-gexf";
import { makeGraph, rawDataset } from "./_fixtures";
import { checkReferences, readWithGraphology } from "./_readers";

const OPTIONS = { lastModifiedDate: "2024-04-01" };
const element = (xml: string, tag: "node" | "edge", id: string) =>
  xml.split("\n").find((line) => line.trimStart().startsWith(`<${tag} id="${id}"`)) ?? "";

describe("writeGexf elements", () => {
  it("leaves out NaN and Infinity everywhere instead of writing them", async () => {
    const graph = makeGraph();
    graph.mergeNodeAttributes("lei-jun", { x: NaN, size: Infinity, properties: { height: NaN, age: 54 } });
    graph.mergeNodeAttributes("xiaomi", { y: -Infinity, size: 0 });
    graph.updateEdgeAttribute("xiaomi__holds_stake_in__kingsoft-cloud", "figures", (figures) => [
      ...figures!,
      {
        key: "bad",
        label: "Bad",
        unit: "count",
        points: [{ value: Infinity, basis: "stated", sources: [{ document: "article", paragraph: 1 }] }],
      },
    ]);
    const xml = await gexfToString(graph, OPTIONS);
    expect(xml).not.toMatch(/NaN|Infinity/);
    expect(checkReferences(xml)).toEqual([]);
    const lei = element(xml, "node", "lei-jun");
    expect(lei).not.toContain("viz:position");
    expect(lei).not.toContain("viz:size");
    expect(lei).not.toContain("prop_height");
    expect(lei).toContain('<attvalue for="prop_age" value="54"/>');
    const xiaomi = element(xml, "node", "xiaomi");
    expect(xiaomi).not.toContain("viz:position");
    expect(xiaomi).not.toContain("viz:size");
    expect(xml).not.toContain("fig_bad");
    const parsed = readWithGraphology(xml);
    expect(parsed.getNodeAttributes("lei-jun")).not.toHaveProperty("x");
    expect(parsed.getNodeAttribute("lei-jun", "prop_age")).toBe(54);
  });

  it("writes only the values a record has", async () => {
    const xml = await gexfToString(makeGraph(), OPTIONS);
    const lei = element(xml, "node", "lei-jun");
    for (const absent of ["note", "aliases", "prop_", "fig_"]) expect(lei).not.toContain(`for="${absent}`);
    const stake = element(xml, "edge", "xiaomi__holds_stake_in__kingsoft-cloud");
    expect(stake).not.toContain("time_");
    expect(stake).not.toContain("weight=");
    expect(stake).toContain('type="directed" label="holds a stake in" kind="holds_stake_in"');
    // A symmetric relation is still a directed edge in the file; the `symmetric` column says what it is.
    const competes = element(xml, "edge", "kingsoft-cloud__competes_with__alibaba-cloud");
    expect(competes).toContain('type="directed" label="competes with" kind="competes_with"');
    expect(competes).toContain('<attvalue for="symmetric" value="true"/>');
    expect(stake).toContain('<attvalue for="symmetric" value="false"/>');
  });

  it("gives same-relation parallel edges distinct kinds, counting both ways for symmetric ones", async () => {
    const raw = rawDataset() as { edges: Record<string, unknown>[] };
    const edge = (source: string, target: string, relation: string) => ({
      source,
      target,
      relation,
      description: "x",
      sources: [{ document: "article", paragraph: 1 }],
    });
    raw.edges.push(
      edge("alibaba-cloud", "kingsoft-cloud", "competes_with"),
      edge("kingsoft-cloud", "xiaomi", "customer_of"),
    );
    const xml = await gexfToString(makeGraph(raw), OPTIONS);
    const kind = (id: string) => /kind="([^"]+)"/.exec(element(xml, "edge", id))?.[1];
    // Symmetric relations: both ways are one tie, so the two competes_with edges get distinct kinds too.
    expect(kind("alibaba-cloud__competes_with__kingsoft-cloud")).toBe("competes_with");
    expect(kind("kingsoft-cloud__competes_with__alibaba-cloud")).toBe("competes_with_2");
    // Opposite directed edges are not parallel.
    expect(kind("kingsoft-cloud__customer_of__xiaomi")).toBe("customer_of");
    expect(kind("xiaomi__customer_of__kingsoft-cloud")).toBe("customer_of");
  });

  it("falls back to grey for colours importers cannot read", async () => {
    const graph = makeGraph();
    graph.setNodeAttribute("lei-jun", "color", "rgba(1,2,3,0.5)");
    graph.setNodeAttribute("xiaomi", "color", "#ABC");
    const xml = await gexfToString(graph, OPTIONS);
    expect(element(xml, "node", "lei-jun")).toContain('<viz:color r="153" g="153" b="153"/>');
    expect(element(xml, "node", "xiaomi")).toContain('<viz:color r="170" g="187" b="204"/>');
  });

  it("escapes ids, meta text and options", async () => {
    const xml = await gexfToString(makeGraph(), { ...OPTIONS, creator: "A & B <team>", description: 'say "hi"\u0001' });
    expect(xml).toContain("<creator>A &amp; B &lt;team&gt;</creator>");
    expect(xml).toContain("<description>say &quot;hi&quot;</description>");
    const parsed = readWithGraphology(xml);
    expect(parsed.getAttribute("creator")).toBe("A & B <team>");
  });

  it("dates the file today by default and rejects a malformed date", async () => {
    const xml = await gexfToString(makeGraph());
    expect(xml).toContain(`lastmodifieddate="${new Date().toISOString().slice(0, 10)}"`);
    await expect(gexfToString(makeGraph(), { lastModifiedDate: "1 April 2024" })).rejects.toThrow(/lastModifiedDate/);
  });

  it("writes an empty graph as a valid document", async () => {
    const graph = makeGraph();
    graph.clear();
    const xml = await gexfToString(graph, OPTIONS);
    expect(xml).toContain('<nodes count="0">');
    expect(xml).toContain('<edges count="0">');
    expect(readWithGraphology(xml).order).toBe(0);
  });
});

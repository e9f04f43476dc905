/** GEXF details the corpus does not cover: the old gephi.org namespace, spells, sniffing, progress, broken XML. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importGraph, ImportError } from "../../server/import";

const dir = mkdtempSync(path.join(tmpdir(), "import-gexf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

const OLD_GEPHI = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gephi.org/gexf" xmlns:viz="http://www.gephi.org/gexf/viz" version="1.0">
  <graph type="dynamic" defaultedgetype="undirected">
    <attributes class="node" type="dynamic">
      <attribute id="0" title="score" type="float"/>
    </attributes>
    <nodes>
      <node id="a" label="A &amp; &lt;b&gt; 金山云" start="2001" end="2005">
        <attvalues><attvalue id="0" value="1.5" start="2001" end="2002"/><attvalue id="0" value="2" start="2003"/></attvalues>
        <spells><spell start="2001" end="2002"/><spell start="2004"/></spells>
        <viz:color r="1" g="2" b="3"/>
      </node>
      <node id="b"/>
    </nodes>
    <edges>
      <edge source="a" target="b" weight="x"/>
    </edges>
  </graph>
</gexf>`;

describe("GEXF details", () => {
  it("reads the old http://www.gephi.org/gexf namespace, 1.0's attvalue id, spells and timed values", async () => {
    const { graph, meta, warnings } = await importGraph(file("old.gexf", OLD_GEPHI));
    expect(meta).toMatchObject({ version: "gephi", mode: "dynamic", defaultEdgeType: "undirected" });
    expect(graph.getNodeAttributes("a")).toEqual({
      label: "A & <b> 金山云",
      start: "2001",
      end: "2005",
      spells: [{ start: "2001", end: "2002" }, { start: "2004" }],
      viz: { color: "#010203" },
      attributes: {
        0: [
          { value: 1.5, start: "2001", end: "2002" },
          { value: 2, start: "2003" },
        ],
      },
    });
    expect(warnings.map((w) => [w.line, w.message])).toEqual([[16, 'edge weight="x" is not a number; ignored']]);
  });

  it("sniffs a file without a known extension and reports progress", async () => {
    const progress: number[] = [];
    const { graph } = await importGraph(file("graph.xml", OLD_GEPHI), { onProgress: (p) => progress.push(p.bytes) });
    expect(graph.order).toBe(2);
    expect(progress.at(-1)).toBe(Buffer.byteLength(OLD_GEPHI));
  });

  it("refuses XML that is not well-formed, with line and column", async () => {
    const broken = OLD_GEPHI.replace('<node id="b"/>', '<node id="b">');
    const error = await importGraph(file("broken.gexf", broken)).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.line).toBe(14);
    expect(error.column).toBeGreaterThan(0);
    expect(error.detail).toMatch(/not well-formed XML/);
  });

  it("refuses an unknown edge type and a file of another kind, saying what was expected", async () => {
    const badType = await importGraph(file("t.gexf", OLD_GEPHI.replace('weight="x"', 'type="sideways"'))).catch(
      (e) => e,
    );
    expect(badType.detail).toMatch(/edge type="sideways": expected directed, undirected or mutual/);
    const other = await importGraph(file("x.data", "hello world\n")).catch((e) => e);
    expect(other).toBeInstanceOf(ImportError);
    expect(other.detail).toMatch(/unknown format/);
  });
});

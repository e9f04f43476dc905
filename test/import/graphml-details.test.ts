/** GraphML details the corpus does not cover: extensions from other namespaces, key types, `for="all"`. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importGraph } from "../../server/import";

const dir = mkdtempSync(path.join(tmpdir(), "import-graphml-details-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const YED = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" yfiles.type="nodegraphics"/>
  <key id="d1" for="all" attr.name="rank" attr.type="int"><default>7</default></key>
  <key id="d2" for="edge" attr.name="ok" attr.type="boolean"/>
  <graph edgedefault="directed">
    <node id="a"><data key="d0"><y:ShapeNode><y:Fill color="#FF0000"/></y:ShapeNode></data><data key="d1">3</data></node>
    <node id="b"><y:Extra/></node>
    <edge source="a" target="b"><data key="d2">maybe</data></edge>
  </graph>
</graphml>`;

describe("GraphML details", () => {
  it("skips yFiles markup with one warning each, applies for=all defaults, keeps a mistyped value as text", async () => {
    const file = path.join(dir, "yed.graphml");
    writeFileSync(file, YED);
    const { graph, warnings } = await importGraph(file);
    expect([graph.order, graph.size]).toEqual([2, 1]);
    expect(graph.getNodeAttribute("a", "attributes")).toEqual({ d0: "", rank: 3 });
    expect(graph.getNodeAttribute("b", "attributes")).toEqual({ rank: 7 });
    expect(graph.getEdgeAttribute(graph.edges()[0]!, "attributes")).toEqual({ rank: 7, ok: "maybe" });
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [7, "element <y:ShapeNode> is an extension GraphML does not define; ignored"],
      [8, "element <y:Extra> is an extension GraphML does not define; ignored"],
      [9, 'data for "ok": "maybe" is not a boolean; kept as text'],
    ]);
  });
});

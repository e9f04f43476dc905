/**
 * Every file of the interop corpus opens with the counts a Gephi user expects (its README's table), including
 * the files networkx rejects; the broken one is refused with its line and column.
 */
import { describe, expect, it } from "vitest";
import { importGraph, ImportError } from "../../server/import";
import { corpusFile, corpusPresent } from "./_corpus";

// [file, nodes, edges, directed edges, undirected edges, warnings]
const EXPECTED: [string, number, number, number, number, number][] = [
  ["gexf/les_miserables.gexf", 77, 254, 254, 0, 0],
  ["gexf/basic.gexf", 2, 2, 1, 1, 0],
  ["gexf/data.gexf", 4, 5, 5, 0, 0],
  ["gexf/edge_data.gexf", 4, 5, 5, 0, 0],
  ["gexf/edge_viz.gexf", 2, 1, 1, 0, 0],
  ["gexf/liststring.gexf", 4, 5, 5, 0, 0],
  ["gexf/mixed.gexf", 3, 3, 2, 1, 0],
  ["gexf/v1_3.gexf", 2, 1, 0, 1, 0],
  ["gexf/case.gexf", 10, 20, 20, 0, 0],
  ["gexf/minimal.gexf", 2, 1, 1, 0, 0],
  ["gexf/missing_nodes.gexf", 6, 4, 4, 0, 4],
  ["gexf/undeclared_attribute.gexf", 2, 1, 1, 0, 2],
  ["gexf/pedantic.gexf", 0, 0, 0, 0, 0],
  ["gexf/sanitized.gexf", 0, 0, 0, 0, 0],
  ["graphml/basic.graphml", 11, 12, 0, 12, 0],
  ["graphml/attributes.graphml", 6, 7, 0, 7, 0],
  ["graphml/miserables.graphml", 77, 254, 0, 254, 0],
  ["graphml/multigraph.graphml", 6, 9, 0, 9, 0],
  ["graphml/mixed_multigraph.graphml", 6, 8, 2, 6, 0],
  ["graphml/missing_nodes.graphml", 51, 37, 37, 0, 36],
];

describe.skipIf(!corpusPresent)("the interop corpus opens as Gephi opens it", () => {
  it.each(EXPECTED)("%s: %i nodes, %i edges", async (file, nodes, edges, directed, undirected, warnings) => {
    const { graph, warnings: found } = await importGraph(corpusFile(file));
    expect([graph.order, graph.size, graph.directedSize, graph.undirectedSize]).toEqual([
      nodes,
      edges,
      directed,
      undirected,
    ]);
    expect(found).toHaveLength(warnings);
  });

  it("missing_nodes.gexf lists each created node as a warning with its line", async () => {
    const { graph, warnings } = await importGraph(corpusFile("gexf/missing_nodes.gexf"));
    const created = warnings.map((w) => /node "(\w+)" was not declared; created it/.exec(w.message)?.[1]);
    expect(created.sort()).toEqual(["2", "4", "5", "6"]);
    expect(warnings.map((w) => w.line)).toEqual([13, 15, 16, 16]);
    expect(warnings.every((w) => w.file.endsWith("missing_nodes.gexf") && w.column! > 0)).toBe(true);
    expect(graph.hasDirectedEdge("5", "6")).toBe(true);
  });

  it("strict refuses an edge to an undeclared node, naming it", async () => {
    const error = await importGraph(corpusFile("gexf/missing_nodes.gexf"), { strict: true }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ line: 13 });
    expect(error.detail).toMatch(/node "2" is not declared/);
  });

  it("miserables_broken.graphml is refused with the line, column and the undeclared key", async () => {
    const error = await importGraph(corpusFile("graphml/miserables_broken.graphml")).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ line: 12, column: 19 });
    expect(error.file).toMatch(/miserables_broken\.graphml$/);
    expect(error.detail).toMatch(/<data key="label">.*node "11".*no <key id="label">/);
  });

  it("undeclared attvalues are kept as text, declared as inferred strings", async () => {
    const { graph, attributes } = await importGraph(corpusFile("gexf/undeclared_attribute.gexf"));
    expect(graph.getNodeAttribute("0", "attributes")).toEqual({ url: "http://gephi.org" });
    expect(graph.getEdgeAttributes(graph.edges()[0]!).attributes).toEqual({ count: "43" });
    expect(attributes.map((a) => [a.class, a.id, a.type, a.inferred])).toEqual([
      ["node", "url", "string", true],
      ["edge", "count", "string", true],
    ]);
  });

  it("v1_3.gexf: list types, hex colours and the edge kind", async () => {
    const { graph, meta } = await importGraph(corpusFile("gexf/v1_3.gexf"));
    expect(meta.version).toBe("1.3");
    expect(graph.getNodeAttributes("Suzy")).toMatchObject({
      viz: { color: "#ff00ff" },
      attributes: {
        0: ["a", "b", "c"],
        1: ["a", "b", "c"],
        2: ["a", "b", "c"],
        3: ["a", "'b'", "c"],
        4: ["a", "b", "c"],
        5: ["a", "b", "c"],
        6: [true, false, false],
        7: [1, 1.5, 2],
      },
    });
    expect(graph.getEdgeAttributes(graph.edges()[0]!)).toMatchObject({ kind: "likes", directed: false });
  });

  it("basic.gexf: typed values, viz with alpha, shape and thickness, labels with commas", async () => {
    const { graph } = await importGraph(corpusFile("gexf/basic.gexf"));
    expect(graph.getNodeAttributes("Suzy")).toEqual({
      label: "Suzy, Ghost",
      viz: { color: "#ea220c", alpha: 0.6, size: 34, x: 12, y: 35, shape: "circle" },
      attributes: { male: false, age: 22, surname: "Ghost", mixed: "45" },
    });
    expect(graph.getEdgeAttributes("J-S")).toMatchObject({
      weight: 456,
      label: "Fine edge",
      viz: { color: "#cccfff", shape: "dotted", thickness: 34 },
      attributes: { set: ["truc", "machin"], number: 12 },
    });
  });

  it("data.gexf: a declared default fills the nodes that leave the value out", async () => {
    const { graph, attributes } = await importGraph(corpusFile("gexf/data.gexf"));
    expect(attributes.find((a) => a.id === "2")).toMatchObject({ name: "frog", type: "boolean", default: true });
    expect(graph.mapNodes((_k, a) => a.attributes["2"])).toEqual([true, true, true, false]);
  });

  it("GraphML: typed keys with defaults; Gephi's label, weight and viz keys become fields", async () => {
    const { graph, attributes, meta } = await importGraph(corpusFile("graphml/attributes.graphml"));
    expect(meta.attributes).toEqual({ mode: "static" });
    expect(attributes.find((a) => a.id === "color")).toMatchObject({
      class: "node",
      type: "string",
      default: "yellow",
    });
    expect(graph.getNodeAttribute("n1", "attributes")).toEqual({ color: "yellow" });
    expect(graph.getEdgeAttributes("e2")).toEqual({ id: "e2", directed: false, weight: 2, attributes: {} });
    const mis = await importGraph(corpusFile("graphml/miserables.graphml"));
    expect(mis.graph.getNodeAttributes("11")).toMatchObject({
      label: "Valjean",
      viz: { size: 100, color: "#f55b5b", x: -87.93029, y: 6.8120565 },
    });
    expect(mis.attributes.map((a) => a.name)).toEqual(["Edge Label", "Modularity Class"]);
  });
});

/** CSV in Gephi's spreadsheet convention and graphology's JSON serialisation, from small files written here. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importGraph, ImportError } from "../../server/import";
import { readCsv } from "../../server/import/csv-reader";

const dir = mkdtempSync(path.join(tmpdir(), "import-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

describe("CSV (Gephi's spreadsheet convention)", () => {
  it("a nodes table and an edges table: fields, inferred column types, mixed and parallel edges", async () => {
    const nodes = file(
      "nodes.csv",
      'Id,Label,Founded,Listed,Share\na,Alpha,1998,true,0.5\nb,Beta,2001,false,\nc,"Gamma, Inc",,true,12\n',
    );
    const edges = file(
      "edges.tsv",
      'Source\tTarget\tType\tId\tLabel\tWeight\tKind\tNote\na\tb\tDirected\te1\tfirst\t2.5\towns\tx\na\tb\tDirected\te2\tsecond\t1\tsupplies\t\nb\tc\tUndirected\te3\t\t\t\t"tab\there"\n',
    );
    const { graph, attributes, meta, warnings } = await readCsv(edges, { nodesFile: nodes });
    expect(warnings).toEqual([]);
    expect([graph.order, graph.size, graph.directedSize, graph.undirectedSize, meta.defaultEdgeType]).toEqual([
      3,
      3,
      2,
      1,
      "mixed",
    ]);
    expect(attributes.map((a) => [a.class, a.id, a.type])).toEqual([
      ["node", "Founded", "integer"],
      ["node", "Listed", "boolean"],
      ["node", "Share", "double"],
      ["edge", "Note", "string"],
    ]);
    expect(graph.getNodeAttributes("c")).toEqual({ label: "Gamma, Inc", attributes: { Listed: true, Share: 12 } });
    expect(graph.getEdgeAttributes("e1")).toEqual({
      id: "e1",
      label: "first",
      weight: 2.5,
      kind: "owns",
      directed: true,
      attributes: { Note: "x" },
    });
    expect(graph.getEdgeAttributes("e3")).toMatchObject({ directed: false, attributes: { Note: "tab\there" } });
  });

  it("an edge list alone with semicolons creates its nodes, each with a warning", async () => {
    const { graph, warnings } = await importGraph(file("list.csv", "source;target;weight\nx;y;1\ny;z;2\n"));
    expect([graph.order, graph.size]).toEqual([3, 2]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'edge x -> y: node "x" was not declared; created it'],
      [2, 'edge x -> y: node "y" was not declared; created it'],
      [3, 'edge y -> z: node "z" was not declared; created it'],
    ]);
  });

  it("refuses a bad Type, a ragged row and a header without Source/Target or Id, saying where", async () => {
    const badType = await importGraph(file("t.csv", "Source,Target,Type\na,b,Sideways\n")).catch((e) => e);
    expect(badType).toBeInstanceOf(ImportError);
    expect(badType).toMatchObject({ line: 2 });
    expect(badType.detail).toMatch(/Type "sideways": expected Directed or Undirected/);
    const ragged = await importGraph(file("r.csv", "Source,Target\na,b\nc,d,e\n")).catch((e) => e);
    expect(ragged).toBeInstanceOf(ImportError);
    expect(ragged.line).toBe(3);
    const header = await importGraph(file("h.csv", "from,to\na,b\n")).catch((e) => e);
    expect(header.detail).toMatch(/Source and Target.*or Id/);
  });
});

describe("graphology JSON", () => {
  it("reads graphology's export: sigma's fields, undirected edges, inferred attribute types", async () => {
    const json = {
      attributes: { name: "tiny" },
      options: { type: "directed", multi: true },
      nodes: [
        { key: "a", attributes: { label: "A", x: 1, y: 2, size: 3, color: "#F00", score: 1 } },
        { key: "b", attributes: { score: 2.5, tags: ["p", "q"] } },
      ],
      edges: [
        { key: "e", source: "a", target: "b", attributes: { kind: "owns", weight: 2 } },
        { source: "a", target: "b", undirected: true, attributes: {} },
      ],
    };
    const { graph, attributes, meta } = await importGraph(file("g.json", JSON.stringify(json)));
    expect(meta).toMatchObject({ format: "graphology-json", defaultEdgeType: "mixed", attributes: { name: "tiny" } });
    expect(graph.getNodeAttributes("a")).toEqual({
      label: "A",
      viz: { x: 1, y: 2, size: 3, color: "#ff0000" },
      attributes: { score: 1 },
    });
    expect(graph.getEdgeAttributes("e")).toEqual({ id: "e", kind: "owns", weight: 2, directed: true, attributes: {} });
    expect([graph.directedSize, graph.undirectedSize]).toEqual([1, 1]);
    expect(attributes.map((a) => [a.id, a.type])).toEqual([
      ["score", "double"],
      ["tags", "liststring"],
    ]);
  });

  it("refuses broken JSON with the line and column", async () => {
    const error = await importGraph(file("bad.json", '{"nodes": [\n  {"key": "a",}\n]}')).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ line: 2 });
    expect(error.detail).toMatch(/not valid JSON/);
  });
});

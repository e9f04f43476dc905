/**
 * Our own GEXF exports (`npm run export` in 1.3, 1.2draft and --dynamic) read back with the same nodes, edges,
 * kinds and attributes; and the imported model survives graphology JSON and GraphML unchanged where those
 * formats can hold it.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGraph, type ImportedGraph } from "../../server/import";
import { writeGraphml } from "../../server/import/graphml-writer";
import { writeGraphologyJson } from "../../server/import/json-writer";
import { loadGraph } from "../../server/load-graph";
import { repoRoot } from "./_corpus";

let dir: string;
let source: Awaited<ReturnType<typeof loadGraph>>["graph"];
const VARIANTS = [
  ["1.3", ["--version", "1.3"]],
  ["1.2draft", ["--version", "1.2draft"]],
  ["dynamic", ["--version", "1.3", "--dynamic"]],
] as const;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "import-own-"));
  source = (await loadGraph()).graph;
  for (const [name, flags] of VARIANTS) {
    files[name] = path.join(dir, `${name}.gexf`);
    const run = spawnSync("npx", ["tsx", "server/cli/export.ts", "--out", files[name]!, ...flags], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`export ${name} failed: ${run.stderr}`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeThenRead(imported: ImportedGraph, ext: ".json" | ".graphml"): Promise<ImportedGraph> {
  const file = path.join(dir, `again-${Math.random().toString(36).slice(2)}${ext}`);
  const out = createWriteStream(file);
  await (ext === ".json" ? writeGraphologyJson : writeGraphml)(imported, out);
  out.end();
  await finished(out);
  return importGraph(file);
}

/**
 * A value of a dynamic attribute that holds throughout is one timed value without an interval: `[{ value }]`.
 * The dynamic export declares every attribute dynamic, so this unwraps those for comparison.
 */
function throughout(value: unknown): unknown {
  if (!Array.isArray(value) || value.length !== 1 || typeof value[0] !== "object") return value;
  const [{ value: inner, ...interval }] = value as { value: unknown }[];
  expect(interval).toEqual({});
  return inner;
}

describe("our own GEXF exports read back", () => {
  it.each(VARIANTS.map(([name]) => [name]))("%s: the same nodes, edges, kinds and attributes", async (name) => {
    const imported = await importGraph(files[name]!);
    const { graph, warnings, meta } = imported;
    const value = (a: Record<string, unknown>, id: string) => throughout(a[id]);
    expect(warnings).toEqual([]);
    expect(graph.nodes().sort()).toEqual(source.nodes().sort());
    expect(graph.edges().sort()).toEqual(source.edges().sort());
    source.forEachEdge((key, a, s, t) => {
      const imported = graph.getEdgeAttributes(key);
      expect([graph.source(key), graph.target(key), imported.kind, imported.label, imported.directed]).toEqual([
        s,
        t,
        name === "1.2draft" ? undefined : a.relation, // 1.2draft has no edge kind; the relation column holds it
        a.label,
        true,
      ]);
      expect(value(imported.attributes, "relation")).toBe(a.relation);
      expect(value(imported.attributes, "description")).toBe(a.description);
    });
    source.forEachNode((key, a) => {
      const imported = graph.getNodeAttributes(key);
      expect(imported.label).toBe(a.label);
      expect(value(imported.attributes, "type")).toBe(a.type);
      expect(value(imported.attributes, "description")).toBe(a.description);
      expect(value(imported.attributes, "labelZh")).toBe(a.labelZh);
      // 1.3 declares aliases as liststring; 1.2draft writes them as one "a | b" string.
      if (a.aliases?.length) {
        expect(value(imported.attributes, "aliases")).toEqual(name === "1.2draft" ? a.aliases.join(" | ") : a.aliases);
      }
      for (const [property, propertyValue] of Object.entries(a.properties ?? {})) {
        expect(value(imported.attributes, `prop_${property}`)).toEqual(propertyValue);
      }
    });
    expect(meta.mode).toBe(name === "dynamic" ? "dynamic" : "static");
  });

  it("dynamic: timed values keep their value and interval", async () => {
    const { graph, attributes, meta } = await importGraph(files.dynamic!);
    expect(meta).toMatchObject({ timeFormat: "date", timeRepresentation: "interval" });
    const share = attributes.find((a) => a.class === "edge" && a.id === "fig_related_party_share");
    expect(share).toMatchObject({ mode: "dynamic", type: "double" });
    expect(graph.getEdgeAttribute("xiaomi__customer_of__kingsoft-cloud", "attributes").fig_related_party_share).toEqual(
      [
        { value: 14.4, start: "2019-01-01", end: "2019-12-31" },
        { value: 10, start: "2020-01-01", end: "2020-12-31" },
        { value: 8.3, start: "2021-01-01", end: "2021-12-31" },
      ],
    );
  });

  it("graphology JSON written by convert reads back as the same model", async () => {
    const imported = await importGraph(files.dynamic!);
    const again = await writeThenRead(imported, ".json");
    expect(again.graph.export()).toEqual(imported.graph.export());
    expect(again.attributes).toEqual(imported.attributes);
    expect({ ...again.meta, format: "gexf" }).toEqual(imported.meta);
  });

  it("GraphML keeps nodes, edges, kinds, labels, colours and scalar attributes; lists become JSON text", async () => {
    const imported = await importGraph(files["1.3"]!);
    const again = await writeThenRead(imported, ".graphml");
    expect(again.warnings).toEqual([]);
    expect(again.graph.order).toBe(imported.graph.order);
    imported.graph.forEachEdge((key, a) => {
      const b = again.graph.getEdgeAttributes(key);
      expect([b.kind, b.label, b.directed, b.viz?.color, b.viz?.thickness]).toEqual([
        a.kind,
        a.label,
        a.directed,
        a.viz?.color,
        a.viz?.thickness,
      ]);
      expect(b.attributes).toEqual(a.attributes);
    });
    imported.graph.forEachNode((key, a) => {
      const b = again.graph.getNodeAttributes(key);
      expect({ ...b.viz }).toEqual({ ...a.viz });
      const { aliases, ...rest } = a.attributes;
      expect(b.attributes).toMatchObject(rest);
      if (aliases !== undefined) expect(b.attributes.aliases).toBe(JSON.stringify(aliases));
    });
  });
});

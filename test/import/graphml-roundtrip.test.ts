/**
 * Property: a generated imported graph (hostile strings in ids, labels and values; typed scalar attributes;
 * parallel, mixed and self-loop edges with kinds) written as GraphML and read back is the same graph, less
 * only the characters XML cannot hold.
 */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { stripIllegalXmlChars } from "../../server/gexf/xml";
import { importGraph, newImportedGraph, type DeclaredAttribute, type ImportedGraph } from "../../server/import";
import { writeGraphml } from "../../server/import/graphml-writer";
import { PIECES } from "../gexf/_arbitraries";

const dir = mkdtempSync(path.join(tmpdir(), "import-graphml-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Strings made of the pieces that break XML readers, and plain letters. */
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 6 })
  .map((parts) => parts.join(""));
const clean = (s: string) => stripIllegalXmlChars(s);

const ATTRIBUTES: DeclaredAttribute[] = [
  { id: "note", name: "note", class: "node", type: "string", mode: "static" },
  { id: "count", name: "count", class: "node", type: "long", mode: "static", default: 0 },
  { id: "share", name: "share", class: "node", type: "double", mode: "static" },
  { id: "listed", name: "listed", class: "node", type: "boolean", mode: "static" },
  { id: "note", name: "note", class: "edge", type: "string", mode: "static" },
];

const graphArbitrary = fc
  .record({
    keys: fc.uniqueArray(hostile.map(clean), { minLength: 1, maxLength: 8 }),
    nodes: fc.array(
      fc.record({
        label: fc.option(hostile.map(clean), { nil: undefined }),
        note: fc.option(hostile.map(clean), { nil: undefined }),
        count: fc.option(fc.integer(), { nil: undefined }),
        share: fc.option(fc.double({ noNaN: true, noDefaultInfinity: false }), { nil: undefined }),
        listed: fc.option(fc.boolean(), { nil: undefined }),
        color: fc.option(fc.integer({ min: 0, max: 0xffffff }), { nil: undefined }),
      }),
      { minLength: 8, maxLength: 8 },
    ),
    edges: fc.array(
      fc.record({
        s: fc.nat(),
        t: fc.nat(),
        directed: fc.boolean(),
        kind: fc.option(hostile.map(clean), { nil: undefined }),
        weight: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
        note: fc.option(hostile.map(clean), { nil: undefined }),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ keys, nodes, edges }): ImportedGraph => {
    const graph = newImportedGraph();
    keys.forEach((key, i) => {
      const n = nodes[i]!;
      const attributes: Record<string, string | number | boolean> = { count: n.count ?? 0 };
      if (n.note !== undefined) attributes.note = n.note;
      if (n.share !== undefined) attributes.share = n.share;
      if (n.listed !== undefined) attributes.listed = n.listed;
      graph.addNode(key, {
        ...(n.label !== undefined && { label: n.label }),
        ...(n.color !== undefined && { viz: { color: "#" + n.color.toString(16).padStart(6, "0") } }),
        attributes,
      });
    });
    edges.forEach((e, i) => {
      const id = `e${i}`;
      const s = keys[e.s % keys.length]!;
      const t = keys[e.t % keys.length]!;
      const attributes = {
        id,
        directed: e.directed,
        ...(e.kind !== undefined && { kind: e.kind }),
        ...(e.weight !== undefined && { weight: e.weight }),
        attributes: (e.note !== undefined ? { note: e.note } : {}) as Record<string, string>,
      };
      if (e.directed) graph.addDirectedEdgeWithKey(id, s, t, attributes);
      else graph.addUndirectedEdgeWithKey(id, s, t, attributes);
    });
    return {
      graph,
      attributes: ATTRIBUTES,
      meta: { format: "gexf", defaultEdgeType: "mixed", attributes: {} },
      warnings: [],
    };
  });

describe("GraphML round trip", () => {
  it("generated graphs come back with the same nodes, edges, kinds, directions and values", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(graphArbitrary, async (imported) => {
        const file = path.join(dir, `g${run++}.graphml`);
        const out = createWriteStream(file);
        await writeGraphml(imported, out);
        out.end();
        await finished(out);
        const again = await importGraph(file);
        expect(again.warnings).toEqual([]);
        expect(again.graph.export().nodes).toEqual(imported.graph.export().nodes);
        const edges = (g: ImportedGraph) =>
          g.graph.mapEdges((key, a, source, target, _sa, _ta, undirected) => ({
            key,
            source,
            target,
            undirected,
            ...a,
          }));
        expect(edges(again)).toEqual(edges(imported));
        expect(again.attributes).toEqual(imported.attributes);
      }),
      { numRuns: 60 },
    );
  });
});

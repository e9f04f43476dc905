/**
 * The static GEXF export keeps what the data knows of each figure value: its point's basis, sources and note,
 * in declared columns beside it. Read back through graphology-gexf and networkx (1.3 with networkx 3, 1.2draft
 * with Debian's networkx 2.8), and valid against the official XSD.
 */
import type { MultiGraph } from "graphology";
import { beforeAll, describe, expect, it } from "vitest";
import type { Figure, Source } from "../../server/domain/dataset-schema";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { gexfToString } from "../../server/gexf/write-gexf";
import { loadGraph } from "../../server/load-graph";
import {
  networkx3,
  networkxAvailability,
  optionalTool,
  readWithGraphology,
  readWithNetworkx,
  requireTool,
  runValidator,
  systemPython,
  validatorAvailability,
  writeTemp,
} from "./_readers";

let graph: KnowledgeGraph;
let xml: string;
let xml12: string;
let parsed: MultiGraph;

beforeAll(async () => {
  graph = (await loadGraph()).graph;
  xml = await gexfToString(graph, { lastModifiedDate: "2026-01-01" });
  xml12 = await gexfToString(graph, { version: "1.2draft", lastModifiedDate: "2026-01-01" });
  parsed = readWithGraphology(xml);
});

const paragraphsIn = (text: unknown) => [...String(text ?? "").matchAll(/¶(\d+)/g)].map((m) => Number(m[1]));
const allPoints = (g: KnowledgeGraph) =>
  [...g.mapNodes((_k, a) => a.figures), ...g.mapEdges((_k, a) => a.figures)].flatMap((figures: Figure[]) =>
    figures.flatMap((f) => f.points),
  );

describe("figure provenance in the static GEXF", () => {
  it("marks the derived 2021 revenue derived, with its arithmetic and ¶9 (graphology-gexf)", () => {
    const ksc = parsed.getNodeAttributes("kingsoft-cloud");
    expect(ksc.fig_revenue_2021).toBe(9.061e9);
    expect(ksc.fig_revenue_2021_basis).toBe("derived");
    expect(ksc.fig_revenue_2021_note).toMatch(/0\.0972/);
    expect(ksc.fig_revenue_2021_sources).toBe("article ¶9");
    expect(ksc.fig_revenue_2023_basis).toBe("stated");
  });

  it("keeps the gross-profit and cost-of-revenue notes of ¶25", () => {
    const ksc = parsed.getNodeAttributes("kingsoft-cloud");
    expect(ksc.fig_gross_profit_2023_note).toMatch(/gross profit/);
    expect(ksc.fig_cost_of_revenue_2023_note).toMatch(/cost of revenue/);
  });

  it("has every paragraph Kingsoft Cloud's record and figures cite (¶9, ¶25, ¶37, ¶47 among them)", () => {
    const ksc = parsed.getNodeAttributes("kingsoft-cloud");
    const exported = new Set(
      Object.entries(ksc)
        .filter(([key]) => key === "sources" || key.endsWith("_sources"))
        .flatMap(([, value]) => paragraphsIn(value)),
    );
    const record = graph.getNodeAttributes("kingsoft-cloud");
    const cited = [...record.sources, ...record.figures.flatMap((f) => f.points.flatMap((p) => p.sources))].map(
      (s: Source) => s.paragraph,
    );
    expect([...exported].sort((a, b) => a - b)).toEqual([...new Set(cited)].sort((a, b) => a - b));
    for (const paragraph of [9, 25, 37, 47]) expect(exported).toContain(paragraph);
  });

  it("writes one basis per figure point, and as many 'derived' and 'implied' as the data has", () => {
    const points = allPoints(graph);
    const bases = [...xml.matchAll(/<attvalue for="fig_[^"]*_basis(?:_[a-z]+)?" value="([a-z]+)"\/>/g)].map(
      (m) => m[1],
    );
    expect(bases).toHaveLength(points.length);
    for (const basis of ["stated", "implied", "derived"]) {
      expect(bases.filter((b) => b === basis).length, basis).toBe(points.filter((p) => p.basis === basis).length);
    }
    expect(bases.filter((b) => b === "derived").length).toBeGreaterThan(0);
  });

  it("validates against the official GEXF 1.3 XSD", (ctx) => {
    requireTool(validatorAvailability(), ctx.skip);
    const result = runValidator(writeTemp("provenance.gexf", xml));
    expect(result.status, result.output).toBe(0);
  });

  it("reads in networkx 3 (1.3): the columns by their titles", (ctx) => {
    const found = networkx3();
    optionalTool(found, ctx.skip);
    const reading = readWithNetworkx(writeTemp("provenance.gexf", xml), found.python);
    expect(reading.error).toBeUndefined();
    const ksc = reading.graph!.nodes["kingsoft-cloud"]!.data;
    expect(ksc["Revenue 2021: basis"]).toBe("derived");
    expect(ksc["Revenue 2021: sources"]).toBe("article ¶9");
  });

  it("reads in Debian's networkx 2.8 (1.2draft)", (ctx) => {
    requireTool(networkxAvailability(), ctx.skip);
    const reading = readWithNetworkx(writeTemp("provenance-12.gexf", xml12), systemPython);
    expect(reading.error).toBeUndefined();
    const ksc = reading.graph!.nodes["kingsoft-cloud"]!.data;
    expect(ksc["Revenue 2021: basis"]).toBe("derived");
    expect(ksc["Revenue 2021: note"]).toMatch(/0\.0972/);
  });
});

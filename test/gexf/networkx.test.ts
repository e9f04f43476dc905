/**
 * networkx reads our files with a plain `networkx.read_gexf(path)`: Debian's networkx 2.8.8 (what CI has) the
 * 1.2draft flavour, networkx 3 (the pyenv python3 here; absent on CI, so those tests skip there) GEXF 1.3.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { RELATION_INFO } from "../../server/domain/vocabulary";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { planColumns } from "../../server/gexf/columns";
import type { GexfVersion } from "../../server/gexf/versions";
import { gexfToString } from "../../server/gexf/write-gexf";
import { loadGraph } from "../../server/load-graph";
import { makeGraph, WEIRD_LABEL_CLEAN } from "./_fixtures";
import {
  networkx3,
  networkxAvailability,
  optionalTool,
  readWithNetworkx,
  requireTool,
  systemPython,
  writeTemp,
  type NetworkxReading,
} from "./_readers";

type Read = NonNullable<NetworkxReading["graph"]>;
const DATE = "2024-04-01";
let graph: KnowledgeGraph;
let real: KnowledgeGraph;
const files = new Map<string, string>();

beforeAll(async () => {
  graph = makeGraph();
  real = (await loadGraph()).graph;
  for (const version of ["1.3", "1.2draft"] as const) {
    files.set(
      `test-${version}`,
      writeTemp(`test-${version}.gexf`, await gexfToString(graph, { version, lastModifiedDate: DATE })),
    );
    files.set(`real-${version}`, writeTemp(`real-${version}.gexf`, await gexfToString(real, { version })));
  }
});

/** The reading succeeded; its graph, or a failure carrying networkx's error. */
function readPlain(file: string, python: string): Read {
  const reading = readWithNetworkx(file, python);
  expect(reading.error, `networkx ${reading.version}`).toBeUndefined();
  return reading.graph!;
}

/** What a plain read_gexf must give for the test graph, whichever version it read. */
function expectTestGraph(g: Read, version: GexfVersion): void {
  expect(g.class).toBe("MultiDiGraph");
  expect(Object.keys(g.nodes).sort()).toEqual(graph.nodes().sort());
  expect(g.edges.map((e) => e.key).sort()).toEqual(graph.edges().sort());
  for (const e of g.edges) {
    expect([e.source, e.target], e.key).toEqual(graph.extremities(e.key));
    expect(e.data["Relation"], e.key).toBe(graph.getEdgeAttribute(e.key, "relation"));
    expect(e.data["Symmetric relation"], e.key).toBe(
      !RELATION_INFO[graph.getEdgeAttribute(e.key, "relation")].directed,
    );
    expect(e.data.id).toBe(e.key);
    expect(e.data).not.toHaveProperty("weight");
  }
  const parallel = g.edges.filter((e) => e.source === "xiaomi" && e.target === "kingsoft-cloud");
  expect(parallel.map((e) => e.data.label).sort()).toEqual([
    "holds a stake in",
    "invested in",
    "invested in",
    "is a customer of",
  ]);

  const titles = Object.fromEntries(
    planColumns(graph)
      .node.columns()
      .map((c) => [c.id, c.title]),
  );
  const ksc = g.nodes["kingsoft-cloud"]!;
  expect(ksc.data.label).toBe("Kingsoft Cloud");
  expect(ksc.data[titles.labelZh!]).toBe("金山云");
  expect(ksc.data["Listed"]).toBe(true);
  expect(ksc.types["Listed"]).toBe("bool");
  expect(g.nodes["alibaba-cloud"]!.data["Listed"]).toBe(false);
  expect(ksc.data["Rank"]).toBe("3"); // 3 here, "top" on Xiaomi: a string column
  expect(ksc.data["Revenue 2023 (CNY)"]).toBe(7.01e9);
  expect(ksc.types["Revenue 2023 (CNY)"]).toBe("float");
  expect(ksc.data["Net loss 2023 (min, CNY)"]).toBe(2e9);
  // networkx returns lists as text either way: 1.3's `[a, "b, c"]`, or the " | " string 1.2draft gets.
  expect(ksc.types["Aliases"]).toBe("str");
  expect(ksc.data["Aliases"]).toBe(
    version === "1.3"
      ? '[KSYUN, "Kingsoft Cloud Holdings, Ltd.", 金山云控股, "say \\"cloud\\"", "back\\\\slash", "(ksc)"]'
      : 'KSYUN | Kingsoft Cloud Holdings, Ltd. | 金山云控股 | say "cloud" | back\\slash | (ksc)',
  );
  expect(ksc.data.viz).toEqual({
    color: { r: 230, g: 85, b: 13, a: 1 },
    size: graph.getNodeAttribute("kingsoft-cloud", "size"),
    position: {
      x: graph.getNodeAttribute("kingsoft-cloud", "x"),
      y: graph.getNodeAttribute("kingsoft-cloud", "y"),
      z: 0,
    },
  });
  expect(g.nodes["lei-jun"]!.data[titles.labelZh!]).toBe("雷军");
  expect(g.nodes["weird"]!.data.label).toBe(WEIRD_LABEL_CLEAN);

  const edge = (key: string) => g.edges.find((e) => e.key === key)!;
  const competes = edge("kingsoft-cloud__competes_with__alibaba-cloud");
  expect(competes.data["Start year"]).toBe(2013);
  expect(competes.types["Start year"]).toBe("int");
  expect(competes.data["Symmetric relation"]).toBe(true);
  expect(edge("xiaomi__holds_stake_in__kingsoft-cloud").data["Stake (%)"]).toBe(12.3);
  expect(edge("lei-jun__chairs__kingsoft-cloud").data["Since founding"]).toBe(false);
}

/** The embedded dataset, whole: every node and edge, parallel edges kept, a few values. */
function expectRealGraph(g: Read): void {
  expect(g.class).toBe("MultiDiGraph");
  expect(Object.keys(g.nodes).sort()).toEqual(real.nodes().sort());
  expect(g.edges.map((e) => e.key).sort()).toEqual(real.edges().sort());
  for (const e of g.edges) expect([e.source, e.target], e.key).toEqual(real.extremities(e.key));
  expect(g.edges.filter((e) => e.source === "xiaomi" && e.target === "kingsoft-cloud")).toHaveLength(4);
  expect(g.nodes["lei-jun"]!.data["Label (Chinese)"]).toBe("雷军");
  const stake = g.edges.find((e) => e.key === "xiaomi__holds_stake_in__kingsoft-cloud")!;
  expect(stake.data["Stake (%)"]).toBe(12.3);
  expect(stake.types["Stake (%)"]).toBe("float");
  expect(g.nodes["chatglm-6b"]!.data["Open source"]).toBe(true);
  expect(g.nodes["chatglm-6b"]!.types["Open source"]).toBe("bool");
  const symmetric = g.edges.filter((e) => e.data["Symmetric relation"] === true).map((e) => e.data["Relation"]);
  expect(symmetric.length).toBeGreaterThan(0);
  for (const relation of symmetric) expect(RELATION_INFO[relation as keyof typeof RELATION_INFO].directed).toBe(false);
}

describe(`Debian's networkx (${systemPython}, 2.8.8 here and on CI)`, () => {
  it("reads the 1.2draft export with a plain read_gexf: every node, edge and attribute", (ctx) => {
    requireTool(networkxAvailability(), ctx.skip);
    expectTestGraph(readPlain(files.get("test-1.2draft")!, systemPython), "1.2draft");
  });

  it("reads the embedded dataset's 1.2draft export whole", (ctx) => {
    requireTool(networkxAvailability(), ctx.skip);
    expectRealGraph(readPlain(files.get("real-1.2draft")!, systemPython));
  });

  it("cannot read GEXF 1.3 when it predates networkx 3 (why the 1.2draft option exists)", (ctx) => {
    requireTool(networkxAvailability(), ctx.skip);
    const reading = readWithNetworkx(files.get("test-1.3")!);
    if (Number.parseInt(reading.version, 10) >= 3) ctx.skip(`${systemPython} has networkx ${reading.version}`);
    console.info(`networkx ${reading.version}: read_gexf(1.3 file) → ${reading.error ?? "ok"}`);
    expect(reading.error).toBe("NetworkXError: No <graph> element in GEXF file.");
  });
});

// CI has only Debian's networkx 2.8.8: these skip there, with the reason printed.
describe("networkx 3 (python3 on PATH, when it has networkx >= 3)", () => {
  it("reads the 1.3 export with a plain read_gexf: every node, edge and attribute", (ctx) => {
    const found = networkx3();
    optionalTool(found, ctx.skip);
    console.info(`networkx ${found.version} (${found.python})`);
    expectTestGraph(readPlain(files.get("test-1.3")!, found.python), "1.3");
  });

  it("reads the embedded dataset's 1.3 export whole", (ctx) => {
    const found = networkx3();
    optionalTool(found, ctx.skip);
    expectRealGraph(readPlain(files.get("real-1.3")!, found.python));
  });

  it("reads the 1.2draft export too", (ctx) => {
    const found = networkx3();
    optionalTool(found, ctx.skip);
    expectTestGraph(readPlain(files.get("test-1.2draft")!, found.python), "1.2draft");
  });
});

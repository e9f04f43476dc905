import { describe, expect, it } from "vitest";
import { NODE_TYPE_INFO, RELATION_INFO } from "../../server/domain/vocabulary";
import { buildGraph } from "../../server/graph/build-graph";
import { neighborhood } from "../../server/graph/neighborhood";
import { SearchIndex, tokenize } from "../../server/graph/search-index";
import { GraphFilter } from "../../server/graph/filter";
import { selectSubgraph } from "../../server/graph/select";
import { shortestPath } from "../../server/graph/shortest-path";
import { embeddedDataset, makeDataset, makeGraph } from "../_fixtures";

describe("buildGraph", () => {
  it("keeps parallel relations between the same two nodes apart", () => {
    const graph = makeGraph();
    expect(graph.multi).toBe(true);
    expect(graph.type).toBe("directed");
    expect(
      graph
        .outEdges("a", "b")
        .map((e) => graph.getEdgeAttribute(e, "relation"))
        .sort(),
    ).toEqual(["customer_of", "holds_stake_in"]);
  });

  it("keys edges as source__relation__target unless they carry an id", () => {
    const graph = makeGraph();
    expect(graph.hasEdge("a__holds_stake_in__b")).toBe(true);
    const withId = makeDataset();
    withId.edges[0]!.id = "stake-1";
    expect(buildGraph(withId).hasEdge("stake-1")).toBe(true);
  });

  it("colours from the vocabulary and sizes by degree", () => {
    const graph = makeGraph();
    expect(graph.getNodeAttribute("a", "color")).toBe(NODE_TYPE_INFO.company.color);
    expect(graph.getEdgeAttribute("b__offers__c", "color")).toBe(RELATION_INFO.offers.color);
    expect(graph.getNodeAttribute("b", "size")).toBeGreaterThan(graph.getNodeAttribute("e", "size"));
  });

  it("lays out the same way every time", () => {
    const positions = () => buildGraph(embeddedDataset()).mapNodes((key, a) => [key, a.x, a.y, a.size]);
    const first = positions();
    expect(positions()).toEqual(first);
    // And not all in one spot: the layout really ran.
    expect(new Set(first.map(([, x, y]) => `${x},${y}`)).size).toBe(first.length);
  });
});

describe("neighborhood", () => {
  const graph = makeGraph();
  it("follows the chosen direction and reports distances", () => {
    expect(neighborhood(graph, "a", { depth: 2, direction: "out", limit: 100 }).nodes).toEqual([
      { key: "a", distance: 0 },
      { key: "b", distance: 1 },
      { key: "c", distance: 2 },
    ]);
    const both = neighborhood(graph, "a", { depth: 3, direction: "both", limit: 100 });
    expect(both.nodes.map((n) => n.key).sort()).toEqual(["a", "b", "c", "d"]);
    expect(
      neighborhood(graph, "c", { depth: 1, direction: "in", limit: 100 })
        .nodes.map((n) => n.key)
        .sort(),
    ).toEqual(["b", "c", "d"]);
  });

  it("includes parallel edges among the nodes it keeps", () => {
    expect(neighborhood(graph, "a", { depth: 1, direction: "out", limit: 100 }).edges.sort()).toEqual([
      "a__customer_of__b",
      "a__holds_stake_in__b",
    ]);
  });

  it("filters by relation and by type", () => {
    const byRelation = neighborhood(graph, "a", {
      depth: 3,
      direction: "both",
      relations: ["customer_of"],
      limit: 100,
    });
    expect(byRelation.nodes.map((n) => n.key)).toEqual(["a", "b"]);
    expect(byRelation.edges).toEqual(["a__customer_of__b"]);
    const byType = neighborhood(graph, "a", { depth: 3, direction: "both", types: ["cloud_provider"], limit: 100 });
    expect(byType.nodes.map((n) => n.key)).toEqual(["a", "b"]);
  });

  it("stops at the limit and says so", () => {
    const capped = neighborhood(graph, "a", { depth: 3, direction: "both", limit: 2 });
    expect(capped.nodes).toHaveLength(2);
    expect(capped.truncated).toBe(true);
  });
});

describe("shortestPath", () => {
  const graph = makeGraph();
  it("returns nodes and the edges taken", () => {
    expect(shortestPath(graph, "a", "c", { direction: "out", maxVisited: 100 })).toEqual({
      found: true,
      path: {
        nodes: ["a", "b", "c"],
        edges: [expect.stringMatching(/^a__(holds_stake_in|customer_of)__b$/), "b__offers__c"],
      },
    });
  });

  it("respects direction and relation", () => {
    expect(shortestPath(graph, "a", "d", { direction: "out", maxVisited: 100 })).toEqual({
      found: false,
      exhausted: false,
    });
    expect(shortestPath(graph, "a", "d", { direction: "both", maxVisited: 100 }).found).toBe(true);
    const viaCustomer = shortestPath(graph, "a", "b", {
      direction: "out",
      relations: ["customer_of"],
      maxVisited: 100,
    });
    expect(viaCustomer).toEqual({ found: true, path: { nodes: ["a", "b"], edges: ["a__customer_of__b"] } });
  });

  it("finds nothing to an isolated node, and gives up past the visit cap", () => {
    expect(shortestPath(graph, "a", "e", { direction: "both", maxVisited: 100 })).toEqual({
      found: false,
      exhausted: false,
    });
    expect(shortestPath(graph, "a", "e", { direction: "both", maxVisited: 1 })).toEqual({
      found: false,
      exhausted: true,
    });
  });

  it("is a zero-length path from a node to itself", () => {
    expect(shortestPath(graph, "b", "b", { direction: "both", maxVisited: 100 })).toEqual({
      found: true,
      path: { nodes: ["b"], edges: [] },
    });
  });
});

describe("GraphFilter and selectSubgraph", () => {
  const graph = makeGraph();
  const kept = (filter: GraphFilter) => ({
    nodes: graph.filterNodes((_key, a) => filter.keepsNode(a)).sort(),
    edges: graph.filterEdges((_key, a, source, target) => filter.keepsEdge(a, source, target)),
  });
  it("keeps types, and only edges whose both ends stay", () => {
    const sub = kept(new GraphFilter(graph, { types: ["company", "cloud_provider"] }));
    expect(sub.nodes).toEqual(["a", "b"]);
    expect(sub.edges.length).toBe(2);
  });
  it("keeps relations", () => {
    const sub = kept(new GraphFilter(graph, { relations: ["offers"] }));
    expect(sub.nodes.length).toBe(5);
    expect(sub.edges).toEqual(["b__offers__c"]);
  });
  it("cuts a neighbourhood", () => {
    const sub = selectSubgraph(graph, { center: "d", depth: 1, direction: "both" });
    expect(sub.nodes().sort()).toEqual(["c", "d"]);
  });
});

describe("search", () => {
  it("splits words, joins them, and pairs Chinese characters", () => {
    expect(tokenize("Alpaca-LoRA")).toEqual(["alpaca", "lora", "alpacalora"]);
    expect(tokenize("金山云")).toEqual(expect.arrayContaining(["金山云", "金山", "山云"]));
  });

  const index = new SearchIndex(buildGraph(embeddedDataset()));
  it.each([
    ["xiaomy", "xiaomi"],
    ["雷军", "lei-jun"],
    ["alpaca lora", "alpaca-lora"],
    ["ALPACALORA", "alpaca-lora"],
    ["Kingsoft Cloud Holdings", "kingsoft-cloud"],
    ["金山", "kingsoft-cloud"],
    ["qwen", "tongyi-qianwen"],
    ["tencnet", "tencent"],
    ["tencnet cloud", "tencent-cloud"],
    ["chatglm-6b", "chatglm-6b"],
  ])("%s finds %s first", (query, key) => {
    expect(index.search(query, 5)[0]?.key).toBe(key);
  });

  it("finds nothing for nonsense", () => {
    expect(index.search("zzqxv", 5)).toEqual([]);
  });
});

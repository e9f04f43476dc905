/**
 * A big graph is indexed in the background, names first and descriptions after: the index says how far it has
 * got, answers from what is in, and once done ranks exactly as one built all at once.
 */
import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../server/graph/search-index";
import { embeddedGraph } from "../_fixtures";

const graph = embeddedGraph();
const QUERIES = ["xiaomy", "雷军", "alpaca lora", "cloud", "gaming", "revenue fell", "金山", "qwen", "startup tier"];

describe("a search index built in the background", () => {
  it("is complete at once on a graph below the threshold", () => {
    const index = new SearchIndex(graph);
    expect(index.complete).toBe(true);
    expect(index.progress).toEqual({ named: graph.order, described: graph.order, nodes: graph.order });
  });

  it("indexes names first, says it is incomplete, then matches the all-at-once index", async () => {
    const eager = new SearchIndex(graph);
    const background = new SearchIndex(graph, { eagerUpTo: 0 });
    expect(background.complete).toBe(false);
    expect(background.progress).toEqual({ named: 0, described: 0, nodes: graph.order });
    expect(background.search("xiaomy", 5)).toEqual([]);
    // One turn of the event loop later the names (one chunk here) are in, the descriptions not yet.
    await new Promise((resolve) => setImmediate(resolve));
    expect(background.progress).toEqual({ named: graph.order, described: 0, nodes: graph.order });
    expect(background.search("xiaomy", 5)[0]?.key).toBe("xiaomi");
    expect(background.search("gaming", 20).every((m) => !m.matchedIn.includes("description"))).toBe(true);
    expect(eager.search("gaming", 20).some((m) => m.matchedIn.includes("description"))).toBe(true);

    await background.ready;
    expect(background.complete).toBe(true);
    for (const query of QUERIES) expect(background.search(query, 20), query).toEqual(eager.search(query, 20));
  });
});

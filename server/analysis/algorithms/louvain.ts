/**
 * Louvain communities with graphology-communities-louvain on the directed graph (directed modularity, as
 * networkx's louvain_communities uses on a directed graph), parallel relations merged into one link whose
 * weight is their sum. Seeded, so the same data gives the same communities in every process.
 */
import { DirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import type { AdjacencyArrays } from "../adjacency";
import { seededRandom } from "../../graph/layout";

export interface Communities {
  /** Community number of each node, numbered from the largest: 0 is the biggest. */
  of: Uint32Array;
  sizes: number[];
  modularity: number;
}

export function louvainCommunities(
  { order: n, outStart, outTargets, outWeights }: AdjacencyArrays,
  { resolution = 1, seed = 1 } = {},
): Communities {
  const graph = new DirectedGraph<Record<string, never>, { weight: number }>();
  const names = Array.from({ length: n }, (_, i) => String(i));
  for (const name of names) graph.addNode(name);
  // Parallel links merged row by row: `slot[t]` is where target t's summed weight sits in this row.
  const slot = new Int32Array(n).fill(-1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    targets.length = 0;
    weights.length = 0;
    for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
      const t = outTargets[e]!;
      if (slot[t]! < 0) {
        slot[t] = targets.length;
        targets.push(t);
        weights.push(0);
      }
      weights[slot[t]!]! += outWeights[e]!;
    }
    for (let j = 0; j < targets.length; j++) {
      graph.addDirectedEdge(names[i]!, names[targets[j]!]!, { weight: weights[j]! });
      slot[targets[j]!] = -1;
    }
  }
  const found = louvain.detailed(graph, { getEdgeWeight: "weight", resolution, rng: seededRandom(seed) });
  const sizes = new Map<number, number>();
  const raw = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = found.communities[i]!;
    raw[i] = c;
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  }
  const ranked = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const renumber = new Map(ranked.map(([c], position) => [c, position]));
  const of = raw.map((c) => renumber.get(c)!);
  return { of, sizes: ranked.map(([, size]) => size), modularity: graph.size === 0 ? 0 : found.modularity };
}

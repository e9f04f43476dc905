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
  for (let i = 0; i < n; i++) graph.addNode(i);
  for (let i = 0; i < n; i++) {
    for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
      const weight = outWeights[e]!;
      graph.updateEdge(i, outTargets[e]!, (a) => ({ weight: (a.weight ?? 0) + weight }));
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

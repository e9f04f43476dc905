/**
 * The metrics the API computes, by the name a request gives and each answer's field carries. What each
 * one means on a directed multigraph is in docs/analysis.md.
 */
export const METRICS = [
  "degree",
  "inDegree",
  "outDegree",
  "weightedDegree",
  "weightedInDegree",
  "weightedOutDegree",
  "pagerank",
  "betweenness",
  "closeness",
  "hub",
  "authority",
  "component",
  "core",
  "community",
] as const;

export type Metric = (typeof METRICS)[number];

/** Metrics whose values are group numbers rather than quantities. */
export const GROUP_METRICS = ["component", "community"] as const satisfies readonly Metric[];

export const METRIC_INFO: Record<Metric, { label: string; description: string }> = {
  degree: { label: "Degree", description: "Relations in and out; parallel relations each count." },
  inDegree: { label: "In-degree", description: "Relations pointing to the entity." },
  outDegree: { label: "Out-degree", description: "Relations leaving the entity." },
  weightedDegree: { label: "Weighted degree", description: "Summed weights of relations in and out." },
  weightedInDegree: { label: "Weighted in-degree", description: "Summed weights of relations pointing in." },
  weightedOutDegree: { label: "Weighted out-degree", description: "Summed weights of relations leaving." },
  pagerank: { label: "PageRank", description: "Share of a random walk's time (alpha 0.85), each relation a link." },
  betweenness: { label: "Betweenness", description: "Share of shortest directed paths that pass through." },
  closeness: { label: "Closeness", description: "How near the entity is, along directed paths, to those reaching it." },
  hub: { label: "Hub score", description: "HITS: points to good authorities." },
  authority: { label: "Authority score", description: "HITS: pointed to by good hubs." },
  component: { label: "Component", description: "Weakly connected component, 0 the largest." },
  core: { label: "Core number", description: "Largest k of a k-core (direction ignored) the entity is in." },
  community: { label: "Community", description: "Louvain community (directed modularity), 0 the largest." },
};

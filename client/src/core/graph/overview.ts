/**
 * The overview of a graph too big to draw, as the page grows it: which entities are on the page and why
 * (the overview itself, an expansion, a search, a path, a neighbourhood), what each expansion added, and how
 * many neighbours of each entity are still hidden. Collapsing an expansion takes away only what nothing else
 * keeps there. Pure graph bookkeeping, no WebGL and no fetching, so it is unit-tested in Node.
 */
import type { EdgeItem } from "../../../../server/api/contract";
import type { NodeAttributes } from "../../../../server/graph/attributes";
import { indexParallelEdges, type ClientGraph } from "./load";

/** Why an entity is on the page. An expansion is a reason for its centre too, so that it stays while open. */
export type Reason = "overview" | "search" | "path" | "hood" | `expand:${string}`;

export const expansionOf = (center: string): Reason => `expand:${center}`;

export interface Expansion {
  /** Entities this expansion brought that were not on the page before. */
  added: string[];
  /** The server's neighbourhood cap cut it short: some neighbours are still hidden. */
  truncated: boolean;
}

export interface OverviewModel {
  totalNodes: number;
  totalEdges: number;
  reasons: Map<string, Set<Reason>>;
  expansions: Map<string, Expansion>;
}

/** What views need to know, as a value that changes whenever the page grows or shrinks. */
export interface OverviewStatus {
  totalNodes: number;
  totalEdges: number;
  expanded: ReadonlySet<string>;
  truncated: ReadonlySet<string>;
  /** Entities whose expansion is on its way. */
  pending: ReadonlySet<string>;
  error: string | null;
  /** Something beyond the overview is on the page (an expansion, a search hit, a path, a neighbourhood). */
  grown: boolean;
}

export interface IncomingNode {
  key: string;
  attributes: NodeAttributes;
  /** Distinct neighbours in the whole graph, when known. */
  neighbours?: number;
}

/** Starts the model on the graph the server sent: every entity is there for the overview. */
export function createOverviewModel(
  graph: ClientGraph,
  overview: { totalNodes: number; totalEdges: number; neighbours: Record<string, number> },
): OverviewModel {
  const reasons = new Map<string, Set<Reason>>();
  graph.forEachNode((node) => {
    reasons.set(node, new Set(["overview"]));
    const neighbours = overview.neighbours[node];
    if (neighbours !== undefined) graph.setNodeAttribute(node, "neighbours", neighbours);
  });
  afterChange(graph);
  return { totalNodes: overview.totalNodes, totalEdges: overview.totalEdges, reasons, expansions: new Map() };
}

/** Neighbours of `node` that are not on the page, or null when its total is not known yet. */
export function hiddenNeighbours(graph: ClientGraph, node: string): number | null {
  const total = graph.getNodeAttribute(node, "neighbours");
  return total === undefined ? null : Math.max(0, total - graph.neighbors(node).length);
}

/**
 * Writes each entity's hidden-neighbour count into its `hiddenNeighbours` attribute (what the label and the
 * sidebar show). Not `hidden`: sigma reads that name as "do not draw".
 */
export function updateHidden(graph: ClientGraph): void {
  graph.forEachNode((node, attributes) => {
    const hidden = hiddenNeighbours(graph, node) ?? undefined;
    if (attributes.hiddenNeighbours === hidden) return;
    if (hidden === undefined) graph.removeNodeAttribute(node, "hiddenNeighbours");
    else graph.setNodeAttribute(node, "hiddenNeighbours", hidden);
  });
}

/**
 * Adds entities (with `reason`) and edges whose two ends are on the page; returns the entities that were
 * not there before. Known neighbour counts are recorded, and hidden counts and curvatures brought up to date.
 */
export function addToPage(
  graph: ClientGraph,
  model: OverviewModel,
  reason: Reason,
  nodes: readonly IncomingNode[],
  edges: readonly EdgeItem[] = [],
): string[] {
  const added: string[] = [];
  for (const node of nodes) {
    if (!graph.hasNode(node.key)) {
      graph.addNode(node.key, { ...node.attributes });
      added.push(node.key);
    }
    if (node.neighbours !== undefined) graph.setNodeAttribute(node.key, "neighbours", node.neighbours);
    const reasons = model.reasons.get(node.key) ?? new Set<Reason>();
    reasons.add(reason);
    model.reasons.set(node.key, reasons);
  }
  addEdges(graph, edges);
  return added;
}

/** Adds the edges whose two ends are on the page and that it does not hold yet. */
export function addEdges(graph: ClientGraph, edges: readonly EdgeItem[]): void {
  for (const edge of edges) {
    if (graph.hasEdge(edge.key) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, { ...edge.attributes, curvature: 0 });
  }
  afterChange(graph);
}

/**
 * Marks all relations between the same two entities but the first as `parallel`. Hubs of a large graph share
 * thousands of them; the overview draws one line per pair (the sidebar still lists every relation).
 */
export function markParallelEdges(graph: ClientGraph): void {
  const pairs = new Set<string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const parallel = pairs.has(pair);
    pairs.add(pair);
    if ((attributes.parallel ?? false) !== parallel) graph.setEdgeAttribute(edge, "parallel", parallel);
  });
}

function afterChange(graph: ClientGraph): void {
  indexParallelEdges(graph);
  markParallelEdges(graph);
  updateHidden(graph);
}

/** Takes `reason` away from every entity; those left with no reason leave the page. Returns them. */
export function withdraw(graph: ClientGraph, model: OverviewModel, reason: Reason): string[] {
  const dropped: string[] = [];
  for (const [node, reasons] of model.reasons) {
    if (!reasons.delete(reason) || reasons.size > 0) continue;
    model.reasons.delete(node);
    if (graph.hasNode(node)) graph.dropNode(node);
    dropped.push(node);
  }
  // An expansion whose centre left the page goes with it.
  for (const node of dropped) if (model.expansions.has(node)) dropped.push(...collapse(graph, model, node));
  if (dropped.length > 0) afterChange(graph);
  return dropped;
}

/**
 * Records an expansion of `center`: its neighbourhood (nodes and edges as /api/nodes/:key/neighbors returns
 * them) joins the page. Returns the entities it added.
 */
export function expand(
  graph: ClientGraph,
  model: OverviewModel,
  center: string,
  neighbourhood: { nodes: readonly IncomingNode[]; edges: readonly EdgeItem[]; truncated: boolean },
): string[] {
  const reason = expansionOf(center);
  const withCenter = neighbourhood.nodes.some((n) => n.key === center)
    ? neighbourhood.nodes
    : [...neighbourhood.nodes, { key: center, attributes: graph.getNodeAttributes(center) }];
  const added = addToPage(graph, model, reason, withCenter, neighbourhood.edges);
  const previous = model.expansions.get(center);
  model.expansions.set(center, {
    added: [...(previous?.added ?? []), ...added],
    truncated: neighbourhood.truncated,
  });
  return added;
}

/** Undoes the expansion of `center`: what only it kept on the page leaves. Returns what left. */
export function collapse(graph: ClientGraph, model: OverviewModel, center: string): string[] {
  if (!model.expansions.delete(center)) return [];
  return withdraw(graph, model, expansionOf(center));
}

/** Back to the overview the page opened on: every other reason is withdrawn. */
export function resetToOverview(graph: ClientGraph, model: OverviewModel): string[] {
  const others = new Set<Reason>();
  for (const reasons of model.reasons.values())
    for (const reason of reasons) if (reason !== "overview") others.add(reason);
  model.expansions.clear();
  return [...others].flatMap((reason) => withdraw(graph, model, reason));
}

/** The model as views see it. */
export function overviewStatus(
  model: OverviewModel,
  extra: { pending?: ReadonlySet<string>; error?: string | null } = {},
): OverviewStatus {
  return {
    totalNodes: model.totalNodes,
    totalEdges: model.totalEdges,
    expanded: new Set(model.expansions.keys()),
    truncated: new Set([...model.expansions].filter(([, e]) => e.truncated).map(([key]) => key)),
    pending: extra.pending ?? new Set(),
    error: extra.error ?? null,
    grown: [...model.reasons.values()].some((reasons) => [...reasons].some((reason) => reason !== "overview")),
  };
}

/**
 * A compact, index-based copy of the graph's structure for the analysis algorithms: node keys, and each
 * relation as one directed link (parallel relations kept, self-loops kept) in compressed rows both ways.
 * Built through a filter, so `?type=`, `?relation=` and `?asOf=` cost no graphology copy, and made of typed
 * arrays only, so it can be handed to a worker thread without copying.
 */
import type { NodeType, Relation } from "../domain/vocabulary";
import type { KnowledgeGraph } from "../graph/attributes";
import { inSpan } from "../graph/as-of";

export interface AnalysisFilter {
  types?: readonly NodeType[];
  relations?: readonly Relation[];
  asOf?: number;
}

export interface Adjacency {
  /** Node keys; a node's index is its position here. */
  keys: string[];
  /** Out-links of node i are `outTargets[outStart[i] .. outStart[i + 1])`, with `outWeights` beside them. */
  outStart: Uint32Array;
  outTargets: Uint32Array;
  outWeights: Float64Array;
  /** In-links of node i are `inSources[inStart[i] .. inStart[i + 1])`. */
  inStart: Uint32Array;
  inSources: Uint32Array;
}

/** The arrays of an Adjacency, as sent to a worker (keys stay behind: the algorithms only need indices). */
export type AdjacencyArrays = Omit<Adjacency, "keys"> & { order: number };

/** A relation's weight: a numeric `weight` property when the data gives one, else 1. */
export const edgeWeight = (properties: Record<string, unknown>): number => {
  const weight = properties.weight;
  return typeof weight === "number" && Number.isFinite(weight) && weight > 0 ? weight : 1;
};

/** Calls `pause()` between slices of the work so a huge graph does not hold the event loop for long. */
export type Pause = () => Promise<void> | void;

const SLICE = 20_000;

export async function buildAdjacency(
  graph: KnowledgeGraph,
  filter: AnalysisFilter = {},
  pause: Pause = () => {},
): Promise<Adjacency> {
  const types = filter.types?.length ? new Set<string>(filter.types) : undefined;
  const relations = filter.relations?.length ? new Set<string>(filter.relations) : undefined;
  const year = filter.asOf;

  const index = new Map<string, number>();
  const keys: string[] = [];
  let seen = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    if (++seen % SLICE === 0) await pause();
    if (types && !types.has(attributes.type)) continue;
    if (year !== undefined && !inSpan(attributes.time, year)) continue;
    index.set(node, keys.length);
    keys.push(node);
  }

  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  seen = 0;
  for (const { attributes, source, target } of graph.edgeEntries()) {
    if (++seen % SLICE === 0) await pause();
    if (relations && !relations.has(attributes.relation)) continue;
    if (year !== undefined && !inSpan(attributes.time, year)) continue;
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined) continue;
    sources.push(s);
    targets.push(t);
    weights.push(edgeWeight(attributes.properties));
  }
  return fromLinks(keys, sources, targets, weights);
}

/** Compressed rows from parallel lists of links (counting sort by source, then by target). */
export function fromLinks(keys: string[], sources: number[], targets: number[], weights: number[]): Adjacency {
  const n = keys.length;
  const m = sources.length;
  const outStart = new Uint32Array(n + 1);
  const inStart = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) {
    outStart[sources[e]! + 1]!++;
    inStart[targets[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1]! += outStart[i]!;
    inStart[i + 1]! += inStart[i]!;
  }
  const outTargets = new Uint32Array(m);
  const outWeights = new Float64Array(m);
  const inSources = new Uint32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const s = sources[e]!;
    const t = targets[e]!;
    const o = outFill[s]!++;
    outTargets[o] = t;
    outWeights[o] = weights[e]!;
    inSources[inFill[t]!++] = s;
  }
  return { keys, outStart, outTargets, outWeights, inStart, inSources };
}

export const arraysOf = ({ keys, ...arrays }: Adjacency): AdjacencyArrays => ({ ...arrays, order: keys.length });

/**
 * Control around an entity: who owns it through which chains of stakes (and what that comes to when the
 * stakes along a chain are multiplied), what it owns the same way, the ultimate owners at the top of its
 * chains, and the people who hold offices on more than one side of those chains (Lei Jun chairs Kingsoft
 * Cloud and founded, chairs and runs Xiaomi, which holds a stake in it).
 */
import { RELATION_INFO, type Relation } from "../domain/vocabulary";
import type { FigurePoint } from "../domain/dataset-schema";
import type { EdgeAttributes, KnowledgeGraph } from "../graph/attributes";
import { inSpan } from "../graph/as-of";

/** A share in percent; exact when min equals max ("12.3 %"), a range when the source gives bounds. */
export interface Share {
  min: number;
  max: number;
}

export interface Chain {
  /** From the owner down to the owned entity. */
  nodes: string[];
  edges: string[];
  /** Each link's share; null where the data gives none. */
  shares: (Share | null)[];
  /** The product of the shares along the chain; null when any link's share is unknown. */
  share: Share | null;
}

export interface ControlTie {
  /** The other end of the chains: an owner (for `owners`) or a holding (for `holdings`). */
  key: string;
  /** Summed over every chain; null when any chain's share is unknown. */
  share: Share | null;
  chains: Chain[];
}

export interface PersonTie {
  person: string;
  /** Offices the person holds at entities on the chains, the analysed entity included. */
  roles: { entity: string; relations: Relation[] }[];
}

export interface Control {
  key: string;
  owners: ControlTie[];
  holdings: ControlTie[];
  /** Owners nobody owns in turn: where the chains end. */
  ultimateOwners: string[];
  people: PersonTie[];
  /** Whether the chain caps cut the search short. */
  truncated: boolean;
}

export interface ControlOptions {
  asOf?: number;
  /** Links per chain, and chains per direction, before the search stops. */
  maxDepth?: number;
  maxChains?: number;
}

const WHOLE: Share = { min: 100, max: 100 };

interface Link {
  edge: string;
  owner: string;
  owned: string;
  share: Share | null;
}

export function control(graph: KnowledgeGraph, key: string, options: ControlOptions = {}): Control {
  const { asOf, maxDepth = 8, maxChains = 500 } = options;
  const links = (node: string, direction: "in" | "out"): Link[] => {
    const found: Link[] = [];
    const visit = (edge: string, a: EdgeAttributes, source: string, target: string) => {
      const kind = RELATION_INFO[a.relation].control;
      if (kind === undefined || kind === "role" || (asOf !== undefined && !inSpan(a.time, asOf))) return;
      if (kind === "parent") return void found.push({ edge, owner: target, owned: source, share: null });
      const share = kind === "whole" ? WHOLE : stakeOf(a.figures.find((f) => f.key === "stake")?.points, asOf);
      found.push({ edge, owner: source, owned: target, share });
    };
    // A parent link points from the part to its parent: walking up follows it forwards.
    const up = direction === "in";
    graph.forEachInEdge(node, (edge, a, s, t) => {
      if ((RELATION_INFO[a.relation].control === "parent") !== up) visit(edge, a, s, t);
    });
    graph.forEachOutEdge(node, (edge, a, s, t) => {
      if ((RELATION_INFO[a.relation].control === "parent") === up) visit(edge, a, s, t);
    });
    return found;
  };

  let truncated = false;
  const chainsFrom = (direction: "in" | "out"): Chain[] => {
    const chains: Chain[] = [];
    const walk = (node: string, path: Link[], onPath: Set<string>) => {
      for (const link of links(node, direction)) {
        const next = direction === "in" ? link.owner : link.owned;
        if (onPath.has(next)) continue;
        if (chains.length >= maxChains) return void (truncated = true);
        const extended = [...path, link];
        chains.push(toChain(direction === "in" ? [...extended].reverse() : extended));
        if (extended.length >= maxDepth) {
          if (links(next, direction).length > 0) truncated = true;
          continue;
        }
        onPath.add(next);
        walk(next, extended, onPath);
        onPath.delete(next);
      }
    };
    walk(key, [], new Set([key]));
    return chains;
  };

  const owners = group(chainsFrom("in"), (chain) => chain.nodes[0]!);
  const holdings = group(chainsFrom("out"), (chain) => chain.nodes[chain.nodes.length - 1]!);
  const ultimateOwners = owners.map((o) => o.key).filter((owner) => links(owner, "in").length === 0);
  const people = peopleAcross(graph, [key, ...owners.map((o) => o.key), ...holdings.map((h) => h.key)], asOf);
  return { key, owners, holdings, ultimateOwners, people, truncated };
}

/** A stake figure's point as of a year (the latest dated one by then, else an undated one), as a share. */
function stakeOf(points: FigurePoint[] | undefined, asOf: number | undefined): Share | null {
  if (!points?.length) return null;
  const usable = points.filter((p) => asOf === undefined || p.year === undefined || p.year <= asOf);
  const dated = usable.filter((p) => p.year !== undefined).sort((a, b) => b.year! - a.year!);
  const point = dated[0] ?? usable[0];
  if (!point) return null;
  if (point.value !== undefined) return { min: point.value, max: point.value };
  return { min: point.min ?? 0, max: point.max ?? 100 };
}

function toChain(links: Link[]): Chain {
  const shares = links.map((l) => l.share);
  const share = shares.every((s): s is Share => s !== null)
    ? shares.reduce((product, s) => ({ min: (product.min * s.min) / 100, max: (product.max * s.max) / 100 }), {
        min: 100,
        max: 100,
      })
    : null;
  return { nodes: [links[0]!.owner, ...links.map((l) => l.owned)], edges: links.map((l) => l.edge), shares, share };
}

function group(chains: Chain[], endOf: (chain: Chain) => string): ControlTie[] {
  const byEnd = new Map<string, Chain[]>();
  for (const chain of chains) byEnd.set(endOf(chain), [...(byEnd.get(endOf(chain)) ?? []), chain]);
  return [...byEnd].map(([key, list]) => ({ key, share: total(list), chains: list }));
}

function total(chains: Chain[]): Share | null {
  if (chains.some((c) => c.share === null)) return null;
  const sum = chains.reduce((s, c) => ({ min: s.min + c.share!.min, max: s.max + c.share!.max }), { min: 0, max: 0 });
  return { min: Math.min(100, sum.min), max: Math.min(100, sum.max) };
}

/** People with offices at two or more of the given entities. */
function peopleAcross(graph: KnowledgeGraph, entities: string[], asOf: number | undefined): PersonTie[] {
  const roles = new Map<string, Map<string, Relation[]>>();
  for (const entity of new Set(entities)) {
    graph.forEachInEdge(entity, (_edge, a, person) => {
      if (RELATION_INFO[a.relation].control !== "role") return;
      if (asOf !== undefined && !inSpan(a.time, asOf)) return;
      const byEntity = roles.get(person) ?? new Map<string, Relation[]>();
      byEntity.set(entity, [...(byEntity.get(entity) ?? []), a.relation]);
      roles.set(person, byEntity);
    });
  }
  return [...roles]
    .filter(([, byEntity]) => byEntity.size >= 2)
    .map(([person, byEntity]) => ({
      person,
      roles: [...byEntity].map(([entity, relations]) => ({ entity, relations })),
    }));
}

/**
 * Edge `kind`s (GEXF 1.3): Gephi merges parallel edges of one kind into one (summing weights), so the n-th
 * edge (by key) of one relation between the same two nodes gets `<relation>_<n>`. Searching each edge's
 * parallels, or listing every node's neighbours (graphology enumerates an object per node), is slow on a big
 * graph: one pass counts hashes of (pair, relation) in a small table instead, and only the edges whose slot
 * was hit twice and whose full hash another edge shares are checked exactly.
 */
import { RELATION_INFO } from "../domain/vocabulary";
import type { EdgeAttributes, KnowledgeGraph } from "../graph/attributes";
import type { GraphFilter } from "../graph/filter";

const isSymmetric = (relation: string) => RELATION_INFO[relation as keyof typeof RELATION_INFO]?.directed === false;

/**
 * Every edge's kind: `count(...)` sees each edge once, in graphology's edge order (the writer's planning pass
 * calls it), then `kindOf(i, ...)` answers for the i-th edge of the same order (which does not change while the
 * graph does not).
 */
export class EdgeKinds {
  private readonly mask: number;
  private readonly hits: Uint8Array;
  /** Each edge's full 32-bit hash; its slot is the low bits. */
  private readonly hashes: Uint32Array;
  private counted = 0;
  /** Full hash → how many edges have it, for the edges whose slot was hit twice (built at the first kindOf). */
  private shared: Map<number, number> | undefined;
  /** Edge key → rank among its parallels, for the edges of the groups met so far that were not asked yet. */
  private readonly ranks = new Map<string, number>();
  private readonly relations = new Map<string, { hash: number; symmetric: boolean }>();

  /** `filter`: the edges the export keeps; other parallels do not count. */
  constructor(
    private readonly graph: KnowledgeGraph,
    private readonly filter?: GraphFilter,
  ) {
    // About 16 slots per edge (16 MB at most): few lone edges share a slot, and a shared one only costs a check.
    let bits = 10;
    while (bits < 24 && 1 << bits < graph.size * 16) bits++;
    this.mask = (1 << bits) - 1;
    this.hits = new Uint8Array(1 << bits);
    this.hashes = new Uint32Array(graph.size);
  }

  /** Counts the next edge (call it for every edge, in order, before the first `kindOf`). */
  count(attributes: EdgeAttributes, source: string, target: string): void {
    const relation = this.relation(attributes.relation);
    // A symmetric relation's b-a is parallel to a-b: hash the pair in one order.
    const swap = relation.symmetric && source > target;
    const hash = pairHash(swap ? target : source, swap ? source : target, relation.hash);
    this.hashes[this.counted++] = hash;
    const slot = hash & this.mask;
    if (this.hits[slot]! < 2) this.hits[slot]!++;
  }

  /** The kind of the `index`-th edge: its relation unless another edge has its hash and it has a parallel. */
  kindOf(index: number, edge: string, attributes: EdgeAttributes, source: string, target: string): string {
    const hash = this.hashes[index]!;
    if (this.hits[hash & this.mask]! < 2) return attributes.relation;
    // A shared slot is mostly chance (about 6 % of edges): the full hash rules out most of those without
    // asking graphology for the pair's edges, which is slow around big hubs.
    this.shared ??= this.sharedHashes();
    const relation = attributes.relation;
    if (this.shared.get(hash) === 1) return relation;
    let rank = this.ranks.get(edge);
    if (rank === undefined) {
      this.rankParallels(source, target, relation);
      rank = this.ranks.get(edge)!;
    }
    this.ranks.delete(edge); // each edge is asked once: the map holds only the groups' edges still to come
    return rank === 1 ? relation : `${relation}_${rank}`;
  }

  /**
   * Ranks (1, 2...) by key every edge of `relation` parallel to source→target, itself included: the first
   * edge of a group asked for lists the pair's edges once for the whole group (a pair can have a hundred).
   */
  private rankParallels(source: string, target: string, relation: string): void {
    const keys: string[] = [];
    const filter = this.filter;
    const add = (other: string, attributes: EdgeAttributes, from: string, to: string) => {
      if (attributes.relation === relation && (!filter || filter.keepsEdge(attributes, from, to))) keys.push(other);
    };
    // graphology's forEachEdge(s, t) runs both ways: only a symmetric relation's b-a is parallel to a-b.
    this.graph.forEachOutEdge(source, target, add);
    if (isSymmetric(relation) && source !== target) this.graph.forEachInEdge(source, target, add);
    keys.sort(); // by UTF-16 code units, as `<` compares keys
    for (let i = 0; i < keys.length; i++) this.ranks.set(keys[i]!, i + 1);
  }

  /** A relation's hash and symmetry, worked out once per relation rather than once per edge. */
  private relation(relation: string): { hash: number; symmetric: boolean } {
    let info = this.relations.get(relation);
    if (info === undefined) {
      info = { hash: fnv1a(0x811c9dc5, relation), symmetric: isSymmetric(relation) };
      this.relations.set(relation, info);
    }
    return info;
  }

  private sharedHashes(): Map<number, number> {
    const shared = new Map<number, number>();
    for (let i = 0; i < this.counted; i++) {
      const hash = this.hashes[i]!;
      if (this.hits[hash & this.mask]! >= 2) shared.set(hash, (shared.get(hash) ?? 0) + 1);
    }
    return shared;
  }
}

/**
 * FNV-1a over source and target, with a separator so that "ab"+"c" and "a"+"bc" differ, then the relation's
 * hash, mixed. A collision only costs an exact check.
 */
function pairHash(source: string, target: string, relationHash: number): number {
  let h = Math.imul(fnv1a(0x811c9dc5, source) ^ 0xffff, 0x01000193);
  h = Math.imul(fnv1a(h, target) ^ 0xffff, 0x01000193);
  h = Math.imul(h ^ relationHash, 0x01000193);
  // murmur3's finaliser: the low bits used as the slot depend on every input bit.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a (32-bit) of `text`, continuing from `h`. */
function fnv1a(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

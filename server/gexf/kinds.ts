/**
 * Edge `kind`s (GEXF 1.3): Gephi merges parallel edges of one kind into one (summing weights), so the n-th
 * edge (by key) of one relation between the same two nodes gets `<relation>_<n>`. Searching each edge's
 * parallels, or listing every node's neighbours (graphology enumerates an object per node), is slow on a big
 * graph: one pass counts hashes of (pair, relation) in a small table instead, and only the edges whose slot
 * was hit twice are checked exactly.
 */
import { RELATION_INFO } from "../domain/vocabulary";
import type { EdgeAttributes, KnowledgeGraph } from "../graph/attributes";

const isSymmetric = (relation: string) => RELATION_INFO[relation as keyof typeof RELATION_INFO]?.directed === false;

/**
 * Every edge's kind: `counting()` takes one pass over the edges, then `kindOf(i, ...)` answers for the i-th
 * edge of the same order (graphology's edge order, which does not change while the graph does not).
 */
export class EdgeKinds {
  private readonly mask: number;
  private readonly hits: Uint8Array;
  private readonly slots: Uint32Array;

  constructor(private readonly graph: KnowledgeGraph) {
    // About 16 slots per edge (16 MB at most): few lone edges share a slot, and a shared one only costs a check.
    let bits = 10;
    while (bits < 24 && 1 << bits < graph.size * 16) bits++;
    this.mask = (1 << bits) - 1;
    this.hits = new Uint8Array(1 << bits);
    this.slots = new Uint32Array(graph.size);
  }

  /** The counting pass, pausing (yielding) every `every` edges. */
  *counting(every = 16384): Generator<void> {
    let i = 0;
    for (const { attributes, source, target } of this.graph.edgeEntries()) {
      // A symmetric relation's b-a is parallel to a-b: hash the pair in one order.
      const swap = source > target && isSymmetric(attributes.relation);
      const slot = pairHash(swap ? target : source, swap ? source : target, attributes.relation) & this.mask;
      this.slots[i++] = slot;
      if (this.hits[slot]! < 2) this.hits[slot]!++;
      if (i % every === 0) yield;
    }
  }

  /** The kind of the `index`-th edge: its relation unless its slot was hit twice and it has a parallel. */
  kindOf(index: number, edge: string, attributes: EdgeAttributes, source: string, target: string): string {
    if (this.hits[this.slots[index]!]! < 2) return attributes.relation;
    return exactKind(this.graph, edge, source, target, attributes.relation);
  }
}

/** FNV-1a over the three strings, with a separator so that "ab"+"c" and "a"+"bc" differ, then mixed. */
function pairHash(source: string, target: string, relation: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0xffff, 0x01000193);
  for (let i = 0; i < target.length; i++) h = Math.imul(h ^ target.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0xffff, 0x01000193);
  for (let i = 0; i < relation.length; i++) h = Math.imul(h ^ relation.charCodeAt(i), 0x01000193);
  // murmur3's finaliser: the low bits used as the slot depend on every input bit.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** `relation`, or `<relation>_<n>` when n-1 parallel edges of the same relation have smaller keys. */
function exactKind(graph: KnowledgeGraph, edge: string, source: string, target: string, relation: string): string {
  const symmetric = isSymmetric(relation);
  let rank = 1;
  const count = (other: string, attributes: EdgeAttributes) => {
    if (other < edge && attributes.relation === relation) rank++;
  };
  // graphology's forEachEdge(s, t) runs both ways: only a symmetric relation's b-a is parallel to a-b.
  graph.forEachOutEdge(source, target, count);
  if (symmetric && source !== target) graph.forEachInEdge(source, target, count);
  return rank === 1 ? relation : `${relation}_${rank}`;
}

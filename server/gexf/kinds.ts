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
 * The kinds that differ from the edge's relation, by edge key; every other edge's kind is its relation. For a
 * symmetric relation, b-a counts as parallel to a-b.
 */
export function parallelKinds(graph: KnowledgeGraph): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const _pause of kindSteps(graph, kinds)) continue;
  return kinds;
}

/** parallelKinds in steps: fills `kinds`, pausing (yielding) every `every` edges. */
export function* kindSteps(graph: KnowledgeGraph, kinds: Map<string, string>, every = 16384): Generator<void> {
  // About 16 slots per edge (16 MB at most): few lone edges share a slot, and a shared one only costs a check.
  let bits = 10;
  while (bits < 24 && 1 << bits < graph.size * 16) bits++;
  const mask = (1 << bits) - 1;
  const hits = new Uint8Array(1 << bits);
  const slots = new Uint32Array(graph.size);
  let i = 0;
  for (const { attributes, source, target } of graph.edgeEntries()) {
    // A symmetric relation's b-a is parallel to a-b: hash the pair in one order.
    const swap = source > target && isSymmetric(attributes.relation);
    const slot = pairHash(swap ? target : source, swap ? source : target, attributes.relation) & mask;
    slots[i++] = slot;
    if (hits[slot]! < 2) hits[slot]!++;
    if (i % every === 0) yield;
  }
  i = 0;
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    if (hits[slots[i++]!]! > 1) {
      const kind = kindOf(graph, edge, source, target, attributes.relation);
      if (kind !== attributes.relation) kinds.set(edge, kind);
    }
    if (i % every === 0) yield;
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
function kindOf(graph: KnowledgeGraph, edge: string, source: string, target: string, relation: string): string {
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

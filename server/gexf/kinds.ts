/**
 * Edge `kind`s (GEXF 1.3): Gephi merges parallel edges of one kind into one (summing weights), so the n-th
 * edge (by key) of one relation between the same two nodes gets `<relation>_<n>`. Found in one pass over
 * each node's out-edges before the edges are written, so that the writer does not search a node's edges for
 * every edge.
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

/** parallelKinds in steps: fills `kinds`, pausing (yielding) every `every` nodes. */
export function* kindSteps(graph: KnowledgeGraph, kinds: Map<string, string>, every = 1024): Generator<void> {
  const check = (edge: string, attributes: EdgeAttributes, source: string, target: string) => {
    const kind = kindOf(graph, edge, source, target, attributes.relation);
    if (kind !== attributes.relation) kinds.set(edge, kind);
  };
  // graphology lists a node's out-edges target by target, parallel ones one after another (the kinds test
  // inserts parallel edges apart, so it would notice if that changed).
  const repeated: string[] = [];
  let lastTarget: string | undefined;
  const visit = (edge: string, attributes: EdgeAttributes, source: string, target: string) => {
    // A symmetric edge may have a parallel the other way round, which this order does not bring next to it.
    if (isSymmetric(attributes.relation)) check(edge, attributes, source, target);
    else if (target === lastTarget && repeated[repeated.length - 1] !== target) repeated.push(target);
    lastTarget = target;
  };
  let n = 0;
  for (const { node: source } of graph.nodeEntries()) {
    lastTarget = undefined;
    repeated.length = 0;
    graph.forEachOutEdge(source, visit);
    for (const target of repeated) {
      graph.forEachOutEdge(source, target, (edge, attributes) => {
        if (!isSymmetric(attributes.relation)) check(edge, attributes, source, target);
      });
    }
    if (++n % every === 0) yield;
  }
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

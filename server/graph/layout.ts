/**
 * Deterministic positions and sizes: seeded starting positions, then a fixed number of ForceAtlas2
 * iterations (FA2 itself has no randomness), so every start and every export place nodes identically.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "./attributes";

const LAYOUT_SEED = 20240401;

/** mulberry32: a small, well-known 32-bit PRNG; enough for reproducible starting positions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Grows with the square root of degree, capped so that hubs of huge graphs do not cover the view. */
export function nodeSize(degree: number): number {
  return Math.min(28, Math.round((3 + 2.2 * Math.sqrt(degree)) * 100) / 100);
}

/** Positions as [x0, y0, x1, y1, ...] in node order: what the layout cache stores. */
export function readPositions(graph: KnowledgeGraph): Float64Array {
  const positions = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_node, a) => {
    positions[i++] = a.x;
    positions[i++] = a.y;
  });
  return positions;
}

/** Puts cached positions back, and sizes from degrees; false (and nothing changed) if they do not fit. */
export function assignPositions(graph: KnowledgeGraph, positions: Float64Array): boolean {
  if (positions.length !== graph.order * 2) return false;
  let i = 0;
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { x: positions[i++]!, y: positions[i++]!, size: nodeSize(graph.degree(node)) });
  });
  return true;
}

/**
 * Iterations for a graph of this size: 500 for small graphs; for large ones a fixed count that keeps the
 * run to seconds (one Barnes-Hut iteration costs about 0.3 s at 20k nodes / 100k edges here). A count,
 * not a time budget, so the result stays deterministic.
 */
export function layoutIterations(order: number, size: number): number {
  if (order <= 5000) return 500;
  return Math.max(3, Math.min(50, Math.round(2e6 / (order + size))));
}

export function applyLayout(graph: KnowledgeGraph, iterations = layoutIterations(graph.order, graph.size)): void {
  const random = seededRandom(LAYOUT_SEED);
  // Nodes are visited in insertion order, which is the dataset's order, so the start is reproducible.
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, {
      x: random() * 100 - 50,
      y: random() * 100 - 50,
      size: nodeSize(graph.degree(node)),
    });
  });
  if (graph.order < 2) return;
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, {
    iterations,
    settings: { ...settings, barnesHutOptimize: graph.order > 2000, adjustSizes: false, scalingRatio: 10, gravity: 1 },
  });
  // Round so serialised positions are short and identical across platforms' float printing.
  graph.forEachNode((node, attributes) => {
    graph.mergeNodeAttributes(node, { x: round(attributes.x), y: round(attributes.y) });
  });
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * The graph as it stood in a given year: relations and entities whose time span excludes the year are left
 * out (undated ones stay, since the source gives no reason to drop them), and each figure keeps only the
 * points known by then, with the point for that very year picked out. Views are cached per graph and year.
 */
import { MultiDirectedGraph } from "graphology";
import type { Figure, FigurePoint, TimeSpan } from "../domain/dataset-schema";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "./attributes";

/** A figure seen from a year: its points up to that year, and the point of that year if there is one. */
export type FigureAsOf = Figure & { asOf: { year: number; point: FigurePoint | null } };

export const inSpan = (time: TimeSpan | undefined, year: number): boolean =>
  time === undefined || ((time.start ?? -Infinity) <= year && year <= (time.end ?? Infinity));

export function figuresAsOf(figures: readonly Figure[], year: number): FigureAsOf[] {
  return figures
    .map((figure) => {
      const points = figure.points.filter((p) => p.year === undefined || p.year <= year);
      return { ...figure, points, asOf: { year, point: points.find((p) => p.year === year) ?? null } };
    })
    .filter((figure) => figure.points.length > 0);
}

const CACHE_SIZE = 8;
const cache = new WeakMap<KnowledgeGraph, Map<number, KnowledgeGraph>>();

export function graphAsOf(graph: KnowledgeGraph, year: number): KnowledgeGraph {
  let byYear = cache.get(graph);
  if (!byYear) cache.set(graph, (byYear = new Map()));
  const cached = byYear.get(year);
  if (cached) return cached;

  const view = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  view.replaceAttributes(graph.getAttributes());
  graph.forEachNode((key, attributes) => {
    if (inSpan(attributes.time, year))
      view.addNode(key, { ...attributes, figures: figuresAsOf(attributes.figures, year) });
  });
  graph.forEachEdge((key, attributes, source, target) => {
    if (!inSpan(attributes.time, year) || !view.hasNode(source) || !view.hasNode(target)) return;
    view.addDirectedEdgeWithKey(key, source, target, { ...attributes, figures: figuresAsOf(attributes.figures, year) });
  });

  if (byYear.size >= CACHE_SIZE) byYear.delete(byYear.keys().next().value!);
  byYear.set(year, view);
  return view;
}

/**
 * The graph as it stood in a given year, as a rule applied while a query walks the graph (see filter.ts),
 * never as a copy: relations and entities whose time span excludes the year are left out (undated ones stay,
 * since the source gives no reason to drop them), and each figure keeps only the points known by then, with
 * the point for that very year picked out. The page imports `inSpan` too, so both sides agree.
 */
import type { Figure, FigurePoint, TimeSpan } from "../domain/dataset-schema";

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

/** A record's attributes as sent for a year: the same object when it has no figures, else one with them as of then. */
export function attributesAsOf<A extends { figures: Figure[] }>(attributes: A, year: number | undefined): A {
  if (year === undefined || attributes.figures.length === 0) return attributes;
  return { ...attributes, figures: figuresAsOf(attributes.figures, year) };
}

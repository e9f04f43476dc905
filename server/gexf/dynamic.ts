/**
 * What a dynamic GEXF 1.3 adds (`dynamic: true`): year intervals on nodes and edges, and figures as dynamic
 * attributes, one attvalue per dated point with that year's interval. Gephi's timeline reads these.
 */
import type { Figure, TimeSpan } from "../domain/dataset-schema";
import { slugify, UNIT_TITLES } from "./figures";
import { formatNumber } from "./values";

/** One figure value of one record, in its dynamic column. */
export interface DynamicFigureValue {
  /** Column key, unique per figure key, unit, bound and overflow number. */
  column: string;
  /** Preferred column id: the figure key, `_min` / `_max` for bounds, `_2`... for overflow. */
  id: string;
  /** Column title: "Revenue (CNY)", "Net loss (min, CNY)", "Revenue #2 (CNY)". */
  title: string;
  /** The id with the unit, should the plain one be taken by the same key in another unit. */
  unitId: string;
  value: number;
  /** The point's year; undefined for an undated point (written without interval: always so). */
  year?: number;
}

const BOUNDS = [
  { suffix: "", word: "", of: (p: Figure["points"][number]) => p.value },
  { suffix: "_min", word: "min", of: (p: Figure["points"][number]) => p.min },
  { suffix: "_max", word: "max", of: (p: Figure["points"][number]) => p.max },
] as const;

/** A year GEXF dates can spell (YYYY), or undefined. */
const validYear = (year: unknown): number | undefined =>
  typeof year === "number" && Number.isInteger(year) && year >= 0 && year <= 9999 ? year : undefined;

/**
 * Every finite figure value of one record, assigned to dynamic columns so that no two intervals of one column
 * overlap: a column holds either dated values, one per year, or a single undated value. A point that would
 * overlap (a second value for a year, say a quarter beside the year, or an undated value beside dated ones)
 * goes to the next column of its series (`revenue_2`, "Revenue #2"). Dated points are placed first, so a
 * series keeps its main column; a point's period is not written (the static export keeps it in the column).
 */
export function dynamicFigureValues(figures: readonly Figure[]): DynamicFigureValue[] {
  const out: DynamicFigureValue[] = [];
  const slots = new Map<string, { years: Set<number>; undated: boolean }[]>();
  for (const figure of figures) {
    const unit = UNIT_TITLES[figure.unit] ?? String(figure.unit);
    const unitIsLabel = String(figure.label).trim().toLowerCase() === unit.toLowerCase();
    const key = slugify(String(figure.key));
    const points = [...figure.points].sort(
      (a, b) => Number(validYear(a.year) === undefined) - Number(validYear(b.year) === undefined),
    );
    for (const bound of BOUNDS) {
      const series = figure.key + "\0" + figure.unit + "\0" + bound.suffix;
      let columns = slots.get(series);
      if (!columns) slots.set(series, (columns = []));
      for (const point of points) {
        const value = bound.of(point);
        if (value === undefined || formatNumber(value) === undefined) continue;
        const year = validYear(point.year);
        let n = 0;
        for (; n < columns.length; n++) {
          const slot = columns[n]!;
          if (year === undefined ? slot.years.size === 0 && !slot.undated : !slot.undated && !slot.years.has(year))
            break;
        }
        columns[n] ??= { years: new Set(), undated: false };
        if (year === undefined) columns[n]!.undated = true;
        else columns[n]!.years.add(year);
        const nth = n === 0 ? "" : `_${n + 1}`;
        const shownUnit = unitIsLabel ? "" : unit;
        const brackets = bound.word && shownUnit ? `${bound.word}, ${shownUnit}` : bound.word || shownUnit;
        out.push({
          column: series + "\0" + n,
          id: key + bound.suffix + nth,
          unitId: `${key}_${String(figure.unit).toLowerCase()}${bound.suffix}${nth}`,
          title: `${figure.label}${n === 0 ? "" : ` #${n + 1}`}` + (brackets ? ` (${brackets})` : ""),
          value,
          ...(year !== undefined && { year }),
        });
      }
    }
  }
  return out;
}

/**
 * ` start="2019-01-01" end="2019-12-31"` for inclusive years; open ends (and years GEXF cannot spell) left out,
 * and nothing for an end before the start.
 */
export function intervalXml(start: unknown, end: unknown): string {
  const from = validYear(start);
  const to = validYear(end);
  if (from !== undefined && to !== undefined && from > to) return ""; // not an interval: treat as undated
  return (
    (from === undefined ? "" : ` start="${String(from).padStart(4, "0")}-01-01"`) +
    (to === undefined ? "" : ` end="${String(to).padStart(4, "0")}-12-31"`)
  );
}

/** A node's or edge's own interval, from its time span; "" when undated (present throughout). */
export const spanXml = (time: TimeSpan | undefined): string => (time ? intervalXml(time.start, time.end) : "");

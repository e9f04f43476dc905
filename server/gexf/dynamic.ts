/**
 * What a dynamic GEXF 1.3 adds (`dynamic: true`): year intervals on nodes and edges, and figures as dynamic
 * attributes, one attvalue per point over the dates it holds for. Gephi's timeline reads these.
 */
import type { Figure, TimeSpan } from "../domain/dataset-schema";
import { slugify, UNIT_TITLES } from "./figures";
import { isCalendarPeriod, pointSpan, validYear, type DateSpan } from "./periods";
import { formatNumber, formatSources } from "./values";

/** One value of one record in its dynamic column: a figure value, or the basis, sources or note of its point. */
export interface DynamicFigureValue {
  /** Column key, unique per figure key, unit, named period, overflow number and part (bound or provenance). */
  column: string;
  /** Preferred column id: `fig_<key>[_<named period>][_min|_max|_basis|_sources|_note]`. */
  id: string;
  /** Column title: "Revenue (CNY)", "Cost of training a new large model, at first (min, CNY)", "Revenue: basis". */
  title: string;
  /** The id with the unit, should the plain one be taken by the same key in another unit. */
  unitId: string;
  type: "double" | "string";
  value: number | string;
  /** The dates the point holds for; undefined for an undated point (written without interval: always so). */
  span?: DateSpan;
}

type Point = Figure["points"][number];

const BOUNDS = [
  { suffix: "", word: "", of: (p: Point) => p.value },
  { suffix: "_min", word: "min", of: (p: Point) => p.min },
  { suffix: "_max", word: "max", of: (p: Point) => p.max },
] as const;

/** Each point's provenance, in text columns beside its values, so that a derived value never reads as stated. */
const PROVENANCE = [
  { part: "basis", of: (p: Point) => p.basis ?? "stated" },
  { part: "sources", of: (p: Point) => (p.sources?.length ? formatSources(p.sources) : undefined) },
  { part: "note", of: (p: Point) => p.note },
] as const;

interface Slot {
  spans: DateSpan[];
  undated: boolean;
}

/** Whether a column already holding `slot` can take a point over `span` without an overlap. */
function fits(slot: Slot, span: DateSpan | undefined): boolean {
  if (span === undefined) return slot.spans.length === 0 && !slot.undated;
  return !slot.undated && slot.spans.every((s) => span.end < s.start || s.end < span.start);
}

/**
 * Every finite figure value of one record with its point's basis, sources and note, assigned to dynamic columns
 * so that no two intervals of one column overlap. A point holds for its year, narrowed by a calendar period
 * (Q4, April, year end); any other period ("early days", "at first") names its own column, since it says what
 * the value is rather than when. A point that would still overlap (two values for one year) goes to the next
 * column of its series (`fig_revenue_2`, "Revenue #2"). Dated points are placed first.
 */
export function dynamicFigureValues(figures: readonly Figure[]): DynamicFigureValue[] {
  const out: DynamicFigureValue[] = [];
  const slots = new Map<string, Slot[]>();
  for (const figure of figures) {
    const unit = UNIT_TITLES[figure.unit] ?? String(figure.unit);
    const unitSlug = String(figure.unit).toLowerCase();
    const shownUnit = String(figure.label).trim().toLowerCase() === unit.toLowerCase() ? "" : unit;
    const points = [...figure.points].sort(
      (a, b) => Number(validYear(a.year) === undefined) - Number(validYear(b.year) === undefined),
    );
    for (const point of points) {
      const bounds = BOUNDS.filter((bound) => {
        const value = bound.of(point);
        return value !== undefined && formatNumber(value) !== undefined;
      });
      if (bounds.length === 0) continue;
      const named = point.period !== undefined && !isCalendarPeriod(point.period) ? point.period : undefined;
      const span = pointSpan(point);
      const series = `${figure.key}\0${figure.unit}\0${named ?? ""}`;
      let columns = slots.get(series);
      if (!columns) slots.set(series, (columns = []));
      let n = columns.findIndex((slot) => fits(slot, span));
      if (n < 0) n = columns.push({ spans: [], undated: false }) - 1;
      if (span) columns[n]!.spans.push(span);
      else columns[n]!.undated = true;

      const stem = slugify(String(figure.key)) + (named === undefined ? "" : `_${slugify(named)}`);
      const nth = n === 0 ? "" : `_${n + 1}`;
      const label = `${figure.label}${named === undefined ? "" : `, ${named}`}${n === 0 ? "" : ` #${n + 1}`}`;
      const add = (part: string, title: string, type: DynamicFigureValue["type"], value: number | string) => {
        out.push({
          column: `${series}\0${n}\0${part}`,
          id: `fig_${stem}${nth}${part}`,
          unitId: `fig_${stem}_${unitSlug}${nth}${part}`,
          title,
          type,
          value,
          ...(span && { span }),
        });
      };
      for (const bound of bounds) {
        const brackets = bound.word && shownUnit ? `${bound.word}, ${shownUnit}` : bound.word || shownUnit;
        add(bound.suffix, label + (brackets ? ` (${brackets})` : ""), "double", bound.of(point)!);
      }
      for (const { part, of } of PROVENANCE) {
        const text = of(point);
        if (text) add(`_${part}`, `${label}: ${part}`, "string", text);
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

/** ` start="2023-10-01" end="2023-12-31"`: a figure point's own dates; "" for an undated point (always so). */
export const dateSpanXml = (span: DateSpan | undefined): string =>
  span ? ` start="${span.start}" end="${span.end}"` : "";

/** A node's or edge's own interval, from its time span; "" when undated (present throughout). */
export const spanXml = (time: TimeSpan | undefined): string => (time ? intervalXml(time.start, time.end) : "");

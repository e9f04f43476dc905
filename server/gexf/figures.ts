/** Flattens figures (a quantity with points by year, period and bounds) into one number per named column. */
import type { Figure } from "../domain/dataset-schema";
import type { Unit } from "../domain/vocabulary";

/** One flattened value: `fig_revenue_2023` = 1.2e9, titled "Revenue 2023 (CNY)". */
export interface FlatFigureValue {
  /** Column id: `fig_<key>[_<year>][_<period slug>][_min|_max]`, lower case. */
  id: string;
  /** Human-readable column title with the unit: "Net loss 2023 (min, CNY)". */
  title: string;
  value: number;
  unit: Unit;
  /** The figure's key, for code that groups columns back by figure. */
  figure: string;
}

/** How a unit reads in a column title. */
export const UNIT_TITLES: Record<Unit, string> = {
  CNY: "CNY",
  USD: "USD",
  USD_per_share: "USD per share",
  percent: "%",
  parameters: "parameters",
  tokens: "tokens",
  count: "count",
};

const MAX_SLUG = 48;

/**
 * A lower-case `[a-z0-9_-]` slug for an attribute id. Text with non-Latin letters ("第四季度") also gets a
 * short hash of the original, so two Chinese periods never share a slug (or get an empty one).
 */
export function slugify(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = computeSlug(text);
    // Figure keys and periods repeat across records: a big graph needs only a few hundred of them.
    if (slugs.size < 4096) slugs.set(text, slug);
  }
  return slug;
}
const slugs = new Map<string, string>();

function computeSlug(text: string): string {
  const ascii = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  let slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "_")
    .replace(/^[_-]+|[_-]+$/g, "")
    .slice(0, MAX_SLUG)
    .replace(/[_-]+$/, "");
  // Letters or digits outside ASCII were dropped above: keep the text apart with a hash of it.
  if (/[^\x00-\x7f]/.test(ascii) || slug.length === 0) slug += (slug ? "_" : "h") + hash36(text);
  return slug;
}

/** FNV-1a, 32-bit, in base 36: short, stable across runs and platforms. */
function hash36(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

type Point = Figure["points"][number];

/** A point's exact value, then its bounds: the order of a record's flattened values. */
const BOUNDS: readonly { suffix: string; bound: string; of: (point: Point) => number | undefined }[] = [
  { suffix: "", bound: "", of: (point) => point.value },
  { suffix: "_min", bound: "min", of: (point) => point.min },
  { suffix: "_max", bound: "max", of: (point) => point.max },
];

/**
 * Every figure point of one record as numbered columns: exact values as `fig_<key>_<year>`, bounds as
 * `..._min` / `..._max`, undated points by their period (`fig_revenue_q4_2023`) or by the key alone.
 * Ids are unique within the result: a second point for the same slot gets `_2`, `_3`...
 * Non-finite numbers are left out.
 */
export function flattenFigures(figures: readonly Figure[]): FlatFigureValue[] {
  const out: FlatFigureValue[] = [];
  const seen = new Set<string>();
  for (const figure of figures) {
    const unit = UNIT_TITLES[figure.unit] ?? figure.unit;
    const base = "fig_" + slugify(figure.key);
    const unitIsLabel = figure.label.trim().toLowerCase() === unit.toLowerCase();
    for (const point of figure.points) {
      let id = base;
      let when = "";
      if (point.year !== undefined) {
        id += "_" + point.year;
        when += " " + point.year;
      }
      if (point.period !== undefined) {
        id += "_" + slugify(point.period);
        when += " " + point.period;
      }
      // One loop over the bounds rather than a closure per point: this runs for every record with figures.
      for (const { suffix, bound, of } of BOUNDS) {
        const value = of(point);
        if (value === undefined || !Number.isFinite(value)) continue;
        let slotId = id + suffix;
        let nth = "";
        for (let n = 2; seen.has(slotId); n++) {
          slotId = `${id}${suffix}_${n}`;
          nth = ` #${n}`;
        }
        seen.add(slotId);
        // "Parameters (parameters)" says nothing twice: drop a unit the label already is.
        const shownUnit = unitIsLabel ? "" : unit;
        const brackets = bound && shownUnit ? `${bound}, ${shownUnit}` : bound || shownUnit;
        const title = `${figure.label}${when}${nth}` + (brackets ? ` (${brackets})` : "");
        out.push({ id: slotId, title, value, unit: figure.unit, figure: figure.key });
      }
    }
  }
  return out;
}

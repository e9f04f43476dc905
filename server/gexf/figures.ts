/** Flattens figures (a quantity with points by year, period and bounds) into one number per named column. */
import type { Figure } from "../domain/dataset-schema";
import type { Unit } from "../domain/vocabulary";
import { formatSources } from "./values";

/**
 * One flattened value: `fig_revenue_2023` = 1.2e9, titled "Revenue 2023 (CNY)"; or its point's provenance:
 * `fig_revenue_2021_basis` = "derived", `..._sources` = "article ¶9", `..._note` = the arithmetic.
 */
export interface FlatFigureValue {
  /** Column id: `fig_<key>[_<year>][_<period slug>][_min|_max|_basis|_sources|_note]`, lower case. */
  id: string;
  /** Human-readable column title with the unit: "Loss 2023 (min, CNY)", "Revenue 2021: basis". */
  title: string;
  type: "double" | "string";
  value: number | string;
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

/** A point's provenance, written beside its values so that a derived value never reads as stated. */
const PROVENANCE: readonly { part: string; of: (point: Point) => string | undefined }[] = [
  { part: "basis", of: (point) => point.basis ?? "stated" },
  { part: "sources", of: (point) => (point.sources?.length ? formatSources(point.sources) : undefined) },
  { part: "note", of: (point) => point.note },
];

/**
 * Every figure point of one record as numbered columns: exact values as `fig_<key>_<year>`, bounds as
 * `..._min` / `..._max`, undated points by their period (`fig_revenue_q4_2023`) or by the key alone, and the
 * point's basis, sources and note as `..._basis`, `..._sources`, `..._note`. Ids are unique within the result:
 * a second point for the same slot gets `_2`, `_3`... Non-finite numbers (and points with no other) are left out.
 */
export function flattenFigures(figures: readonly Figure[]): FlatFigureValue[] {
  const out: FlatFigureValue[] = [];
  const seen = new Set<string>();
  const seenPoints = new Set<string>();
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
      const before = out.length;
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
        out.push({ id: slotId, title, type: "double", value, unit: figure.unit, figure: figure.key });
      }
      if (out.length === before) continue;
      let pointId = id;
      let nth = "";
      for (let n = 2; seenPoints.has(pointId); n++) {
        pointId = `${id}_${n}`;
        nth = ` #${n}`;
      }
      seenPoints.add(pointId);
      for (const { part, of } of PROVENANCE) {
        const text = of(point);
        if (!text) continue;
        const title = `${figure.label}${when}${nth}: ${part}`;
        out.push({
          id: `${pointId}_${part}`,
          title,
          type: "string",
          value: text,
          unit: figure.unit,
          figure: figure.key,
        });
      }
    }
  }
  return out;
}

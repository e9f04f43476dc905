/** How single values are spelled in GEXF: lists (1.3 and 1.2draft), numbers, colours and citations (before XML escaping). */
import type { Source } from "../domain/dataset-schema";
import { stripIllegalXmlChars } from "./xml";

// An item needs quotes when a list parser would otherwise split, trim or unescape it (Gephi and graphology
// both read `[a, "b, c"]` with backslash escapes inside quotes).
const NEEDS_QUOTES = /[,"'\\[\]()]|^\s|\s$|^$/;

/** A GEXF 1.3 `liststring` value: `[a, "b, c"]`, items quoted and backslash-escaped only when needed. */
export function formatListString(items: readonly string[]): string {
  let out = "[";
  for (let i = 0; i < items.length; i++) {
    const item = stripIllegalXmlChars(items[i]!);
    if (i > 0) out += ", ";
    out += NEEDS_QUOTES.test(item) ? `"${item.replace(/[\\"]/g, "\\$&")}"` : item;
  }
  return out + "]";
}

/**
 * A list as one 1.2draft `string` value: `a | b, c | 金山云`. 1.2draft's own liststring (`a|b`) cannot quote
 * a `|`, so the exporter declares lists as text there; this is for people reading the column.
 */
export function formatPipeList(items: readonly string[]): string {
  let out = "";
  for (let i = 0; i < items.length; i++) out += (i > 0 ? " | " : "") + stripIllegalXmlChars(items[i]!);
  return out;
}

/**
 * A property value as the exporter writes it. The dataset schema allows only text, finite numbers and booleans,
 * but a graph built another way may hold more: null and undefined are left out, and objects and arrays
 * (empty ones too) become their JSON text (`{"a":1}`, `[]`; JSON spells NaN as null and escapes control
 * characters and lone surrogates), so nothing turns into "[object Object]".
 */
export function propertyValue(value: unknown): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  try {
    return JSON.stringify(value) ?? undefined;
  } catch {
    return undefined; // cycles, BigInt
  }
}

/** A number as GEXF readers parse it, or undefined for NaN/±Infinity (which are then left out). */
export function formatNumber(value: number): string | undefined {
  return Number.isFinite(value) ? String(value) : undefined;
}

/** Citations as one readable string: `article ¶3; article ¶38`. */
export function formatSources(sources: readonly Source[]): string {
  let out = "";
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    out += (i > 0 ? "; " : "") + source.document + " ¶" + source.paragraph;
  }
  return out;
}

export const FALLBACK_COLOR = "#999999";
const HEX6 = /^#[0-9a-f]{6}$/i;
const HEX3 = /^#[0-9a-f]{3}$/i;

/** `#rrggbb` in lower case (3-digit hex expanded), or grey for anything else: importers read nothing else. */
export function normalizeHexColor(color: unknown): string {
  if (typeof color !== "string") return FALLBACK_COLOR;
  if (HEX6.test(color)) return color.toLowerCase();
  if (HEX3.test(color)) {
    const [r, g, b] = color.slice(1).toLowerCase();
    return `#${r}${r}${g}${g}${b}${b}`;
  }
  return FALLBACK_COLOR;
}

/**
 * The viz:color element for a colour as r/g/b, which every reader takes (networkx reads nothing else) and both
 * versions' schemas allow. 1.3's `hex` is left out: the RELAX NG schema allows `hex` or r/g/b, not both.
 */
export function vizColor(color: unknown): string {
  const rgb = parseInt(normalizeHexColor(color).slice(1), 16);
  return `<viz:color r="${rgb >> 16}" g="${(rgb >> 8) & 255}" b="${rgb & 255}"/>`;
}

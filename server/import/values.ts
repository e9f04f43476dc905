/** Typed values from their text: GEXF/GraphML scalar types, Gephi's list spellings, and CSV type inference. */
import type { AttributeValue } from "./model";

const INTEGER_TYPES = new Set(["integer", "int", "long", "short", "byte", "biginteger"]);
const FLOAT_TYPES = new Set(["float", "double", "bigdecimal"]);

/** The item type of a list type (`listdouble` → `double`), or undefined for a scalar type. */
export function listItemType(type: string): string | undefined {
  const lower = type.toLowerCase();
  return lower.startsWith("list") ? lower.slice(4) : undefined;
}

/**
 * `text` read as `type`; undefined when it does not parse (the caller then keeps the text and warns).
 * Unknown types (date, anyURI, char...) are kept as strings.
 */
export function parseTyped(text: string, type: string): AttributeValue | undefined {
  const lower = type.toLowerCase();
  const itemType = listItemType(lower);
  if (itemType !== undefined) {
    const items: (string | number | boolean)[] = [];
    for (const item of splitList(text)) {
      const value = parseScalar(item, itemType);
      if (value === undefined) return undefined;
      items.push(value);
    }
    return items;
  }
  return parseScalar(text, lower);
}

function parseScalar(text: string, type: string): string | number | boolean | undefined {
  if (INTEGER_TYPES.has(type)) {
    const n = Number(text.trim());
    return text.trim() !== "" && Number.isInteger(n) ? n : undefined;
  }
  if (FLOAT_TYPES.has(type)) {
    const trimmed = text.trim();
    const n = Number(trimmed);
    if (trimmed !== "" && !Number.isNaN(n)) return n;
    return /^[+-]?(inf|infinity)$/i.test(trimmed) ? (trimmed.startsWith("-") ? -Infinity : Infinity) : undefined;
  }
  if (type === "boolean") {
    const lower = text.trim().toLowerCase();
    if (lower === "true" || lower === "1") return true;
    if (lower === "false" || lower === "0") return false;
    return undefined;
  }
  return text;
}

/**
 * The items of a list value as Gephi and graphology write them: `[a, "b, c", 'd']` (quotes optional,
 * backslash escapes inside quotes), or the older `a|b|c`, or plain `a, b, c`.
 */
export function splitList(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "[]") return [];
  if (trimmed.startsWith("[") && trimmed.endsWith("]")) return splitBracketed(trimmed.slice(1, -1));
  const separator = trimmed.includes("|") ? "|" : ",";
  return trimmed.split(separator).map((item) => item.trim());
}

function splitBracketed(body: string): string[] {
  const items: string[] = [];
  let i = 0;
  while (i <= body.length) {
    while (i < body.length && body[i] === " ") i++;
    const quote = body[i];
    let item = "";
    if (quote === '"' || quote === "'") {
      i++;
      while (i < body.length && body[i] !== quote) {
        if (body[i] === "\\" && i + 1 < body.length) i++;
        item += body[i++];
      }
      i++; // closing quote
      while (i < body.length && body[i] !== ",") i++;
    } else {
      const comma = body.indexOf(",", i);
      const end = comma === -1 ? body.length : comma;
      item = body.slice(i, end).trim();
      i = end;
    }
    items.push(item);
    i++; // the comma
  }
  return items;
}

/** CSV column types, narrowest first: a column takes the first type every non-empty cell fits. */
export const INFERRED_TYPES = ["boolean", "integer", "double", "string"] as const;
export type InferredType = (typeof INFERRED_TYPES)[number];

export function fitsType(text: string, type: InferredType): boolean {
  if (type === "string") return true;
  if (type === "boolean") return /^(true|false)$/i.test(text);
  const n = Number(text);
  if (text.trim() === "" || Number.isNaN(n)) return false;
  return type === "integer" ? Number.isSafeInteger(n) && /^[+-]?\d+$/.test(text.trim()) : true;
}

/** `#rrggbb` from r/g/b components or a hex spelling, or undefined when it is neither. */
export function colorFrom(r: unknown, g: unknown, b: unknown): string | undefined {
  const parts = [r, g, b].map((c) => Number(c));
  if (parts.some((c) => !Number.isInteger(c) || c < 0 || c > 255)) return undefined;
  return "#" + parts.map((c) => c.toString(16).padStart(2, "0")).join("");
}

export function normalizeHex(hex: string): string | undefined {
  const h = hex.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(h)) return h;
  if (/^#[0-9a-f]{3}$/.test(h)) return "#" + [...h.slice(1)].map((c) => c + c).join("");
  return undefined;
}

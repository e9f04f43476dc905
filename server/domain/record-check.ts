/**
 * A hand-written check of node and edge records, equivalent to the zod schemas for records it accepts but
 * about ten times faster, so a million edges are not each walked by zod at start-up. It only says "surely
 * valid": whatever it is unsure of (an overlong string, an odd key, any error) goes to zod, which stays the one
 * judge of broken records and the one source of their error messages. test/domain/record-check.test.ts holds it
 * to that: whatever it accepts, zod accepts with the same output.
 */
import type { EdgeRecord, NodeRecord } from "./dataset-schema";
import { BASES, NODE_TYPES, RELATIONS, UNITS } from "./vocabulary";

type Json = Record<string, unknown>;

const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const NODE_TYPE_SET = new Set<unknown>(NODE_TYPES);
const RELATION_SET = new Set<unknown>(RELATIONS);
const BASIS_SET = new Set<unknown>(BASES);
const UNIT_SET = new Set<unknown>(UNITS);

const keySet = (...keys: string[]) => new Set(keys);
const COMMON_KEYS = ["description", "basis", "note", "properties", "figures", "sources", "time"];
const NODE_KEYS = keySet("id", "type", "label", "labelZh", "aliases", ...COMMON_KEYS);
const EDGE_KEYS = keySet("id", "source", "target", "relation", ...COMMON_KEYS);
const SOURCE_KEYS = keySet("document", "paragraph");
const FIGURE_KEYS = keySet("key", "label", "unit", "points");
const POINT_KEYS = keySet("year", "period", "value", "min", "max", "basis", "note", "sources");
const TIME_KEYS = keySet("start", "end", "basis", "note");

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every own key is one the schema names (strict objects refuse the others). */
function onlyKeys(o: Json, allowed: Set<string>): boolean {
  for (const key in o) if (!allowed.has(key)) return false;
  return true;
}

// zod measures strings in code points; a length in UTF-16 units within the cap is within it in code points too.
const isText = (v: unknown, max: number): boolean => typeof v === "string" && v.length >= 1 && v.length <= max;
const isNote = (v: unknown): boolean => typeof v === "string" && v.length >= 1;
const isId = (v: unknown): boolean => typeof v === "string" && v.length <= 120 && ID.test(v);
const isFinite = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);
const isYear = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 1900 && (v as number) <= 2100;
/** `basis` is optional with a default; absent counts as "stated". */
const basisOf = (v: unknown): string | undefined =>
  v === undefined ? "stated" : BASIS_SET.has(v) ? (v as string) : undefined;
/** The schema's rule that anything not stated outright carries a note. */
const noteIfNeeded = (basis: string, note: unknown): boolean =>
  note === undefined ? basis === "stated" : isNote(note);

function isSources(v: unknown): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const s of v) {
    if (!isObject(s) || !onlyKeys(s, SOURCE_KEYS) || !isId(s.document)) return false;
    if (!Number.isSafeInteger(s.paragraph) || (s.paragraph as number) < 1) return false;
  }
  return true;
}

function isTime(t: unknown): boolean {
  if (!isObject(t) || !onlyKeys(t, TIME_KEYS)) return false;
  const { start, end } = t;
  if (start === undefined && end === undefined) return false;
  if ((start !== undefined && !isYear(start)) || (end !== undefined && !isYear(end))) return false;
  if (start !== undefined && end !== undefined && (start as number) > (end as number)) return false;
  const basis = basisOf(t.basis);
  return basis !== undefined && noteIfNeeded(basis, t.note);
}

function isPoint(p: unknown): boolean {
  if (!isObject(p) || !onlyKeys(p, POINT_KEYS)) return false;
  const { value, min, max } = p;
  if (p.year !== undefined && !isYear(p.year)) return false;
  if (p.period !== undefined && !isText(p.period, 80)) return false;
  if ((value !== undefined && !isFinite(value)) || (min !== undefined && !isFinite(min))) return false;
  if (max !== undefined && !isFinite(max)) return false;
  if ((value !== undefined) === (min !== undefined || max !== undefined)) return false;
  if (min !== undefined && max !== undefined && (min as number) > (max as number)) return false;
  const basis = basisOf(p.basis);
  return basis !== undefined && noteIfNeeded(basis, p.note) && isSources(p.sources);
}

function isFigures(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const f of v) {
    if (!isObject(f) || !onlyKeys(f, FIGURE_KEYS) || !isId(f.key) || !isText(f.label, 120)) return false;
    if (!UNIT_SET.has(f.unit) || !Array.isArray(f.points) || f.points.length === 0) return false;
    for (const p of f.points) if (!isPoint(p)) return false;
  }
  return true;
}

function isProperties(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const key in v) {
    const value = v[key];
    if (!isId(key)) return false;
    if (typeof value !== "string" && typeof value !== "boolean" && !isFinite(value)) return false;
  }
  return true;
}

/** What nodes and edges share (`recordCommon` in the schema). */
function isFact(r: Json): boolean {
  const basis = basisOf(r.basis);
  if (basis === undefined || !noteIfNeeded(basis, r.note) || !isText(r.description, 2000)) return false;
  if (!isSources(r.sources)) return false;
  if (r.time !== undefined && !isTime(r.time)) return false;
  if (r.properties !== undefined && !isProperties(r.properties)) return false;
  return r.figures === undefined || isFigures(r.figures);
}

function isAliases(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const alias of v) if (!isText(alias, 200)) return false;
  return true;
}

export function isSurelyValidNode(r: unknown): boolean {
  if (!isObject(r) || !onlyKeys(r, NODE_KEYS) || !isId(r.id) || !NODE_TYPE_SET.has(r.type)) return false;
  if (!isText(r.label, 200) || (r.labelZh !== undefined && !isText(r.labelZh, 200))) return false;
  return (r.aliases === undefined || isAliases(r.aliases)) && isFact(r);
}

export function isSurelyValidEdge(r: unknown): boolean {
  if (!isObject(r) || !onlyKeys(r, EDGE_KEYS) || (r.id !== undefined && !isId(r.id))) return false;
  if (!isId(r.source) || !isId(r.target) || !RELATION_SET.has(r.relation)) return false;
  return isFact(r);
}

/**
 * Fills the defaults zod would fill (`basis: "stated"` on the record, its time span and figure points) into a
 * record that passed the check above, in place: the parsed JSON becomes the dataset without a second copy.
 */
export function withDefaults<T extends NodeRecord | EdgeRecord>(r: Json): T {
  if (r.basis === undefined) r.basis = "stated";
  const time = r.time as Json | undefined;
  if (time && time.basis === undefined) time.basis = "stated";
  const figures = r.figures as { points: Json[] }[] | undefined;
  if (figures) for (const f of figures) for (const p of f.points) if (p.basis === undefined) p.basis = "stated";
  return r as T;
}

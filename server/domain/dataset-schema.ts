/**
 * The dataset format, as zod schemas. These schemas are the types (`z.infer`), the validator run at start-up,
 * and the source of `graph-data/dataset.schema.json` (npm run schema), so the three cannot drift.
 * Cross-record rules (unique ids, edges to known nodes, paragraphs that exist) live in load-dataset.ts.
 */
import { z } from "zod";
import { BASES, NODE_TYPES, RELATIONS, UNITS } from "./vocabulary";

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, "must be lower-case letters and digits joined by '-' or '_'")
  .max(120);

const year = z.number().int().min(1900).max(2100);

/** A citation: one paragraph of one registered document (non-empty lines, 1-based, title = 1). */
export const sourceSchema = z.strictObject({
  document: id,
  paragraph: z.number().int().min(1),
});

const sources = z.array(sourceSchema).min(1, "every fact cites at least one paragraph");

export const basisSchema = z.enum(BASES);

/** Whatever the article does not state outright must say why it holds. */
const needsNoteUnlessStated = (r: { basis: string; note?: string }) => r.basis === "stated" || r.note !== undefined;
const notePlease = { message: "an implied or derived fact needs a note saying why", path: ["note"] };

/**
 * One value of a figure. An exact `value`, or bounds: "over 2 bn" is `{ min: 2e9 }`, "up to 40%" is
 * `{ max: 40 }`, "15%-50%" is `{ min: 15, max: 50 }`. Bounds never become exact values.
 */
export const figurePointSchema = z
  .strictObject({
    /** Calendar year the value belongs to; absent when the article gives no date. */
    year: year.optional(),
    /** A finer or vaguer period in words ("Q4", "first trading day", "early days"), shown beside the year. */
    period: z.string().min(1).max(80).optional(),
    value: z.number().finite().optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    basis: basisSchema.default("stated"),
    /** Why an implied or derived value is what it is (the arithmetic, the reading of "last year"). */
    note: z.string().min(1).optional(),
    sources,
  })
  .refine((p) => (p.value !== undefined) !== (p.min !== undefined || p.max !== undefined), {
    message: "give either value, or min and/or max",
    path: ["value"],
  })
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, {
    message: "min must not exceed max",
    path: ["min"],
  })
  .refine(needsNoteUnlessStated, notePlease);

/** A named quantity with its points: one point, or a series by year. */
export const figureSchema = z.strictObject({
  key: id,
  label: z.string().min(1).max(120),
  unit: z.enum(UNITS),
  points: z.array(figurePointSchema).min(1),
});

/** Plain properties (text, numbers, yes/no) that need no unit or year; backed by the record's sources. */
const properties = z.record(id, z.union([z.string(), z.number().finite(), z.boolean()]));

/** Years, inclusive at both ends; an open end means "still so when the source was written". */
export const timeSpanSchema = z
  .strictObject({
    start: year.optional(),
    end: year.optional(),
    basis: basisSchema.default("stated"),
    note: z.string().min(1).optional(),
  })
  .refine((t) => t.start !== undefined || t.end !== undefined, { message: "give start and/or end", path: ["start"] })
  .refine(needsNoteUnlessStated, notePlease)
  .refine((t) => t.start === undefined || t.end === undefined || t.start <= t.end, {
    message: "start must not be after end",
    path: ["end"],
  });

const recordCommon = {
  description: z.string().min(1).max(2000),
  basis: basisSchema.default("stated"),
  note: z.string().min(1).optional(),
  properties: properties.optional(),
  figures: z.array(figureSchema).optional(),
  sources,
};

export const nodeSchema = z
  .strictObject({
    id,
    type: z.enum(NODE_TYPES),
    label: z.string().min(1).max(200),
    labelZh: z.string().min(1).max(200).optional(),
    aliases: z.array(z.string().min(1).max(200)).optional(),
    /** When the entity existed or happened (an event, a report), where the article dates it. */
    time: timeSpanSchema.optional(),
    ...recordCommon,
  })
  .refine(needsNoteUnlessStated, notePlease);

export const edgeSchema = z
  .strictObject({
    /** Defaults to `source__relation__target`; needed only when two edges share all three. */
    id: id.optional(),
    source: id,
    target: id,
    relation: z.enum(RELATIONS),
    time: timeSpanSchema.optional(),
    ...recordCommon,
  })
  .refine(needsNoteUnlessStated, notePlease);

export const documentSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /** Where the text was taken from, relative to the dataset's own folder tree or as a description. */
  origin: z.string().min(1),
  language: z.string().min(2).max(10),
  /** Number of non-empty lines: a citation's paragraph must not exceed it. */
  paragraphs: z.number().int().min(1),
  /** The graph node that stands for this document, when there is one. */
  node: id.optional(),
  description: z.string().min(1),
});

export const datasetSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().min(1),
  documents: z.array(documentSchema).min(1),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
});

export type Source = z.infer<typeof sourceSchema>;
export type TimeSpan = z.infer<typeof timeSpanSchema>;
export type FigurePoint = z.infer<typeof figurePointSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type NodeRecord = z.infer<typeof nodeSchema>;
export type EdgeRecord = z.infer<typeof edgeSchema>;
export type DocumentRecord = z.infer<typeof documentSchema>;
export type Dataset = z.infer<typeof datasetSchema>;

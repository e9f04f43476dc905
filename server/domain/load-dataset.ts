/**
 * Reads and checks a dataset file. Either the whole dataset is valid and returned, or a DatasetError lists
 * every problem with the file, the record id and the field, so start-up stops before anything is built.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { z } from "zod";
import { datasetSchema, type Dataset } from "./dataset-schema";
import { edgeKey } from "./edge-key";

export interface DatasetProblem {
  /** `nodes`, `edges`, `documents` or `(file)`. */
  collection: string;
  /** The record's id, or `#index` when it has none. */
  record: string;
  /** Dotted path inside the record, e.g. `figures.0.points.1.value`. */
  field: string;
  message: string;
}

export class DatasetError extends Error {
  override name = "DatasetError";
  constructor(
    readonly file: string,
    readonly problems: DatasetProblem[],
  ) {
    const shown = problems
      .slice(0, 20)
      .map((p) => `  - ${p.collection} "${p.record}", field "${p.field}": ${p.message}`);
    const more = problems.length > 20 ? [`  ... and ${problems.length - 20} more`] : [];
    super(
      [
        `${file}: invalid dataset (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
        ...shown,
        ...more,
      ].join("\n"),
    );
  }
}

/** V8 cannot hold a string much past 512 MiB; refuse larger files with a clear message instead. */
export const MAX_DATASET_BYTES = 500 * 1024 * 1024;

export async function loadDataset(file: string): Promise<Dataset> {
  return (await loadDatasetFile(file)).dataset;
}

/** The dataset and the SHA-256 of the file's bytes, which keys anything derived from it (the layout cache). */
export async function loadDatasetFile(file: string): Promise<{ dataset: Dataset; sha256: string }> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_DATASET_BYTES) {
      throw new DatasetError(file, [
        fileProblem(`is ${Math.round(size / 2 ** 20)} MiB; datasets are limited to ${MAX_DATASET_BYTES / 2 ** 20} MiB`),
      ]);
    }
    text = await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DatasetError(file, [fileProblem(`cannot be read (${reason})`)]);
  }
  return { dataset: parseDataset(text, file), sha256: createHash("sha256").update(text).digest("hex") };
}

export function parseDataset(text: string, file: string): Dataset {
  if (text.charCodeAt(0) === 0xfeff) {
    throw new DatasetError(file, [fileProblem("starts with a byte-order mark; save it as UTF-8 without BOM")]);
  }
  if (text.trim() === "") throw new DatasetError(file, [fileProblem("is empty")]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(file, [fileProblem(`is not valid JSON: ${(error as Error).message}`)]);
  }
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success)
    throw new DatasetError(
      file,
      parsed.error.issues.map((issue) => schemaProblem(json, issue)),
    );
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new DatasetError(file, problems);
  return parsed.data;
}

function fileProblem(message: string): DatasetProblem {
  return { collection: "(file)", record: "(file)", field: "(file)", message };
}

/** Turns a zod issue path like ["nodes", 3, "figures", 0, "unit"] into record id and field. */
function schemaProblem(json: unknown, issue: z.core.$ZodIssue): DatasetProblem {
  const [collection, index, ...rest] = issue.path;
  if (typeof collection !== "string" || typeof index !== "number") {
    return {
      collection: "(dataset)",
      record: "(top level)",
      field: issue.path.join(".") || "(root)",
      message: issue.message,
    };
  }
  const record = (json as Record<string, unknown[]>)[collection]?.[index] as Record<string, unknown> | undefined;
  return { collection, record: recordName(record, index), field: rest.join(".") || "(record)", message: issue.message };
}

/** The id a person would search the file for: `id`, else an edge's `source__relation__target`, else `#index`. */
function recordName(record: Record<string, unknown> | undefined, index: number): string {
  if (typeof record?.id === "string") return record.id;
  const { source, relation, target } = record ?? {};
  if (typeof source === "string" && typeof relation === "string" && typeof target === "string") {
    return edgeKey({ source, relation, target });
  }
  return `#${index}`;
}

function crossCheck(dataset: Dataset): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  const nodeIds = new Set<string>();

  const checkSources = (
    collection: string,
    record: string,
    prefix: string,
    cited: { document: string; paragraph: number }[],
  ) =>
    cited.forEach((source, i) => {
      const document = documents.get(source.document);
      if (!document) {
        problems.push({
          collection,
          record,
          field: `${prefix}sources.${i}.document`,
          message: `unknown document "${source.document}"`,
        });
      } else if (source.paragraph > document.paragraphs) {
        problems.push({
          collection,
          record,
          field: `${prefix}sources.${i}.paragraph`,
          message: `paragraph ${source.paragraph} does not exist: "${document.id}" has ${document.paragraphs}`,
        });
      }
    });

  const checkRecord = (collection: string, record: string, r: Dataset["nodes"][number] | Dataset["edges"][number]) => {
    checkSources(collection, record, "", r.sources);
    const keys = new Set<string>();
    r.figures?.forEach((figure, f) => {
      if (keys.has(figure.key))
        problems.push({
          collection,
          record,
          field: `figures.${f}.key`,
          message: `duplicate figure key "${figure.key}"`,
        });
      keys.add(figure.key);
      figure.points.forEach((point, p) => checkSources(collection, record, `figures.${f}.points.${p}.`, point.sources));
    });
  };

  const seenDocs = new Set<string>();
  dataset.documents.forEach((d) => {
    if (seenDocs.has(d.id))
      problems.push({ collection: "documents", record: d.id, field: "id", message: "duplicate document id" });
    seenDocs.add(d.id);
  });

  dataset.nodes.forEach((node) => {
    if (nodeIds.has(node.id))
      problems.push({ collection: "nodes", record: node.id, field: "id", message: "duplicate node id" });
    nodeIds.add(node.id);
    checkRecord("nodes", node.id, node);
  });

  const edgeIds = new Set<string>();
  dataset.edges.forEach((edge) => {
    const key = edgeKey(edge);
    if (edgeIds.has(key)) {
      problems.push({
        collection: "edges",
        record: key,
        field: "id",
        message: "duplicate edge id (give the edges distinct ids)",
      });
    }
    edgeIds.add(key);
    for (const end of ["source", "target"] as const) {
      if (!nodeIds.has(edge[end]))
        problems.push({ collection: "edges", record: key, field: end, message: `unknown node "${edge[end]}"` });
    }
    checkRecord("edges", key, edge);
  });

  dataset.documents.forEach((d) => {
    if (d.node && !nodeIds.has(d.node))
      problems.push({ collection: "documents", record: d.id, field: "node", message: `unknown node "${d.node}"` });
  });
  return problems;
}

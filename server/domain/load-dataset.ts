/**
 * Reads and checks a dataset file. Either the whole dataset is valid and returned, or a DatasetError lists
 * every problem with the file, the record id and the field, so start-up stops before anything is built.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { decodeUtf8, FileProblem, readDatasetBytes, repeatedTopLevelKeys } from "./dataset-bytes";
import {
  datasetSchema,
  edgeSchema,
  nodeSchema,
  type Dataset,
  type EdgeRecord,
  type NodeRecord,
  type Source,
} from "./dataset-schema";
import { edgeKey } from "./edge-key";
import { isSurelyValidEdge, isSurelyValidNode, withDefaults } from "./record-check";

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

export { MAX_DATASET_BYTES } from "./dataset-bytes";

export async function loadDataset(file: string): Promise<Dataset> {
  return (await loadDatasetFile(file)).dataset;
}

/** The dataset and the SHA-256 of the file's bytes, which keys anything derived from it (the layout cache). */
export async function loadDatasetFile(file: string): Promise<{ dataset: Dataset; sha256: string }> {
  let read: { text: string; sha256: string };
  try {
    // The bytes are never held in a variable here, so they can be collected while the text is parsed.
    read = hashAndDecode(await readDatasetBytes(file));
  } catch (error) {
    if (error instanceof FileProblem) throw new DatasetError(file, [fileProblem(error.message)]);
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DatasetError(file, [fileProblem(`cannot be read (${reason})`)]);
  }
  return { dataset: parseDataset(read.text, file), sha256: read.sha256 };
}

/** Hashes the bytes as read (hashing the decoded text would encode it all again) and decodes them. */
function hashAndDecode(bytes: Buffer): { text: string; sha256: string } {
  return { sha256: createHash("sha256").update(bytes).digest("hex"), text: decodeUtf8(bytes) };
}

/**
 * Checks a dataset's text. Records go through the fast check of record-check.ts, and zod sees only what that
 * check is unsure of; if anything at all is wrong, the whole file goes through zod as it is, so the problems
 * reported are exactly zod's.
 */
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
  const repeated = repeatedTopLevelKeys(text);
  if (repeated.length > 0) {
    throw new DatasetError(
      file,
      repeated.map(({ key, lines }) => ({
        collection: "(dataset)",
        record: "(top level)",
        field: key,
        message: `"${key}" is given ${lines.length} times (lines ${lines.join(", ")}); JSON readers keep only the last, so give it once`,
      })),
    );
  }
  const dataset = quickParse(json) ?? schemaParse(json, file);
  const problems = crossCheck(dataset);
  if (problems.length > 0) throw new DatasetError(file, problems);
  return dataset;
}

function schemaParse(json: unknown, file: string): Dataset {
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success)
    throw new DatasetError(
      file,
      parsed.error.issues.map((issue) => schemaProblem(json, issue)),
    );
  return parsed.data;
}

/**
 * The dataset when every part of it is valid, else undefined. zod checks the small top level (documents
 * included) and any record the fast check is unsure of; the parsed JSON records become the dataset's, with
 * zod's defaults filled in, and only once everything has passed.
 */
function quickParse(json: unknown): Dataset | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const { nodes, edges } = json as { nodes?: unknown; edges?: unknown };
  if (!Array.isArray(nodes) || !Array.isArray(edges)) return undefined;
  const head = datasetSchema.safeParse({ ...json, nodes: [], edges: [] });
  if (!head.success) return undefined;
  const nodeFixes = checkRecords(nodes, isSurelyValidNode, nodeSchema);
  const edgeFixes = nodeFixes && checkRecords(edges, isSurelyValidEdge, edgeSchema);
  if (!nodeFixes || !edgeFixes) return undefined;
  return { ...head.data, nodes: settle<NodeRecord>(nodes, nodeFixes), edges: settle<EdgeRecord>(edges, edgeFixes) };
}

/** zod's output for each record the fast check was unsure of, by index; undefined if zod refuses one. */
function checkRecords(
  records: unknown[],
  surelyValid: (record: unknown) => boolean,
  schema: typeof nodeSchema | typeof edgeSchema,
): Map<number, NodeRecord | EdgeRecord> | undefined {
  const fixes = new Map<number, NodeRecord | EdgeRecord>();
  for (let i = 0; i < records.length; i++) {
    if (surelyValid(records[i])) continue;
    const parsed = schema.safeParse(records[i]);
    if (!parsed.success) return undefined;
    fixes.set(i, parsed.data);
  }
  return fixes;
}

function settle<T extends NodeRecord | EdgeRecord>(
  records: unknown[],
  fixes: Map<number, NodeRecord | EdgeRecord>,
): T[] {
  for (let i = 0; i < records.length; i++) {
    const fixed = fixes.get(i);
    records[i] = fixed ?? withDefaults(records[i] as Record<string, unknown>);
  }
  return records as T[];
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

/** Rules zod cannot see record by record: unique ids, known ends, and citations of paragraphs that exist. */
function crossCheck(dataset: Dataset): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  const nodeIds = new Set<string>();

  const checkSources = (collection: string, record: string, prefix: string, cited: Source[]) => {
    for (let i = 0; i < cited.length; i++) {
      const source = cited[i]!;
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
    }
  };

  // Loops rather than forEach and closures: this runs over every one of a million edges.
  const checkRecord = (collection: string, record: string, r: NodeRecord | EdgeRecord) => {
    checkSources(collection, record, "", r.sources);
    const figures = r.figures;
    if (!figures || figures.length === 0) return;
    const keys = new Set<string>();
    for (let f = 0; f < figures.length; f++) {
      const figure = figures[f]!;
      if (keys.has(figure.key))
        problems.push({
          collection,
          record,
          field: `figures.${f}.key`,
          message: `duplicate figure key "${figure.key}"`,
        });
      keys.add(figure.key);
      for (let p = 0; p < figure.points.length; p++)
        checkSources(collection, record, `figures.${f}.points.${p}.`, figure.points[p]!.sources);
    }
  };

  const seenDocs = new Set<string>();
  for (const d of dataset.documents) {
    if (seenDocs.has(d.id))
      problems.push({ collection: "documents", record: d.id, field: "id", message: "duplicate document id" });
    seenDocs.add(d.id);
  }

  for (const node of dataset.nodes) {
    if (nodeIds.has(node.id))
      problems.push({ collection: "nodes", record: node.id, field: "id", message: "duplicate node id" });
    nodeIds.add(node.id);
    checkRecord("nodes", node.id, node);
  }

  const edgeIds = new Set<string>();
  for (const edge of dataset.edges) {
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
    if (!nodeIds.has(edge.source))
      problems.push({ collection: "edges", record: key, field: "source", message: `unknown node "${edge.source}"` });
    if (!nodeIds.has(edge.target))
      problems.push({ collection: "edges", record: key, field: "target", message: `unknown node "${edge.target}"` });
    checkRecord("edges", key, edge);
  }

  for (const d of dataset.documents) {
    if (d.node && !nodeIds.has(d.node))
      problems.push({ collection: "documents", record: d.id, field: "node", message: `unknown node "${d.node}"` });
  }
  return problems;
}

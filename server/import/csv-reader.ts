/**
 * CSV in Gephi's spreadsheet convention, read as a stream with csv-parse: an edges table (`Source`, `Target`,
 * optional `Type`, `Id`, `Label`, `Weight`, `Kind`, `Start`, `End`, any more columns), a nodes table (`Id`,
 * optional `Label`, `Start`, `End`, more columns), or both (`nodesFile`). Headers are matched without regard
 * to case. The separator (comma, semicolon or tab) is detected from the header line; each extra column's type
 * is inferred in a first pass (boolean, integer, double, else string), so the file is read twice and never held.
 */
import { createReadStream, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { parse, type CsvError } from "csv-parse";
import { GraphBuilder } from "./builder";
import { ImportError, type EdgeAttributes, type ImportedGraph, type ImportOptions, type NodeAttributes } from "./model";
import { fitsType, INFERRED_TYPES, parseTyped, type InferredType } from "./values";

const SEPARATORS = [",", ";", "\t"] as const;
const NODE_FIELDS = new Set(["id", "label", "start", "end"]);
const EDGE_FIELDS = new Set(["source", "target", "type", "id", "label", "weight", "kind", "start", "end"]);

export interface CsvOptions extends ImportOptions {
  /** A nodes table read before the edges table `file`. */
  nodesFile?: string;
}

interface Table {
  header: string[];
  /** Lower-cased header → column index. */
  index: Map<string, number>;
  types: InferredType[];
  separator: string;
}

export async function readCsv(file: string, options: CsvOptions = {}): Promise<ImportedGraph> {
  const b = new GraphBuilder(file, options, { format: "csv", defaultEdgeType: "directed", attributes: {} });
  const files = options.nodesFile ? [options.nodesFile, file] : [file];
  for (const path of files) {
    const table = await scanTable(path);
    const isEdges = table.index.has("source") && table.index.has("target");
    if (!isEdges && !table.index.has("id")) {
      throw new ImportError(
        path,
        1,
        1,
        `expected a header with Source and Target (an edges table) or Id (a nodes table); found ${table.header.join(table.separator)}`,
      );
    }
    if (path === options.nodesFile && isEdges)
      throw new ImportError(path, 1, 1, "the nodes table has Source and Target columns");
    const cls = isEdges ? "edge" : "node";
    const fields = isEdges ? EDGE_FIELDS : NODE_FIELDS;
    const extra = table.header
      .map((name, i) => ({ name, i, type: table.types[i]! }))
      .filter((c) => !fields.has(c.name.toLowerCase()));
    for (const column of extra)
      b.declare({ id: column.name, name: column.name, class: cls, type: column.type, mode: "static" });
    const cell = (row: string[], field: string) => {
      const i = table.index.get(field);
      const value = i === undefined ? undefined : row[i];
      return value === undefined || value === "" ? undefined : value;
    };
    await eachRow(path, table.separator, options, b, (row, line) => {
      const at = { line, column: 1 };
      const attributes: Record<string, string | number | boolean> = {};
      for (const column of extra) {
        const raw = row[column.i];
        if (raw !== undefined && raw !== "")
          attributes[column.name] = parseTyped(raw, column.type) as string | number | boolean;
      }
      const common: NodeAttributes = { attributes };
      const label = cell(row, "label");
      if (label !== undefined) common.label = label;
      const start = cell(row, "start");
      if (start !== undefined) common.start = start;
      const end = cell(row, "end");
      if (end !== undefined) common.end = end;
      if (!isEdges) {
        const id = cell(row, "id");
        if (id === undefined) return b.fail(at, "a node row has no Id");
        return b.addNode(at, id, common);
      }
      const source = cell(row, "source");
      const target = cell(row, "target");
      if (source === undefined || target === undefined) return b.fail(at, "an edge row needs both Source and Target");
      const type = cell(row, "type")?.toLowerCase() ?? "directed";
      if (type !== "directed" && type !== "undirected")
        return b.fail(at, `Type "${type}": expected Directed or Undirected`);
      const edge: EdgeAttributes = { ...common, directed: type === "directed" };
      const id = cell(row, "id");
      if (id !== undefined) edge.id = id;
      const kind = cell(row, "kind");
      if (kind !== undefined) edge.kind = kind;
      const weight = cell(row, "weight");
      if (weight !== undefined) {
        if (Number.isFinite(Number(weight))) edge.weight = Number(weight);
        else b.warn(at, `Weight "${weight.slice(0, 40)}" is not a number; ignored`);
      }
      b.addEdge(at, source, target, edge);
    });
  }
  if (b.graph.directedSize > 0 && b.graph.undirectedSize > 0) b.meta.defaultEdgeType = "mixed";
  else if (b.graph.undirectedSize > 0) b.meta.defaultEdgeType = "undirected";
  return b.finish();
}

/** The separator the header line uses most: comma, semicolon or tab. */
export function detectSeparator(headerLine: string): string {
  let best: string = ",";
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    const count = headerLine.split(separator).length - 1;
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

async function firstLine(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return (
      buffer
        .subarray(0, bytesRead)
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/, 1)[0] ?? ""
    );
  } finally {
    await handle.close();
  }
}

/** First pass: the header, the separator, and the narrowest type every non-empty cell of a column fits. */
async function scanTable(file: string): Promise<Table> {
  const separator = detectSeparator(await firstLine(file));
  let header: string[] | undefined;
  let types: InferredType[] = [];
  const scan = new GraphBuilder(file, {}, { format: "csv", defaultEdgeType: "directed", attributes: {} });
  await eachRow(
    file,
    separator,
    {},
    scan,
    (row) => {
      if (!header) {
        header = row.map((h) => h.trim());
        types = header.map(() => INFERRED_TYPES[0]);
        return;
      }
      for (let i = 0; i < row.length; i++) {
        const value = row[i]!;
        if (value === "") continue;
        let t = INFERRED_TYPES.indexOf(types[i]!);
        while (!fitsType(value, INFERRED_TYPES[t]!)) t++;
        types[i] = INFERRED_TYPES[t]!;
      }
    },
    true,
  );
  if (!header) throw new ImportError(file, 1, 1, "the file is empty: expected a header line");
  const index = new Map(header.map((name, i) => [name.toLowerCase(), i]));
  return { header, index, types, separator };
}

async function eachRow(
  file: string,
  separator: string,
  options: ImportOptions,
  b: GraphBuilder,
  onRow: (row: string[], line: number) => void,
  withHeader = false,
): Promise<void> {
  const total = statSync(file).size;
  const parser = parse({
    delimiter: separator,
    bom: true,
    info: true,
    skip_empty_lines: true,
    from_line: withHeader ? 1 : 2,
  });
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  input.pipe(parser);
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      onRow(record, info.lines);
      if (options.onProgress && ++rows % 100_000 === 0)
        options.onProgress({ bytes: input.bytesRead, total, nodes: b.graph.order, edges: b.graph.size });
    }
  } catch (error) {
    input.destroy();
    if (error instanceof ImportError) throw error;
    const csv = error as CsvError & { lines?: number };
    throw new ImportError(file, csv.lines, undefined, `not valid CSV: ${csv.message}`);
  }
  options.onProgress?.({ bytes: total, total, nodes: b.graph.order, edges: b.graph.size });
}

/**
 * `npm run convert -- IN OUT [--nodes NODES.csv] [--strict] [--quiet]`: any graph file the importer reads
 * (GEXF, GraphML, CSV, graphology JSON) into GraphML (`.graphml`) or graphology JSON (`.json`), chosen by OUT's
 * extension. Warnings and progress go to stderr; a broken file ends with its file, line and column.
 */
import { createWriteStream } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { importGraph, ImportError, type ImportedGraph } from "../import";
import { readCsv } from "../import/csv-reader";
import { writeGraphml } from "../import/graphml-writer";
import { writeGraphologyJson } from "../import/json-writer";
import { UsageError } from "./args";

const USAGE = "usage: npm run convert -- IN OUT.graphml|OUT.json [--nodes NODES.csv] [--strict] [--quiet]";
const WRITERS: Record<string, (graph: ImportedGraph, out: Writable) => Promise<void>> = {
  ".graphml": writeGraphml,
  ".json": writeGraphologyJson,
};
const WARNINGS_SHOWN = 20;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { nodes: { type: "string" }, strict: { type: "boolean" }, quiet: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [input, output, ...extra] = parsed.positionals;
  if (!input || !output || extra.length > 0) throw new UsageError("give exactly one input and one output file");
  const write = WRITERS[path.extname(output).toLowerCase()];
  if (!write) throw new UsageError(`${output}: the output must end in .graphml or .json`);
  const { nodes, strict = false, quiet = false } = parsed.values;
  const onProgress = quiet
    ? undefined
    : ({ bytes, total, nodes: n, edges: e }: { bytes: number; total?: number; nodes: number; edges: number }) =>
        process.stderr.write(
          `\r${input}: ${total ? Math.round((100 * bytes) / total) : "?"} %, ${n} nodes, ${e} edges`,
        );
  const options = { strict, ...(onProgress && { onProgress }) };
  const imported = nodes ? await readCsv(input, { ...options, nodesFile: nodes }) : await importGraph(input, options);
  if (onProgress) process.stderr.write("\n");
  for (const w of imported.warnings.slice(0, WARNINGS_SHOWN)) {
    console.error(`warning: ${w.file}${w.line !== undefined ? `:${w.line}:${w.column ?? 0}` : ""}: ${w.message}`);
  }
  if (imported.warnings.length > WARNINGS_SHOWN)
    console.error(`... and ${imported.warnings.length - WARNINGS_SHOWN} more warnings`);
  const out = createWriteStream(output, { highWaterMark: 1024 * 1024 });
  await write(imported, out);
  out.end();
  await finished(out);
  console.log(
    `wrote ${output}: ${imported.graph.order} nodes, ${imported.graph.size} edges (${imported.warnings.length} warnings)`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`convert: ${error.message}\n${USAGE}`);
  else if (error instanceof ImportError) console.error(`convert: ${error.message}`);
  else console.error("convert failed:", error);
  process.exit(1);
});

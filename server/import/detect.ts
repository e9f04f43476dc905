/** Which reader a file needs: by its extension, then by sniffing its first bytes. */
import { open } from "node:fs/promises";
import path from "node:path";
import { ImportError, type ImportFormat } from "./model";

const BY_EXTENSION: Record<string, ImportFormat> = {
  ".gexf": "gexf",
  ".graphml": "graphml",
  ".csv": "csv",
  ".tsv": "csv",
  ".json": "graphology-json",
};

const SNIFF_BYTES = 4096;

export async function detectFormat(file: string): Promise<ImportFormat> {
  const byExtension = BY_EXTENSION[path.extname(file).toLowerCase()];
  if (byExtension) return byExtension;
  const handle = await open(file, "r");
  let head: string;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  } finally {
    await handle.close();
  }
  const sniffed = sniff(head);
  if (!sniffed) {
    throw new ImportError(
      file,
      1,
      1,
      "unknown format: expected .gexf, .graphml, .csv, .tsv or .json, or content that starts like one",
    );
  }
  return sniffed;
}

/** The format the start of a file looks like, if any. */
export function sniff(head: string): ImportFormat | undefined {
  const text = head.trimStart();
  if (text.startsWith("<")) {
    if (/<gexf[\s>]/.test(text)) return "gexf";
    if (/<graphml[\s>]/.test(text)) return "graphml";
    return undefined;
  }
  if (text.startsWith("{")) return "graphology-json";
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  if (/[,;\t]/.test(firstLine)) return "csv";
  return undefined;
}

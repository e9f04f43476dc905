/**
 * A dataset file from disk to text: only a regular file of bounded size is read (a FIFO, a device or a
 * folder is refused before it is opened for good), and only UTF-8 becomes text, so a UTF-16 file or a stray
 * invalid byte is refused by name and place instead of being read as replacement characters.
 */
import { isUtf8 } from "node:buffer";
import { constants, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";

/** V8 cannot hold a string much past 512 MiB; refuse larger files with a clear message instead. */
export const MAX_DATASET_BYTES = 500 * 1024 * 1024;

/** Why a file cannot be read as a dataset; the loader reports it as a problem of the whole file. */
export class FileProblem extends Error {
  override name = "FileProblem";
}

function kind(info: Stats): string {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

function checkRegularFile(info: Stats): void {
  if (!info.isFile()) throw new FileProblem(`is ${kind(info)}, not a regular file; give a JSON file`);
  if (info.size > MAX_DATASET_BYTES) {
    throw new FileProblem(
      `is ${Math.round(info.size / 2 ** 20)} MiB; datasets are limited to ${MAX_DATASET_BYTES / 2 ** 20} MiB`,
    );
  }
}

/**
 * The bytes of `file` if it is a regular file of at most MAX_DATASET_BYTES. Opened without blocking (a FIFO
 * swapped in after the first check cannot hang the open) and checked again through the open handle.
 */
export async function readDatasetBytes(file: string): Promise<Buffer> {
  checkRegularFile(await stat(file));
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    checkRegularFile(await handle.stat());
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** The text of UTF-8 `bytes`; anything else is a FileProblem that says what the file is or where it breaks. */
export function decodeUtf8(bytes: Buffer): string {
  const other = otherEncoding(bytes);
  if (other) throw new FileProblem(`is ${other}; save it as UTF-8`);
  if (isUtf8(bytes)) return bytes.toString("utf8");
  const offset = firstInvalidUtf8(bytes);
  const { line, column } = position(bytes, offset);
  const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, "0");
  throw new FileProblem(
    `is not valid UTF-8: byte 0x${byte} at offset ${offset} (line ${line}, column ${column}) does not ` +
      "begin a well-formed character; save the file as UTF-8",
  );
}

/** UTF-16 or UTF-32, told by a byte-order mark or, without one, by the zero bytes ASCII text gets in them. */
function otherEncoding(b: Buffer): string | undefined {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
    return "UTF-32 (little-endian, with a byte-order mark)";
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
    return "UTF-32 (big-endian, with a byte-order mark)";
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return "UTF-16 (little-endian, with a byte-order mark)";
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return "UTF-16 (big-endian, with a byte-order mark)";
  // JSON text starts with an ASCII character, which UTF-16 and UTF-32 pad with zero bytes; UTF-8 never has one there.
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0) return "UTF-32 (little-endian)";
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0) return "UTF-32 (big-endian)";
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return "UTF-16 (little-endian, without a byte-order mark)";
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return "UTF-16 (big-endian, without a byte-order mark)";
  return undefined;
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (Unicode table 3-7); -1 if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trailing =
      lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (trailing === 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates or values past U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= trailing; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += trailing + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset. */
function position(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: [...bytes.subarray(lineStart, offset).toString("utf8")].length + 1 };
}

/**
 * Top-level keys that records do not use, so that each appears once in a sound file ("description" is in
 * every record and is not looked for). One regular-expression pass finds them all, several times faster
 * than one indexOf per key over text full of quotes.
 */
const TOP_LEVEL_ONLY = /"(nodes|edges|documents|name)"\s*:/g;

function eachAtMostOnce(text: string): boolean {
  const seen = new Set<string>();
  TOP_LEVEL_ONLY.lastIndex = 0;
  for (let match = TOP_LEVEL_ONLY.exec(text); match; match = TOP_LEVEL_ONLY.exec(text)) {
    if (seen.has(match[1]!)) return false;
    seen.add(match[1]!);
  }
  return true;
}

/**
 * Top-level keys given more than once, with the line of each occurrence. JSON.parse keeps the last silently,
 * so a file with two "nodes" lists would load the second alone. When none of TOP_LEVEL_ONLY occurs twice
 * anywhere (the usual case) none can repeat; otherwise one pass over the valid JSON text, jumping over strings,
 * finds the keys at the top level.
 */
export function repeatedTopLevelKeys(text: string): { key: string; lines: number[] }[] {
  // A key spelled with \u escapes ("n\u006fdes") escapes the expression: such text gets the full pass.
  if (eachAtMostOnce(text) && !text.includes("\\u")) return [];
  const seen = new Map<string, number[]>();
  let depth = 0;
  let topIsObject = false;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      i = closingQuote(text, i);
      if (depth === 1 && expectKey) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        seen.set(key, [...(seen.get(key) ?? []), start]);
      }
      expectKey = false;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth === 1) topIsObject = expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
    else if (c === 0x2c /* , */) expectKey = depth === 1 && topIsObject;
  }
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
  return [...seen]
    .filter(([, offsets]) => offsets.length > 1)
    .map(([key, offsets]) => ({ key, lines: offsets.map(lineOf) }));
}

/** The index of the quote that closes the string opening at `open`: the next one not escaped by a backslash. */
function closingQuote(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}

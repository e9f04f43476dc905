/**
 * Feeds a file through saxes, the streaming XML parser, in chunks: memory stays that of one chunk plus what
 * the handlers keep. Well-formedness errors and errors the handlers throw come out as ImportError with the
 * file, line and column (1-based) where the parser stood.
 */
import { createReadStream, statSync } from "node:fs";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Position } from "./builder";
import { ImportError, type ImportOptions } from "./model";

export interface XmlHandlers {
  open(tag: SaxesTagPlain, at: Position): void;
  close(name: string, at: Position): void;
  text(text: string): void;
}

const PROGRESS_EVERY_BYTES = 8 * 2 ** 20;

/** Local name of a qualified name: `viz:color` → `color`. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

export async function parseXmlFile(
  file: string,
  handlers: XmlHandlers,
  options: ImportOptions,
  counts: () => { nodes: number; edges: number },
): Promise<void> {
  const parser = new SaxesParser({ position: true });
  const here = (): Position => ({ line: parser.line, column: parser.column + 1 });
  parser.on("opentag", (tag) => handlers.open(tag as SaxesTagPlain, here()));
  parser.on("closetag", (tag) => handlers.close(tag.name, here()));
  parser.on("text", (text) => handlers.text(text));
  parser.on("cdata", (text) => handlers.text(text));

  const total = statSync(file).size;
  let bytes = 0;
  let reported = 0;
  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      bytes += Buffer.byteLength(chunk);
      if (options.onProgress && bytes - reported >= PROGRESS_EVERY_BYTES) {
        reported = bytes;
        options.onProgress({ bytes, total, ...counts() });
      }
    }
    parser.close();
  } catch (error) {
    stream.destroy();
    if (error instanceof ImportError) throw error;
    // saxes prefixes its messages with "line:column: "; keep ours 1-based and say which file.
    const message = error instanceof Error ? error.message.replace(/^\d+:\d+: /, "") : String(error);
    throw new ImportError(file, parser.line, parser.column + 1, `not well-formed XML: ${message}`);
  }
  options.onProgress?.({ bytes: total, total, ...counts() });
}

/**
 * Layout positions cached on disk, keyed by the dataset file's SHA-256 and the layout's version, so a restart
 * on the same data skips ForceAtlas2 (seconds on large graphs). A cache that cannot be read or written is
 * only a slower start, never a failure.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Bump when the layout algorithm or its settings change, so old positions are not reused. */
export const LAYOUT_VERSION = "fa2-seeded-v1";

export const layoutCacheFile = (dir: string, datasetSha256: string): string =>
  path.join(dir, `${createHash("sha256").update(`${LAYOUT_VERSION}:${datasetSha256}`).digest("hex").slice(0, 32)}.f64`);

export async function readCachedPositions(file: string): Promise<Float64Array | undefined> {
  try {
    const bytes = await readFile(file);
    if (bytes.byteLength % 8 !== 0) return undefined;
    return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8).slice();
  } catch {
    return undefined;
  }
}

export async function writeCachedPositions(file: string, positions: Float64Array): Promise<string | undefined> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, new Uint8Array(positions.buffer, positions.byteOffset, positions.byteLength));
    await rename(partial, file);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The interop corpus beside the repository (`../shared/interop`), and the skip rule when it is absent. */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const corpusDir = path.resolve(repoRoot, "../shared/interop");
export const corpusPresent = existsSync(corpusDir);
if (!corpusPresent) console.warn(`skipped: the interop corpus ${corpusDir} is not present`);

export function corpusFile(name: string): string {
  return path.join(corpusDir, name);
}

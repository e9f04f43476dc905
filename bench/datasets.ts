/**
 * Synthetic datasets the benchmarks share, generated once per size and seed into .bench-data/ (ignored by
 * git). The generator is deterministic, so a file that exists is the file the arguments describe.
 */
import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./report";
import { writeSyntheticDataset } from "./synthetic-dataset";

export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(REPO_ROOT, ".bench-data");

export interface SyntheticSize {
  nodes: number;
  edges: number;
  seed?: number;
}

/** The path of the synthetic dataset of this size, generating it first when it is missing. */
export async function syntheticDataset({ nodes, edges, seed = 1 }: SyntheticSize): Promise<string> {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const file = path.join(BENCH_DATA_DIR, `synthetic-${nodes}n-${edges}e-s${seed}.json`);
  if (existsSync(file)) return file;
  const started = performance.now();
  const partial = `${file}.partial`;
  await writeSyntheticDataset(partial, { nodes, edges, seed });
  renameSync(partial, file);
  console.log(`generated ${path.basename(file)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

/** `npm run gen -- --nodes N --edges M --seed S --out FILE`: writes a synthetic dataset file. Same seed, same file. */
import { parseFlags, UsageError } from "../server/cli/args";
import { writeSyntheticDataset } from "./synthetic-dataset";

const positive = (value: string | undefined, flag: string, fallback?: number): number => {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number`);
  return n;
};

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    nodes: { type: "string" },
    edges: { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
  });
  if (!flags.out) throw new UsageError("--out is required");
  const options = {
    nodes: positive(flags.nodes, "--nodes"),
    edges: positive(flags.edges, "--edges"),
    seed: positive(flags.seed, "--seed", 1),
  };
  if (options.nodes < 2) throw new UsageError("--nodes must be at least 2");
  await writeSyntheticDataset(flags.out, options);
  console.log(`wrote ${flags.out}: ${options.nodes} nodes, ${options.edges} edges, seed ${options.seed}`);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof UsageError
      ? `gen: ${error.message}\nusage: npm run gen -- --nodes N --edges M [--seed S] --out FILE`
      : error,
  );
  process.exit(1);
});

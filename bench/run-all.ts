/**
 * `npm run bench [-- --quick] [-- --only startup,gexf]`: runs every benchmark of docs/performance.md one after
 * another, each in its own process so one's heap does not weigh on the next. Each benchmark writes its own
 * section of docs/performance.md; this script adds the list of what ran, how long it took and how it ended.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { parseFlags } from "../server/cli/args";
import { markdownTable, machineLine, REPO_ROOT, writeSection } from "./report";

/** In the order they run: cheap and independent of the others first, the browser ones last. */
const BENCHMARKS = [
  { name: "startup", script: "startup.ts", figure: "1. Start-up and layout cache" },
  { name: "api", script: "api.ts", figure: "2. API throughput" },
  { name: "gexf", script: "gexf.ts", figure: "3. GEXF export" },
  { name: "graph-endpoint", script: "graph-endpoint.ts", figure: "4. /api/graph" },
  { name: "page-fps", script: "page-fps.ts", figure: "5. Page frame rate" },
  { name: "page-load", script: "page-load.ts", figure: "Page load on the embedded dataset (issue 3)" },
] as const;

function run(script: string, args: string[]): Promise<{ code: number; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", script), ...args], {
      cwd: REPO_ROOT,
      stdio: "inherit",
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=16000`.trim() },
    });
    child.on("exit", (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), seconds: (performance.now() - started) / 1000 }),
    );
  });
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { quick: { type: "boolean" }, only: { type: "string" } });
  const only = flags.only?.split(",").map((name) => name.trim());
  const unknown = only?.filter((name) => !BENCHMARKS.some((b) => b.name === name)) ?? [];
  if (unknown.length) throw new Error(`--only: unknown benchmark ${unknown.join(", ")}`);
  const chosen = BENCHMARKS.filter((b) => !only || only.includes(b.name));
  const args = flags.quick ? ["--quick"] : [];

  const rows: string[][] = [];
  for (const bench of chosen) {
    console.log(`\n=== ${bench.name}: npx tsx bench/${bench.script} ${args.join(" ")}`);
    const { code, seconds } = await run(bench.script, args);
    rows.push([bench.figure, `\`bench/${bench.script}\``, seconds.toFixed(0), code === 0 ? "ok" : `failed (${code})`]);
    if (code !== 0) process.exitCode = 1;
  }
  const command = `npm run bench${flags.quick || only ? ` --${flags.quick ? " --quick" : ""}${only ? ` --only ${only.join(",")}` : ""}` : ""}`;
  // A quick run must not overwrite the record of a full one.
  if (flags.quick || only) return console.log(markdownTable(["figure", "script", "seconds", "result"], rows));
  writeSection(
    "bench-run",
    [
      `Last full run: \`${command}\` on ${machineLine()}.`,
      "",
      markdownTable(["figure", "script", "seconds", "result"], rows, [2]),
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

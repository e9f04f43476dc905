/**
 * `npx tsx bench/startup.ts [--quick] [--runs N] [--only startup|layout-cache]`: how long `npm start` takes
 * before it can answer, and with how much memory, on a generated 200k-node / 1M-edge graph, against a bare
 * graphology import of the same records (bench/startup-bare.ts); then the layout cache measured cold and warm.
 * Every start is a fresh `node --max-old-space-size=... --import tsx` process, ours and bare alternated.
 * Writes the sections `startup` and `layout-cache` of docs/performance.md.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseFlags } from "../server/cli/args";
import { layoutIterations } from "../server/graph/layout";
import { syntheticDataset, BENCH_DATA_DIR } from "./datasets";
import { formatSummary, machineLine, markdownTable, REPO_ROOT, summarize, writeSection } from "./report";

const flags = parseFlags(process.argv.slice(2), {
  quick: { type: "boolean" },
  runs: { type: "string" },
  only: { type: "string" },
});
const QUICK = flags.quick ?? false;
const RUNS = Number(flags.runs ?? (QUICK ? 2 : 3));
const STARTUP_SIZE = QUICK ? { nodes: 20_000, edges: 100_000 } : { nodes: 200_000, edges: 1_000_000 };
const LAYOUT_SIZES = QUICK
  ? [{ nodes: 20_000, edges: 100_000 }]
  : [
      { nodes: 20_000, edges: 100_000 },
      { nodes: 100_000, edges: 500_000 },
    ];
const TARGET_RATIO = 2;
const NODE_FLAGS = ["--max-old-space-size=16000", "--expose-gc", "--import", "tsx"];
const COMMAND = `npx tsx bench/startup.ts${QUICK ? " --quick" : ""}${flags.runs ? ` --runs ${RUNS}` : ""}`;

interface Start {
  /** From spawning the process to the first answer (ours: GET /api/health; bare: its `ready` line). */
  seconds: number;
  /** Ours only: from spawning to search covering names and descriptions (X-Search-Coverage: complete). */
  searchSeconds?: number;
  /** Peak resident memory (VmHWM) over the whole start, in bytes. */
  peakRss: number;
  /** After a full garbage collection, once loaded. */
  rss: number;
  heapUsed: number;
  external: number;
  /** Ours only: the server's own "loaded ... in N ms (layout ...)" line. */
  loadedLine?: string;
}

/** Runs a child to its first answer, then asks for its memory; `answer` resolves once it can answer. */
async function measure(
  args: string[],
  env: NodeJS.ProcessEnv,
  /** Resolves when the child can answer, with when (performance.now()) its search became complete, if known. */
  answer: (output: () => string, answered: () => void) => Promise<number | void>,
  memory: (child: ReturnType<typeof spawn>) => void,
): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let errors = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const failed = exited.then(() => {
    throw new Error(`${args.join(" ")} ended early:\n${output}\n${errors}`);
  });
  const waitFor = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      const match = output.match(pattern);
      if (match) return match;
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 20)), failed]);
    }
  };
  try {
    let seconds = 0;
    const searchDone = await answer(
      () => output,
      () => (seconds = (performance.now() - started) / 1000),
    );
    const peakFromProc = readPeak(child.pid!);
    memory(child);
    const [, rss, heapUsed, external] = await waitFor(/memory rss=(\d+) heapUsed=(\d+) external=(\d+)/);
    const peak = peakFromProc ?? Number((await waitFor(/peak (\d+) kB/))[1]) * 1024;
    return {
      seconds,
      ...(searchDone && { searchSeconds: (searchDone - started) / 1000 }),
      peakRss: Math.max(peak, Number(rss)),
      rss: Number(rss),
      heapUsed: Number(heapUsed),
      external: Number(external),
      loadedLine: output.match(/loaded .*/)?.[0],
    };
  } finally {
    failed.catch(() => {});
    child.kill("SIGTERM");
    await exited;
  }
}

/** VmHWM of a live process, in bytes; undefined once it has gone. */
function readPeak(pid: number): number | undefined {
  try {
    const kb = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** `npm start` on the file: the real server, timed to its first HTTP answer. */
const startOurs = (file: string, layoutCacheDir: string) =>
  measure(
    ["server/index.ts", "--no-build", "--port", "0", "--data", file],
    { ...process.env, LAYOUT_CACHE_DIR: layoutCacheDir },
    async (output, answered) => {
      let url: string | undefined;
      while (!(url = output().match(/explorer ready at (http:\/\/\S+?)\/\n/)?.[1]))
        await new Promise((resolve) => setTimeout(resolve, 20));
      const res = await fetch(`${url}/api/health`);
      if (!res.ok) throw new Error(`/api/health answered ${res.status}`);
      await res.arrayBuffer();
      answered();
      // Big graphs index descriptions after listening: memory is read once search covers them too.
      // A word no node holds keeps each poll cheap; a dropped keep-alive connection is simply retried.
      for (let failures = 0; ;) {
        try {
          const search = await fetch(`${url}/api/search?q=qqqq&limit=1`);
          await search.arrayBuffer();
          if (search.headers.get("x-search-coverage") === "complete") return performance.now();
        } catch (error) {
          if (++failures > 20) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    // The server reports its memory on SIGUSR2, after a full GC under --expose-gc.
    (child) => child.kill("SIGUSR2"),
  );

const startBare = (file: string) =>
  measure(
    ["bench/startup-bare.ts", file],
    process.env,
    async (output, answered) => {
      while (!/^ready /m.test(output())) await new Promise((resolve) => setTimeout(resolve, 20));
      answered();
    },
    () => {},
  );

const mb = (bytes: number) => bytes / 2 ** 20;
const sizeName = ({ nodes, edges }: { nodes: number; edges: number }) =>
  `${nodes / 1000}k nodes / ${edges >= 1e6 ? `${edges / 1e6}M` : `${edges / 1000}k`} edges`;

async function startupSection(): Promise<void> {
  const file = await syntheticDataset(STARTUP_SIZE);
  const cacheDir = path.join(BENCH_DATA_DIR, "layout-cache");
  console.log(`startup: ${sizeName(STARTUP_SIZE)}, ${RUNS} runs each; warming the layout cache first`);
  const warm = await startOurs(file, cacheDir);
  console.log(`  (uncounted) ${warm.loadedLine}`);
  const ours: Start[] = [];
  const bare: Start[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternate which side goes first, so drift in the machine's load falls on both.
    const order = run % 2 === 0 ? (["bare", "ours"] as const) : (["ours", "bare"] as const);
    for (const side of order) {
      const start = side === "ours" ? await startOurs(file, cacheDir) : await startBare(file);
      if (side === "ours" && !/layout from cache/.test(start.loadedLine ?? ""))
        throw new Error(`expected a cached layout: ${start.loadedLine}`);
      (side === "ours" ? ours : bare).push(start);
      console.log(
        `  run ${run + 1} ${side.padEnd(4)} ${start.seconds.toFixed(1)} s, peak RSS ${mb(start.peakRss).toFixed(0)} MB` +
          (start.loadedLine ? `  [${start.loadedLine}]` : ""),
      );
    }
  }

  const edges = STARTUP_SIZE.edges;
  const rows: [string, (s: Start) => number, number][] = [
    ["Time to first answer (s)", (s) => s.seconds, 1],
    ["Time to search covering names and descriptions (s)", (s) => s.searchSeconds ?? s.seconds, 1],
    ["Peak RSS (MB)", (s) => mb(s.peakRss), 0],
    ["RSS after load, after GC (MB)", (s) => mb(s.rss), 0],
    ["Heap used after load, after GC (MB)", (s) => mb(s.heapUsed), 0],
    ["RSS per edge (bytes)", (s) => s.rss / edges, 0],
    ["Heap per edge (bytes)", (s) => s.heapUsed / edges, 0],
  ];
  const table = markdownTable(
    ["", "ours: `npm start`", "bare graphology import", "ratio (medians)"],
    rows.map(([label, get, digits]) => {
      const a = summarize(ours.map(get));
      const b = summarize(bare.map(get));
      return [label, formatSummary(a, digits), formatSummary(b, digits), (a.median / b.median).toFixed(2)];
    }),
    [1, 2, 3],
  );
  const ratio = summarize(ours.map((s) => s.seconds)).median / summarize(bare.map((s) => s.seconds)).median;
  const pairRatios = ours.map((s, i) => s.seconds / bare[i]!.seconds);
  const verdict = ratio <= TARGET_RATIO ? `**met** (${ratio.toFixed(2)}x)` : `**not met** (${ratio.toFixed(2)}x)`;
  const body = [
    `### Start-up on ${sizeName(STARTUP_SIZE)}`,
    "",
    `${machineLine()}. Command: \`${COMMAND}\`. Dataset: \`${path.relative(REPO_ROOT, file)}\`.`,
    "",
    `Each start is a fresh \`node ${NODE_FLAGS.join(" ")}\` process; ${RUNS} starts per side, alternated, after one`,
    "uncounted start of ours that fills the layout cache. Figures are median (min-max).",
    "",
    "- **Ours** is `server/index.ts --no-build --port 0 --data FILE` (what `npm start` runs): read, JSON.parse, the",
    "  fast record check (zod for what it is unsure of), cross-record checks, the graph with the cached layout,",
    "  the search index and Express, timed from spawning the process to the answer of `GET /api/health`.",
    "- **Bare** is `bench/startup-bare.ts`: read, JSON.parse and `addNode`/`addDirectedEdgeWithKey` of the raw",
    "  records into a `MultiDirectedGraph`, no checks, timed from spawning the process to its `ready` line.",
    "- Above 50 000 nodes the server builds its search index after it starts answering: names, then descriptions,",
    "  a chunk per event-loop turn; until then `/api/search` answers from what is in and says how far it has got in",
    "  `X-Search-Coverage`. The second row is when it says `complete` (polled every 0.1 s); the bare side has no",
    "  search, so its figure there is its first answer.",
    "- Memory is read once search is complete, after a full GC (`--expose-gc`); peak RSS is the kernel's VmHWM.",
    "",
    table,
    "",
    `Target: ours at most ${TARGET_RATIO}x the bare time: ${verdict}; run by run the ratio was ` +
      `${pairRatios.map((r) => r.toFixed(2)).join(", ")}.`,
    `The server's own line, last run: \`${ours[ours.length - 1]!.loadedLine}\`.`,
  ].join("\n");
  console.log(`\n${body}\n`);
  writeSection("startup", body);
}

async function layoutCacheSection(): Promise<void> {
  const rows: string[][] = [];
  for (const size of LAYOUT_SIZES) {
    const file = await syntheticDataset(size);
    const cold: Start[] = [];
    const warm: Start[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh, empty cache folder makes a cold start; the start after it on the same folder is warm.
      const dir = mkdtempSync(path.join(BENCH_DATA_DIR, "layout-cold-"));
      try {
        const c = await startOurs(file, dir);
        const w = await startOurs(file, dir);
        if (!/layout computed/.test(c.loadedLine ?? "") || !/layout from cache/.test(w.loadedLine ?? ""))
          throw new Error(`cold/warm starts did not compute/reuse the layout:\n${c.loadedLine}\n${w.loadedLine}`);
        cold.push(c);
        warm.push(w);
        console.log(
          `  ${sizeName(size)} run ${run + 1}: cold ${c.seconds.toFixed(1)} s, warm ${w.seconds.toFixed(1)} s`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const c = summarize(cold.map((s) => s.seconds));
    const w = summarize(warm.map((s) => s.seconds));
    rows.push([
      sizeName(size),
      String(layoutIterations(size.nodes, size.edges)),
      formatSummary(c, 1),
      formatSummary(w, 1),
      (c.median - w.median).toFixed(1),
    ]);
  }
  const body = [
    "### Layout cache: cold and warm starts",
    "",
    `${machineLine()}. Command: \`${COMMAND}\`.`,
    "",
    `Time from spawning \`npm start\` (\`node ${NODE_FLAGS.join(" ")} server/index.ts\`) to its first answer,`,
    `${RUNS} runs per size. **Cold**: an empty cache folder (\`LAYOUT_CACHE_DIR\`), so ForceAtlas2 runs (seeded start,`,
    "Barnes-Hut, a fixed iteration count from `layoutIterations`) and the positions are written. **Warm**: the next",
    "start on the same folder reads the positions back (one `Float64Array` file keyed by the dataset's SHA-256 and the",
    "layout version). The bench checks each start's own line says `layout computed` or `layout from cache`.",
    "",
    markdownTable(["graph", "FA2 iterations", "cold (s)", "warm (s)", "saved (s, medians)"], rows, [1, 2, 3, 4]),
  ].join("\n");
  console.log(`\n${body}\n`);
  writeSection("layout-cache", body);
}

if (flags.only !== "layout-cache") await startupSection();
if (flags.only !== "startup") await layoutCacheSection();

/**
 * `npm run bench:load [-- --data FILE] [--duration S] [--connections N]`: loads a running server (its own
 * process) with a mix of neighbourhood, search, path and export requests through autocannon, then checks
 * that exports do not stall other requests and that memory returns to its baseline. Writes its table into
 * docs/reliability.md between markers named after the dataset.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { parseFlags } from "../server/cli/args";
import { seededRandom } from "../server/graph/layout";
import { REPO_ROOT } from "../server/load-graph";
import { hostileMix } from "./hostile-mix";
import { startServer, type ServerProcess } from "./server-process";

type Kind = "neighbors" | "search" | "paths" | "export";
/** Statuses each kind may answer with; anything else is counted as unexpected. 404 is "no path". */
const EXPECTED: Record<Kind, number[]> = { neighbors: [200], search: [200], paths: [200, 404], export: [200] };

const flags = parseFlags(process.argv.slice(2), {
  data: { type: "string" },
  duration: { type: "string" },
  connections: { type: "string" },
  doc: { type: "string" },
  only: { type: "string" },
  "hostile-seconds": { type: "string" },
});
/** `--only hostile` runs the hostile mix alone (it is run after the mixed load otherwise). */
const only = flags.only;
const hostileSeconds = Number(flags["hostile-seconds"] ?? 60);
const duration = Number(flags.duration ?? 30);
const connections = Number(flags.connections ?? 100);
const docFile = flags.doc ?? path.join(REPO_ROOT, "docs", "reliability.md");

/** 1000 nodes spread evenly over the dataset: the first ones of a generated graph are its biggest hubs. */
async function sampleKeys(url: string): Promise<{ key: string; label: string }[]> {
  type Page = { total: number; items: { key: string; label: string }[] };
  const page = async (query: string) => (await (await fetch(`${url}/api/nodes?${query}`)).json()) as Page;
  const { total } = await page("limit=1");
  const pages = await Promise.all(
    Array.from({ length: 10 }, (_, i) => page(`limit=100&offset=${Math.floor((i * total) / 10)}`)),
  );
  return pages.flatMap((p) => p.items);
}

function mixedPaths(keys: { key: string; label: string }[], count: number): { path: string; kind: Kind }[] {
  const random = seededRandom(42);
  const pick = () => keys[Math.floor(random() * keys.length)]!;
  const typo = (s: string) => (s.length > 4 ? s.slice(0, 2) + s[3] + s[2] + s.slice(4) : s);
  const out: { path: string; kind: Kind }[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    const a = encodeURIComponent(pick().key);
    if (r < 0.2) out.push({ kind: "neighbors", path: `/api/nodes/${a}/neighbors?depth=1` });
    else if (r < 0.4) out.push({ kind: "neighbors", path: `/api/nodes/${a}/neighbors?depth=2&limit=100` });
    else if (r < 0.7)
      out.push({ kind: "search", path: `/api/search?q=${encodeURIComponent(typo(pick().label.split(" ")[0]!))}` });
    else if (r < 0.9) out.push({ kind: "paths", path: `/api/paths?from=${a}&to=${encodeURIComponent(pick().key)}` });
    // Whole-graph exports are measured on their own below (tens of MB each on a large graph).
    else out.push({ kind: "export", path: `/api/export.gexf?center=${a}&depth=1` });
  }
  return out;
}

interface Tally {
  statuses: Record<Kind, Record<number, number>>;
  unexpected: number;
}

async function cannon(
  url: string,
  paths: { path: string; kind: Kind }[],
  conns: number,
  seconds: number,
  tally?: Tally,
) {
  let next = 0;
  return autocannon({
    url,
    connections: conns,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        setupRequest: (request, context) => {
          const item = paths[next++ % paths.length]!;
          (context as { kind?: Kind }).kind = item.kind;
          return { ...request, path: item.path };
        },
        onResponse: (status, _body, context) => {
          if (!tally) return;
          const kind = (context as { kind: Kind }).kind;
          tally.statuses[kind][status] = (tally.statuses[kind][status] ?? 0) + 1;
          if (!EXPECTED[kind].includes(status)) tally.unexpected++;
        },
      },
    ],
  });
}

/** Downloads `url` again and again for `seconds` in a curl loop; resolves with how many finished and their bytes. */
function exportLoop(url: string, seconds: number): Promise<{ count: number; bytes: number }> {
  const script = `end=$((SECONDS+${seconds})); while [ $SECONDS -lt $end ]; do curl -sf -o /dev/null -w '%{size_download}\\n' "$0" || exit 1; done`;
  return new Promise((resolve, reject) => {
    execFile("bash", ["-c", script, url], { maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) return reject(error);
      const sizes = stdout.trim().split("\n").filter(Boolean).map(Number);
      resolve({ count: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) });
    });
  });
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

async function main(): Promise<void> {
  const server = await startServer(flags.data && path.resolve(flags.data));
  const label = flags.data ? path.basename(flags.data, ".json") : "embedded";
  try {
    const keys = await sampleKeys(server.url);
    const writeHostile = async () =>
      writeSection(
        docFile,
        `hostile:${label}`,
        await hostileTable(
          server,
          keys.map((k) => k.key),
          label,
        ),
      );
    if (only === "hostile") {
      await writeHostile();
      return;
    }
    const mixed = mixedPaths(keys, 5000);
    await cannon(server.url, mixed, 10, 2); // warm-up: JIT, lazily built caches
    const before = await server.memory();

    const tally: Tally = { statuses: { neighbors: {}, search: {}, paths: {}, export: {} }, unexpected: 0 };
    const load = await cannon(server.url, mixed, connections, duration, tally);

    // Does a long export stall the rest? Neighbourhood latency alone, then beside two curl processes that
    // download the whole graph as GEXF in a loop (curl, not autocannon, so parsing 50 MB bodies does not
    // starve this process and skew its own timings).
    const neighbours = mixed.filter((p) => p.kind === "neighbors");
    const alone = await cannon(server.url, neighbours, 10, 10);
    const exports = [exportLoop(`${server.url}/api/export.gexf`, 10), exportLoop(`${server.url}/api/export.gexf`, 10)];
    const beside = await cannon(server.url, neighbours, 10, 10);
    const exportRun = (await Promise.all(exports)).reduce((sum, r) => ({
      count: sum.count + r.count,
      bytes: sum.bytes + r.bytes,
    }));

    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const after = await server.memory();

    const rows = [
      `| dataset | ${server.loadedLine.replace(/^loaded \S+: /, "")} |`,
      `| mixed load | ${connections} connections for ${duration} s over ${keys.length} nodes spread evenly through the dataset: 40 % neighbourhoods (half depth 1, half depth 2 capped at 100 nodes), 30 % search with a typo, 20 % paths, 10 % GEXF exports of a node's neighbourhood |`,
      `| requests | ${load.requests.total} (${load.requests.average.toFixed(0)} req/s), ${load.errors} errors, ${load.timeouts} timeouts, ${tally.unexpected} unexpected statuses |`,
      `| latency | p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms |`,
      `| statuses by kind | ${Object.entries(tally.statuses)
        .map(([k, s]) => `${k} ${JSON.stringify(s)}`)
        .join("; ")} |`,
      `| neighbourhoods alone (10 conns, 10 s) | ${alone.requests.average.toFixed(0)} req/s, p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms |`,
      `| neighbourhoods beside 2 whole-graph exports | ${beside.requests.average.toFixed(0)} req/s, p50 ${beside.latency.p50} ms, p99 ${beside.latency.p99} ms, max ${beside.latency.max} ms; meanwhile ${exportRun.count} whole exports of ${mb(exportRun.bytes / Math.max(1, exportRun.count))} each finished |`,
      `| memory after GC | before: ${mb(before.heapUsed)} heap, ${mb(before.external)} external, ${mb(before.rss)} RSS; after, 10 s idle: ${mb(after.heapUsed)} heap, ${mb(after.external)} external, ${mb(after.rss)} RSS |`,
    ];
    const table = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, with \`npm run bench:load${flags.data ? ` -- --data ${flags.data}` : ""}\`.`,
      "",
      "| what | result |",
      "| --- | --- |",
      ...rows,
    ].join("\n");
    console.log(table);
    writeSection(docFile, `load:${label}`, table);
    const failed = load.errors + load.timeouts + tally.unexpected + beside.errors;
    if (failed > 0) process.exitCode = 1;
    await writeHostile();
  } finally {
    await server.stop();
  }
}

/** Runs the hostile mix (bench/hostile-mix.ts) and spells its row; a dead server or a failed health check fails the run. */
async function hostileTable(server: ServerProcess, keys: string[], label: string): Promise<string> {
  // A generated graph lists its biggest hubs first.
  const hubs = keys.slice(0, 5);
  const result = await hostileMix(server.url, server.pid, hubs, keys, hostileSeconds);
  const { health } = result;
  if (!result.alive || health.failed > 0) process.exitCode = 1;
  const row =
    `| hostile mix, ${hostileSeconds} s | ${result.alive ? "server alive throughout" : "SERVER DIED"}; ` +
    `/api/health every 50 ms: ${health.count} answered, ${health.failed} failed, p50 ${health.p50} ms, ` +
    `p99 ${health.p99} ms, max ${health.max} ms; RSS ${mb(result.startRss)} at the start, peak ${mb(result.peakRss)}; ` +
    `statuses by kind: ${Object.entries(result.statuses)
      .map(([kind, s]) => `${kind} ${JSON.stringify(s)}`)
      .join("; ")} |`;
  const table = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} (shared with other work), Node ${process.version}, with \`npm run bench:load -- --only hostile${flags.data ? ` --data ${flags.data}` : ""}\` (${label}).`,
    "",
    "| what | result |",
    "| --- | --- |",
    `| dataset | ${server.loadedLine.replace(/^loaded \S+: /, "")} |`,
    row,
  ].join("\n");
  console.log(table);
  return table;
}

/** Replaces the text between `<!-- NAME -->` and `<!-- /NAME -->` in the doc, or appends the section. */
function writeSection(file: string, name: string, body: string): void {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const doc = readFileSync(file, "utf8");
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start + open.length) + "\n" + body + "\n" + doc.slice(end)
      : `${doc}\n${open}\n${body}\n${close}\n`;
  writeFileSync(file, next);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

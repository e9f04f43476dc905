/**
 * `npx tsx bench/api.ts [--quick] [--nodes N --edges M] [--runs R] [--duration S]`: API throughput (issue 4,
 * figure 2). A child process (bench/api-servers.ts) loads the synthetic graph once and serves it through our
 * Express app and through a bare `node:http` handler giving the same neighbourhood bytes; autocannon, in this
 * process, loads one then the other, alternating which goes first, at 10 and 100 connections. Then search,
 * paths and 2-hop neighbourhoods (ours only). Writes the section `api-throughput` of docs/performance.md.
 */
import { fork } from "node:child_process";
import { closeSync, openSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { parseFlags } from "../server/cli/args";
import type { ServersReady } from "./api-servers";
import { syntheticDataset } from "./datasets";
import { formatSummary, machineLine, markdownTable, REPO_ROOT, summarize, writeSection } from "./report";

const flags = parseFlags(process.argv.slice(2), {
  quick: { type: "boolean" },
  nodes: { type: "string" },
  edges: { type: "string" },
  runs: { type: "string" },
  duration: { type: "string" },
  doc: { type: "string" },
  /** Only the headline comparison (for iterating on the server). */
  "headline-only": { type: "boolean" },
});
const quick = flags.quick ?? false;
const size = {
  nodes: Number(flags.nodes ?? (quick ? 20_000 : 200_000)),
  edges: Number(flags.edges ?? (quick ? 100_000 : 1_000_000)),
};
const runs = Number(flags.runs ?? (quick ? 2 : 3));
const seconds = Number(flags.duration ?? (quick ? 3 : 10));
const CONNECTIONS = [10, 100] as const;
const TARGET_RATIO = 0.75;
const TARGET_P99_MS = 10;

interface Scenario {
  name: string;
  /** What the request asks, for the table. */
  what: string;
  paths: string[];
  /** 2-hop answers of a few MB take longer each than a short run at 100 connections could wait for. */
  connections: readonly number[];
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time per request, microseconds. */
  cpuUs: number;
}

interface Servers {
  ready: ServersReady;
  /** CPU time (user + system) the servers' process has used so far, in microseconds. */
  cpu: () => Promise<number>;
  stop: () => void;
}

function startServers(file: string, logFile: string): Promise<Servers> {
  const log = openSync(logFile, "w");
  const child = fork(path.join(REPO_ROOT, "bench/api-servers.ts"), [file], {
    execArgv: ["--max-old-space-size=16000", "--import", "tsx"],
    stdio: ["ignore", log, "inherit", "ipc"],
  });
  closeSync(log);
  return new Promise((resolve, reject) => {
    child.once("message", (ready) =>
      resolve({
        ready: ready as ServersReady,
        cpu: () =>
          new Promise((reply) => {
            child.once("message", (usage) =>
              reply((usage as NodeJS.CpuUsage).user + (usage as NodeJS.CpuUsage).system),
            );
            child.send("cpu");
          }),
        stop: () => child.kill("SIGTERM"),
      }),
    );
    child.once("exit", (code) => reject(new Error(`the servers' process exited with ${code}`)));
  });
}

/** Connection errors and timeouts over all runs (a multi-second GC pause on a 4 GB heap can cause some). */
let failures = 0;

/** Loads `base` for `duration` seconds, each request the next path of the cycle. */
async function cannon(
  cpu: Servers["cpu"],
  base: string,
  paths: string[],
  connections: number,
  duration: number,
): Promise<Measure> {
  let next = 0;
  const cpuBefore = await cpu();
  const result = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  if (result.non2xx > 0) throw new Error(`${base}: ${result.non2xx} answers were not 2xx`);
  failures += result.errors + result.timeouts;
  const cpuUs = ((await cpu()) - cpuBefore) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuUs };
}

/**
 * fetch, again on a fresh connection if the server dropped the kept-alive one: a multi-second pause of a 4 GB
 * heap's GC (or of background indexing) outlasts Node's 5 s keep-alive timeout.
 */
const get = (url: string) => fetch(url).catch(() => fetch(url));

/** GETs each path once: body sizes, and the paths that answered 200 (a path search may find none). */
async function probe(base: string, paths: string[]) {
  const sizes: number[] = [];
  const ok: string[] = [];
  for (const p of paths) {
    const response = await get(base + p);
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) continue;
    sizes.push(bytes);
    ok.push(p);
  }
  return { ok, sizes };
}

const kb = (bytes: number) => (bytes < 10_240 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024).toFixed(0)} KB`);
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;
const sizeText = (sizes: number[]) =>
  `${kb(quantile(sizes, 0.5))} (p90 ${kb(quantile(sizes, 0.9))}, max ${kb(quantile(sizes, 1))})`;
const ms = (summary: ReturnType<typeof summarize>) => formatSummary(summary, 0);

function typo(label: string): string {
  const word = label.split(" ")[0]!;
  return word.length > 4 ? word.slice(0, 2) + word[3] + word[2] + word.slice(4) : word;
}

async function main(): Promise<void> {
  const file = await syntheticDataset(size);
  const logFile = path.join(os.tmpdir(), `bench-api-${process.pid}.log`);
  console.log(`loading ${path.basename(file)} in the servers' process...`);
  const { ready, cpu, stop } = await startServers(file, logFile);
  try {
    const ours = `http://127.0.0.1:${ready.ours}`;
    const raw = `http://127.0.0.1:${ready.raw}`;
    console.log(`loaded ${ready.nodes} nodes, ${ready.edges} edges in ${(ready.loadMs / 1000).toFixed(1)} s`);
    const keys = ready.sample.map((s) => encodeURIComponent(s.key));
    const pairs = keys.slice(0, 200).map((from, i) => `/api/paths?from=${from}&to=${keys[(i * 7 + 1) % keys.length]}`);
    const twoHop = keys.slice(0, 200);
    const scenarios: Scenario[] = [
      {
        name: "search",
        what: "`/api/search?q=` the first word of a sampled label with two letters swapped, default limit 10",
        paths: ready.sample.slice(0, 200).map((s) => `/api/search?q=${encodeURIComponent(typo(s.label))}`),
        connections: CONNECTIONS,
      },
      {
        name: "paths",
        what: "`/api/paths?from=&to=` between sampled nodes (pairs with a path), cap 1 000 000 visited nodes",
        paths: pairs,
        connections: CONNECTIONS,
      },
      {
        name: "1-hop, view=summary",
        what: "`neighbors?view=summary`, the headline query in the slim opt-in shape",
        paths: keys.map((k) => `/api/nodes/${k}/neighbors?view=summary`),
        connections: CONNECTIONS,
      },
      {
        name: "2-hop",
        what: "`neighbors?depth=2`, default cap 500 nodes, full attributes",
        paths: twoHop.map((k) => `/api/nodes/${k}/neighbors?depth=2`),
        connections: [10],
      },
      {
        name: "2-hop, view=summary",
        what: "`neighbors?depth=2&view=summary`, default cap 500 nodes",
        paths: twoHop.map((k) => `/api/nodes/${k}/neighbors?depth=2&view=summary`),
        connections: [10],
      },
      {
        name: "2-hop, largest cap",
        what: "`neighbors?depth=2&limit=2000`, the largest cap, full attributes",
        paths: twoHop.map((k) => `/api/nodes/${k}/neighbors?depth=2&limit=2000`),
        connections: [10],
      },
      {
        name: "2-hop, largest cap, view=summary",
        what: "`neighbors?depth=2&limit=2000&view=summary`",
        paths: twoHop.map((k) => `/api/nodes/${k}/neighbors?depth=2&limit=2000&view=summary`),
        connections: [10],
      },
    ];

    // Big graphs index descriptions for search in the background after start-up: measure once that is done.
    for (let waited = 0; waited < 600; waited += 2) {
      const coverage = (await get(`${ours}/api/search?q=a`)).headers.get("X-Search-Coverage");
      if (!coverage || coverage === "complete") break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }

    // The headline: same query, same bytes, ours against the bare server.
    const neighbours = keys.map((k) => `/api/nodes/${k}/neighbors`);
    const probed = await probe(ours, neighbours);
    const rawProbe = await probe(raw, neighbours.slice(0, 20));
    if (rawProbe.sizes.some((s, i) => s !== probed.sizes[i])) throw new Error("the two servers answer differently");
    console.log(`neighbourhood bodies: ${sizeText(probed.sizes)}`);
    const head: Record<number, { ours: Measure[]; raw: Measure[]; ratio: number[] }> = {};
    for (const connections of CONNECTIONS) {
      head[connections] = { ours: [], raw: [], ratio: [] };
      await cannon(cpu, ours, neighbours, connections, 2); // warm-up: JIT, sockets
      await cannon(cpu, raw, neighbours, connections, 2);
      for (let run = 0; run < runs; run++) {
        const order = run % 2 === 0 ? (["ours", "raw"] as const) : (["raw", "ours"] as const);
        const got: Partial<Record<"ours" | "raw", Measure>> = {};
        for (const side of order)
          got[side] = await cannon(cpu, side === "ours" ? ours : raw, neighbours, connections, seconds);
        head[connections]!.ours.push(got.ours!);
        head[connections]!.raw.push(got.raw!);
        head[connections]!.ratio.push(got.ours!.rps / got.raw!.rps);
        const line = (m: Measure) => `${m.rps.toFixed(0)} req/s p99 ${m.p99} ms cpu ${m.cpuUs.toFixed(0)} µs/req`;
        console.log(`neighbors c=${connections} run ${run + 1}: ours ${line(got.ours!)}, raw ${line(got.raw!)}`);
      }
    }

    // Saturated, latency is mostly queueing (Little's law). One connection at a time shows the latency of the
    // requests themselves: the floor under any p99.
    const serial: Record<"ours" | "raw", Measure[]> = { ours: [], raw: [] };
    for (let run = 0; run < runs; run++) {
      for (const side of run % 2 === 0 ? (["ours", "raw"] as const) : (["raw", "ours"] as const)) {
        const measure = await cannon(cpu, side === "ours" ? ours : raw, neighbours, 1, seconds);
        serial[side].push(measure);
        console.log(
          `neighbors c=1, ${side}: ${measure.rps.toFixed(0)} req/s p50 ${measure.p50} ms p99 ${measure.p99} ms`,
        );
      }
    }

    const others: { scenario: Scenario; sizes: number[]; byConnections: Record<number, Measure[]> }[] = [];
    for (const scenario of flags["headline-only"] ? [] : scenarios) {
      const { ok, sizes } = await probe(ours, scenario.paths);
      if (ok.length === 0) throw new Error(`${scenario.name}: no request answered 200`);
      const byConnections: Record<number, Measure[]> = {};
      for (const connections of scenario.connections) {
        await cannon(cpu, ours, ok, connections, 1);
        byConnections[connections] = [];
        for (let run = 0; run < runs; run++)
          byConnections[connections].push(await cannon(cpu, ours, ok, connections, seconds));
        const last = byConnections[connections].at(-1)!;
        console.log(`${scenario.name} c=${connections}: ${last.rps.toFixed(0)} req/s, p99 ${last.p99} ms`);
      }
      others.push({ scenario: { ...scenario, paths: ok }, sizes, byConnections });
    }

    const rps = (ms: Measure[]) => summarize(ms.map((m) => m.rps));
    const cpuText = (ms: Measure[]) => formatSummary(summarize(ms.map((m) => m.cpuUs / 1000)), 2);
    const lat = (ms: Measure[], k: "p50" | "p99") => summarize(ms.map((m) => m[k]));
    const headRows = CONNECTIONS.flatMap((c) => {
      const h = head[c]!;
      const ratio = summarize(h.ratio);
      const p99 = lat(h.ours, "p99");
      const ratioMet = ratio.median >= TARGET_RATIO ? "met" : "**not met**";
      const p99Met = c !== 100 ? "" : p99.median < TARGET_P99_MS ? "; p99 met" : "; p99 **not met**";
      return [
        [
          "ours (Express app)",
          String(c),
          ms(rps(h.ours)),
          ms(lat(h.ours, "p50")),
          ms(p99),
          cpuText(h.ours),
          formatSummary(ratio, 2),
          `ratio ${ratioMet}${p99Met}`,
        ],
        [
          "raw `node:http`",
          String(c),
          ms(rps(h.raw)),
          ms(lat(h.raw, "p50")),
          ms(lat(h.raw, "p99")),
          cpuText(h.raw),
          "",
          "",
        ],
      ];
    });
    const otherRows = others.flatMap(({ scenario, sizes, byConnections }) =>
      scenario.connections.map((c) => [
        scenario.name,
        String(c),
        ms(rps(byConnections[c]!)),
        ms(lat(byConnections[c]!, "p50")),
        ms(lat(byConnections[c]!, "p99")),
        cpuText(byConnections[c]!),
        sizeText(sizes),
      ]),
    );
    const command = `npx tsx bench/api.ts${quick ? " --quick" : ""}${flags.nodes ? ` --nodes ${size.nodes} --edges ${size.edges}` : ""}`;
    const body = [
      "### API throughput",
      "",
      machineLine(),
      "",
      `Command: \`${command}\`. Graph: ${path.basename(file)} (${ready.nodes} nodes, ${ready.edges} edges), loaded once in a child process that serves it through our Express app (as \`npm start\` builds it: request log to a file, security headers, compression, validation) on one port and through a bare \`node:http\` handler on another. The bare handler answers \`GET /api/nodes/:key/neighbors\` with the same neighbourhood function and the same JSON bytes, and nothing else (no validation, no headers beyond type and length, no log). autocannon runs in the bench process on the same 2 cores, without \`Accept-Encoding\`; ${runs} runs of ${seconds} s per row, the two servers alternating which goes first; the ratio is taken within each run. Latencies are autocannon's, in whole milliseconds; server CPU per request is the servers' process's user + system time over a run divided by the requests it answered, which depends less on what else the machine is running. Figures are median (min-max). Each connection waits for its answer before asking again, so at 100 connections the mean latency is 100 / (requests/s): a p99 under 10 ms needs well over 10 000 requests/s.`,
      "",
      `Queried nodes: ${keys.length} keys drawn uniformly at random (fixed seed) from all nodes, cycled in order; default query (depth 1, both directions, cap 500 nodes). Body sizes: median ${sizeText(probed.sizes)}.`,
      "",
      markdownTable(
        [
          "`GET /api/nodes/:key/neighbors`",
          "connections",
          "requests/s",
          "p50 ms",
          "p99 ms",
          "server CPU ms/request",
          "ours / raw requests/s",
          `targets: ratio ≥ ${TARGET_RATIO}; p99 < ${TARGET_P99_MS} ms at 100`,
        ],
        headRows,
        [1, 2, 3, 4, 5, 6],
      ),
      "",
      "Without queueing: one connection, each request sent when the previous one is answered, so latency is that of the request itself (the floor under any p99 at more connections):",
      "",
      markdownTable(
        ["1 connection", "requests/s", "p50 ms", "p99 ms", "server CPU ms/request"],
        (["ours", "raw"] as const).map((side) => [
          side === "ours" ? "ours (Express app)" : "raw `node:http`",
          ms(rps(serial[side])),
          ms(lat(serial[side], "p50")),
          ms(lat(serial[side], "p99")),
          cpuText(serial[side]),
        ]),
        [1, 2, 3, 4],
      ),
      "",
      "Other requests, our app only (no baseline); the same sampled nodes:",
      "",
      others
        .map(
          ({ scenario }) => `- ${scenario.name}: ${scenario.what}; ${scenario.paths.length} distinct requests cycled.`,
        )
        .join("\n"),
      "",
      markdownTable(
        [
          "request",
          "connections",
          "requests/s",
          "p50 ms",
          "p99 ms",
          "server CPU ms/request",
          "body size: median (p90, max)",
        ],
        otherRows,
        [1, 2, 3, 4, 5],
      ),
      "",
      `Request log written meanwhile: ${(statSync(logFile).size / 2 ** 20).toFixed(0)} MB. Connection errors and timeouts over all runs: ${failures}.`,
    ].join("\n");
    console.log(`\n${body}\n`);
    writeSection("api-throughput", body, flags.doc ? path.resolve(flags.doc) : undefined);
  } finally {
    stop();
    rmSync(logFile, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The hostile mix (issue 12): heavy requests a client may send, all at once, against a running server, while
 * `/api/health` is asked every 50 ms. Each kind runs in its own curl loop (separate processes, so reading big
 * answers does not slow this process's health timings): a new `asOf` year on every request, overviews of a new
 * size and `/api/overview/nodes` with 1,000 nodes, 3-hop neighbourhoods of the biggest hubs, searches of 12 common
 * words, and whole-graph GEXF exports and `/api/graph?asOf=`. Reports health latency, what each kind got (503s
 * are the admission limit at work), and the server's peak RSS sampled from /proc.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";

export interface HostileResult {
  health: { count: number; failed: number; p50: number; p99: number; max: number };
  statuses: Record<string, Record<string, number>>;
  peakRss: number;
  startRss: number;
  alive: boolean;
}

const COMMON = "Apex Blue Cedar Delta Echo Harbor Iron Jade Lotus Nova Orbit Pine";

/** The URLs of each kind, cycled through by its loop. */
function hostileUrls(base: string, hubs: string[], keys: string[]): Record<string, string[]> {
  const years = Array.from({ length: 201 }, (_, i) => 1900 + ((i * 37) % 201));
  const hub = (i: number) => encodeURIComponent(hubs[i % hubs.length]!);
  return {
    "asOf years": years.flatMap((year, i) => [
      `${base}/api/nodes/${hub(i)}?asOf=${year}`,
      `${base}/api/nodes/${hub(i)}/neighbors?asOf=${year}&depth=2&limit=2000`,
      `${base}/api/paths?from=${hub(i)}&to=${encodeURIComponent(keys[(i * 7) % keys.length]!)}&asOf=${year}`,
    ]),
    overviews: years.flatMap((_, i) => [
      `${base}/api/overview?limit=${1 + ((i * 997) % 5000)}`,
      `${base}/api/overview/nodes?nodes=${keys.slice(0, 1000).map(encodeURIComponent).join(",")}`,
    ]),
    "deep hubs": hubs.map((_, i) => `${base}/api/nodes/${hub(i)}/neighbors?depth=3&limit=2000`),
    searches: [`${base}/api/search?q=${encodeURIComponent(COMMON)}&limit=50`],
    exports: years.flatMap((year) => [`${base}/api/export.gexf`, `${base}/api/graph?asOf=${year}`]),
  };
}

/** Requests `urls` in turn, `parallel` loops at once, for `seconds`; resolves with the count of each status. */
function curlLoop(urls: string[], parallel: number, seconds: number): Promise<Record<string, number>> {
  const script =
    `end=$((SECONDS+${seconds})); i=0; while [ $SECONDS -lt $end ]; do ` +
    `url=$(sed -n "$((i % $(wc -l < "$0") + 1))p" "$0"); i=$((i+1)); ` +
    `curl -s -o /dev/null -m 120 -w '%{http_code}\\n' "$url"; done`;
  const file = `/tmp/hostile-urls-${process.pid}-${Math.random().toString(36).slice(2)}.txt`;
  const loops = Array.from({ length: parallel }, (_, n) => {
    const rotated = [...urls.slice((n * 13) % urls.length), ...urls.slice(0, (n * 13) % urls.length)];
    const list = `${file}.${n}`;
    return import("node:fs/promises").then(async ({ writeFile, rm }) => {
      await writeFile(list, rotated.join("\n") + "\n");
      const out = await new Promise<string>((resolve) =>
        execFile("bash", ["-c", script, list], { maxBuffer: 1 << 24 }, (_error, stdout) => resolve(stdout)),
      );
      await rm(list, { force: true });
      return out;
    });
  });
  return Promise.all(loops).then((outs) => {
    const counts: Record<string, number> = {};
    for (const code of outs.join("").split("\n").filter(Boolean)) counts[code] = (counts[code] ?? 0) + 1;
    return counts;
  });
}

/** GET /api/health every `everyMs` on one kept-alive connection, timing each answer. */
function probeHealth(base: string, everyMs: number, until: () => boolean) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let failed = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const req = http.get(`${base}/api/health`, { agent, timeout: 30_000 }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) times.push(performance.now() - start);
          else failed++;
          resolve();
        });
      });
      req.on("error", () => (failed++, resolve()));
      req.on("timeout", () => req.destroy());
    });
  const run = (async () => {
    while (!until()) {
      const started = performance.now();
      await once();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (performance.now() - started))));
    }
    agent.destroy();
  })();
  return run.then(() => {
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
    return { count: times.length, failed, p50: at(0.5), p99: at(0.99), max: Math.round(sorted.at(-1) ?? NaN) };
  });
}

const rssOf = (pid: number): number => {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return match ? Number(match[1]) * 1024 : NaN;
};

export async function hostileMix(
  base: string,
  pid: number,
  hubs: string[],
  keys: string[],
  seconds: number,
): Promise<HostileResult> {
  const urls = hostileUrls(base, hubs, keys);
  const startRss = rssOf(pid);
  let peakRss = startRss;
  let alive = true;
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, rssOf(pid));
    } catch {
      alive = false;
    }
  }, 250);
  let done = false;
  const health = probeHealth(base, 50, () => done);
  const kinds = Object.entries(urls);
  const parallel: Record<string, number> = { "asOf years": 3, overviews: 3, "deep hubs": 4, searches: 2, exports: 2 };
  const results = await Promise.all(kinds.map(([kind, list]) => curlLoop(list, parallel[kind] ?? 1, seconds)));
  done = true;
  clearInterval(sampler);
  const statuses = Object.fromEntries(kinds.map(([kind], i) => [kind, results[i]!]));
  return { health: await health, statuses, peakRss, startRss, alive };
}

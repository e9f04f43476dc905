/**
 * Starts `server/index.ts` as its own process for benchmarks, so the load generator never shares the
 * server's event loop, and reads its memory through the SIGUSR2 report.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../server/load-graph";

export interface ServerProcess {
  url: string;
  pid: number;
  /** Start-up line the server printed ("loaded FILE: N nodes, M edges in T ms"). */
  loadedLine: string;
  memory(): Promise<{ rss: number; heapUsed: number; external: number }>;
  stop(): Promise<void>;
}

export async function startServer(data?: string): Promise<ServerProcess> {
  const args = [
    "--expose-gc",
    "--import",
    "tsx",
    path.join(REPO_ROOT, "server/index.ts"),
    "--no-build",
    "--port",
    "0",
    ...(data ? ["--data", data] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  const waiters: { pattern: RegExp; from: number; resolve: (m: RegExpMatchArray) => void }[] = [];
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    output += chunk;
    for (const w of [...waiters]) {
      const match = output.slice(w.from).match(w.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(match);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const waitFor = (pattern: RegExp, from = 0) =>
    Promise.race([
      new Promise<RegExpMatchArray>((resolve) => waiters.push({ pattern, from, resolve })),
      exited.then((code) => Promise.reject(new Error(`server exited with ${code}:\n${output}`))),
    ]);

  const [, url] = await waitFor(/explorer ready at (http:\/\/\S+?)\/\n/);
  const loadedLine = output.match(/loaded .*\n/)?.[0].trim() ?? "";
  return {
    url: url!,
    pid: child.pid!,
    loadedLine,
    async memory() {
      const from = output.length;
      child.kill("SIGUSR2");
      const [, rss, heapUsed, external] = await waitFor(/memory rss=(\d+) heapUsed=(\d+) external=(\d+)/, from);
      return { rss: Number(rss), heapUsed: Number(heapUsed), external: Number(external) };
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs the server or a CLI as a real child process and collects what it prints. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../../server/load-graph";

const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

export interface Running {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output, or rejects on exit or after `ms`. */
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  /**
   * Kills the process and what it started: tsx runs the script in a child process of its own, and a SIGKILL to
   * tsx alone would leave that one running (a server holding its port after the test).
   */
  killAll: () => void;
}

export function run(script: string, args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(TSX, [path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    // Its own process group, so `killAll` reaches tsx's child too.
    detached: true,
  });
  let output = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    listeners.forEach((l) => l());
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = (pattern: RegExp, ms = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) {
          cleanup();
          resolve(match);
        }
      };
      const timer = setTimeout(
        () => (cleanup(), reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`))),
        ms,
      );
      void exited.then((code) =>
        setTimeout(
          () => (cleanup(), reject(new Error(`exited with ${code} before ${pattern}; output:\n${output}`))),
          50,
        ),
      );
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  const killAll = () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group is already gone.
    }
  };
  return { child, output: () => output, waitFor, exited, killAll };
}

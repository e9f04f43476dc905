/** One log line per request, written when the response finishes (or the client goes away). */
import type { RequestHandler } from "express";

export function requestLog(log: (line: string) => void): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const outcome = res.writableFinished ? String(res.statusCode) : `${res.statusCode} (aborted)`;
      log(`${req.method} ${req.originalUrl.slice(0, 300)} ${outcome} ${ms.toFixed(1)}ms`);
    });
    next();
  };
}

let pending: string[] = [];

function flush(): void {
  if (pending.length === 0) return;
  const text = pending.join("\n") + "\n";
  pending = [];
  process.stdout.write(text);
}

/**
 * The default log: lines to stdout, gathered over one turn of the event loop and written at once. Under
 * load that is one write call for many requests instead of one each (stdout to a file or pipe is
 * synchronous in Node); lines still pending when the process exits are written then.
 */
export function stdoutLog(line: string): void {
  if (pending.push(line) === 1) setImmediate(flush);
}

process.once("exit", flush);

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

/**
 * Typed HTTP errors and the one middleware that turns any error into RFC 9457 problem+json. Routes throw;
 * Express 5 forwards rejected handlers here. Stack traces go to the log, never to the client.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Problem } from "./contract";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: Pick<Problem, "parameter" | "allowed"> = {},
  ) {
    super(detail);
  }
}

export class ValidationError extends HttpError {
  override name = "ValidationError";
  constructor(parameter: string, detail: string, allowed?: readonly string[]) {
    super(400, "Invalid parameter", detail, { parameter, ...(allowed && { allowed: [...allowed] }) });
  }
}

export class NotFoundError extends HttpError {
  override name = "NotFoundError";
  constructor(detail: string, parameter?: string) {
    super(404, "Not found", detail, parameter ? { parameter } : {});
  }
}

const PROBLEM_TYPE = "about:blank";

export function sendProblem(res: Parameters<RequestHandler>[1], problem: Problem): void {
  res.status(problem.status).type("application/problem+json").send(JSON.stringify(problem));
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new NotFoundError(`no route for ${req.method} ${req.path}`);
};

export function problemHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      // A streamed response failed midway: all we can do is cut it off.
      log(`error after headers were sent on ${req.originalUrl}: ${String(error)}`);
      res.destroy();
      return;
    }
    void next;
    const instance = req.originalUrl.slice(0, 500);
    if (error instanceof HttpError) {
      sendProblem(res, {
        type: PROBLEM_TYPE,
        title: error.title,
        status: error.status,
        detail: error.message,
        instance,
        ...error.extra,
      });
      return;
    }
    // Errors raised by Express itself (a malformed %-escape in the path, say) carry a 4xx status.
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      sendProblem(res, {
        type: PROBLEM_TYPE,
        title: "Bad request",
        status,
        detail: (error as Error).message,
        instance,
      });
      return;
    }
    log(`internal error on ${req.method} ${instance}: ${(error as Error)?.stack ?? String(error)}`);
    sendProblem(res, {
      type: PROBLEM_TYPE,
      title: "Internal server error",
      status: 500,
      detail: "The server failed to answer this request.",
      instance,
    });
  };
}

/**
 * Serves the client's scripts and stylesheets from the `.br` / `.gz` files the build wrote beside them, when
 * the browser accepts that encoding: the bundle is compressed once at build time, at the strongest setting,
 * instead of on every page load. Anything else falls through to express.static unchanged.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Browser encodings we have files for, best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

export function precompressedAssets(clientDir: string): RequestHandler {
  const root = path.resolve(clientDir);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const contentType = CONTENT_TYPES[path.extname(req.path)];
    if (!contentType) return next();
    const file = path.join(root, path.normalize(req.path));
    if (!file.startsWith(root + path.sep)) return next();
    res.vary("Accept-Encoding");
    const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name && existsSync(file + e.suffix));
    if (!encoding) return next();
    // express.static serves the compressed file; it keeps a Content-Type that is already set.
    res.setHeader("Content-Type", contentType);
    res.setHeader("Content-Encoding", encoding.name);
    req.url = req.url.replace(/(\?|$)/, `${encoding.suffix}$1`);
    next();
  };
}

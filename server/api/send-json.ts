/**
 * Sends a JSON body the short way for the hot read routes (neighbourhoods, paths, search): one
 * JSON.stringify, Content-Type and Content-Length, and the string handed to Node, which writes it together
 * with the headers. Express's res.json would also copy the body into a Buffer and hash all of it for a weak
 * ETag, on every request; these answers are recomputed on a revalidation anyway, so that ETag saved only
 * bandwidth, for CPU on every request (megabytes of SHA-1 on a hub's neighbourhood).
 */
import type { Response } from "express";

export function sendJson(res: Response, body: unknown): void {
  const text = JSON.stringify(body);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}

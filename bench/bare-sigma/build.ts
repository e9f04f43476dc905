/**
 * Builds the bare sigma page (index.html + main.ts here) with Vite's JS API into a temporary folder, and
 * serves that folder under a URL prefix, so bench/page-fps.ts can put it on the same origin as the API.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
};

export interface BarePage {
  /** Answers requests under `prefix` from the build; false when the URL is not under it. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  remove(): Promise<void>;
}

/** Builds the page for serving under `prefix` (e.g. "/bare/"). */
export async function buildBarePage(prefix: string): Promise<BarePage> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), "bare-sigma-"));
  const { build } = await import("vite");
  await build({
    configFile: false,
    root: here,
    base: prefix,
    logLevel: "warn",
    mode: "production",
    build: { outDir, emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1000 },
  });
  return {
    serve(req, res) {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (!url.pathname.startsWith(prefix)) return false;
      const relative = url.pathname.slice(prefix.length) || "index.html";
      const file = path.join(outDir, path.normalize(relative));
      if (!file.startsWith(outDir + path.sep)) {
        res.writeHead(404).end();
        return true;
      }
      readFile(file).then(
        (body) =>
          res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body),
        () => res.writeHead(404).end(),
      );
      return true;
    },
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}

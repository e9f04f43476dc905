/**
 * Builds the explorer page (Vite) when client/dist/index.html is missing or older than any client source,
 * vite.config.ts or the shared vocabulary, so `npm start` always serves a current bundle.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const clientDir = join(root, "client");
const distIndex = join(clientDir, "dist", "index.html");

/** Newest modification time (ms) of the files under `dir`, skipping build output and dependencies. */
async function newestUnder(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? await newestUnder(path) : (await stat(path)).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

const mtime = async (path: string): Promise<number> => {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
};

/** The reason a build is needed, or null when client/dist is current. */
export async function clientBuildReason(): Promise<string | null> {
  const built = await mtime(distIndex);
  if (built === 0) return "client/dist/index.html is missing";
  const sources = Math.max(
    await newestUnder(clientDir),
    await mtime(join(root, "vite.config.ts")),
    await mtime(join(root, "server", "domain", "vocabulary.ts")),
  );
  return sources > built ? "client sources changed since the last build" : null;
}

/** Runs the Vite build (programmatically) when the bundle is missing or stale. */
export async function ensureClientBuild(log: (message: string) => void): Promise<void> {
  const reason = await clientBuildReason();
  if (reason === null) return;
  log(`Building the explorer page (${reason})…`);
  const started = Date.now();
  const { build } = await import("vite");
  await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn", mode: "production" });
  log(`Built the explorer page in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

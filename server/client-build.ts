/**
 * Builds the explorer page (Vite) when client/dist/index.html is missing or older than any client source,
 * vite.config.ts or the shared vocabulary, so `npm start` always serves a current bundle.
 */
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const clientDir = join(root, "client");
const defaultOutDir = join(clientDir, "dist");

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

export interface ClientBuildOptions {
  /** Where the bundle goes; client/dist unless a test builds elsewhere. */
  outDir?: string;
}

/** The reason a build is needed, or null when the bundle in `outDir` is current. */
export async function clientBuildReason({ outDir = defaultOutDir }: ClientBuildOptions = {}): Promise<string | null> {
  const built = await mtime(join(outDir, "index.html"));
  if (built === 0) return "client/dist/index.html is missing";
  const sources = Math.max(
    await newestUnder(clientDir),
    await mtime(join(root, "vite.config.ts")),
    await mtime(join(root, "server", "domain", "vocabulary.ts")),
  );
  return sources > built ? "client sources changed since the last build" : null;
}

const LOCK = join(clientDir, ".build-lock");
const STALE_LOCK_MS = 120_000;

/**
 * Holds a lock directory (mkdir is atomic) while building, so two processes starting at once (parallel test
 * files, two servers) do not empty client/dist under each other. A lock older than two minutes is abandoned.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - (await mtime(LOCK)) > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** Runs the Vite build (programmatically) when the bundle is missing or stale. */
export async function ensureClientBuild(
  log: (message: string) => void,
  options: ClientBuildOptions = {},
): Promise<void> {
  const outDir = options.outDir ?? defaultOutDir;
  if ((await clientBuildReason({ outDir })) === null) return;
  await withBuildLock(async () => {
    // Another process may have built it while this one waited for the lock.
    const reason = await clientBuildReason({ outDir });
    if (reason === null) return;
    log(`Building the explorer page (${reason})…`);
    const started = Date.now();
    const { build } = await import("vite");
    await build({
      configFile: join(root, "vite.config.ts"),
      logLevel: "warn",
      mode: "production",
      build: { outDir, emptyOutDir: true },
    });
    log(`Built the explorer page in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  });
}

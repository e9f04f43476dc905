/**
 * Vite builds the explorer page from client/ into client/dist, which the Express app serves at `/`.
 * `vite` (npm run dev) serves it with hot reload on :5173 and proxies /api to the API on :3000.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Writes `.br` and `.gz` beside every script and stylesheet, compressed once at the strongest settings, so the
 * server sends them as they are instead of compressing the bundle again on every page load.
 */
function precompressAssets(): Plugin {
  return {
    name: "kg-precompress-assets",
    apply: "build",
    writeBundle(options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!/\.(js|css)$/.test(fileName)) continue;
        const source = output.type === "chunk" ? Buffer.from(output.code) : Buffer.from(output.source);
        const file = join(options.dir ?? here("./client/dist"), fileName);
        writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [precompressAssets()],
  root: here("./client"),
  base: "/",
  publicDir: false,
  build: {
    outDir: here("./client/dist"),
    emptyOutDir: true,
    target: "es2022",
    // Written for bench/cpu-profile.ts to read from disk, never named in the bundles nor served (app.ts).
    sourcemap: "hidden",
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: process.env.API_URL ?? "http://localhost:3000", changeOrigin: true } },
    fs: { allow: [here(".")] },
  },
  preview: {
    port: 4173,
    proxy: { "/api": { target: process.env.API_URL ?? "http://localhost:3000", changeOrigin: true } },
  },
});

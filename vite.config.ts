/**
 * Vite builds the explorer page from client/ into client/dist, which the Express app serves at `/`.
 * `vite` (npm run dev) serves it with hot reload on :5173 and proxies /api to the API on :3000.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("./client"),
  base: "/",
  publicDir: false,
  build: {
    outDir: here("./client/dist"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
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

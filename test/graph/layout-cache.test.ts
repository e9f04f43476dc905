import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { layoutCacheFile } from "../../server/graph/layout-cache";
import { loadGraph } from "../../server/load-graph";

const positions = (g: Awaited<ReturnType<typeof loadGraph>>["graph"]) =>
  g.mapNodes((key, a) => [key, a.x, a.y, a.size]);
const tempDir = () => mkdtempSync(path.join(tmpdir(), "kg-layout-"));

describe("the layout cache", () => {
  it("computes the layout once, then reuses the very same positions", async () => {
    const dir = tempDir();
    const first = await loadGraph(undefined, { layoutCacheDir: dir });
    expect(first.layout).toEqual({ cached: false });
    expect(readdirSync(dir)).toHaveLength(1);
    const second = await loadGraph(undefined, { layoutCacheDir: dir });
    expect(second.layout).toEqual({ cached: true });
    expect(positions(second.graph)).toEqual(positions(first.graph));
    const uncached = await loadGraph(undefined, { layoutCacheDir: false });
    expect(positions(uncached.graph)).toEqual(positions(first.graph));
  });

  it("ignores a cache file that does not fit the graph, and rewrites it", async () => {
    const dir = tempDir();
    const first = await loadGraph(undefined, { layoutCacheDir: dir });
    const file = path.join(dir, readdirSync(dir)[0]!);
    writeFileSync(file, new Uint8Array(24));
    const again = await loadGraph(undefined, { layoutCacheDir: dir });
    expect(again.layout.cached).toBe(false);
    expect(positions(again.graph)).toEqual(positions(first.graph));
    expect((await loadGraph(undefined, { layoutCacheDir: dir })).layout.cached).toBe(true);
  });

  it("still starts when the cache cannot be written, and says why", async () => {
    // A folder inside a plain file cannot be made, even by root.
    const notAFolder = path.join(tempDir(), "file");
    writeFileSync(notAFolder, "x");
    const loaded = await loadGraph(undefined, { layoutCacheDir: path.join(notAFolder, "cache") });
    expect(loaded.layout.cacheError).toMatch(/ENOTDIR|EEXIST/);
    expect(loaded.graph.order).toBe(57);
  });

  it("keys the file by dataset content", () => {
    expect(layoutCacheFile("/c", "a".repeat(64))).not.toBe(layoutCacheFile("/c", "b".repeat(64)));
    expect(layoutCacheFile("/c", "a".repeat(64))).toBe(layoutCacheFile("/c", "a".repeat(64)));
  });
});

/** The start-up build: skipped when the bundle is current, rebuilt when a client source is newer, once. */
import { mkdtemp, readFile, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientBuildReason, ensureClientBuild } from "../../server/client-build";

describe("ensureClientBuild", () => {
  // A private output folder, so the e2e servers running alongside keep serving client/dist untouched.
  let outDir = "";
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("builds when missing or stale, once even when two callers race, and then leaves it alone", async () => {
    outDir = await mkdtemp(join(tmpdir(), "kg-client-build-"));
    expect(await clientBuildReason({ outDir })).toBe("client/dist/index.html is missing");
    const logs: string[] = [];
    await Promise.all([
      ensureClientBuild((m) => logs.push(m), { outDir }),
      ensureClientBuild((m) => logs.push(m), { outDir }),
    ]);
    expect(logs.filter((m) => m.startsWith("Building")).length).toBe(1);
    expect(await clientBuildReason({ outDir })).toBeNull();
    const html = await readFile(join(outDir, "index.html"), "utf8");
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
    // Source maps are written for profiling from disk, but the bundle must not point browsers at them.
    const bundle = html.match(/src="\/(assets\/index-[\w-]+\.js)"/)![1]!;
    expect(await readFile(join(outDir, bundle), "utf8")).not.toContain("sourceMappingURL");

    const old = new Date("2001-01-01T00:00:00Z");
    await utimes(join(outDir, "index.html"), old, old);
    expect(await clientBuildReason({ outDir })).toBe("client sources changed since the last build");
    await ensureClientBuild(() => {}, { outDir });
    const quiet: string[] = [];
    await ensureClientBuild((m) => quiet.push(m), { outDir });
    expect(quiet).toEqual([]);
  }, 120_000);
});

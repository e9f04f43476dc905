/**
 * Summarises a V8 CPU profile (Chrome DevTools protocol `Profiler.stop`) as a table of self time per function,
 * positions in bundles mapped back to their sources through the bundles' source maps when they can be read.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import { markdownTable } from "./report";

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a bundle's source map is, for URLs served from `distDir`; null when there is none. */
function mapFor(url: string, distDir: string, maps: Map<string, SourceMapConsumer | null>): SourceMapConsumer | null {
  if (maps.has(url)) return maps.get(url)!;
  let consumer: SourceMapConsumer | null = null;
  try {
    const file = path.join(distDir, new URL(url).pathname);
    if (file.startsWith(distDir) && existsSync(`${file}.map`)) {
      consumer = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, "utf8")) as RawSourceMap);
    }
  } catch {
    consumer = null;
  }
  maps.set(url, consumer);
  return consumer;
}

/** The `top` functions by self time, with their share of the profile; `distDir` holds the served bundles. */
export function summarizeProfile(profile: CpuProfile, distDir: string, top = 12): string {
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
  const maps = new Map<string, SourceMapConsumer | null>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const time = selfTime.get(node.id) ?? 0;
    if (time === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let name = functionName || "(anonymous)";
    let where = url ? path.basename(new URL(url).pathname) : "";
    const map = url ? mapFor(url, distDir, maps) : null;
    if (map) {
      // CDP lines are 0-based, source maps' 1-based; columns are 0-based in both.
      const original = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      if (original.source) {
        where = `${original.source.replace(/^(\.\.\/)+/, "").replace(/^node_modules\//, "")}:${original.line}`;
        if (original.name) name = original.name;
      }
    }
    const key = where ? `${name} (${where})` : name;
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  }
  const rows = [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, time]) => [
      key.replace(/\|/g, "\\|"),
      (time / 1000).toFixed(0),
      `${((100 * time) / total).toFixed(1)} %`,
    ]);
  return markdownTable(["function (source)", "self time, ms", "share"], rows, [1, 2]);
}

/**
 * What every benchmark shares: summary statistics, a line describing the machine, and writing a section
 * of a Markdown document between `<!-- NAME:start -->` and `<!-- NAME:end -->` markers, so each
 * benchmark can be re-run on its own without touching the others' figures.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../server/load-graph";

export { REPO_ROOT };
export const PERFORMANCE_DOC = path.join(REPO_ROOT, "docs", "performance.md");

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: number[]): Summary {
  if (values.length === 0) throw new Error("summarize: no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** "1 234 (1 100-1 400)": a median with its range, rounded to `digits`. */
export function formatSummary(summary: Summary, digits = 0): string {
  const f = (n: number) => n.toFixed(digits);
  return `${f(summary.median)} (${f(summary.min)}-${f(summary.max)})`;
}

/** One line naming the machine, Node and the load average, for the head of every table. */
export function machineLine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  return (
    `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Node ${process.version}, load average ${load} (1/5/15 min) when written, ${new Date().toISOString().slice(0, 10)}`
  );
}

/** A Markdown table from a header row and body rows; cells are written as given. */
export function markdownTable(header: string[], rows: string[][], rightAligned: number[] = []): string {
  const align = header.map((_h, i) => (rightAligned.includes(i) ? "---:" : "---"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Replaces the section NAME of `file` (default docs/performance.md), or appends it. */
export function writeSection(name: string, body: string, file = PERFORMANCE_DOC): void {
  const open = `<!-- ${name}:start -->`;
  const close = `<!-- ${name}:end -->`;
  const doc = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  const block = `${open}\n\n${body.trim()}\n\n${close}`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close, start);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + block + doc.slice(end + close.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
  console.log(`wrote section ${name} of ${path.relative(REPO_ROOT, file)}`);
}

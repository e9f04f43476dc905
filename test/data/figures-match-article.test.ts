/**
 * Faithfulness: every figure stated as such must appear, as a number, in a paragraph it cites. Reads the
 * seed article from ../shared when it is there (always in CI); elsewhere it skips and says why.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Figure } from "../../server/domain/dataset-schema";
import { edgeKey } from "../../server/domain/edge-key";
import { REPO_ROOT } from "../../server/load-graph";
import { embeddedDataset } from "../_fixtures";

const SEED = path.resolve(REPO_ROOT, "../shared/seeds/000_d3758846bb90bdbc.txt");
const haveSeed = existsSync(SEED);
if (!haveSeed) {
  if (process.env.CI) throw new Error(`the seed article is missing at ${SEED}; CI must check the figures against it`);
  console.warn(`skipping figure faithfulness checks: ${SEED} not found`);
}

const WORDS: Record<number, string> = { 3: "three" };

/** The ways a number is written in the article: 7.047e9 as "7.047", 1e12 as "1t", 3 as "three". */
function spellings(value: number): string[] {
  const magnitude = Math.abs(value);
  const scaled =
    magnitude >= 1e12
      ? `${magnitude / 1e12}t`
      : magnitude >= 1e9
        ? `${magnitude / 1e9}`
        : magnitude >= 1e6
          ? `${magnitude / 1e6}`
          : `${magnitude}`;
  return [scaled, ...(WORDS[magnitude] ? [WORDS[magnitude]] : [])];
}

describe.skipIf(!haveSeed)("stated figures against the article's text", () => {
  const paragraphs = haveSeed
    ? readFileSync(SEED, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
    : [];
  const dataset = embeddedDataset();
  const figures: [string, Figure][] = [
    ...dataset.nodes.flatMap((n) => (n.figures ?? []).map((f): [string, Figure] => [n.id, f])),
    ...dataset.edges.flatMap((e) => (e.figures ?? []).map((f): [string, Figure] => [edgeKey(e), f])),
  ];
  const cases = figures.flatMap(([record, figure]) =>
    figure.points
      .filter((p) => p.basis === "stated")
      .flatMap((p) =>
        [p.value, p.min, p.max]
          .filter((v): v is number => v !== undefined)
          .map((v) => ({ record, key: figure.key, value: v, sources: p.sources })),
      ),
  );

  it("has the article's 50 paragraphs", () => {
    expect(paragraphs).toHaveLength(50);
    expect(dataset.documents[0]!.paragraphs).toBe(50);
  });

  it.each(cases)("$record $key $value appears in a cited paragraph", ({ value, sources }) => {
    const cited = sources.map((s) => paragraphs[s.paragraph - 1]!.toLowerCase().replace(/,/g, ""));
    expect(spellings(value).some((spelling) => cited.some((text) => text.includes(spelling)))).toBe(true);
  });
});

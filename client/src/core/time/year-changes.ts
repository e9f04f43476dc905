/**
 * What moving to a year changes: the entities and relations that come in that year and those that are gone
 * since the year before (by the same rule as the graph shown), and how many shown have no date at all. Undated
 * ones are on the page in every year because the article gives no reason to drop them, not because they are known
 * to hold then: the page draws them pale and counts them apart.
 */
import type { TimeSpan } from "../../../../server/domain/dataset-schema";
import type { ClientGraph } from "../graph/load";
import { t } from "../i18n";
import { inSpan } from "./as-of";

export interface Tally {
  entities: number;
  relations: number;
}

export interface YearChanges {
  year: number;
  /** There in `year`, not the year before. */
  added: Tally;
  /** There the year before, not in `year`. */
  ended: Tally;
  /** There because nothing dates them. */
  undated: Tally;
}

export const isUndated = (time: TimeSpan | undefined): boolean =>
  time === undefined || (time.start === undefined && time.end === undefined);

export function yearChanges(graph: ClientGraph, year: number): YearChanges {
  const changes: YearChanges = {
    year,
    added: { entities: 0, relations: 0 },
    ended: { entities: 0, relations: 0 },
    undated: { entities: 0, relations: 0 },
  };
  const count = (time: TimeSpan | undefined, kind: keyof Tally) => {
    if (isUndated(time)) return void changes.undated[kind]++;
    const now = inSpan(time, year);
    const before = inSpan(time, year - 1);
    if (now && !before) changes.added[kind]++;
    if (before && !now) changes.ended[kind]++;
  };
  graph.forEachNode((_, attributes) => count(attributes.time, "entities"));
  graph.forEachEdge((_, attributes) => count(attributes.time, "relations"));
  return changes;
}

/** "1 entity, 3 relations" in the interface language; empty when both are 0. */
export function formatTally(tally: Tally): string {
  return t("yearChange.tally", tally);
}

/**
 * The timeline's line for a year: "2020: 1 entity, 3 relations added · 1 relation ended · 20 entities undated,
 * drawn pale", "2015: no change from 2014 · …"; `last` marks the last dated year, which "All" goes beyond.
 */
export function describeYear(changes: YearChanges, last = false): string {
  const added = formatTally(changes.added);
  const ended = formatTally(changes.ended);
  const undated = formatTally(changes.undated);
  const parts = [added && t("yearChange.added", { tally: added }), ended && t("yearChange.ended", { tally: ended })];
  if (!added && !ended) parts.push(t("yearChange.none", { previous: changes.year - 1 }));
  if (undated) parts.push(t("yearChange.undated", { tally: undated }));
  if (last) parts.push(t("yearChange.last"));
  return t("yearChange.line", { year: changes.year, parts: parts.filter(Boolean).join(" · ") });
}

/**
 * What moving to a year changes: the entities and relations that come in that year and those that are gone
 * since the year before (by the same rule as the graph shown), and how many shown have no date at all. Undated
 * ones are on the page in every year because the article gives no reason to drop them, not because they are known
 * to hold then: the page draws them pale and counts them apart.
 */
import type { TimeSpan } from "../../../../server/domain/dataset-schema";
import type { ClientGraph } from "../graph/load";
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 entity, 3 relations"; empty when both are 0. */
export function formatTally(tally: Tally): string {
  return [
    tally.entities ? plural(tally.entities, "entity", "entities") : "",
    tally.relations ? plural(tally.relations, "relation", "relations") : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * The timeline's line for a year: "2020: 1 entity, 3 relations added · 1 relation ended · 20 entities undated,
 * drawn pale", "2015: no change from 2014 · …"; `last` marks the last dated year, which "All" goes beyond.
 */
export function describeYear(changes: YearChanges, last = false): string {
  const added = formatTally(changes.added);
  const ended = formatTally(changes.ended);
  const undated = formatTally(changes.undated);
  const parts = [added && `${added} added`, ended && `${ended} ended`];
  if (!added && !ended) parts.push(`no change from ${changes.year - 1}`);
  if (undated) parts.push(`${undated} undated, drawn pale`);
  if (last) parts.push("the last dated year");
  return `${changes.year}: ${parts.filter(Boolean).join(" · ")}`;
}

/**
 * The graph as of a year, on the client: the server's own rule (`inSpan` from server/graph/as-of.ts, so the two
 * cannot drift) decides which entities and relations are shown; figure points are placed relative to the year
 * (current, earlier, later, undated) so the sidebar can show every year with the current one marked.
 */
import type { FigurePoint, TimeSpan } from "../../../../server/domain/dataset-schema";
import { inSpan } from "../../../../server/graph/as-of";
import { t } from "../i18n";

export { inSpan };

/** The years `?asOf=` accepts (server/api/request-schemas.ts). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

export const isYear = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX;

/** Whether something with this time span is there in `year`; everything is there when no year is chosen. */
export const shownIn = (time: TimeSpan | undefined, year: number | null): boolean =>
  year === null || inSpan(time, year);

export const POINT_TIMES = ["current", "earlier", "later", "undated", "any"] as const;
/** Where a figure point stands relative to the chosen year; "any" when no year is chosen. */
export type PointTime = (typeof POINT_TIMES)[number];

export function pointTime(point: Pick<FigurePoint, "year">, year: number | null): PointTime {
  if (point.year === undefined) return "undated";
  if (year === null) return "any";
  return point.year === year ? "current" : point.year < year ? "earlier" : "later";
}

/** A span in words, in the interface language: "2020", "2013–2021", "since 2020", "until 2019". */
export function formatSpan(time: Pick<TimeSpan, "start" | "end">): string {
  if (time.start !== undefined && time.end !== undefined)
    return time.start === time.end ? `${time.start}` : t("time.span", { start: time.start, end: time.end });
  if (time.start !== undefined) return t("time.since", { year: time.start });
  return time.end !== undefined ? t("time.until", { year: time.end }) : "";
}

/** Why something is not there in `year`: "from 2020" or "until 2019". */
export function absentBecause(time: Pick<TimeSpan, "start" | "end">, year: number): string {
  if (time.start !== undefined && year < time.start) return t("time.from", { year: time.start });
  return time.end !== undefined ? t("time.until", { year: time.end }) : "";
}

/** The year playback moves to after `year` within `range`; null at the end. "All years" starts at the start. */
export function nextYear(year: number | null, range: { start: number; end: number }): number | null {
  if (year === null || year < range.start) return range.start;
  return year >= range.end ? null : year + 1;
}

/** The year an event moves the slider to: its start, else its end. */
export const eventYear = (event: Pick<TimeSpan, "start" | "end">): number | null => event.start ?? event.end ?? null;

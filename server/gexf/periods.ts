/**
 * When a figure point holds, as GEXF dates: its year, narrowed by a calendar period ("Q4" is October to
 * December, "April" is that month, "year end" is 31 December). Other periods ("early days", "listing price")
 * name what the value is rather than when, so they stay in the column's name.
 */
import type { Figure } from "../domain/dataset-schema";

type Point = Figure["points"][number];

/** Inclusive dates `YYYY-MM-DD`; start === end for a single day. */
export interface DateSpan {
  start: string;
  end: string;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const months = (year: number, first: number, last: number): DateSpan => ({
  start: `${pad(year, 4)}-${pad(first)}-01`,
  end: `${pad(year, 4)}-${pad(last)}-${pad(lastDay(year, last))}`,
});

/** The months a calendar period covers, or undefined when the period is not one. */
function calendarMonths(period: string): [number, number] | "year end" | undefined {
  const p = period.trim().toLowerCase();
  const quarter = /^q([1-4])$/.exec(p);
  if (quarter) return [Number(quarter[1]) * 3 - 2, Number(quarter[1]) * 3];
  const half = /^h([12])$/.exec(p);
  if (half) return half[1] === "1" ? [1, 6] : [7, 12];
  const month = MONTHS.indexOf(p) + 1;
  if (month > 0) return [month, month];
  if (p === "year end" || p === "end of year") return "year end";
  return undefined;
}

/** Whether `period` is a part of the calendar year (and so becomes dates rather than a column name). */
export const isCalendarPeriod = (period: string | undefined): boolean =>
  period !== undefined && calendarMonths(period) !== undefined;

/** A year GEXF dates can spell (YYYY), or undefined. */
export const validYear = (year: unknown): number | undefined =>
  typeof year === "number" && Number.isInteger(year) && year >= 0 && year <= 9999 ? year : undefined;

/** The dates a point holds for, or undefined for an undated point (which holds throughout). */
export function pointSpan(point: Pick<Point, "year" | "period">): DateSpan | undefined {
  const year = validYear(point.year);
  if (year === undefined) return undefined;
  const covered = point.period === undefined ? undefined : calendarMonths(point.period);
  if (covered === "year end") return { start: `${pad(year, 4)}-12-31`, end: `${pad(year, 4)}-12-31` };
  return covered ? months(year, covered[0], covered[1]) : months(year, 1, 12);
}

/**
 * Figures in the sidebar: one line per single value, a small table plus a sparkline for a series by year.
 * Implied and derived values are marked and carry their note; every value cites its paragraphs. With a year
 * chosen on the timeline every point is still listed: that year's point is marked current, later points are
 * greyed, and points without a year read "undated" (never given a guessed year).
 */
import type { DocumentRecord, Figure, FigurePoint } from "../../../server/domain/dataset-schema";
import type { Basis } from "../../../server/domain/vocabulary";
import { formatPointValue, formatWhen, isSeries, plotValue, sortedPoints } from "../core/format/figures";
import { formatCitations } from "../core/format/sources";
import { t } from "../core/i18n";
import { pointTime, type PointTime } from "../core/time/as-of";
import { el, svg } from "./dom";

/** "implied" / "derived" badge, with the note as its explanation; nothing for stated facts. */
export function basisBadge(basis: Basis, note?: string): HTMLElement | null {
  if (basis === "stated") return null;
  return el("span", {
    class: `badge badge-${basis}`,
    text: t(`basis.${basis}`),
    // The note is the dataset's own English.
    attrs: note ? { title: note, lang: "en" } : { title: t(`basis.${basis}Title`) },
  });
}

function pointNote(point: FigurePoint): HTMLElement | null {
  return point.note ? el("div", { class: "figure-note", text: point.note, attrs: { lang: "en" } }) : null;
}

function citation(point: FigurePoint, documents: readonly DocumentRecord[]): HTMLElement {
  return el("span", { class: "cite", text: formatCitations(point.sources, documents), attrs: { lang: "en" } });
}

/** "2019", "early days · undated", "undated". */
const whenText = (point: FigurePoint): string =>
  point.year === undefined ? [point.period, t("figure.undated")].filter(Boolean).join(" · ") : formatWhen(point);

/** The same as elements; in a table a period without a year gets "undated" on a line of its own. */
const whenCell = (point: FigurePoint, inTable: boolean): (string | HTMLElement)[] =>
  point.year === undefined
    ? [
        point.period ? el("span", { text: point.period, attrs: { lang: "en" } }) : "",
        el("span", { class: "undated", text: `${point.period && !inTable ? " · " : ""}${t("figure.undated")}` }),
      ]
    : point.period
      ? [`${point.year} `, el("span", { text: point.period, attrs: { lang: "en" } })]
      : [formatWhen(point)];

/** Classes and attributes that place a point relative to the chosen year. */
function timeAttrs(time: PointTime, year: number | null): { class: string; attrs: Record<string, string | undefined> } {
  return {
    class: `point-${time}`,
    attrs: {
      "data-time": time,
      "aria-current": time === "current" ? "date" : undefined,
      title: time === "later" && year !== null ? t("figure.after", { year }) : undefined,
    },
  };
}

/** "now" beside the chosen year's value; a hidden "(after 2019)" for screen readers on later ones. */
function timeMark(time: PointTime, year: number | null): HTMLElement | null {
  if (time === "current") return el("span", { class: "now-mark", text: t("figure.now") });
  if (time === "later" && year !== null)
    return el("span", { class: "visually-hidden", text: t("figure.afterHidden", { year }) });
  return null;
}

function singleFigure(figure: Figure, documents: readonly DocumentRecord[], year: number | null): HTMLElement {
  return el("div", { class: "figure" }, [
    el("div", { class: "figure-label", text: figure.label, attrs: { lang: "en" } }),
    ...figure.points.map((point) => {
      const time = pointTime(point, year);
      const placed = timeAttrs(time, year);
      return el("div", { class: `figure-point ${placed.class}`, attrs: placed.attrs }, [
        el("span", { class: "figure-value", text: formatPointValue(point, figure.unit) }),
        el("span", { class: "figure-when" }, whenCell(point, false)),
        timeMark(time, year),
        basisBadge(point.basis, point.note),
        citation(point, documents),
        pointNote(point),
      ]);
    }),
  ]);
}

/**
 * A sparkline of the points that have a year; bounds are drawn hollow. With a year chosen, a vertical line
 * marks it and later points are greyed.
 */
export function sparkline(
  points: FigurePoint[],
  year: number | null = null,
  width = 120,
  height = 32,
): SVGSVGElement | null {
  const plotted = points
    .map((point) => ({ point, year: point.year, value: plotValue(point) }))
    .filter(
      (p): p is { point: FigurePoint; year: number; value: number } => p.year !== undefined && p.value !== undefined,
    );
  if (plotted.length < 2) return null;
  const years = plotted.map((p) => p.year);
  const values = plotted.map((p) => p.value);
  const [minYear, maxYear] = [Math.min(...years), Math.max(...years)];
  const [minValue, maxValue] = [Math.min(...values, 0), Math.max(...values, 0)];
  const pad = 4;
  const x = (year: number) => pad + ((year - minYear) / Math.max(maxYear - minYear, 1)) * (width - 2 * pad);
  const y = (value: number) =>
    height - pad - ((value - minValue) / Math.max(maxValue - minValue, 1e-9)) * (height - 2 * pad);
  const line = plotted
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(" ");
  return svg(
    "svg",
    { class: "sparkline", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-hidden": "true" },
    [
      svg("line", { x1: pad, x2: width - pad, y1: y(0), y2: y(0), class: "sparkline-zero" }),
      ...(year !== null && year >= minYear && year <= maxYear
        ? [svg("line", { x1: x(year), x2: x(year), y1: 1, y2: height - 1, class: "sparkline-now" })]
        : []),
      svg("path", { d: line, class: "sparkline-line" }),
      ...plotted.map((p) =>
        svg("circle", {
          cx: x(p.year),
          cy: y(p.value),
          r: year === p.year ? 3.5 : 2.5,
          class: `${p.point.value === undefined ? "sparkline-bound" : "sparkline-point"}${
            year !== null && p.year > year ? " sparkline-later" : ""
          }`,
        }),
      ),
    ],
  );
}

function seriesFigure(figure: Figure, documents: readonly DocumentRecord[], year: number | null): HTMLElement {
  const points = sortedPoints(figure);
  const rows = points.map((point) => {
    const time = pointTime(point, year);
    const placed = timeAttrs(time, year);
    return el("tr", { class: placed.class, attrs: placed.attrs }, [
      el("th", { attrs: { scope: "row" } }, [...whenCell(point, true), timeMark(time, year)]),
      el("td", { class: "figure-value" }, [
        formatPointValue(point, figure.unit),
        " ",
        basisBadge(point.basis, point.note),
      ]),
      el("td", { class: "cite", text: formatCitations(point.sources, documents), attrs: { lang: "en" } }),
    ]);
  });
  const notes = points
    .filter((p) => p.note)
    .map((p) =>
      el("div", { class: "figure-note" }, [`${whenText(p)}: `, el("span", { text: p.note, attrs: { lang: "en" } })]),
    );
  return el("div", { class: "figure figure-series" }, [
    el("div", { class: "figure-head" }, [
      el("div", { class: "figure-label", text: figure.label, attrs: { lang: "en" } }),
      sparkline(points, year) ?? "",
    ]),
    el("table", { class: "series-table" }, [
      el("caption", { class: "visually-hidden" }, [
        el("span", { text: figure.label, attrs: { lang: "en" } }),
        t("figure.byYear"),
      ]),
      el("tbody", {}, rows),
    ]),
    ...notes,
  ]);
}

/** The figures block; `year` marks that year's points current and greys later ones (null: all years). */
export function renderFigures(
  figures: readonly Figure[],
  documents: readonly DocumentRecord[],
  year: number | null = null,
): HTMLElement | null {
  if (figures.length === 0) return null;
  return el(
    "div",
    { class: "figures" },
    figures.map((figure) =>
      isSeries(figure) ? seriesFigure(figure, documents, year) : singleFigure(figure, documents, year),
    ),
  );
}

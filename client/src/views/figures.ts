/**
 * Figures in the sidebar: one line per single value, a small table plus a sparkline for a series by year.
 * Implied and derived values are marked and carry their note; every value cites its paragraphs.
 */
import type { DocumentRecord, Figure, FigurePoint } from "../../../server/domain/dataset-schema";
import type { Basis } from "../../../server/domain/vocabulary";
import {
  formatFigureLine,
  formatPointValue,
  formatWhen,
  isSeries,
  plotValue,
  sortedPoints,
} from "../core/format/figures";
import { formatCitations } from "../core/format/sources";
import { el, svg } from "./dom";

/** "implied" / "derived" badge, with the note as its explanation; nothing for stated facts. */
export function basisBadge(basis: Basis, note?: string): HTMLElement | null {
  if (basis === "stated") return null;
  return el("span", {
    class: `badge badge-${basis}`,
    text: basis,
    attrs: { title: note ?? `${basis}, not stated outright` },
  });
}

function pointNote(point: FigurePoint): HTMLElement | null {
  return point.note ? el("div", { class: "figure-note", text: point.note }) : null;
}

function citation(point: FigurePoint, documents: readonly DocumentRecord[]): HTMLElement {
  return el("span", { class: "cite", text: formatCitations(point.sources, documents) });
}

function singleFigure(figure: Figure, documents: readonly DocumentRecord[]): HTMLElement {
  return el("div", { class: "figure", attrs: { title: `${figure.label}: ${formatFigureLine(figure)}` } }, [
    el("div", { class: "figure-label", text: figure.label }),
    ...figure.points.map((point) => {
      const when = formatWhen(point);
      return el("div", { class: "figure-point" }, [
        el("span", { class: "figure-value", text: formatPointValue(point, figure.unit) }),
        when ? el("span", { class: "figure-when", text: when }) : null,
        basisBadge(point.basis, point.note),
        citation(point, documents),
        pointNote(point),
      ]);
    }),
  ]);
}

/** A sparkline of the points that have a year; bounds are drawn hollow. */
export function sparkline(points: FigurePoint[], width = 120, height = 32): SVGSVGElement | null {
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
      svg("path", { d: line, class: "sparkline-line" }),
      ...plotted.map((p) =>
        svg("circle", {
          cx: x(p.year),
          cy: y(p.value),
          r: 2.5,
          class: p.point.value === undefined ? "sparkline-bound" : "sparkline-point",
        }),
      ),
    ],
  );
}

function seriesFigure(figure: Figure, documents: readonly DocumentRecord[]): HTMLElement {
  const points = sortedPoints(figure);
  const rows = points.map((point) =>
    el("tr", {}, [
      el("th", { text: formatWhen(point) || "—", attrs: { scope: "row" } }),
      el("td", { class: "figure-value" }, [
        formatPointValue(point, figure.unit),
        " ",
        basisBadge(point.basis, point.note),
      ]),
      el("td", { class: "cite", text: formatCitations(point.sources, documents) }),
    ]),
  );
  const notes = points
    .filter((p) => p.note)
    .map((p) => el("div", { class: "figure-note", text: `${formatWhen(p)}: ${p.note}` }));
  return el(
    "div",
    { class: "figure figure-series", attrs: { title: `${figure.label}: ${formatFigureLine(figure)}` } },
    [
      el("div", { class: "figure-head" }, [
        el("div", { class: "figure-label", text: figure.label }),
        sparkline(points) ?? "",
      ]),
      el("table", { class: "series-table" }, [
        el("caption", { class: "visually-hidden", text: `${figure.label} by year` }),
        el("tbody", {}, rows),
      ]),
      ...notes,
    ],
  );
}

export function renderFigures(figures: readonly Figure[], documents: readonly DocumentRecord[]): HTMLElement | null {
  if (figures.length === 0) return null;
  return el(
    "div",
    { class: "figures" },
    figures.map((figure) => (isSeries(figure) ? seriesFigure(figure, documents) : singleFigure(figure, documents))),
  );
}

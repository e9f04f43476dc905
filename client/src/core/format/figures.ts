/**
 * Figures for a reader in the interface language: 7.047 bn yuan, 12.3 %, US$17 a share; bounds as "over 2 bn
 * yuan", "up to 40 %", "15–50 %"; in Chinese 70.47亿元, 12.3%, 每股 17 美元, counted in 万 and 亿 as Chinese
 * writers count. Pure string functions, so the sidebar can only ever put them in as text.
 */
import type { Figure, FigurePoint } from "../../../../server/domain/dataset-schema";
import type { Unit } from "../../../../server/domain/vocabulary";
import { getLanguage, t } from "../i18n";
import type { Language } from "../state/types";

const SCALES: Record<Language, readonly { factor: number; word: string }[]> = {
  en: [
    { factor: 1e12, word: "tn" },
    { factor: 1e9, word: "bn" },
    { factor: 1e6, word: "m" },
  ],
  // Chinese writes the scale word against the number: 70.47亿, 1.4万亿.
  zh: [
    { factor: 1e12, word: "万亿" },
    { factor: 1e8, word: "亿" },
    { factor: 1e4, word: "万" },
  ],
};

const MINUS = "\u2212";
const EN_DASH = "\u2013";

/** Up to `digits` decimals, trailing zeros dropped, thousands grouped: 7.047, 12.3, 32,000. */
export function formatNumber(value: number, digits = 3): string {
  const rounded = Number(value.toFixed(digits));
  const text = Math.abs(rounded).toLocaleString("en-GB", { maximumFractionDigits: digits, useGrouping: true });
  return rounded < 0 ? `${MINUS}${text}` : text;
}

/** Splits a magnitude into a scaled number and its word: 7.047e9 -> [7.047, "bn"]. */
export function scaled(value: number, unit: Unit): { number: number; word: string } {
  if (unit === "percent" || unit === "USD_per_share") return { number: value, word: "" };
  const abs = Math.abs(value);
  for (const scale of SCALES[getLanguage()]) {
    if (abs >= scale.factor) return { number: value / scale.factor, word: scale.word };
  }
  return { number: value, word: "" };
}

/** A bare magnitude with its scale word but no unit: "7.047 bn", "12.3", "32,000". */
function magnitude(value: number, unit: Unit): string {
  const { number, word } = scaled(value, unit);
  const text = formatNumber(number, word === "" && unit !== "percent" && unit !== "USD_per_share" ? 2 : 3);
  return withScale(text, word);
}

const withScale = (text: string, word: string) =>
  word === "" ? text : getLanguage() === "zh" ? `${text}${word}` : `${text} ${word}`;

/** Wraps a magnitude (or a range of them) in its unit: "7.047 bn yuan", "US$17 a share", "12.3 %". */
function withUnit(text: string, unit: Unit): string {
  // A minus goes before the currency sign: −US$3.
  const negative = text.startsWith(MINUS) && (unit === "USD" || unit === "USD_per_share") && getLanguage() === "en";
  const value = negative ? text.slice(1) : text;
  return `${negative ? MINUS : ""}${t(`unit.${unit}`, { value })}`;
}

export function formatValue(value: number, unit: Unit): string {
  return withUnit(magnitude(value, unit), unit);
}

/** A point's value as words: exact, "over …", "up to …" or "a–b …" (one unit, shared scale when it can). */
export function formatPointValue(point: Pick<FigurePoint, "value" | "min" | "max">, unit: Unit): string {
  if (point.value !== undefined) return formatValue(point.value, unit);
  const { min, max } = point;
  if (min !== undefined && max !== undefined) {
    const low = scaled(min, unit);
    const high = scaled(max, unit);
    if (low.word === high.word) {
      const digits = low.word === "" && unit !== "percent" && unit !== "USD_per_share" ? 2 : 3;
      const range = `${formatNumber(low.number, digits)}${EN_DASH}${formatNumber(high.number, digits)}`;
      return withUnit(withScale(range, high.word), unit);
    }
    return withUnit(`${magnitude(min, unit)}${EN_DASH}${magnitude(max, unit)}`, unit);
  }
  if (min !== undefined) return t("figure.over", { value: formatValue(min, unit) });
  if (max !== undefined) return t("figure.upTo", { value: formatValue(max, unit) });
  return "";
}

/** When a point applies: "2023", "2023 Q4", "first trading day", or "" when the article gives no date. */
export function formatWhen(point: Pick<FigurePoint, "year" | "period">): string {
  return [point.year, point.period].filter((part) => part !== undefined).join(" ");
}

/** A number to plot for a point: its value, or the middle of its bounds, or the one bound it has. */
export function plotValue(point: Pick<FigurePoint, "value" | "min" | "max">): number | undefined {
  if (point.value !== undefined) return point.value;
  if (point.min !== undefined && point.max !== undefined) return (point.min + point.max) / 2;
  return point.min ?? point.max;
}

/** A figure with two or more dated points reads as a series by year. */
export function isSeries(figure: Figure): boolean {
  return figure.points.filter((point) => point.year !== undefined).length >= 2;
}

/** Points of a series in time order (year, then the order the dataset gives). */
export function sortedPoints(figure: Figure): FigurePoint[] {
  return figure.points
    .map((point, index) => ({ point, index }))
    .sort((a, b) => (a.point.year ?? 0) - (b.point.year ?? 0) || a.index - b.index)
    .map(({ point }) => point);
}

/** "Net loss" -> its one-line reading: "Net loss: over 2 bn yuan (2023)". */
export function formatFigureLine(figure: Figure): string {
  return figure.points
    .map((point) => {
      const when = formatWhen(point);
      return `${formatPointValue(point, figure.unit)}${when ? ` (${when})` : ""}`;
    })
    .join("; ");
}

/** A property key for display: "founded_year" -> "Founded year". */
export function humanizeKey(key: string): string {
  const words = key.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A property value for display: booleans as yes/no, numbers grouped. */
export function formatProperty(value: string | number | boolean): string {
  if (typeof value === "boolean") return t(value ? "sidebar.yes" : "sidebar.no");
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 1000 && value <= 2100 ? String(value) : formatNumber(value);
  return value;
}

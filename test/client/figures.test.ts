import { describe, expect, it } from "vitest";
import {
  formatFigureLine,
  formatNumber,
  formatPointValue,
  formatProperty,
  formatValue,
  formatWhen,
  humanizeKey,
  isSeries,
  plotValue,
  sortedPoints,
} from "../../client/src/core/format/figures";
import { formatCitations, groupCitations } from "../../client/src/core/format/sources";
import type { Figure } from "../../server/domain/dataset-schema";

const src = [{ document: "article", paragraph: 3 }];

describe("formatValue", () => {
  it.each([
    [7.047e9, "CNY", "7.047 bn yuan"],
    [2e9, "CNY", "2 bn yuan"],
    [-2.1e9, "CNY", "\u22122.1 bn yuan"],
    [850e6, "CNY", "850 m yuan"],
    [1.2e12, "CNY", "1.2 tn yuan"],
    [12345, "CNY", "12,345 yuan"],
    [12.3, "percent", "12.3 %"],
    [95, "percent", "95 %"],
    [17, "USD_per_share", "US$17 a share"],
    [2.5, "USD_per_share", "US$2.5 a share"],
    [1.5e9, "USD", "US$1.5 bn"],
    [-3e6, "USD", "\u2212US$3 m"],
    [6e9, "parameters", "6 bn parameters"],
    [32000, "tokens", "32,000 tokens"],
    [42, "count", "42"],
  ] as const)("%s %s -> %s", (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it("rounds to three decimals at most and drops trailing zeros", () => {
    expect(formatNumber(7.0470001)).toBe("7.047");
    expect(formatNumber(1.2346)).toBe("1.235");
    expect(formatNumber(3.1)).toBe("3.1");
  });
});

describe("formatPointValue: bounds never read as exact values", () => {
  it.each([
    [{ min: 2e9 }, "CNY", "over 2 bn yuan"],
    [{ max: 40 }, "percent", "up to 40 %"],
    [{ min: 15, max: 50 }, "percent", "15\u201350 %"],
    [{ min: 1e9, max: 2.5e9 }, "CNY", "1\u20132.5 bn yuan"],
    [{ min: 500e6, max: 2e9 }, "CNY", "500 m\u20132 bn yuan"],
    [{ min: 1e9, max: 2e9 }, "USD", "US$1\u20132 bn"],
    [{ value: 17 }, "USD_per_share", "US$17 a share"],
  ] as const)("%j %s -> %s", (point, unit, expected) => {
    expect(formatPointValue(point, unit)).toBe(expected);
  });
});

describe("series and points", () => {
  const revenue: Figure = {
    key: "revenue",
    label: "Revenue",
    unit: "CNY",
    points: [
      { year: 2023, value: 7.047e9, basis: "stated", sources: src },
      { year: 2021, value: 9.06e9, basis: "stated", sources: src },
      { year: 2022, min: 8e9, basis: "implied", note: "fell from 2021", sources: src },
    ],
  };

  it("recognises a series by year and orders it", () => {
    expect(isSeries(revenue)).toBe(true);
    expect(sortedPoints(revenue).map((p) => p.year)).toEqual([2021, 2022, 2023]);
    expect(isSeries({ ...revenue, points: [revenue.points[0]!] })).toBe(false);
  });

  it("plots bounds at their middle or their one bound", () => {
    expect(plotValue({ value: 3 })).toBe(3);
    expect(plotValue({ min: 10, max: 20 })).toBe(15);
    expect(plotValue({ min: 10 })).toBe(10);
    expect(plotValue({ max: 40 })).toBe(40);
  });

  it("reads a whole figure on one line", () => {
    expect(formatFigureLine(revenue)).toBe("7.047 bn yuan (2023); 9.06 bn yuan (2021); over 8 bn yuan (2022)");
  });

  it("says when a point applies", () => {
    expect(formatWhen({ year: 2023, period: "Q4" })).toBe("2023 Q4");
    expect(formatWhen({ period: "first trading day" })).toBe("first trading day");
    expect(formatWhen({})).toBe("");
  });
});

describe("properties and citations", () => {
  it("humanises keys and values", () => {
    expect(humanizeKey("founded_year")).toBe("Founded year");
    expect(humanizeKey("stock-code")).toBe("Stock code");
    expect(formatProperty(true)).toBe("yes");
    expect(formatProperty(2012)).toBe("2012");
    expect(formatProperty(1234567)).toBe("1,234,567");
    expect(formatProperty("HK$")).toBe("HK$");
  });

  it("groups paragraphs by document, sorted and without repeats", () => {
    const sources = [
      { document: "article", paragraph: 38 },
      { document: "article", paragraph: 3 },
      { document: "report", paragraph: 2 },
      { document: "article", paragraph: 38 },
    ];
    expect(formatCitations(sources)).toBe("article \u00b63, \u00b638; report \u00b62");
    const groups = groupCitations(sources, [
      { id: "article", title: "The article", origin: "x", language: "en", paragraphs: 60, description: "d" },
    ]);
    expect(groups[0]).toMatchObject({ document: "article", title: "The article", paragraphs: [3, 38] });
    expect(groups[1]?.title).toBeUndefined();
  });
});

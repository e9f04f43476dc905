/** Table-driven unit tests of the exporter's pure parts: XML text, GEXF value syntax, figure flattening, columns. */
import { describe, expect, it } from "vitest";
import type { Figure } from "../../server/domain/dataset-schema";
import { formatValue } from "../../server/gexf/attvalues";
import { planColumns } from "../../server/gexf/columns";
import { flattenFigures, slugify } from "../../server/gexf/figures";
import { formatListString, formatPipeList, formatSources, normalizeHexColor, vizColor } from "../../server/gexf/values";
import { escapeXml, stripIllegalXmlChars } from "../../server/gexf/xml";
import { makeGraph } from "./_fixtures";

describe("stripIllegalXmlChars", () => {
  it.each([
    ["plain text", "plain text"],
    ["金山云 Kingsoft", "金山云 Kingsoft"],
    ["a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg", "abcdefg"],
    ["tab\tlf\ncr\r", "tab\tlf\ncr\r"],
    ["\uFFFEx\uFFFF", "x"],
    ["lone high \uD800 here", "lone high  here"],
    ["lone low \uDC00 here", "lone low  here"],
    ["reversed \uDC00\uD800 pair", "reversed  pair"],
    ["emoji 😀 kept", "emoji 😀 kept"],
    ["\u007F and \u0085 are legal", "\u007F and \u0085 are legal"],
  ])("%j → %j", (input, expected) => {
    expect(stripIllegalXmlChars(input)).toBe(expected);
  });
});

describe("escapeXml", () => {
  it.each([
    ["plain", "plain"],
    [`<&>"'`, "&lt;&amp;&gt;&quot;&apos;"],
    ["a & b &amp;", "a &amp; b &amp;amp;"],
    ["line1\nline2\ttab\r", "line1&#10;line2&#9;tab&#13;"],
    ["bell\u0007 and \uD83D alone", "bell and  alone"],
    ["雷军 😀", "雷军 😀"],
  ])("%j → %j", (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it("returns the same string when nothing needs escaping", () => {
    const text = "nothing to do here, 金山云";
    expect(escapeXml(text)).toBe(text);
  });
});

describe("formatListString", () => {
  it.each<[string[], string]>([
    [[], "[]"],
    [["a", "b"], "[a, b]"],
    [["b, c"], '["b, c"]'],
    [['say "hi"'], '["say \\"hi\\""]'],
    [["back\\slash"], '["back\\\\slash"]'],
    [["(ksc)", "[x]", "it's"], '["(ksc)", "[x]", "it\'s"]'],
    [[" padded", "trailing "], '[" padded", "trailing "]'],
    [[""], '[""]'],
    [["金山云", "KSYUN"], "[金山云, KSYUN]"],
    [["bad\u0001char"], "[badchar]"],
  ])("%j → %s", (items, expected) => {
    expect(formatListString(items)).toBe(expected);
  });
});

describe("single values", () => {
  it.each([
    ["#E6550D", "#e6550d"],
    ["#abc", "#aabbcc"],
    ["#e6550d80", "#999999"],
    ["red", "#999999"],
    ["", "#999999"],
    [undefined, "#999999"],
  ])("colour %j → %s", (input, expected) => {
    expect(normalizeHexColor(input)).toBe(expected);
  });

  it("writes viz:color as r/g/b only (both schemas allow it; RELAX NG refuses hex beside r/g/b)", () => {
    expect(vizColor("#e6550d")).toBe('<viz:color r="230" g="85" b="13"/>');
    expect(vizColor("#E6550D")).toBe('<viz:color r="230" g="85" b="13"/>');
  });

  it.each<[string[], string]>([
    [[], ""],
    [["a"], "a"],
    [["a", "b, c", "金山云"], "a | b, c | 金山云"],
    [["bad\u0001char", 'say "hi"'], 'badchar | say "hi"'],
  ])("formatPipeList(%j) → %j (1.2draft lists, as text)", (items, expected) => {
    expect(formatPipeList(items)).toBe(expected);
  });

  it("formats lists by version", () => {
    expect(formatValue("liststring", ["a", "b, c"])).toBe('[a, "b, c"]');
    expect(formatValue("string", ["a", "b, c"], "1.2draft")).toBe("a | b, c");
    expect(formatValue("string", "x", "1.2draft")).toBe("x");
  });

  it("formats sources as a readable list", () => {
    expect(
      formatSources([
        { document: "article", paragraph: 3 },
        { document: "article", paragraph: 38 },
      ]),
    ).toBe("article ¶3; article ¶38");
  });

  it.each<[Parameters<typeof formatValue>[0], Parameters<typeof formatValue>[1], string | undefined]>([
    ["double", 2e9, "2000000000"],
    ["double", 1.5e-7, "1.5e-7"],
    ["double", NaN, undefined],
    ["double", Infinity, undefined],
    ["double", "12", undefined],
    ["integer", 2013, "2013"],
    ["integer", 2013.5, undefined],
    ["boolean", false, "false"],
    ["boolean", 0, undefined],
    ["string", true, "true"],
    ["string", -Infinity, undefined],
    ["liststring", ["a"], "[a]"],
    ["liststring", undefined, undefined],
  ])("formatValue(%s, %j) → %j", (type, value, expected) => {
    expect(formatValue(type, value)).toBe(expected);
  });
});

const point = (p: Partial<Figure["points"][number]>) => ({
  basis: "stated" as const,
  sources: [{ document: "a", paragraph: 1 }],
  ...p,
});
const figure = (key: string, label: string, unit: Figure["unit"], points: Figure["points"]): Figure => ({
  key,
  label,
  unit,
  points,
});

describe("flattenFigures", () => {
  it.each<[string, Figure[], [string, string, number][]]>([
    [
      "an undated exact value",
      [figure("stake", "Stake", "percent", [point({ value: 12.3 })])],
      [["fig_stake", "Stake (%)", 12.3]],
    ],
    [
      "a series by year",
      [figure("revenue", "Revenue", "CNY", [point({ year: 2022, value: 8 }), point({ year: 2023, value: 7 })])],
      [
        ["fig_revenue_2022", "Revenue 2022 (CNY)", 8],
        ["fig_revenue_2023", "Revenue 2023 (CNY)", 7],
      ],
    ],
    [
      "a lower bound",
      [figure("loss", "Loss", "CNY", [point({ year: 2023, min: 2e9 })])],
      [["fig_loss_2023_min", "Loss 2023 (min, CNY)", 2e9]],
    ],
    [
      "a range",
      [figure("cut", "Price cut", "percent", [point({ min: 15, max: 50 })])],
      [
        ["fig_cut_min", "Price cut (min, %)", 15],
        ["fig_cut_max", "Price cut (max, %)", 50],
      ],
    ],
    [
      "an undated period",
      [figure("revenue", "Revenue", "CNY", [point({ period: "Q4 2023", value: 2 })])],
      [["fig_revenue_q4_2023", "Revenue Q4 2023 (CNY)", 2]],
    ],
    [
      "a year and a period",
      [figure("revenue", "Revenue", "USD", [point({ year: 2023, period: "Q4", value: 2 })])],
      [["fig_revenue_2023_q4", "Revenue 2023 Q4 (USD)", 2]],
    ],
    [
      "two points for one slot",
      [figure("revenue", "Revenue", "CNY", [point({ year: 2023, value: 7 }), point({ year: 2023, value: 7.1 })])],
      [
        ["fig_revenue_2023", "Revenue 2023 (CNY)", 7],
        ["fig_revenue_2023_2", "Revenue 2023 #2 (CNY)", 7.1],
      ],
    ],
    [
      "a unit the label already names",
      [figure("params", "Parameters", "parameters", [point({ value: 7e9 })])],
      [["fig_params", "Parameters", 7e9]],
    ],
    ["a non-finite value (only possible outside the schema)", [figure("x", "X", "count", [point({ value: NaN })])], []],
  ])("%s", (_name, figures, expected) => {
    const values = flattenFigures(figures).filter((f) => f.type === "double");
    expect(values.map((f) => [f.id, f.title, f.value])).toEqual(expected);
  });

  it("writes each point's basis, sources and note beside its values, so the derived 2021 revenue of ¶9 says so", () => {
    const flat = flattenFigures([
      figure("revenue", "Revenue", "CNY", [
        point({ year: 2021, value: 9.061e9, basis: "derived", note: "8.180 bn / (1 - 0.0972)" }),
        point({ year: 2022, value: 8.18e9, sources: [{ document: "article", paragraph: 9 }] }),
        point({ year: 2022, min: 8e9 }),
      ]),
    ]);
    expect(flat.filter((f) => f.type === "string").map((f) => [f.id, f.title, f.value])).toEqual([
      ["fig_revenue_2021_basis", "Revenue 2021: basis", "derived"],
      ["fig_revenue_2021_sources", "Revenue 2021: sources", "a ¶1"],
      ["fig_revenue_2021_note", "Revenue 2021: note", "8.180 bn / (1 - 0.0972)"],
      ["fig_revenue_2022_basis", "Revenue 2022: basis", "stated"],
      ["fig_revenue_2022_sources", "Revenue 2022: sources", "article ¶9"],
      ["fig_revenue_2022_2_basis", "Revenue 2022 #2: basis", "stated"],
      ["fig_revenue_2022_2_sources", "Revenue 2022 #2: sources", "a ¶1"],
    ]);
  });

  it("keeps Chinese periods apart with a hash, never an empty slug", () => {
    const flat = flattenFigures([
      figure("revenue", "Revenue", "CNY", [
        point({ year: 2023, period: "第三季度", value: 1 }),
        point({ year: 2023, period: "第四季度", value: 2 }),
      ]),
    ]);
    expect(flat.filter((f) => f.type === "double").map((f) => f.id)).toHaveLength(2);
    expect(flat[0]!.id).toMatch(/^fig_revenue_2023_h[0-9a-z]+$/);
    expect(flat[0]!.id).not.toBe(flat[1]!.id);
    expect(flat.filter((f) => f.type === "double")[1]!.title).toBe("Revenue 2023 第四季度 (CNY)");
  });

  it.each([
    ["Q4 2023", "q4_2023"],
    ["first trading day", "first_trading_day"],
    ["Ｑ４", "q4"],
    ["café", "cafe"],
    ["early-days", "early-days"],
    ["  --odd__spacing--  ", "odd_spacing"],
  ])("slugify(%j) → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe("planColumns", () => {
  const graph = makeGraph();
  const { node, edge } = planColumns(graph);
  const nodeColumns = node.columns();
  const edgeColumns = edge.columns();
  const typeOf = (columns: typeof nodeColumns, id: string) => columns.find((c) => c.id === id)?.type;

  it("declares types from every value in the graph, never from one", () => {
    expect(typeOf(nodeColumns, "prop_listed")).toBe("boolean"); // true, true, false
    expect(typeOf(nodeColumns, "prop_rank")).toBe("string"); // 3 and "top"
    expect(typeOf(nodeColumns, "aliases")).toBe("liststring");
    expect(typeOf(edgeColumns, "time_start")).toBe("integer");
    expect(typeOf(edgeColumns, "prop_since_founding")).toBe("boolean");
    expect(edgeColumns.find((c) => c.id === "symmetric")).toEqual(
      expect.objectContaining({ title: "Symmetric relation", type: "boolean" }),
    );
    expect(typeOf(edgeColumns, "fig_revenue_share_early_days_min")).toBe("double");
  });

  it("puts the same figure in another unit in its own column", () => {
    const revenue = nodeColumns.filter((c) => c.id.startsWith("fig_revenue_2023") && c.type === "double");
    expect(revenue.map((c) => [c.id, c.title])).toEqual([
      ["fig_revenue_2023", "Revenue 2023 (CNY)"],
      ["fig_revenue_2023_usd", "Revenue 2023 (USD)"],
    ]);
  });

  it("declares time_end only because one edge has it, and nothing no record has", () => {
    expect(edgeColumns.map((c) => c.id)).toContain("time_end");
    expect(nodeColumns.map((c) => c.id)).not.toContain("prop_since_founding");
  });

  it("keeps ids unique ignoring case and away from Gephi's own columns", () => {
    const raw = makeGraph();
    const attributes = raw.getNodeAttributes("lei-jun");
    raw.mergeNodeAttributes("lei-jun", {
      properties: { ...attributes.properties, Rank: 1, rank: 2, id: "x", Label: "y", weight: 3 },
    });
    const ids = planColumns(raw)
      .node.columns()
      .map((c) => c.id.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    for (const reserved of ["id", "label", "weight", "timeset"]) expect(ids).not.toContain(reserved);
    expect(ids).toEqual(expect.arrayContaining(["prop_rank", "prop_rank_2", "prop_id", "prop_label", "prop_weight"]));
  });
});

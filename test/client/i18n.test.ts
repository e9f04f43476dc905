/**
 * The message catalogues: both languages give every key, with a message of the same kind (text, or a function of
 * the same values); the Chinese one writes Chinese, not English left over; the vocabulary names every type and
 * relation in both languages; `t` follows the chosen language.
 */
import { afterEach, describe, expect, it } from "vitest";
import { NODE_TYPE_INFO, NODE_TYPES, RELATION_INFO, RELATIONS } from "../../server/domain/vocabulary";
import { CATALOGUES, relationName, setLanguage, staticText, t, typeName } from "../../client/src/core/i18n";
import { formatPointValue } from "../../client/src/core/format/figures";
import { formatSpan } from "../../client/src/core/time/as-of";

const { en, zh } = CATALOGUES;
/** Sample values for every parameter the messages take. */
const SAMPLE = new Proxy(
  {},
  { get: (_target, name) => (name === "what" ? "entity" : name === "truncated" ? true : 7) },
);
/** Latin-script names the Chinese interface keeps as they are. */
const KEPT = /\b(GEXF|PNG|ForceAtlas2|Esc|Shift|AI)\b/g;
const render = (message: string | ((values: never) => string)) =>
  String(typeof message === "function" ? message(SAMPLE as never) : message);

afterEach(() => setLanguage("en"));

describe("message catalogues", () => {
  it("give the same keys in English and Chinese, each of the same kind", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(typeof zh[key], key).toBe(typeof en[key]);
      expect(render(en[key]), key).not.toBe("");
      expect(render(zh[key]), key).not.toBe("");
    }
  });

  it("write Chinese in Chinese: no English words left in any message", () => {
    const english = Object.entries(zh)
      .map(([key, message]) => [key, render(message).replace(KEPT, "")])
      .filter(([, text]) => /[A-Za-z]{2,}/.test(text as string));
    expect(english).toEqual([]);
    const chinese = Object.values(zh).filter((message) => /[\u4e00-\u9fff]/.test(render(message)));
    // Everything but the few messages that are only a value ("unit.count") or a span of years.
    expect(chinese.length).toBeGreaterThan(Object.keys(zh).length - 5);
  });

  it("name every entity type and relation in both languages, declared in the vocabulary", () => {
    for (const type of NODE_TYPES) {
      expect(NODE_TYPE_INFO[type].labelZh, type).toMatch(/[\u4e00-\u9fff]/);
      expect(NODE_TYPE_INFO[type].descriptionZh, type).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const relation of RELATIONS) {
      expect(RELATION_INFO[relation].labelZh, relation).toMatch(/[\u4e00-\u9fff]/);
      expect(RELATION_INFO[relation].descriptionZh, relation).toMatch(/[\u4e00-\u9fff]/);
    }
    const zhNames = RELATIONS.map((relation) => RELATION_INFO[relation].labelZh);
    expect(new Set(zhNames).size, "two relations share a Chinese name").toBe(zhNames.length);
  });
});

describe("t and the vocabulary follow the language", () => {
  it("writes messages, type and relation names in the chosen language", () => {
    expect(t("filters.title")).toBe("Legend & filters");
    expect(t("chip.hood", { depth: 2, centre: "Xiaomi" })).toBe("Within 2 hops of Xiaomi");
    expect(typeName("company", true)).toBe("Companies");
    expect(relationName("holds_stake_in")).toBe("holds a stake in");
    setLanguage("zh");
    expect(t("filters.title")).toBe("图例与筛选");
    expect(t("chip.hood", { depth: 2, centre: "小米" })).toBe("小米 的 2 跳以内");
    expect(typeName("company", true)).toBe("公司");
    expect(relationName("holds_stake_in")).toBe("持股");
    expect(staticText("types:person")).toBe("人物");
    expect(staticText("relationinfo:cites")).toBe("把对方列为参考来源。");
    expect(() => staticText("chip.hood" as never)).toThrow(/chip\.hood/);
  });

  it("writes figures and spans the Chinese way: 亿 and 万, units after the number", () => {
    setLanguage("zh");
    expect(formatPointValue({ value: 7.047e9 }, "CNY")).toBe("70.47亿元");
    expect(formatPointValue({ min: 2e9 }, "CNY")).toBe("超过 20亿元");
    expect(formatPointValue({ value: 12.3 }, "percent")).toBe("12.3%");
    expect(formatPointValue({ value: 17 }, "USD_per_share")).toBe("每股 17 美元");
    expect(formatPointValue({ min: 15, max: 50 }, "percent")).toBe("15–50%");
    expect(formatPointValue({ value: 6e9 }, "parameters")).toBe("60亿参数");
    expect(formatSpan({ start: 2020 })).toBe("2020 年起");
    setLanguage("en");
    expect(formatPointValue({ value: 7.047e9 }, "CNY")).toBe("7.047 bn yuan");
    expect(formatSpan({ start: 2020 })).toBe("since 2020");
  });
});

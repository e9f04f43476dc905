/**
 * Chinese names: every entity has one, in the standard Chinese term where one exists. The English text names
 * none of them, so these are background knowledge; the few that are our own rendering say so in a note.
 */
import { describe, expect, it } from "vitest";
import { embeddedDataset } from "../_fixtures";

const dataset = embeddedDataset();
const zh = (id: string) => dataset.nodes.find((n) => n.id === id)?.labelZh;
const HAN = /\p{Script=Han}/u;

/** Names written the same way in Chinese text as in English. */
const LATIN_IN_CHINESE = new Set(["chatglm-6b", "stable-diffusion", "alpaca-lora", "chatgpt"]);

describe("Chinese names", () => {
  it("every entity has one", () => {
    expect(dataset.nodes.filter((n) => n.labelZh === undefined).map((n) => n.id)).toEqual([]);
  });

  it("is written in Chinese characters unless the name is used as it is in Chinese", () => {
    const latin = dataset.nodes.filter((n) => !HAN.test(n.labelZh!)).map((n) => n.id);
    expect(new Set(latin)).toEqual(LATIN_IN_CHINESE);
    for (const id of LATIN_IN_CHINESE) expect(zh(id)).toBe(dataset.nodes.find((n) => n.id === id)!.label);
  });

  it("names the four tiers of ¶13-15 by their standard terms", () => {
    expect(zh("tier-giants")).toBe("互联网巨头系云厂商");
    expect(zh("tier-telecom")).toBe("运营商云");
    expect(zh("tier-traditional")).toBe("传统软硬件厂商");
    expect(zh("tier-independent")).toBe("创业型第三方独立云厂商");
  });

  it("names the markets of ¶40-41 and ¶44, the price war of ¶16 and the large models of ¶28-36", () => {
    expect(zh("enterprise-market")).toBe("企业市场");
    expect(zh("consumer-market")).toBe("C端市场");
    expect(zh("price-cut-wave")).toContain("价格战");
    expect(zh("large-model-development")).toContain("大模型");
    expect(zh("kingsoft-cloud-gpu-servers")).toContain("GPU云服务器");
  });

  it("says where a Chinese name is our own rendering rather than a known one (¶1, ¶46-48)", () => {
    for (const id of ["article", "ref-startup-frontline", "ref-36kr", "ref-odd-even-insights", "odd-even-insights"]) {
      expect(dataset.nodes.find((n) => n.id === id)!.note, id).toMatch(/Chinese (label|name)/);
    }
  });
});

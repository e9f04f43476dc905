/**
 * Questions a reader would ask of the article, answered through the HTTP API. Each answer is checked
 * against the article's own figures and the paragraph it cites.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { EdgeItem, EdgeListResponse, NodeDetailResponse, PathResponse } from "../../server/api/contract";
import type { Figure } from "../../server/domain/dataset-schema";
import { makeApp } from "../api/_app";

const app = makeApp();
const get = async <T>(url: string): Promise<T> => (await request(app).get(url).expect(200)).body as T;
const edges = async (query: string) => (await get<EdgeListResponse>(`/api/edges?${query}`)).items;
const figure = (figures: Figure[], key: string) => figures.find((f) => f.key === key)!;
const point = (f: Figure, year?: number) => f.points.find((p) => p.year === year)!;
const cites = (item: { sources: { document: string; paragraph: number }[] }, paragraph: number) =>
  item.sources.some((s) => s.document === "article" && s.paragraph === paragraph);

describe("facts of the article, through the API", () => {
  it("Xiaomi holds a 12.3 % stake in Kingsoft Cloud (¶38)", async () => {
    const [stake] = await edges("source=xiaomi&target=kingsoft-cloud&relation=holds_stake_in");
    const f = figure(stake!.attributes.figures, "stake");
    expect(f.unit).toBe("percent");
    expect(point(f).value).toBe(12.3);
    expect(cites(point(f), 38)).toBe(true);
  });

  it("Kingsoft Cloud's revenue was 7.047 bn yuan in 2023 and 8.180 bn in 2022 (¶9)", async () => {
    const node = await get<NodeDetailResponse>("/api/nodes/kingsoft-cloud");
    const revenue = figure(node.attributes.figures, "revenue");
    expect(revenue.unit).toBe("CNY");
    expect(point(revenue, 2023)).toMatchObject({ value: 7_047_000_000, basis: "stated" });
    expect(point(revenue, 2022)).toMatchObject({ value: 8_180_000_000, basis: "stated" });
    expect(point(revenue, 2021).basis).toBe("derived");
    expect(point(figure(node.attributes.figures, "revenue_growth"), 2023).value).toBe(-13.85);
  });

  it("the 2023 loss is a lower bound of 2 bn yuan, not an exact figure (¶1, ¶4)", async () => {
    const node = await get<NodeDetailResponse>("/api/nodes/kingsoft-cloud");
    const loss = point(figure(node.attributes.figures, "loss"), 2023);
    expect(loss).toMatchObject({ min: 2_000_000_000 });
    expect(loss.value).toBeUndefined();
    expect(cites(loss, 4)).toBe(true);
  });

  it("Lei Jun chairs Kingsoft Cloud's board and founded, chairs and runs Xiaomi (¶38)", async () => {
    const chairs = await edges("target=kingsoft-cloud&relation=chairs");
    expect(chairs.map((e) => e.source)).toEqual(["lei-jun"]);
    const xiaomiRoles = (await edges("source=lei-jun&target=xiaomi")).map((e) => e.attributes.relation).sort();
    expect(xiaomiRoles).toEqual(["chairs", "chief_executive_of", "founded"]);
  });

  it("Kingsoft Cloud offers ChatGLM-6B, Stable Diffusion and Alpaca-LoRA free, and GPU servers paid (¶30)", async () => {
    const offers = await edges("source=kingsoft-cloud&relation=offers");
    const models = offers
      .filter((e) => e.attributes.properties.price === "free")
      .map((e) => e.target)
      .sort();
    expect(models).toEqual(["alpaca-lora", "chatglm-6b", "stable-diffusion"]);
    expect(offers.map((e) => e.target)).toContain("kingsoft-cloud-gpu-servers");
    expect(offers.every((e) => cites(e.attributes, 30))).toBe(true);
  });

  it("Tsinghua University released ChatGLM-6B, a 6.2 bn-parameter model (¶32)", async () => {
    const released = await edges("target=chatglm-6b&relation=released");
    expect(released.map((e) => e.source)).toEqual(["tsinghua-university"]);
    const model = await get<NodeDetailResponse>("/api/nodes/chatglm-6b");
    expect(point(figure(model.attributes.figures, "parameters")).value).toBe(6_200_000_000);
  });

  it("related-party transactions with Xiaomi were 14.4 → 10.0 → 8.3 % of revenue in 2019-21 (¶38); Xiaomi brought in over 80 % early on (¶41)", async () => {
    const [customer] = await edges("source=xiaomi&target=kingsoft-cloud&relation=customer_of");
    const share = figure(customer!.attributes.figures, "related_party_share");
    expect([2019, 2020, 2021].map((y) => point(share, y).value)).toEqual([14.4, 10.0, 8.3]);
    const early = figure(customer!.attributes.figures, "revenue_contribution");
    expect(early.points).toEqual([expect.objectContaining({ period: "early days", min: 80 })]);
  });

  it("Kingsoft Cloud's large-model products were absent from Frost & Sullivan's 2024 evaluation (¶34)", async () => {
    const absent = await edges("relation=absent_from");
    expect(absent.map((e) => [e.source, e.target])).toEqual([
      ["kingsoft-cloud-large-models", "frost-sullivan-2024-evaluation"],
    ]);
    const [owns] = await edges("source=kingsoft-cloud&target=kingsoft-cloud-large-models&relation=owns");
    expect(cites(owns!.attributes, 34)).toBe(true);
    expect((await edges("target=frost-sullivan-2024-evaluation&relation=published")).map((e) => e.source)).toEqual([
      "frost-sullivan",
    ]);
  });

  it("Alibaba Cloud started the price cuts at 15-50 %; Tencent Cloud and eCloud followed (¶16)", async () => {
    const [initiated] = await edges("target=price-cut-wave&relation=initiated");
    expect(initiated!.source).toBe("alibaba-cloud");
    expect(figure(initiated!.attributes.figures, "core_product_price_cut").points[0]).toMatchObject({
      min: 15,
      max: 50,
    });
    expect((await edges("target=price-cut-wave&relation=followed")).map((e: EdgeItem) => e.source).sort()).toEqual([
      "ecloud",
      "tencent-cloud",
    ]);
  });

  it("Kingsoft Cloud listed in the US in 2020 at US$17 a share (¶11)", async () => {
    const [listing] = await edges("source=kingsoft-cloud&relation=listed_on");
    expect(listing!.attributes.time).toMatchObject({ start: 2020 });
    expect(point(figure(listing!.attributes.figures, "share_price"), 2020)).toMatchObject({ value: 17 });
    expect(point(figure(listing!.attributes.figures, "market_cap"), 2021)).toMatchObject({ min: 17_600_000_000 });
  });

  it("the market tiers hold the providers the article names (¶13-15)", async () => {
    const members = async (tier: string) =>
      (await edges(`target=${tier}&relation=member_of_tier`)).map((e) => e.source).sort();
    expect(await members("tier-giants")).toEqual(["alibaba-cloud", "baidu-cloud", "huawei-cloud", "tencent-cloud"]);
    expect(await members("tier-telecom")).toEqual(["china-mobile-cloud", "china-unicom-cloud", "ecloud"]);
    expect(await members("tier-traditional")).toEqual(["inspur-cloud", "kingdee-cloud", "yonyou-cloud"]);
    expect(await members("tier-independent")).toEqual(["kingsoft-cloud", "qingcloud", "ucloud"]);
  });

  it("Cui Baoqiu, a Xiaomi vice president, remarked on Kingsoft Cloud and Xiaomi as bunkmates (¶42)", async () => {
    const path = await get<PathResponse>("/api/paths?from=cui-baoqiu&to=kingsoft-cloud&direction=out");
    expect(path.nodes.map((n) => n.key)).toEqual(["cui-baoqiu", "kingsoft-cloud"]);
    expect(path.edges[0]!.attributes).toMatchObject({ relation: "remarked_on", basis: "stated" });
    expect(cites(path.edges[0]!.attributes, 42)).toBe(true);
    const [vp] = await edges("source=cui-baoqiu&target=xiaomi");
    expect(vp!.attributes.relation).toBe("vice_president_of");
  });

  it("cash at the end of 2023 was 2.255 bn yuan (¶37)", async () => {
    const node = await get<NodeDetailResponse>("/api/nodes/kingsoft-cloud");
    const cash = point(figure(node.attributes.figures, "cash_and_equivalents"), 2023);
    expect(cash).toMatchObject({ value: 2_255_000_000, period: "year end" });
    expect(cites(cash, 37)).toBe(true);
  });
});

describe("every fact is cited", () => {
  it("every node, edge and figure point cites an existing paragraph of the article", async () => {
    const graph = await get<{ nodes: { attributes: any }[]; edges: { attributes: any }[] }>("/api/graph");
    const records = [...graph.nodes, ...graph.edges].map((r) => r.attributes);
    const points = records.flatMap((r) => (r.figures as Figure[]).flatMap((f) => f.points));
    for (const item of [...records, ...points]) {
      expect(item.sources.length).toBeGreaterThan(0);
      for (const s of item.sources) expect(s.paragraph).toBeGreaterThanOrEqual(1);
      for (const s of item.sources) expect(s.paragraph).toBeLessThanOrEqual(50);
    }
    expect(points.length).toBeGreaterThanOrEqual(35);
  });
});

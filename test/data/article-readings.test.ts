/**
 * Where the article is ambiguous the data says so, what it does not state is not marked stated, and the facts it
 * does state are there as direct, cited relations. Each case names the paragraph it checks; docs/data.md
 * explains them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EdgeRecord, Figure, NodeRecord, Source } from "../../server/domain/dataset-schema";
import { REPO_ROOT } from "../../server/load-graph";
import { embeddedDataset } from "../_fixtures";

const dataset = embeddedDataset();
const node = (id: string): NodeRecord => dataset.nodes.find((n) => n.id === id)!;
const edge = (source: string, relation: string, target: string): EdgeRecord | undefined =>
  dataset.edges.find((e) => e.source === source && e.relation === relation && e.target === target);
const figure = (record: { figures?: Figure[] }, key: string): Figure | undefined =>
  record.figures?.find((f) => f.key === key);
const paragraphs = (sources: Source[]) => sources.map((s) => s.paragraph).sort((a, b) => a - b);
const LISTING = edge("kingsoft-cloud", "listed_on", "us-stock-market")!;
const CUSTOMER = edge("xiaomi", "customer_of", "kingsoft-cloud")!;

describe("ambiguities of the article, said in the data", () => {
  it("¶25: the 'operating costs' are named cost of revenue, with the arithmetic that shows it", () => {
    const ksc = node("kingsoft-cloud");
    expect(figure(ksc, "operating_costs")).toBeUndefined();
    const cost = figure(ksc, "cost_of_revenue")!.points.find((p) => p.year === 2023)!;
    const revenue = figure(ksc, "revenue")!.points.find((p) => p.year === 2023)!;
    const gross = figure(ksc, "gross_profit")!.points.find((p) => p.year === 2023)!;
    expect(revenue.value! - cost.value!).toBeCloseTo(gross.value!, -3);
    expect(cost.note).toMatch(/operating costs/);
    expect(cost.note).toMatch(/gross profit/);
    expect(paragraphs(cost.sources)).toEqual([9, 25]);
  });

  it("¶10 vs ¶11: the 2021 high is not called the peak, and the fall from 'its peak' (¶5) keeps both readings", () => {
    const high = figure(LISTING, "share_price")!.points.find((p) => p.year === 2021)!;
    expect(high.period).not.toBe("peak");
    expect(high.note).toMatch(/2020/);
    const fall = figure(LISTING, "fall_from_peak")!.points[0]!;
    expect(fall.note).toMatch(/2020/);
    expect(fall.note).toMatch(/2021/);
    expect(paragraphs(fall.sources)).toEqual(expect.arrayContaining([5, 10, 11]));
    expect(LISTING.note).toMatch(/both readings/);
  });

  it("¶38 vs ¶41: related-party transactions and Xiaomi's contribution to revenue are two series with two labels", () => {
    const related = figure(CUSTOMER, "related_party_share")!;
    const contribution = figure(CUSTOMER, "revenue_contribution")!;
    expect(related.label).toMatch(/related-party/i);
    expect(contribution.label).not.toMatch(/related-party/i);
    expect(related.points.map((p) => p.year)).toEqual([2019, 2020, 2021]);
    expect(related.points.flatMap((p) => paragraphs(p.sources))).toEqual([38, 38, 38]);
    expect(contribution.points).toHaveLength(1);
    expect(paragraphs(contribution.points[0]!.sources)).toEqual([41]);
    expect(contribution.points[0]!.note).toMatch(/related-party/);
    expect(CUSTOMER.description).not.toMatch(/related-party business was over 80/);
  });

  it("¶5 vs ¶16: Tencent Cloud's undated cut of up to 40 % says it is attached to the April 2023 following by our reading", () => {
    const cut = figure(edge("tencent-cloud", "followed", "price-cut-wave")!, "price_cut")!.points[0]!;
    expect(cut).toMatchObject({ max: 40 });
    expect(paragraphs(cut.sources)).toEqual([5]);
    expect(cut.note).toMatch(/paragraph 5\b/i);
    expect(cut.note).toMatch(/paragraph 16/i);
  });
});

describe("nothing the article does not state is marked stated", () => {
  it("¶13-15: only the three tiers the article numbers have a rank", () => {
    const ranks = dataset.nodes.filter((n) => n.type === "market_tier").map((n) => [n.id, n.properties?.rank]);
    expect(ranks).toEqual([
      ["tier-giants", 1],
      ["tier-telecom", 2],
      ["tier-traditional", 3],
      ["tier-independent", undefined],
    ]);
  });

  it("¶14: Yonyou, Kingdee and Inspur are not split into software and hardware vendors", () => {
    const texts = ["yonyou-cloud", "kingdee-cloud", "inspur-cloud"].flatMap((id) => [
      node(id).description,
      edge(id, "member_of_tier", "tier-traditional")!.description,
    ]);
    for (const text of texts) {
      expect(text).not.toMatch(/(a|traditional) (software|hardware) vendor\b/);
      expect(text).toMatch(/hardware and software vendors/);
    }
  });

  it("¶30: what kind of model Stable Diffusion and Alpaca-LoRA are is not in the article, so not in the data", () => {
    expect(node("stable-diffusion").description).not.toMatch(/image-generation|generates images/i);
    expect(node("alpaca-lora").description).not.toMatch(/fine-tuned/i);
  });

  it("¶30: that the GPU servers are Kingsoft Cloud's, and that the images run on them, is marked implied", () => {
    for (const record of [
      node("kingsoft-cloud-gpu-servers"),
      edge("kingsoft-cloud", "offers", "kingsoft-cloud-gpu-servers")!,
      edge("kingsoft-cloud-model-images", "runs_on", "kingsoft-cloud-gpu-servers")!,
    ]) {
      expect(record.basis).toBe("implied");
      expect(record.note).toMatch(/paragraph 30|only pay/i);
    }
  });

  it("¶1, ¶4: the loss is not called a net loss; ¶38: Xiaomi is a major customer, not one of the largest", () => {
    const ksc = node("kingsoft-cloud");
    expect(figure(ksc, "net_loss")).toBeUndefined();
    expect(figure(ksc, "loss")!.label).toMatch(/not stated/);
    expect(JSON.stringify(dataset)).not.toMatch(/net loss/i);
    expect(node("xiaomi").description).toMatch(/a major customer/);
    expect(JSON.stringify(dataset)).not.toMatch(/largest customer/i);
  });
});

describe("stated facts as direct, cited relations", () => {
  const cited = (record: EdgeRecord | undefined, paragraph: number) => {
    expect(record).toBeDefined();
    expect(record!.basis).toBe("stated");
    expect(paragraphs(record!.sources)).toContain(paragraph);
  };

  it("¶42: Cui Baoqiu remarked on Kingsoft Cloud, not only on Xiaomi", () => {
    cited(edge("cui-baoqiu", "remarked_on", "kingsoft-cloud"), 42);
  });

  it("¶28: ChatGPT's rise spurred Baidu Cloud and Alibaba Cloud", () => {
    cited(edge("chatgpt", "spurred", "baidu-cloud"), 28);
    cited(edge("chatgpt", "spurred", "alibaba-cloud"), 28);
  });

  it("¶34: Kingsoft Cloud's large-model products are their own entity, and they are what was absent", () => {
    expect(node("kingsoft-cloud-large-models")).toMatchObject({ type: "product", basis: "stated" });
    cited(edge("kingsoft-cloud", "owns", "kingsoft-cloud-large-models"), 34);
    cited(edge("kingsoft-cloud-large-models", "absent_from", "frost-sullivan-2024-evaluation"), 34);
    expect(edge("kingsoft-cloud", "absent_from", "frost-sullivan-2024-evaluation")).toBeUndefined();
  });

  it("¶2: Alibaba Cloud, Tencent Cloud and Huawei Cloud dominate the market", () => {
    for (const giant of ["alibaba-cloud", "tencent-cloud", "huawei-cloud"]) {
      cited(edge(giant, "dominates", "china-cloud-market"), 2);
    }
  });

  it("¶13: each named giant and telecom-backed provider presses on Kingsoft Cloud", () => {
    const named = ["alibaba-cloud", "tencent-cloud", "baidu-cloud", "huawei-cloud"];
    const telecom = ["ecloud", "china-unicom-cloud", "china-mobile-cloud"];
    for (const provider of [...named, ...telecom]) cited(edge(provider, "pressures", "kingsoft-cloud"), 13);
  });

  it("¶16: Tencent Cloud and eCloud followed Alibaba Cloud's lead, from 2023 by our reading of 'last year'", () => {
    for (const follower of ["tencent-cloud", "ecloud"]) {
      const followed = edge(follower, "followed_lead_of", "alibaba-cloud");
      cited(followed, 16);
      expect(followed!.time).toMatchObject({ start: 2023, basis: "implied" });
    }
  });

  it("¶13, ¶39: the parent groups are implied entities with implied, noted part_of edges", () => {
    const parents: [string, string, number][] = [
      ["alibaba-cloud", "alibaba-group", 13],
      ["tencent-cloud", "tencent", 13],
      ["baidu-cloud", "baidu", 13],
      ["huawei-cloud", "huawei", 13],
      ["china-unicom-cloud", "china-unicom", 13],
      ["china-mobile-cloud", "china-mobile", 13],
      ["kingsoft-cloud", "kingsoft-group", 39],
    ];
    for (const [child, parent, paragraph] of parents) {
      expect(node(parent)).toMatchObject({ type: "company", basis: "implied" });
      expect(node(parent).note).toBeTruthy();
      const part = edge(child, "part_of", parent)!;
      expect(part).toMatchObject({ basis: "implied" });
      expect(part.note).toMatch(new RegExp(`Paragraph ${paragraph}`));
      expect(paragraphs(part.sources)).toEqual([paragraph]);
    }
    // eCloud's parent is named in ¶13 ("China Telecom's eCloud"): stated.
    expect(edge("ecloud", "part_of", "china-telecom")!.basis).toBe("stated");
  });
});

describe("docs/data.md", () => {
  it("explains each ambiguity by its paragraph", () => {
    const text = readFileSync(path.join(REPO_ROOT, "docs/data.md"), "utf8");
    for (const paragraph of [5, 10, 11, 13, 14, 16, 25, 30, 34, 38, 39, 41, 42]) {
      expect(text, `¶${paragraph}`).toContain(`¶${paragraph}`);
    }
  });
});

/** Small, realistic knowledge graphs for the GEXF tests, built through the real schema and graph builder. */
import { MultiDirectedGraph } from "graphology";
import { datasetSchema, type Dataset } from "../../server/domain/dataset-schema";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../server/graph/attributes";
import { buildGraph } from "../../server/graph/build-graph";

/** The label with everything XML and GEXF readers trip on: markup, quotes, a C0 control, a lone surrogate. */
export const WEIRD_LABEL = "Weird <&>\"' \u0001name\uD800 end";
/** What every reader must get back for WEIRD_LABEL: the illegal characters gone, the rest intact. */
export const WEIRD_LABEL_CLEAN = "Weird <&>\"' name end";

const source = (paragraph: number) => [{ document: "article", paragraph }];

/** The raw dataset (before zod defaults), so tests can vary it. */
export function rawDataset(): unknown {
  return {
    name: "GEXF test graph",
    description: "A few companies around Kingsoft Cloud, with the awkward cases of the exporter.",
    documents: [
      {
        id: "article",
        title: "测试文章",
        origin: "test",
        language: "zh",
        paragraphs: 60,
        description: "A test article.",
      },
    ],
    nodes: [
      {
        id: "kingsoft-cloud",
        type: "company",
        label: "Kingsoft Cloud",
        labelZh: "金山云",
        aliases: ["KSYUN", "Kingsoft Cloud Holdings, Ltd.", "金山云控股", 'say "cloud"', "back\\slash", "(ksc)"],
        description: "A Chinese cloud provider.\nListed in 2020.",
        properties: { listed: true, rank: 3 },
        figures: [
          {
            key: "revenue",
            label: "Revenue",
            unit: "CNY",
            points: [
              { year: 2021, value: 9.06e9, sources: source(3) },
              { year: 2022, value: 8.18e9, sources: source(3) },
              { year: 2023, value: 7.01e9, sources: source(38) },
              { period: "Q4 2023", value: 2.1e9, sources: source(38) },
            ],
          },
          { key: "net_loss", label: "Net loss", unit: "CNY", points: [{ year: 2023, min: 2e9, sources: source(4) }] },
          {
            key: "quarterly_revenue",
            label: "Quarterly revenue",
            unit: "CNY",
            points: [
              {
                year: 2023,
                period: "第四季度",
                value: 1.9e9,
                basis: "implied",
                note: "Q4 read as 第四季度.",
                sources: source(5),
              },
            ],
          },
        ],
        sources: [...source(3), ...source(38)],
      },
      {
        id: "xiaomi",
        type: "company",
        label: "Xiaomi",
        labelZh: "小米",
        description: "A phone maker and Kingsoft Cloud's largest customer.",
        basis: "implied",
        note: "The article calls it 'the group'.",
        properties: { listed: true, rank: "top" },
        figures: [
          {
            key: "revenue",
            label: "Revenue",
            unit: "USD",
            points: [{ year: 2023, value: 3.8e10, sources: source(9) }],
          },
        ],
        sources: source(38),
      },
      {
        id: "lei-jun",
        type: "person",
        label: "Lei Jun",
        labelZh: "雷军",
        description: "Founder of Xiaomi; chairman of Kingsoft Cloud.",
        sources: source(40),
      },
      {
        id: "alibaba-cloud",
        type: "cloud_provider",
        label: "Alibaba Cloud",
        labelZh: "阿里云",
        description: "China's largest cloud provider.",
        properties: { listed: false },
        sources: source(12),
      },
      {
        id: "weird",
        type: "topic",
        label: WEIRD_LABEL,
        description: "Tab\there, bell \u0007 gone, emoji 😀 kept, \uFFFE gone.",
        sources: source(50),
      },
    ],
    edges: [
      {
        source: "xiaomi",
        target: "kingsoft-cloud",
        relation: "holds_stake_in",
        description: "Xiaomi owns 12.3 % of Kingsoft Cloud.",
        figures: [{ key: "stake", label: "Stake", unit: "percent", points: [{ value: 12.3, sources: source(38) }] }],
        sources: source(38),
      },
      {
        source: "xiaomi",
        target: "kingsoft-cloud",
        relation: "customer_of",
        description: "Xiaomi buys cloud services from Kingsoft Cloud.",
        properties: { major_customer: true },
        figures: [
          {
            key: "revenue_share",
            label: "Share of Kingsoft Cloud's revenue",
            unit: "percent",
            points: [
              { year: 2019, value: 14.4, sources: source(41) },
              { year: 2020, value: 10, sources: source(41) },
              { period: "early days", min: 80, sources: source(41) },
            ],
          },
        ],
        sources: [...source(38), ...source(41)],
      },
      {
        id: "xiaomi-invests-2019",
        source: "xiaomi",
        target: "kingsoft-cloud",
        relation: "invested_in",
        description: "Xiaomi invested in Kingsoft Cloud in 2019.",
        time: { start: 2019, end: 2019 },
        sources: source(39),
      },
      {
        id: "xiaomi-invests-2021",
        source: "xiaomi",
        target: "kingsoft-cloud",
        relation: "invested_in",
        description: "Xiaomi invested in Kingsoft Cloud again in 2021.",
        time: { start: 2021, basis: "implied", note: "“last year” in a 2022 paragraph." },
        sources: source(39),
      },
      {
        source: "kingsoft-cloud",
        target: "alibaba-cloud",
        relation: "competes_with",
        description: "Both sell cloud computing in China.",
        time: { start: 2013 },
        sources: source(12),
      },
      {
        source: "lei-jun",
        target: "kingsoft-cloud",
        relation: "chairs",
        description: "Lei Jun chairs Kingsoft Cloud's board.",
        properties: { since_founding: false },
        sources: source(40),
      },
    ],
  };
}

export function makeDataset(raw: unknown = rawDataset()): Dataset {
  return datasetSchema.parse(raw);
}

/** The test graph: 5 nodes, 6 edges, 4 of them parallel between Xiaomi and Kingsoft Cloud. */
export function makeGraph(raw?: unknown): KnowledgeGraph {
  return buildGraph(makeDataset(raw));
}

/** A synthetic graph of `order` nodes and `size` edges, for streaming tests that need many batches. */
export function makeLargeGraph(order: number, size: number): KnowledgeGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: "large", description: "synthetic", documents: [] });
  for (let i = 0; i < order; i++) {
    graph.addNode(`n${i}`, {
      label: `Node ${i} 节点`,
      aliases: i % 3 === 0 ? [`alias ${i}`, "a, b"] : [],
      type: "company",
      description: `Description of node ${i} <&>`,
      basis: "stated",
      properties: { score: i, even: i % 2 === 0 },
      figures: [
        {
          key: "revenue",
          label: "Revenue",
          unit: "CNY",
          points: [
            { year: 2000 + (i % 20), value: i * 1000, basis: "stated", sources: [{ document: "d", paragraph: 1 }] },
          ],
        },
      ],
      sources: [{ document: "d", paragraph: (i % 50) + 1 }],
      x: i,
      y: -i / 3,
      size: 1 + (i % 7),
      color: "#336699",
    });
  }
  for (let j = 0; j < size; j++) {
    graph.addDirectedEdgeWithKey(`e${j}`, `n${j % order}`, `n${(j * 7 + 1) % order}`, {
      relation: j % 5 === 0 ? "competes_with" : "customer_of",
      label: j % 5 === 0 ? "competes with" : "is a customer of",
      description: `Edge ${j}`,
      basis: "stated",
      properties: {},
      figures: [],
      sources: [{ document: "d", paragraph: 1 }],
      color: "#3182bd",
      size: 1.5,
    });
  }
  return graph;
}

/**
 * The one vocabulary of the knowledge graph: node types and relations, each with its label, colour and
 * direction. Server, GEXF export and client all import it from here, so a new type is added in one place.
 * Each name and description is given in English and, beside it, in Chinese (the page's 中文 interface and
 * `/api/schema` use them). Pure data with no Node or browser imports, so Vite bundles it for the client as it is.
 */

export const NODE_TYPES = [
  "company",
  "cloud_provider",
  "person",
  "ai_model",
  "product",
  "strategy",
  "organization",
  "document",
  "market_tier",
  "market",
  "industry",
  "event",
  "topic",
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface NodeTypeInfo {
  label: string;
  /** Chinese has no plural: one name for the legend, filters and the sidebar. */
  labelZh: string;
  /** Plural, for legends and filters. */
  plural: string;
  /** `#rrggbb`: the only colour form every GEXF importer reads. */
  color: string;
  description: string;
  descriptionZh: string;
}

export const NODE_TYPE_INFO: Record<NodeType, NodeTypeInfo> = {
  company: {
    label: "Company",
    labelZh: "公司",
    plural: "Companies",
    color: "#e6550d",
    description: "A business group or corporation.",
    descriptionZh: "企业集团或公司。",
  },
  cloud_provider: {
    label: "Cloud provider",
    labelZh: "云服务商",
    plural: "Cloud providers",
    color: "#3182bd",
    description: "A company or division selling cloud computing services.",
    descriptionZh: "销售云计算服务的公司或部门。",
  },
  person: {
    label: "Person",
    labelZh: "人物",
    plural: "People",
    color: "#d6616b",
    description: "A named individual.",
    descriptionZh: "有名有姓的个人。",
  },
  ai_model: {
    label: "AI model",
    labelZh: "AI 模型",
    plural: "AI models",
    color: "#31a354",
    description: "A machine-learning model or AI assistant.",
    descriptionZh: "机器学习模型或 AI 助手。",
  },
  product: {
    label: "Product",
    labelZh: "产品",
    plural: "Products",
    color: "#74c476",
    description: "Something a company sells or gives away.",
    descriptionZh: "公司出售或免费提供的东西。",
  },
  strategy: {
    label: "Strategy",
    labelZh: "战略",
    plural: "Strategies",
    color: "#9e9ac8",
    description: "A named corporate programme or strategy.",
    descriptionZh: "有名称的公司计划或战略。",
  },
  organization: {
    label: "Organisation",
    labelZh: "机构",
    plural: "Organisations",
    color: "#8c6d31",
    description: "A university, consultancy or publisher.",
    descriptionZh: "大学、咨询公司或出版方。",
  },
  document: {
    label: "Document",
    labelZh: "文献",
    plural: "Documents",
    color: "#7f7f7f",
    description: "An article, report or evaluation.",
    descriptionZh: "文章、报告或评测。",
  },
  market_tier: {
    label: "Market tier",
    labelZh: "市场梯队",
    plural: "Market tiers",
    color: "#6baed6",
    description: "A group of competitors the article ranks together.",
    descriptionZh: "文章归为一组的竞争者。",
  },
  market: {
    label: "Market",
    labelZh: "市场",
    plural: "Markets",
    color: "#bcbd22",
    description: "A market or customer segment.",
    descriptionZh: "一个市场或客户群体。",
  },
  industry: {
    label: "Industry",
    labelZh: "行业",
    plural: "Industries",
    color: "#e7ba52",
    description: "An industry a company serves.",
    descriptionZh: "公司服务的行业。",
  },
  event: {
    label: "Event",
    labelZh: "事件",
    plural: "Events",
    color: "#ad494a",
    description: "Something that happened over a time.",
    descriptionZh: "在一段时间里发生的事。",
  },
  topic: {
    label: "Topic",
    labelZh: "主题",
    plural: "Topics",
    color: "#a55194",
    description: "An activity or subject the article gives figures for.",
    descriptionZh: "文章给出数据的活动或话题。",
  },
};

export const RELATIONS = [
  "holds_stake_in",
  "invested_in",
  "customer_of",
  "partner_of",
  "supports",
  "part_of",
  "founded",
  "chairs",
  "chief_executive_of",
  "vice_president_of",
  "champions",
  "remarked_on",
  "member_of_tier",
  "competes_with",
  "pressures",
  "dominates",
  "initiated",
  "followed",
  "followed_lead_of",
  "weighs_following",
  "released",
  "offers",
  "packages",
  "runs_on",
  "owns",
  "integrated",
  "pursues",
  "spurred",
  "absent_from",
  "published",
  "cites",
  "covers",
  "serves_industry",
  "listed_on",
  "moving_towards",
  "moving_away_from",
  "advised_towards",
  "weighs_investment_in",
  "operates_in",
] as const;
export type Relation = (typeof RELATIONS)[number];

export interface RelationInfo {
  /** Reads between source and target: "Xiaomi — holds a stake in → Kingsoft Cloud". */
  label: string;
  /** The same reading in Chinese, short enough for a canvas label: "小米 — 持股 → 金山云". */
  labelZh: string;
  color: string;
  /** false for symmetric relations: drawn without an arrow, and marked `symmetric` in GEXF exports. */
  directed: boolean;
  description: string;
  descriptionZh: string;
  /**
   * What the relation says about control, for control chains: `stake` owns the share its `stake` figure gives,
   * `whole` owns all of the target, `parent` makes the target the source's parent (a share not given), `role`
   * is a person's office at the target (chair, chief executive, founder).
   */
  control?: "stake" | "whole" | "parent" | "role";
}

export const RELATION_INFO: Record<Relation, RelationInfo> = {
  holds_stake_in: {
    label: "holds a stake in",
    labelZh: "持股",
    color: "#e6550d",
    directed: true,
    description: "Owns part of the target's shares.",
    descriptionZh: "持有对方的部分股份。",
    control: "stake",
  },
  invested_in: {
    label: "invested in",
    labelZh: "投资",
    color: "#fd8d3c",
    directed: true,
    description: "Put money into the target.",
    descriptionZh: "向对方投入资金。",
  },
  customer_of: {
    label: "is a customer of",
    labelZh: "采购自",
    color: "#3182bd",
    directed: true,
    description: "Buys from the target.",
    descriptionZh: "向对方采购。",
  },
  partner_of: {
    label: "is a partner of",
    labelZh: "合作伙伴",
    color: "#6baed6",
    directed: false,
    description: "Works closely with the target.",
    descriptionZh: "与对方紧密合作。",
  },
  supports: {
    label: "supports",
    labelZh: "支持",
    color: "#9ecae1",
    directed: true,
    description: "Helps the target's business in a named area.",
    descriptionZh: "在某一领域帮助对方的业务。",
  },
  part_of: {
    label: "is part of",
    labelZh: "隶属于",
    color: "#969696",
    directed: true,
    description: "Is a division or member of.",
    descriptionZh: "是对方的一个部门或成员。",
    control: "parent",
  },
  founded: {
    label: "founded",
    labelZh: "创立",
    color: "#d6616b",
    directed: true,
    description: "Founded the target.",
    descriptionZh: "创立了对方。",
    control: "role",
  },
  chairs: {
    label: "chairs",
    labelZh: "任董事长",
    color: "#ad494a",
    directed: true,
    description: "Is chairman of the target's board.",
    descriptionZh: "担任对方董事会主席。",
    control: "role",
  },
  chief_executive_of: {
    label: "is chief executive of",
    labelZh: "任首席执行官",
    color: "#843c39",
    directed: true,
    description: "Is the target's CEO.",
    descriptionZh: "担任对方的首席执行官。",
    control: "role",
  },
  vice_president_of: {
    label: "is vice president of",
    labelZh: "任副总裁",
    color: "#e7969c",
    directed: true,
    description: "Is a vice president of the target.",
    descriptionZh: "担任对方的副总裁。",
    control: "role",
  },
  champions: {
    label: "champions",
    labelZh: "力挺",
    color: "#cedb9c",
    directed: true,
    description: "Has publicly backed the target.",
    descriptionZh: "公开支持对方。",
  },
  remarked_on: {
    label: "remarked on",
    labelZh: "评论",
    color: "#bd9e39",
    directed: true,
    description: "Said something on the record about the target.",
    descriptionZh: "公开就对方发表过看法。",
  },
  member_of_tier: {
    label: "is in the tier",
    labelZh: "属于梯队",
    color: "#9e9ac8",
    directed: true,
    description: "Belongs to the market tier.",
    descriptionZh: "属于该市场梯队。",
  },
  competes_with: {
    label: "competes with",
    labelZh: "竞争",
    color: "#de2d26",
    directed: false,
    description: "Competes in the same market.",
    descriptionZh: "在同一市场竞争。",
  },
  pressures: {
    label: "puts pressure on",
    labelZh: "施压",
    color: "#a50f15",
    directed: true,
    description: "Squeezes the target's business.",
    descriptionZh: "挤压对方的业务。",
  },
  dominates: {
    label: "dominates",
    labelZh: "主导",
    color: "#67000d",
    directed: true,
    description: "Is among the leaders of the market.",
    descriptionZh: "是该市场的领先者之一。",
  },
  initiated: {
    label: "initiated",
    labelZh: "发起",
    color: "#ad494a",
    directed: true,
    description: "Started the event.",
    descriptionZh: "发起了该事件。",
  },
  followed: {
    label: "followed",
    labelZh: "跟进",
    color: "#d6616b",
    directed: true,
    description: "Joined an event others started.",
    descriptionZh: "加入了别人发起的事件。",
  },
  followed_lead_of: {
    label: "followed the lead of",
    labelZh: "效仿",
    color: "#fc9272",
    directed: true,
    description: "Did what the target had done first.",
    descriptionZh: "做了对方先做过的事。",
  },
  weighs_following: {
    label: "weighs following",
    labelZh: "考虑跟进",
    color: "#e7969c",
    directed: true,
    description: "Has to decide whether to join the event.",
    descriptionZh: "须决定是否加入该事件。",
  },
  released: {
    label: "released",
    labelZh: "发布",
    color: "#31a354",
    directed: true,
    description: "Published or launched the target.",
    descriptionZh: "发布或推出了对方。",
  },
  offers: {
    label: "offers",
    labelZh: "提供",
    color: "#74c476",
    directed: true,
    description: "Makes the target available to customers.",
    descriptionZh: "向客户提供对方。",
  },
  packages: {
    label: "packages",
    labelZh: "封装",
    color: "#a1d99b",
    directed: true,
    description: "Bundles the target model ready to run.",
    descriptionZh: "把该模型打包成可直接运行的形式。",
  },
  runs_on: {
    label: "runs on",
    labelZh: "运行于",
    color: "#c7e9c0",
    directed: true,
    description: "Needs the target to run.",
    descriptionZh: "需要对方才能运行。",
  },
  owns: {
    label: "owns",
    labelZh: "拥有",
    color: "#637939",
    directed: true,
    description: "Owns the target model or product.",
    descriptionZh: "拥有该模型或产品。",
    control: "whole",
  },
  integrated: {
    label: "integrated",
    labelZh: "集成",
    color: "#8ca252",
    directed: true,
    description: "Built the target into its products.",
    descriptionZh: "把对方集成进自己的产品。",
  },
  pursues: {
    label: "pursues",
    labelZh: "推行",
    color: "#9e9ac8",
    directed: true,
    description: "Follows the strategy.",
    descriptionZh: "奉行该战略。",
  },
  spurred: {
    label: "spurred",
    labelZh: "推动",
    color: "#bcbddc",
    directed: true,
    description: "Set the target moving, as the article tells it.",
    descriptionZh: "按文章的说法，促使对方启动。",
  },
  absent_from: {
    label: "is absent from",
    labelZh: "未列入",
    color: "#636363",
    directed: true,
    description: "Was not included in the target evaluation (a negative fact, stated).",
    descriptionZh: "未被列入该评测（文章明确指出的否定事实）。",
  },
  published: {
    label: "published",
    labelZh: "发表",
    color: "#8c6d31",
    directed: true,
    description: "Published the document.",
    descriptionZh: "发表了该文献。",
  },
  cites: {
    label: "cites",
    labelZh: "引用",
    color: "#bd9e39",
    directed: true,
    description: "Lists the target as a reference.",
    descriptionZh: "把对方列为参考来源。",
  },
  covers: {
    label: "covers",
    labelZh: "报道",
    color: "#e7cb94",
    directed: true,
    description: "Is mainly about the target.",
    descriptionZh: "主要讲述对方。",
  },
  serves_industry: {
    label: "serves",
    labelZh: "服务于",
    color: "#e7ba52",
    directed: true,
    description: "Has customers in the industry.",
    descriptionZh: "在该行业有客户。",
  },
  listed_on: {
    label: "is listed on",
    labelZh: "上市于",
    color: "#bcbd22",
    directed: true,
    description: "Its shares trade on the market.",
    descriptionZh: "其股票在该市场交易。",
  },
  moving_towards: {
    label: "is moving towards",
    labelZh: "转向",
    color: "#17becf",
    directed: true,
    description: "Shifting its business towards the target.",
    descriptionZh: "把业务转向对方。",
  },
  moving_away_from: {
    label: "is moving away from",
    labelZh: "逐步远离",
    color: "#9edae5",
    directed: true,
    description: "Reducing its reliance on the target.",
    descriptionZh: "减少对对方的依赖。",
  },
  advised_towards: {
    label: "is advised towards",
    labelZh: "被建议转向",
    color: "#dbdb8d",
    directed: true,
    description: "The article's author suggests the target as a better focus.",
    descriptionZh: "文章作者建议把重点放在对方。",
  },
  weighs_investment_in: {
    label: "weighs investing in",
    labelZh: "考虑投资",
    color: "#a55194",
    directed: true,
    description: "Has to decide whether to spend on the target.",
    descriptionZh: "须决定是否在对方上投入。",
  },
  operates_in: {
    label: "operates in",
    labelZh: "经营于",
    color: "#c7c7c7",
    directed: true,
    description: "Does business in the market.",
    descriptionZh: "在该市场开展业务。",
  },
};

/** How a fact is supported by its sources. */
export const BASES = ["stated", "implied", "derived"] as const;
export type Basis = (typeof BASES)[number];

/**
 * Units of figures. Money keeps its currency; percentages are stored as percent (12.3, not 0.123). How a unit
 * reads is up to each output: the page writes "7.047 bn yuan", a GEXF column title "(CNY)".
 */
export const UNITS = ["CNY", "USD", "USD_per_share", "percent", "parameters", "tokens", "count"] as const;
export type Unit = (typeof UNITS)[number];

export const isNodeType = (value: string): value is NodeType => (NODE_TYPES as readonly string[]).includes(value);
export const isRelation = (value: string): value is Relation => (RELATIONS as readonly string[]).includes(value);

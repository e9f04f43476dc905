/**
 * The one vocabulary of the knowledge graph: node types and relations, each with its label, colour and
 * direction. Server, GEXF export and client all import it from here, so a new type is added in one place.
 * Pure data with no Node or browser imports, so Vite bundles it for the client as it is.
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
  /** Plural, for legends and filters. */
  plural: string;
  /** `#rrggbb`: the only colour form every GEXF importer reads. */
  color: string;
  description: string;
}

export const NODE_TYPE_INFO: Record<NodeType, NodeTypeInfo> = {
  company: { label: "Company", plural: "Companies", color: "#e6550d", description: "A business group or corporation." },
  cloud_provider: {
    label: "Cloud provider",
    plural: "Cloud providers",
    color: "#3182bd",
    description: "A company or division selling cloud computing services.",
  },
  person: { label: "Person", plural: "People", color: "#d6616b", description: "A named individual." },
  ai_model: {
    label: "AI model",
    plural: "AI models",
    color: "#31a354",
    description: "A machine-learning model or AI assistant.",
  },
  product: {
    label: "Product",
    plural: "Products",
    color: "#74c476",
    description: "Something a company sells or gives away.",
  },
  strategy: {
    label: "Strategy",
    plural: "Strategies",
    color: "#9e9ac8",
    description: "A named corporate programme or strategy.",
  },
  organization: {
    label: "Organisation",
    plural: "Organisations",
    color: "#8c6d31",
    description: "A university, consultancy or publisher.",
  },
  document: {
    label: "Document",
    plural: "Documents",
    color: "#7f7f7f",
    description: "An article, report or evaluation.",
  },
  market_tier: {
    label: "Market tier",
    plural: "Market tiers",
    color: "#6baed6",
    description: "A group of competitors the article ranks together.",
  },
  market: { label: "Market", plural: "Markets", color: "#bcbd22", description: "A market or customer segment." },
  industry: {
    label: "Industry",
    plural: "Industries",
    color: "#e7ba52",
    description: "An industry a company serves.",
  },
  event: { label: "Event", plural: "Events", color: "#ad494a", description: "Something that happened over a time." },
  topic: {
    label: "Topic",
    plural: "Topics",
    color: "#a55194",
    description: "An activity or subject the article gives figures for.",
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
  color: string;
  /** false for symmetric relations: drawn without an arrow, and marked `symmetric` in GEXF exports. */
  directed: boolean;
  description: string;
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
    color: "#e6550d",
    directed: true,
    description: "Owns part of the target's shares.",
    control: "stake",
  },
  invested_in: { label: "invested in", color: "#fd8d3c", directed: true, description: "Put money into the target." },
  customer_of: {
    label: "is a customer of",
    color: "#3182bd",
    directed: true,
    description: "Buys from the target.",
  },
  partner_of: {
    label: "is a partner of",
    color: "#6baed6",
    directed: false,
    description: "Works closely with the target.",
  },
  supports: {
    label: "supports",
    color: "#9ecae1",
    directed: true,
    description: "Helps the target's business in a named area.",
  },
  part_of: {
    label: "is part of",
    color: "#969696",
    directed: true,
    description: "Is a division or member of.",
    control: "parent",
  },
  founded: {
    label: "founded",
    color: "#d6616b",
    directed: true,
    description: "Founded the target.",
    control: "role",
  },
  chairs: {
    label: "chairs",
    color: "#ad494a",
    directed: true,
    description: "Is chairman of the target's board.",
    control: "role",
  },
  chief_executive_of: {
    label: "is chief executive of",
    color: "#843c39",
    directed: true,
    description: "Is the target's CEO.",
    control: "role",
  },
  vice_president_of: {
    label: "is vice president of",
    color: "#e7969c",
    directed: true,
    description: "Is a vice president of the target.",
    control: "role",
  },
  champions: {
    label: "champions",
    color: "#cedb9c",
    directed: true,
    description: "Has publicly backed the target.",
  },
  remarked_on: {
    label: "remarked on",
    color: "#bd9e39",
    directed: true,
    description: "Said something on the record about the target.",
  },
  member_of_tier: {
    label: "is in the tier",
    color: "#9e9ac8",
    directed: true,
    description: "Belongs to the market tier.",
  },
  competes_with: {
    label: "competes with",
    color: "#de2d26",
    directed: false,
    description: "Competes in the same market.",
  },
  pressures: {
    label: "puts pressure on",
    color: "#a50f15",
    directed: true,
    description: "Squeezes the target's business.",
  },
  dominates: {
    label: "dominates",
    color: "#67000d",
    directed: true,
    description: "Is among the leaders of the market.",
  },
  initiated: { label: "initiated", color: "#ad494a", directed: true, description: "Started the event." },
  followed: { label: "followed", color: "#d6616b", directed: true, description: "Joined an event others started." },
  followed_lead_of: {
    label: "followed the lead of",
    color: "#fc9272",
    directed: true,
    description: "Did what the target had done first.",
  },
  weighs_following: {
    label: "weighs following",
    color: "#e7969c",
    directed: true,
    description: "Has to decide whether to join the event.",
  },
  released: {
    label: "released",
    color: "#31a354",
    directed: true,
    description: "Published or launched the target.",
  },
  offers: {
    label: "offers",
    color: "#74c476",
    directed: true,
    description: "Makes the target available to customers.",
  },
  packages: {
    label: "packages",
    color: "#a1d99b",
    directed: true,
    description: "Bundles the target model ready to run.",
  },
  runs_on: { label: "runs on", color: "#c7e9c0", directed: true, description: "Needs the target to run." },
  owns: {
    label: "owns",
    color: "#637939",
    directed: true,
    description: "Owns the target model or product.",
    control: "whole",
  },
  integrated: {
    label: "integrated",
    color: "#8ca252",
    directed: true,
    description: "Built the target into its products.",
  },
  pursues: { label: "pursues", color: "#9e9ac8", directed: true, description: "Follows the strategy." },
  spurred: {
    label: "spurred",
    color: "#bcbddc",
    directed: true,
    description: "Set the target moving, as the article tells it.",
  },
  absent_from: {
    label: "is absent from",
    color: "#636363",
    directed: true,
    description: "Was not included in the target evaluation (a negative fact, stated).",
  },
  published: { label: "published", color: "#8c6d31", directed: true, description: "Published the document." },
  cites: { label: "cites", color: "#bd9e39", directed: true, description: "Lists the target as a reference." },
  covers: { label: "covers", color: "#e7cb94", directed: true, description: "Is mainly about the target." },
  serves_industry: {
    label: "serves",
    color: "#e7ba52",
    directed: true,
    description: "Has customers in the industry.",
  },
  listed_on: {
    label: "is listed on",
    color: "#bcbd22",
    directed: true,
    description: "Its shares trade on the market.",
  },
  moving_towards: {
    label: "is moving towards",
    color: "#17becf",
    directed: true,
    description: "Shifting its business towards the target.",
  },
  moving_away_from: {
    label: "is moving away from",
    color: "#9edae5",
    directed: true,
    description: "Reducing its reliance on the target.",
  },
  advised_towards: {
    label: "is advised towards",
    color: "#dbdb8d",
    directed: true,
    description: "The article's author suggests the target as a better focus.",
  },
  weighs_investment_in: {
    label: "weighs investing in",
    color: "#a55194",
    directed: true,
    description: "Has to decide whether to spend on the target.",
  },
  operates_in: {
    label: "operates in",
    color: "#c7c7c7",
    directed: true,
    description: "Does business in the market.",
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

/**
 * Ranked, typo-tolerant search over English and Chinese names, aliases and descriptions (MiniSearch).
 * Words are split on spaces and punctuation and also kept joined, so "alpaca lora", "Alpaca-LoRA" and
 * "alpacalora" meet; Chinese runs are indexed whole and as character pairs, so "金山" and "山云" find 金山云.
 */
import MiniSearch from "minisearch";
import type { KnowledgeGraph } from "./attributes";

const BOOST = { label: 4, labelZh: 4, aliases: 3, description: 0.5 };
const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;

export function tokenize(text: string): string[] {
  const lower = text.normalize("NFKC").toLowerCase();
  const words = lower.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
  const tokens = new Set(words);
  if (words.length > 1 && words.length <= 4) tokens.add(words.join(""));
  for (const run of lower.match(CJK) ?? []) {
    tokens.add(run);
    for (let i = 0; i + 2 <= run.length; i++) tokens.add(run.slice(i, i + 2));
  }
  return [...tokens];
}

const NAME_FIELDS = ["label", "labelZh", "aliases"] as const;
type NameDocument = { id: string } & Record<(typeof NAME_FIELDS)[number], string>;
type DescriptionDocument = { id: string; description: string };

/** Graphs up to this many nodes are indexed whole before the constructor returns; bigger ones in the background. */
export const EAGER_INDEX_UP_TO = 50_000;
/** Nodes indexed per turn of the event loop when indexing in the background (some tens of ms). */
const CHUNK = 2000;

export interface SearchMatch {
  key: string;
  score: number;
  matchedIn: string[];
}

export interface SearchIndexOptions {
  /** Index everything at once up to this many nodes, else in the background; default EAGER_INDEX_UP_TO. */
  eagerUpTo?: number;
}

/** How far indexing has got: nodes whose names, and nodes whose descriptions, are searchable. */
export interface SearchProgress {
  named: number;
  described: number;
  nodes: number;
}

const SEARCH_OPTIONS = {
  boost: BOOST,
  prefix: (term: string) => term.length >= 2,
  // Edit distance grows with the word: one typo from 4 letters, two (a swapped pair) from 7.
  fuzzy: (term: string) => (term.length >= 7 ? 2 : term.length >= 4 ? 1 : false),
  weights: { prefix: 0.5, fuzzy: 0.4 },
};

const newIndex = <T extends { id: string }>(fields: readonly string[]) =>
  new MiniSearch<T>({ fields: [...fields], storeFields: [], tokenize, searchOptions: { tokenize } });

/**
 * Names (label, Chinese label, aliases) and descriptions live in two MiniSearch indexes over the same nodes in
 * the same order. MiniSearch scores each field apart (BM25 with that field's statistics) and multiplies the sum
 * by the number of query words matched, so adding the two raw sums and multiplying once gives the score one
 * index over all four fields would give. On a big graph the server answers before search is built: names are
 * indexed first, a chunk per event-loop turn (a 200k-node graph has some 650k distinct name terms, about half a
 * minute of indexing), then descriptions; `progress` says how far it has got, and search answers from what is in.
 */
export class SearchIndex {
  private readonly names = newIndex<NameDocument>(NAME_FIELDS);
  private readonly descriptions = newIndex<DescriptionDocument>(["description"]);
  private namedCount = 0;
  private describedCount = 0;
  /** Resolves once names and descriptions are all indexed; at once for graphs up to `eagerUpTo` nodes. */
  readonly ready: Promise<void>;

  constructor(
    private readonly graph: KnowledgeGraph,
    { eagerUpTo = EAGER_INDEX_UP_TO }: SearchIndexOptions = {},
  ) {
    const keys = graph.nodes();
    if (keys.length <= eagerUpTo) {
      this.name(keys, 0, keys.length);
      this.describe(keys, 0, keys.length);
      this.ready = Promise.resolve();
    } else {
      this.ready = this.indexInBackground(keys);
    }
  }

  /** Whether every name and description is searchable. */
  get complete(): boolean {
    return this.describedCount === this.graph.order && this.namedCount === this.graph.order;
  }

  get progress(): SearchProgress {
    return { named: this.namedCount, described: this.describedCount, nodes: this.graph.order };
  }

  private name(keys: string[], from: number, to: number): void {
    const documents: NameDocument[] = [];
    for (let i = from; i < to; i++) {
      const a = this.graph.getNodeAttributes(keys[i]!);
      documents.push({ id: keys[i]!, label: a.label, labelZh: a.labelZh ?? "", aliases: a.aliases.join(" | ") });
    }
    this.names.addAll(documents);
    this.namedCount = to;
  }

  private describe(keys: string[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      this.descriptions.add({ id: keys[i]!, description: this.graph.getNodeAttribute(keys[i]!, "description") });
    }
    this.describedCount = to;
  }

  private async indexInBackground(keys: string[]): Promise<void> {
    for (const step of [this.name, this.describe]) {
      for (let from = 0; from < keys.length; from += CHUNK) {
        await new Promise((resolve) => setImmediate(resolve));
        step.call(this, keys, from, Math.min(keys.length, from + CHUNK));
      }
    }
  }

  search(query: string, limit: number): SearchMatch[] {
    type Hit = { id: unknown; score: number; queryTerms: string[]; match: Record<string, string[]> };
    // Most nodes match in one index only; entries are merged only when both found them.
    const merged = new Map<string, { raw: number; hits: Hit[] }>();
    for (const index of [this.names, this.descriptions] as MiniSearch[]) {
      for (const r of index.search(query, SEARCH_OPTIONS) as Hit[]) {
        const key = String(r.id);
        // MiniSearch's score is its raw sum times the number of query words matched: undo that to add.
        const raw = r.score / (r.queryTerms.length || 1);
        const entry = merged.get(key);
        if (entry) {
          entry.raw += raw;
          entry.hits.push(r);
        } else merged.set(key, { raw, hits: [r] });
      }
    }
    const scored: { key: string; exact: number; hits: Hit[] }[] = [];
    for (const [key, { raw, hits }] of merged) {
      const terms = hits.length === 1 ? hits[0]!.queryTerms.length : new Set(hits.flatMap((h) => h.queryTerms)).size;
      scored.push({ key, exact: raw * (terms || 1), hits });
    }
    // Only the first `limit` are shown (a common word can match every node), so only they get their fields.
    const toMatch = ({ key, exact, hits }: (typeof scored)[number]): SearchMatch => ({
      key,
      score: Math.round(exact * 1000) / 1000,
      matchedIn: [...new Set(hits.flatMap((h) => Object.values(h.match).flat()))].sort(),
    });
    const exactKey = this.graph.hasNode(query.trim()) ? query.trim() : undefined;
    // A query that is exactly a node key (as in links and URLs) puts that node first.
    if (exactKey) {
      const found = scored.find((s) => s.key === exactKey);
      const top = found ? toMatch(found) : { key: exactKey, score: 0, matchedIn: [] };
      const rest = topByScore(
        scored.filter((s) => s.key !== exactKey),
        limit - 1,
      ).map(toMatch);
      return [{ ...top, matchedIn: [...new Set([...top.matchedIn, "key"])].sort() }, ...rest].slice(0, limit);
    }
    return topByScore(scored, limit).map(toMatch);
  }
}

/** The `count` best by score, best first, earlier ones first among equals (as a stable sort would give). */
function topByScore<T extends { exact: number }>(items: T[], count: number): T[] {
  const top: T[] = [];
  if (count <= 0) return top;
  for (const item of items) {
    if (top.length === count && item.exact <= top[count - 1]!.exact) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.exact < item.exact) at--;
    top.splice(at, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

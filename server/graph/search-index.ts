/**
 * Ranked, typo-tolerant search over English and Chinese names, aliases and descriptions (MiniSearch).
 * Words are split on spaces and punctuation and also kept joined, so "alpaca lora", "Alpaca-LoRA" and
 * "alpacalora" meet; Chinese runs are indexed whole and as character pairs, so "金山" and "山云" find 金山云.
 */
import MiniSearch from "minisearch";
import type { KnowledgeGraph } from "./attributes";

const FIELDS = ["label", "labelZh", "aliases", "description"] as const;
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

type SearchDocument = { id: string } & Record<(typeof FIELDS)[number], string>;

export interface SearchMatch {
  key: string;
  score: number;
  matchedIn: string[];
}

export class SearchIndex {
  private readonly index = new MiniSearch<SearchDocument>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    searchOptions: { tokenize },
  });

  constructor(private readonly graph: KnowledgeGraph) {
    const documents: SearchDocument[] = [];
    graph.forEachNode((key, a) => {
      documents.push({
        id: key,
        label: a.label,
        labelZh: a.labelZh ?? "",
        aliases: a.aliases.join(" | "),
        description: a.description,
      });
    });
    this.index.addAll(documents);
  }

  search(query: string, limit: number): SearchMatch[] {
    const results = this.index.search(query, {
      boost: BOOST,
      prefix: (term) => term.length >= 2,
      // Edit distance grows with the word: one typo from 4 letters, two (a swapped pair) from 7.
      fuzzy: (term) => (term.length >= 7 ? 2 : term.length >= 4 ? 1 : false),
      weights: { prefix: 0.5, fuzzy: 0.4 },
    });
    const exact = this.graph.hasNode(query.trim()) ? query.trim() : undefined;
    const matches = results.map((r) => ({
      key: String(r.id),
      score: Math.round(r.score * 1000) / 1000,
      matchedIn: [...new Set(Object.values(r.match).flat())].sort(),
    }));
    // A query that is exactly a node key (as in links and URLs) puts that node first.
    if (exact) {
      const rest = matches.filter((m) => m.key !== exact);
      const top = matches.find((m) => m.key === exact) ?? { key: exact, score: 0, matchedIn: [] };
      return [{ ...top, matchedIn: [...new Set([...top.matchedIn, "key"])].sort() }, ...rest].slice(0, limit);
    }
    return matches.slice(0, limit);
  }
}

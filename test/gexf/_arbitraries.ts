/**
 * fast-check generators of knowledge graphs for the GEXF property tests: every attribute slot filled with what breaks
 * XML and GEXF readers (markup, C0 controls, U+FFFE/U+FFFF, lone surrogates, emoji, right-to-left text, 100 kB
 * strings, NaN and ±Infinity, nested objects and empty lists), parallel edges and self-loops. Built directly as
 * graphology graphs (cast), since the dataset schema would refuse most of it.
 */
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { BASES, NODE_TYPES, RELATIONS, UNITS } from "../../server/domain/vocabulary";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../server/graph/attributes";

export const PIECES = [
  "<",
  ">",
  "&",
  '"',
  "'",
  "&amp;",
  "]]>",
  "<!--",
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u001B",
  "\u001F",
  "\u007F",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\uFFFE",
  "\uFFFF",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
  "\uD83D",
  "😀",
  "👩‍👩‍👧",
  "𝄞",
  "مرحبا بالعالم",
  "שָׁלוֹם",
  "\u202E",
  "\u200F",
  "金山云",
  "雷军",
  " ",
  "  ",
  ",",
  "[",
  "]",
  "\\",
  "\\n",
  "|",
  " | ",
  "(",
  ")",
  "\u0085",
  "\u2028",
  "a",
  "Kingsoft",
  "0",
  "-1",
  "true",
  "null",
  "NaN",
];
export const BIG = Array.from({ length: 2 }, (_, i) => {
  const unit = i === 0 ? "big <&> 金山云 😀 \u0001\uD800 مرحبا " : "x".repeat(31) + "\n";
  return unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
});

const text = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((a) => a.join("")), weight: 200 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 16 }), weight: 80 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 60 },
  { arbitrary: fc.constantFrom(...BIG), weight: 1 },
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e21, 5e-324, Number.MAX_VALUE, 0.1 + 0.2),
);
const year = fc.integer({ min: 1990, max: 2030 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const propertyValue = fc.oneof(
  { arbitrary: text, weight: 4 },
  { arbitrary: number, weight: 4 },
  { arbitrary: fc.boolean(), weight: 3 },
  fc.constantFrom<unknown>(null, undefined, [], {}, { a: "\uD800\u0001<&>", b: [NaN, Infinity], c: { d: [] } }),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(text, number, fc.boolean(), fc.constant(null)), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const properties = fc
  .array(fc.tuple(fc.oneof(text, fc.constantFrom("listed", "rank", "open_source", "Listed")), propertyValue), {
    maxLength: 5,
  })
  .map((entries) => Object.fromEntries(entries.filter(([key]) => key !== "__proto__")));

const timeSpan = fc
  .record({ start: maybe(year), end: maybe(year), basis: fc.constantFrom(...BASES), note: maybe(text) })
  .map((t) => {
    const span = { ...t };
    if (span.start !== undefined && span.end !== undefined && span.start > span.end)
      [span.start, span.end] = [span.end, span.start];
    if (span.start === undefined && span.end === undefined) span.start = 2020;
    return span;
  });

const figure = fc.record({
  key: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), text),
  label: text,
  unit: fc.constantFrom(...UNITS),
  points: fc.array(
    fc.record({ year: maybe(year), period: maybe(text), value: maybe(number), min: maybe(number), max: maybe(number) }),
    { minLength: 1, maxLength: 4 },
  ),
});

const sources = fc.array(fc.record({ document: fc.oneof(fc.constant("article"), text), paragraph: fc.nat(999) }), {
  maxLength: 2,
});
const color = fc.oneof(fc.constantFrom("#336699", "#ABC", "red", "#12345678", ""), text);

const nodeAttributes = fc.record({
  label: text,
  labelZh: maybe(text),
  aliases: fc.array(text, { maxLength: 4 }),
  type: fc.oneof(fc.constantFrom(...NODE_TYPES), text),
  description: text,
  basis: fc.constantFrom(...BASES),
  note: maybe(text),
  time: maybe(timeSpan),
  properties,
  figures: fc.array(figure, { maxLength: 3 }),
  sources,
  x: number,
  y: number,
  size: number,
  color,
});

const edgeAttributes = fc.record({
  relation: fc.constantFrom(...RELATIONS),
  label: text,
  description: text,
  basis: fc.constantFrom(...BASES),
  note: maybe(text),
  time: maybe(timeSpan),
  properties,
  figures: fc.array(figure, { maxLength: 2 }),
  sources,
  color,
  size: number,
});

// Keys stay legal XML (a key is an id, not a value), with markup, quotes and non-Latin letters in them.
const KEY_SUFFIXES = ["", "", "", " <&\"'>", " 金山云", " 😀", " مرحبا"];

export const graphArbitrary = fc
  .record({
    name: text,
    description: text,
    nodes: fc.array(fc.tuple(fc.constantFrom(...KEY_SUFFIXES), nodeAttributes), { minLength: 1, maxLength: 6 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...KEY_SUFFIXES), edgeAttributes), {
      maxLength: 10,
    }),
  })
  .map(({ name, description, nodes, edges }) => {
    const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    graph.replaceAttributes({ name, description, documents: [] });
    const keys = nodes.map(([suffix, attributes], i) => {
      const key = `n${i}${suffix}`;
      graph.addNode(key, attributes as unknown as NodeAttributes);
      return key;
    });
    edges.forEach(([s, t, suffix, attributes], i) => {
      const source = keys[s % keys.length]!;
      const target = keys[t % keys.length]!;
      graph.addDirectedEdgeWithKey(`e${i}${suffix}`, source, target, attributes as unknown as EdgeAttributes);
    });
    return graph as KnowledgeGraph;
  });

/** One graph with every awkward value in every slot, so each kind is covered whatever the seed. */
export function kitchenSink(): KnowledgeGraph {
  const all = PIECES.join("");
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: all, description: BIG[0]!, documents: [] });
  const node = (label: string, x: number): NodeAttributes =>
    ({
      label,
      labelZh: all,
      aliases: [all, "", "\u0001", "a, b", 'say "x"', BIG[1]!],
      type: all,
      description: BIG[0]!,
      basis: "implied",
      note: "\uFFFE\uFFFF",
      time: { start: 2019, end: 2021, basis: "stated", note: all },
      properties: {
        nested: { a: [1, { b: "\uD800" }] },
        empty: [],
        emptyObject: {},
        nothing: null,
        nan: NaN,
        [all]: all,
      },
      figures: [
        {
          key: "revenue",
          label: all,
          unit: "CNY",
          points: [
            { year: 2019, value: NaN, sources: [] },
            { year: 2020, value: 1.5, min: -Infinity, max: Infinity, sources: [] },
            { period: all, min: 80, sources: [] },
            { value: 1e21, sources: [] },
          ],
        },
      ],
      sources: [{ document: all, paragraph: 3 }],
      x,
      y: NaN,
      size: Infinity,
      color: "#ABC",
    }) as unknown as NodeAttributes;
  graph.addNode("a", node("\u0001\uD800", 1));
  graph.addNode("b <&\"'> 金山云 😀", node(BIG[0]!, NaN));
  const edge = { ...node("x", 0), relation: "competes_with", label: all, size: NaN } as unknown as EdgeAttributes;
  graph.addDirectedEdgeWithKey("e1", "a", "b <&\"'> 金山云 😀", edge);
  graph.addDirectedEdgeWithKey("e2", "a", "b <&\"'> 金山云 😀", { ...edge, relation: "competes_with" });
  graph.addDirectedEdgeWithKey("e3", "b <&\"'> 金山云 😀", "a", { ...edge, label: "\u0001" });
  graph.addDirectedEdgeWithKey("e4", "a", "a", { ...edge, relation: "customer_of", label: "" });
  return graph;
}

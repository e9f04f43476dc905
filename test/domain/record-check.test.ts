/**
 * The fast record check must never be more lenient than zod: whatever it accepts, zod accepts with the same
 * output once defaults are filled. Records are real ones (the embedded dataset, generated ones) with random
 * fields replaced by awkward values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { datasetSchema, edgeSchema, nodeSchema } from "../../server/domain/dataset-schema";
import { parseDataset } from "../../server/domain/load-dataset";
import { isSurelyValidEdge, isSurelyValidNode, withDefaults } from "../../server/domain/record-check";
import { syntheticEdges, syntheticNodes } from "../../bench/synthetic-dataset";
import { embeddedText } from "../_fixtures";

const embedded = JSON.parse(embeddedText());
const generated = { nodes: [...syntheticNodes({ nodes: 200, edges: 0, seed: 3 })] };
const generatedEdges = [...syntheticEdges({ nodes: 200, edges: 400, seed: 3 })];
const nodes: unknown[] = [...embedded.nodes, ...generated.nodes];
const edges: unknown[] = [...embedded.edges, ...generatedEdges];

const clone = <T>(value: T): T => structuredClone(value);

/** Values just either side of the schema's limits, of the wrong type, or shaped oddly. */
const awkward = fc.constantFrom<unknown>(
  undefined,
  null,
  "",
  "x",
  "Ann Smith",
  "ann",
  "a".repeat(120),
  "a".repeat(121),
  "x".repeat(201),
  "😀".repeat(150),
  "😀".repeat(201),
  "stated",
  "implied",
  "derived",
  "company",
  "founded",
  "CNY",
  0,
  -1,
  1,
  1.5,
  1899,
  1900,
  2100,
  2101,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  [{ document: "doc", paragraph: 1 }],
  [{ document: "doc", paragraph: 0 }],
  {},
  { start: 2020 },
  { start: 2021, end: 2020 },
  { end: 2020, basis: "implied" },
  { key: "k", label: "K", unit: "USD", points: [{ value: 1, sources: [{ document: "doc", paragraph: 1 }] }] },
  { year: 2020, min: 2, max: 1, sources: [{ document: "doc", paragraph: 1 }] },
);

/** Every path to a value inside a record, so that mutations reach nested figures, points and sources. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_v, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

/** Sets (or, for undefined, deletes) the value at a path; an empty path replaces the whole record. */
function mutate(record: unknown, path: (string | number)[], value: unknown, extraKey?: string): unknown {
  if (path.length === 0 && extraKey === undefined) return value;
  const copy = clone(record) as Record<string | number, unknown>;
  let at = copy;
  if (extraKey !== undefined) {
    // A key added to the object at the path (or its parent), as JSON.parse makes it: own, even "__proto__".
    for (const k of path) if (typeof at[k] === "object" && at[k] !== null) at = at[k] as Record<string, unknown>;
    if (Array.isArray(at) || typeof at !== "object" || at === null) return copy;
    Object.defineProperty(at, extraKey, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return copy;
}

/** Field names the schema knows, set at any level: a time span on a point, a year on a record, and so on. */
const anyKey = fc.constantFrom(
  ...["weight", "__proto__", "lable", "time", "figures", "properties", "aliases", "note", "basis", "labelZh"],
  ...["id", "year", "min", "max", "value", "start", "end", "period", "paragraph", "document", "unit", "points"],
);

/** A record with one to three values replaced, added or removed; records with figures and time spans are
 * picked as often as the rest, since they hold most of the rules. */
const mutated = (records: unknown[]) => {
  const rich = records.filter((r) => JSON.stringify(r).match(/"(figures|time|properties|aliases)"/));
  const change = fc.tuple(fc.nat(), awkward, fc.option(anyKey, { freq: 2 }));
  return fc
    .tuple(fc.boolean(), fc.nat(), fc.array(change, { minLength: 1, maxLength: 3 }))
    .map(([fromRich, r, changes]) => {
      const pool = fromRich ? rich : records;
      let record = pool[r % pool.length];
      for (const [p, value, extraKey] of changes) {
        const all = paths(record);
        record = mutate(record, all[p % all.length]!, value, extraKey ?? undefined);
      }
      return record;
    });
};

function agreesWithZod(record: unknown, surelyValid: boolean, schema: typeof nodeSchema | typeof edgeSchema) {
  if (!surelyValid) return;
  const parsed = schema.safeParse(clone(record));
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(withDefaults(clone(record) as Record<string, unknown>)).toEqual(parsed.data);
}

describe("the fast record check", () => {
  it("accepts every valid record it is shown (else it saves nothing)", () => {
    for (const node of nodes) expect(isSurelyValidNode(node), JSON.stringify(node)).toBe(true);
    for (const edge of edges) expect(isSurelyValidEdge(edge), JSON.stringify(edge)).toBe(true);
  });

  it("accepts only nodes zod accepts, with the same output", () => {
    fc.assert(
      fc.property(mutated(nodes), (node) => agreesWithZod(node, isSurelyValidNode(node), nodeSchema)),
      { numRuns: 3000 },
    );
  });

  it("accepts only edges zod accepts, with the same output", () => {
    fc.assert(
      fc.property(mutated(edges), (edge) => agreesWithZod(edge, isSurelyValidEdge(edge), edgeSchema)),
      { numRuns: 3000 },
    );
  });

  it("refuses records it cannot judge exactly, which zod then accepts", () => {
    // 150 emoji are 300 UTF-16 units but 150 code points, within the 200 zod counts.
    const node = { ...embedded.nodes[0], label: "😀".repeat(150) };
    expect(isSurelyValidNode(node)).toBe(false);
    expect(nodeSchema.safeParse(node).success).toBe(true);
    const text = JSON.stringify({ ...embedded, nodes: [node, ...embedded.nodes.slice(1)] });
    expect(parseDataset(text, "emoji.json").nodes[0]!.label).toBe(node.label);
  });
});

describe("parseDataset", () => {
  it("returns what zod alone returns, defaults included", () => {
    const withoutBasis = clone(embedded);
    for (const record of [...withoutBasis.nodes, ...withoutBasis.edges]) delete record.basis;
    const text = JSON.stringify(withoutBasis);
    const dataset = parseDataset(text, "no-basis.json");
    expect(dataset).toEqual(datasetSchema.parse(JSON.parse(text)));
    expect(dataset.edges.every((e) => e.basis === "stated")).toBe(true);
  });
});

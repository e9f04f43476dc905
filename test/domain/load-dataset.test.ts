import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetError, loadDataset, parseDataset, type DatasetProblem } from "../../server/domain/load-dataset";
import { embeddedText } from "../_fixtures";

const FILE = "broken.json";

/** Parses a mutated copy of the embedded dataset and returns the problems it raised. */
function problemsAfter(mutate: (d: any) => void): DatasetProblem[] {
  const data = JSON.parse(embeddedText());
  mutate(data);
  try {
    parseDataset(JSON.stringify(data), FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).file).toBe(FILE);
    expect((error as Error).message.startsWith(`${FILE}: invalid dataset`)).toBe(true);
    return (error as DatasetError).problems;
  }
  throw new Error("the broken dataset was accepted");
}

const nodeIndex = (d: any, id: string) => d.nodes.findIndex((n: any) => n.id === id);
const edgeIndex = (d: any, id: string) =>
  d.edges.findIndex((e: any) => `${e.source}__${e.relation}__${e.target}` === id);

describe("loading the embedded dataset", () => {
  it("accepts it whole", () => {
    const dataset = parseDataset(embeddedText(), "kingsoft-cloud.json");
    expect(dataset.nodes.length).toBeGreaterThan(40);
    expect(dataset.edges.length).toBeGreaterThan(70);
  });
});

// Each broken dataset must be rejected with the record id and the field that is wrong.
const cases: { name: string; mutate: (d: any) => void; expected: Partial<DatasetProblem> }[] = [
  {
    name: "a node without a label",
    mutate: (d) => delete d.nodes[nodeIndex(d, "xiaomi")].label,
    expected: { collection: "nodes", record: "xiaomi", field: "label" },
  },
  {
    name: "an unknown node type",
    mutate: (d) => (d.nodes[nodeIndex(d, "lei-jun")].type = "wizard"),
    expected: { collection: "nodes", record: "lei-jun", field: "type" },
  },
  {
    name: "an unknown relation",
    mutate: (d) => (d.edges[0].relation = "likes"),
    expected: { collection: "edges", record: "xiaomi__likes__kingsoft-cloud", field: "relation" },
  },
  {
    name: "a figure value given as a string",
    mutate: (d) => (d.nodes[nodeIndex(d, "kingsoft-cloud")].figures[0].points[1].value = "8.18 bn"),
    expected: { record: "kingsoft-cloud", field: "figures.0.points.1.value" },
  },
  {
    name: "a figure with both value and bounds",
    mutate: (d) => (d.nodes[nodeIndex(d, "kingsoft-cloud")].figures[0].points[1].min = 1),
    expected: { record: "kingsoft-cloud", field: "figures.0.points.1.value" },
  },
  {
    name: "a year out of range",
    mutate: (d) => (d.nodes[nodeIndex(d, "kingsoft-cloud")].figures[0].points[1].year = 20223),
    expected: { record: "kingsoft-cloud", field: "figures.0.points.1.year" },
  },
  {
    name: "a derived figure without a note",
    mutate: (d) => delete d.nodes[nodeIndex(d, "kingsoft-cloud")].figures[0].points[0].note,
    expected: { record: "kingsoft-cloud", field: "figures.0.points.0.note" },
  },
  {
    name: "a node with no sources",
    mutate: (d) => (d.nodes[nodeIndex(d, "ucloud")].sources = []),
    expected: { record: "ucloud", field: "sources" },
  },
  {
    name: "a paragraph past the end of the document",
    mutate: (d) => (d.nodes[nodeIndex(d, "ucloud")].sources[0].paragraph = 51),
    expected: { record: "ucloud", field: "sources.0.paragraph" },
  },
  {
    name: "a citation of an unknown document",
    mutate: (d) => (d.edges[2].sources[0].document = "other"),
    expected: { collection: "edges", record: "xiaomi__customer_of__kingsoft-cloud", field: "sources.0.document" },
  },
  {
    name: "an edge to a missing node",
    mutate: (d) => (d.edges[edgeIndex(d, "lei-jun__founded__xiaomi")].target = "xiaomi-2"),
    expected: { collection: "edges", record: "lei-jun__founded__xiaomi-2", field: "target" },
  },
  {
    name: "a duplicate node id",
    mutate: (d) => d.nodes.push({ ...d.nodes[0] }),
    expected: { collection: "nodes", record: "kingsoft-cloud", field: "id" },
  },
  {
    name: "a duplicate edge",
    mutate: (d) => d.edges.push({ ...d.edges[0] }),
    expected: { collection: "edges", record: "xiaomi__holds_stake_in__kingsoft-cloud", field: "id" },
  },
  {
    name: "an unknown field (a typo)",
    mutate: (d) => (d.nodes[nodeIndex(d, "xiaomi")].lable = "x"),
    expected: { record: "xiaomi", field: "(record)" },
  },
  {
    name: "an id with spaces",
    mutate: (d) => (d.nodes[nodeIndex(d, "gaming")].id = "Gaming Industry"),
    expected: { record: "Gaming Industry", field: "id" },
  },
  {
    name: "an unknown unit",
    mutate: (d) => (d.nodes[nodeIndex(d, "kingsoft-cloud")].figures[0].unit = "EUR"),
    expected: { record: "kingsoft-cloud", field: "figures.0.unit" },
  },
  {
    name: "a time span that ends before it starts",
    mutate: (d) =>
      (d.edges[edgeIndex(d, "kingsoft-cloud__listed_on__us-stock-market")].time = { start: 2021, end: 2020 }),
    expected: { record: "kingsoft-cloud__listed_on__us-stock-market", field: "time.end" },
  },
  {
    name: "a missing top-level list",
    mutate: (d) => delete d.edges,
    expected: { collection: "(dataset)", field: "edges" },
  },
];

describe("rejecting broken datasets", () => {
  it.each(cases)("names the record and field for $name", ({ mutate, expected }) => {
    const problems = problemsAfter(mutate);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
  });

  it.each([
    ["an empty file", "", "is empty"],
    ["a file with a byte-order mark", "\ufeff{}", "byte-order mark"],
    ["invalid JSON", '{"nodes": [', "not valid JSON"],
  ])("rejects %s with the reason", (_name, text, reason) => {
    expect(() => parseDataset(text, FILE)).toThrowError(new RegExp(`^${FILE}: invalid dataset[\\s\\S]*${reason}`));
  });

  it("names the file when it cannot be read", async () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), "kg-")), "missing.json");
    await expect(loadDataset(missing)).rejects.toThrowError(/missing\.json: invalid dataset[\s\S]*ENOENT/);
  });

  it("reports every problem at once, not only the first", () => {
    const problems = problemsAfter((d) => {
      delete d.nodes[0].label;
      d.edges[0].relation = "likes";
    });
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });

  it("loads from disk the same as from text", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-"));
    const file = path.join(dir, "copy.json");
    writeFileSync(file, embeddedText());
    expect(await loadDataset(file)).toEqual(parseDataset(embeddedText(), file));
  });
});

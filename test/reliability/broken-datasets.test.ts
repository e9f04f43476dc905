/**
 * The corpus of broken dataset files in test/fixtures/broken-datasets: each is refused with a message that
 * names the file, the record and the field, and nothing is half-loaded. Plus one huge file, made here,
 * whose only fault is its last record.
 */
import { readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetError, loadDataset, type DatasetProblem } from "../../server/domain/load-dataset";
import { REPO_ROOT } from "../../server/load-graph";

const DIR = path.join(REPO_ROOT, "test", "fixtures", "broken-datasets");

/** What each file must be refused for: collection, record id and field. */
const EXPECTED: Record<string, Partial<Omit<DatasetProblem, "message">> & { message?: RegExp }> = {
  "00-empty.json": { record: "(file)", message: /is empty/ },
  "01-invalid-json.json": { record: "(file)", message: /not valid JSON/ },
  "02-missing-label.json": { collection: "nodes", record: "acme", field: "label" },
  "03-label-is-number.json": { collection: "nodes", record: "ann", field: "label" },
  "04-duplicate-node-id.json": { collection: "nodes", record: "ann", field: "id", message: /duplicate/ },
  "05-duplicate-edge.json": { collection: "edges", record: "ann__founded__acme", field: "id", message: /duplicate/ },
  "06-edge-to-missing-node.json": {
    collection: "edges",
    record: "ann__founded__acme-inc",
    field: "target",
    message: /unknown node "acme-inc"/,
  },
  "07-unknown-node-type.json": { collection: "nodes", record: "ann", field: "type" },
  "08-unknown-relation.json": { collection: "edges", record: "ann__rel3__acme", field: "relation" },
  "09-year-out-of-range.json": { collection: "nodes", record: "acme", field: "figures.0.points.0.year" },
  "10-year-not-whole.json": { collection: "nodes", record: "acme", field: "figures.0.points.0.year" },
  "11-paragraph-does-not-exist.json": {
    collection: "edges",
    record: "ann__founded__acme",
    field: "sources.0.paragraph",
    message: /paragraph 11 does not exist/,
  },
  "12-paragraph-zero.json": { collection: "nodes", record: "ann", field: "sources.0.paragraph" },
  "13-unknown-document.json": {
    collection: "nodes",
    record: "acme",
    field: "figures.0.points.0.sources.0.document",
    message: /unknown document "memo"/,
  },
  "14-no-sources.json": { collection: "nodes", record: "ann", field: "sources" },
  "15-value-and-bounds.json": { collection: "nodes", record: "acme", field: "figures.0.points.0.value" },
  "16-min-above-max.json": { collection: "nodes", record: "acme", field: "figures.0.points.0.min" },
  "17-implied-without-note.json": { collection: "edges", record: "ann__founded__acme", field: "note" },
  "18-unknown-field.json": { collection: "edges", record: "ann__founded__acme", field: "(record)", message: /weight/ },
  "19-bad-id-characters.json": { collection: "nodes", record: "Ann Smith", field: "id" },
  "20-nodes-not-a-list.json": { collection: "(dataset)", field: "nodes" },
  "21-no-documents.json": { collection: "(dataset)", field: "documents" },
  "22-figure-value-infinite-as-string.json": { collection: "nodes", record: "acme", field: "figures.0.points.0.value" },
  "23-time-ends-before-start.json": { collection: "edges", record: "ann__founded__acme", field: "time.end" },
  "24-unknown-unit.json": { collection: "nodes", record: "acme", field: "figures.0.unit" },
  "25-byte-order-mark.json": { record: "(file)", message: /byte-order mark/ },
  "26-top-level-array.json": { collection: "(dataset)", record: "(top level)" },
  "27-null.json": { collection: "(dataset)", record: "(top level)" },
  "28-utf16-with-bom.json": {
    record: "(file)",
    message: /^is UTF-16 \(little-endian, with a byte-order mark\); save it as UTF-8$/,
  },
  "29-utf16-be-without-bom.json": { record: "(file)", message: /^is UTF-16 \(big-endian, without a byte-order mark\)/ },
  "30-invalid-utf8.json": {
    record: "(file)",
    message: /not valid UTF-8: byte 0xE9 at offset 815 \(line 50, column 37\)/,
  },
  "31-repeated-nodes.json": {
    collection: "(dataset)",
    record: "(top level)",
    field: "nodes",
    message: /"nodes" is given 2 times \(lines 14, 80\)/,
  },
};

async function refusal(file: string): Promise<DatasetError> {
  try {
    await loadDataset(file);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error(`${file} was accepted`);
}

describe("the broken-dataset corpus", () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();

  it("has at least 20 files, each with an expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)("%s is refused naming file, record and field", async (name) => {
    const file = path.join(DIR, name);
    const error = await refusal(file);
    expect(error.message.startsWith(`${file}: invalid dataset`)).toBe(true);
    const { message, ...where } = EXPECTED[name]!;
    const problem = error.problems.find((p) =>
      Object.entries(where).every(([k, v]) => p[k as keyof DatasetProblem] === v),
    );
    expect(problem, `${name}: ${error.message}`).toBeDefined();
    if (message) expect(problem!.message).toMatch(message);
    // The message a person reads carries the same three facts.
    if (where.record && where.field) expect(error.message).toContain(`"${where.record}", field "${where.field}"`);
  });
});

describe("a huge dataset broken in its last record", () => {
  it("is read whole and refused, naming that record", async () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => ({
      id: `n${i}`,
      type: "company",
      label: `Company ${i}`,
      description: "x".repeat(100),
      sources: [{ document: "doc", paragraph: 1 }],
    }));
    nodes.push({
      id: "last",
      type: "company",
      label: "",
      description: "empty label",
      sources: [{ document: "doc", paragraph: 1 }],
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "kg-huge-")), "huge.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "huge",
        description: "huge",
        documents: [{ id: "doc", title: "t", origin: "o", language: "en", paragraphs: 1, description: "d" }],
        nodes,
        edges: [],
      }),
    );
    const error = await refusal(file);
    expect(error.problems).toEqual([expect.objectContaining({ collection: "nodes", record: "last", field: "label" })]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { datasetJsonSchema } from "../../server/domain/dataset-json-schema";
import { parseDataset } from "../../server/domain/load-dataset";
import { REPO_ROOT } from "../../server/load-graph";
import { embeddedText } from "../_fixtures";

const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, "graph-data", "dataset.schema.json"), "utf8"));

describe("graph-data/dataset.schema.json", () => {
  it("is what `npm run schema` generates from the zod schema today", () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(datasetJsonSchema())));
  });

  it("says which rules only the loader checks", () => {
    expect(committed.description).toContain("min not above its max");
    expect(committed.description).toContain("start not after its end");
  });

  it("lets a JSON Schema validator accept the embedded dataset and reject a broken one", () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
    expect(validate(JSON.parse(embeddedText()))).toBe(true);
    const broken = JSON.parse(embeddedText());
    broken.nodes[0].type = "wizard";
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.some((e) => e.instancePath === "/nodes/0/type")).toBe(true);
  });
});

describe("the six mistakes the server refuses", () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
  /** A copy of the embedded dataset with Kingsoft Cloud's first figure point and Xiaomi's stake span changed. */
  const withMistake = (mutate: (point: any, span: any, node: any) => void) => {
    const data = JSON.parse(embeddedText());
    const node = data.nodes.find((n: any) => n.id === "kingsoft-cloud");
    const edge = data.edges.find((e: any) => e.source === "xiaomi" && e.relation === "holds_stake_in");
    edge.time = { start: 2015, end: 2020 };
    mutate(node.figures[0].points[0], edge.time, node);
    return data;
  };
  const refusedAtLoad = (data: unknown) => expect(() => parseDataset(JSON.stringify(data), "d.json")).toThrow();

  it.each([
    ["an implied fact without a note", (_p: any, _s: any, node: any) => (node.basis = "implied")],
    ["an implied figure point without a note", (point: any) => ((point.basis = "derived"), delete point.note)],
    ["an implied time span without a note", (_p: any, span: any) => (span.basis = "implied")],
    ["a value with a minimum", (point: any) => (point.min = 1)],
    ["neither value nor bounds", (point: any) => delete point.value],
    ["an empty time span", (_p: any, span: any) => (delete span.start, delete span.end)],
  ])("refuses %s in the JSON Schema too", (_name, mutate) => {
    const data = withMistake(mutate);
    refusedAtLoad(data);
    expect(validate(data)).toBe(false);
  });

  it.each([
    ["a minimum above the maximum", (point: any) => (delete point.value, (point.min = 5), (point.max = 1))],
    ["a span that ends before it starts", (_p: any, span: any) => ((span.start = 2021), (span.end = 2020))],
  ])("leaves %s to the loader, and says so in its description", (_name, mutate) => {
    const data = withMistake(mutate);
    refusedAtLoad(data);
    expect(validate(data)).toBe(true);
    expect(committed.description).toMatch(/Checked only when the server loads a file/);
  });

  it("still accepts the same records without the mistakes", () => {
    expect(validate(withMistake(() => {}))).toBe(true);
    expect(
      validate(
        withMistake(
          (point: any, _s: any, node: any) => (
            (node.basis = "implied"),
            (node.note = "why"),
            delete point.value,
            (point.max = 3)
          ),
        ),
      ),
    ).toBe(true);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { datasetJsonSchema } from "../../server/domain/dataset-json-schema";
import { REPO_ROOT } from "../../server/load-graph";
import { embeddedText } from "../_fixtures";

const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, "graph-data", "dataset.schema.json"), "utf8"));

describe("graph-data/dataset.schema.json", () => {
  it("is what `npm run schema` generates from the zod schema today", () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(datasetJsonSchema())));
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

/**
 * `npm run schema`: writes graph-data/dataset.schema.json from the zod dataset schema, so editors can check
 * a dataset as it is typed. A test fails when the committed file is out of date.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { datasetJsonSchema } from "../domain/dataset-json-schema";
import { REPO_ROOT } from "../load-graph";

const file = path.join(REPO_ROOT, "graph-data", "dataset.schema.json");
writeFileSync(file, `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);

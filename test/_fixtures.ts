/** Shared test builders: small valid datasets, and the embedded one loaded once. */
import { readFileSync } from "node:fs";
import type { Dataset } from "../server/domain/dataset-schema";
import { parseDataset } from "../server/domain/load-dataset";
import { buildGraph } from "../server/graph/build-graph";
import { EMBEDDED_DATASET } from "../server/load-graph";

export const embeddedText = (): string => readFileSync(EMBEDDED_DATASET, "utf8");
export const embeddedDataset = (): Dataset => parseDataset(embeddedText(), EMBEDDED_DATASET);
export const embeddedGraph = () => buildGraph(embeddedDataset());

const cite = (paragraph: number) => [{ document: "doc", paragraph }];

/**
 * A small chain a -> b -> c -> d plus a parallel pair a => b and an isolated node e, for logic tests.
 * Relations: a holds_stake_in b, a customer_of b, b offers c, d released c (so c is reached from d only
 * backwards), e alone.
 */
export function makeDataset(overrides: Partial<Dataset> = {}): Dataset {
  const node = (id: string, type: Dataset["nodes"][number]["type"], label: string) => ({
    id,
    type,
    label,
    description: `${label} for tests`,
    basis: "stated" as const,
    sources: cite(1),
  });
  return {
    name: "test",
    description: "test graph",
    documents: [
      { id: "doc", title: "Doc", origin: "test", language: "en", paragraphs: 5, description: "test document" },
    ],
    nodes: [
      node("a", "company", "Alpha Group"),
      node("b", "cloud_provider", "Beta Cloud"),
      node("c", "ai_model", "Gamma Model"),
      node("d", "organization", "Delta University"),
      node("e", "person", "Epsilon Person"),
    ],
    edges: [
      { source: "a", target: "b", relation: "holds_stake_in", description: "stake", basis: "stated", sources: cite(2) },
      { source: "a", target: "b", relation: "customer_of", description: "customer", basis: "stated", sources: cite(2) },
      { source: "b", target: "c", relation: "offers", description: "offers", basis: "stated", sources: cite(3) },
      { source: "d", target: "c", relation: "released", description: "released", basis: "stated", sources: cite(4) },
    ],
    ...overrides,
  };
}

export const makeGraph = (overrides?: Partial<Dataset>) => buildGraph(makeDataset(overrides));

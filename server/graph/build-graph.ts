/**
 * Builds the graphology graph from a validated dataset: a directed multigraph (Xiaomi both holds a stake in
 * Kingsoft Cloud and buys from it), with colours from the vocabulary and a deterministic layout.
 */
import { MultiDirectedGraph } from "graphology";
import type { Dataset, EdgeRecord, NodeRecord } from "../domain/dataset-schema";
import { edgeKey } from "../domain/edge-key";
import { NODE_TYPE_INFO, RELATION_INFO } from "../domain/vocabulary";
import type {
  EdgeAttributes,
  FactAttributes,
  GraphAttributes,
  KnowledgeGraph,
  NodeAttributes,
  Properties,
} from "./attributes";
import { applyLayout, assignPositions } from "./layout";

/** Builds the graph; `positions` from the layout cache skip the layout when they fit. */
export function buildGraph(dataset: Dataset, positions?: Float64Array): KnowledgeGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: dataset.name, description: dataset.description, documents: dataset.documents });

  // Attribute objects are written out field by field (no spreads): at a million edges, spreads and the
  // objects they build cost seconds. Fields keep the order the API has always shown.
  for (const node of dataset.nodes) {
    const attributes = { label: node.label } as NodeAttributes;
    if (node.labelZh !== undefined) attributes.labelZh = node.labelZh;
    attributes.aliases = node.aliases ?? NONE;
    attributes.type = node.type;
    addFacts(attributes, node);
    attributes.x = 0;
    attributes.y = 0;
    attributes.size = 1;
    attributes.color = NODE_TYPE_INFO[node.type].color;
    graph.addNode(node.id, attributes);
  }

  for (const edge of dataset.edges) {
    const relation = RELATION_INFO[edge.relation];
    const attributes = { relation: edge.relation, label: relation.label } as EdgeAttributes;
    addFacts(attributes, edge);
    attributes.color = relation.color;
    attributes.size = 1.5;
    graph.addDirectedEdgeWithKey(edgeKey(edge), edge.source, edge.target, attributes);
  }

  if (!positions || !assignPositions(graph, positions)) applyLayout(graph);
  return graph;
}

/**
 * Absent optional lists and properties, shared by every record that lacks them rather than one empty object
 * each (two per edge at a million edges). Frozen, so a change meant for one record fails instead of reaching all.
 */
const NONE: never[] = [];
const NO_PROPERTIES: Properties = {};
Object.freeze(NONE);
Object.freeze(NO_PROPERTIES);

/** The fields nodes and edges share; absent notes and time spans are left out rather than set undefined. */
function addFacts(attributes: FactAttributes, record: NodeRecord | EdgeRecord): void {
  attributes.description = record.description;
  attributes.basis = record.basis;
  if (record.note !== undefined) attributes.note = record.note;
  if (record.time !== undefined) attributes.time = record.time;
  attributes.properties = record.properties ?? NO_PROPERTIES;
  attributes.figures = record.figures ?? NONE;
  attributes.sources = record.sources;
}

/**
 * The attribute shapes of the graphology graph built from a dataset. The API serialises these as they are,
 * the GEXF writer flattens them, and the client reads them with `import type`.
 */
import type { AbstractGraph } from "graphology-types";
import type { Basis, NodeType, Relation } from "../domain/vocabulary";
import type { DocumentRecord, Figure, Source, TimeSpan } from "../domain/dataset-schema";

export type Properties = Record<string, string | number | boolean>;

export type { TimeSpan };

/** What every node and edge carries: what it says, how the source supports it, and where it comes from. */
export interface FactAttributes {
  description: string;
  basis: Basis;
  note?: string;
  time?: TimeSpan;
  properties: Properties;
  figures: Figure[];
  sources: Source[];
}

export interface NodeAttributes extends FactAttributes {
  label: string;
  labelZh?: string;
  aliases: string[];
  type: NodeType;
  /** Layout and rendering, computed at build time so every start and export look the same. */
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface EdgeAttributes extends FactAttributes {
  relation: Relation;
  /** The relation's reading ("holds a stake in"), for renderers that show edge labels. */
  label: string;
  color: string;
  size: number;
}

export interface GraphAttributes {
  name: string;
  description: string;
  documents: DocumentRecord[];
}

export type KnowledgeGraph = AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * Which records a query keeps: nodes of some types, edges of some relations, the graph as it stood in a year.
 * Checked as the query walks the graph, so a filtered answer costs no more than an unfiltered one and no
 * copy of the graph is ever made; figures are cut to the year only for the records that are sent.
 */
import type { NodeType, Relation } from "../domain/vocabulary";
import { attributesAsOf, inSpan } from "./as-of";
import type { EdgeAttributes, KnowledgeGraph, NodeAttributes } from "./attributes";

export interface RecordFilter {
  types?: readonly NodeType[];
  relations?: readonly Relation[];
  /** The graph as it stood in this year (see as-of.ts). */
  asOf?: number;
}

export class GraphFilter {
  readonly asOf: number | undefined;
  private readonly types: Set<string> | undefined;
  private readonly relations: Set<string> | undefined;

  constructor(
    private readonly graph: KnowledgeGraph,
    filter: RecordFilter = {},
  ) {
    this.asOf = filter.asOf;
    this.types = filter.types?.length ? new Set(filter.types) : undefined;
    this.relations = filter.relations?.length ? new Set(filter.relations) : undefined;
  }

  /** True when the filter keeps every record as it is. */
  get keepsAll(): boolean {
    return this.asOf === undefined && !this.types && !this.relations;
  }

  /** Whether the node stood in the year (types aside: a neighbourhood keeps its centre whatever its type). */
  standsAt(node: string): boolean {
    return this.asOf === undefined || inSpan(this.graph.getNodeAttribute(node, "time"), this.asOf);
  }

  keepsNode(attributes: NodeAttributes): boolean {
    if (this.types && !this.types.has(attributes.type)) return false;
    return this.asOf === undefined || inSpan(attributes.time, this.asOf);
  }

  /** Whether a walk may follow the edge: its relation and its year (its ends are the walk's to check). */
  follows(attributes: EdgeAttributes): boolean {
    if (this.relations && !this.relations.has(attributes.relation)) return false;
    return this.asOf === undefined || inSpan(attributes.time, this.asOf);
  }

  /** Whether the edge is in the filtered graph: followed, and both its ends kept. */
  keepsEdge(attributes: EdgeAttributes, source: string, target: string): boolean {
    if (!this.follows(attributes)) return false;
    if (!this.types && this.asOf === undefined) return true;
    return this.keepsNode(this.graph.getNodeAttributes(source)) && this.keepsNode(this.graph.getNodeAttributes(target));
  }

  /** A record's attributes as sent: figures cut to the year. */
  shown<A extends NodeAttributes | EdgeAttributes>(attributes: A): A {
    return attributesAsOf(attributes, this.asOf);
  }
}

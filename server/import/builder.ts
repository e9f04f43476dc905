/**
 * What every reader shares while building: the multigraph, warnings (capped), Gephi's handling of edges to
 * undeclared nodes (create them and warn, or refuse them with `strict`), and unique edge keys.
 */
import {
  ImportError,
  newImportedGraph,
  type DeclaredAttribute,
  type EdgeAttributes,
  type GraphMeta,
  type ImportedGraph,
  type ImportOptions,
  type ImportWarning,
  type NodeAttributes,
} from "./model";

export const DEFAULT_MAX_WARNINGS = 1000;

/** Where the reader is in the file, for warnings and errors. */
export interface Position {
  line?: number;
  column?: number;
}

export class GraphBuilder {
  readonly graph = newImportedGraph();
  readonly attributes: DeclaredAttribute[] = [];
  readonly warnings: ImportWarning[] = [];
  private warningsLeftOut = 0;
  private readonly maxWarnings: number;

  constructor(
    readonly file: string,
    readonly options: ImportOptions,
    readonly meta: GraphMeta,
  ) {
    this.maxWarnings = options.maxWarnings ?? DEFAULT_MAX_WARNINGS;
  }

  warn(at: Position, message: string): void {
    if (this.warnings.length < this.maxWarnings) this.warnings.push({ file: this.file, ...at, message });
    else this.warningsLeftOut++;
  }

  fail(at: Position, message: string): never {
    throw new ImportError(this.file, at.line, at.column, message);
  }

  /** Adds a declared node; a second declaration of the same id is merged into the first, with a warning. */
  addNode(at: Position, key: string, attributes: NodeAttributes): void {
    if (this.graph.hasNode(key)) {
      const existing = this.graph.getNodeAttributes(key);
      if (existing.createdByImport) {
        delete existing.createdByImport;
      } else {
        this.warn(at, `node "${key}" is declared twice; the later declaration's values were merged into the first`);
      }
      this.graph.mergeNodeAttributes(key, {
        ...attributes,
        attributes: { ...existing.attributes, ...attributes.attributes },
      });
      return;
    }
    this.graph.addNode(key, attributes);
  }

  /** Makes sure an edge's endpoint exists: creates it with a warning, or refuses it when `strict`. */
  private endpoint(at: Position, key: string, edge: string): void {
    if (this.graph.hasNode(key)) return;
    if (this.options.strict) this.fail(at, `edge ${edge}: node "${key}" is not declared (strict import)`);
    this.warn(at, `edge ${edge}: node "${key}" was not declared; created it`);
    this.graph.addNode(key, { label: key, attributes: {}, createdByImport: true });
  }

  /** Adds an edge, keyed by its own id when it has a fresh one; returns the key used. */
  addEdge(at: Position, source: string, target: string, attributes: EdgeAttributes): string {
    const name = attributes.id !== undefined ? `"${attributes.id}"` : `${source} -> ${target}`;
    this.endpoint(at, source, name);
    this.endpoint(at, target, name);
    let key = attributes.id;
    if (key === undefined || this.graph.hasEdge(key)) {
      if (key !== undefined) this.warn(at, `edge id "${key}" is used twice; the second edge was kept under a new key`);
      key = `e${this.graph.size}`;
      while (this.graph.hasEdge(key)) key += "_";
    }
    if (attributes.directed) this.graph.addDirectedEdgeWithKey(key, source, target, attributes);
    else this.graph.addUndirectedEdgeWithKey(key, source, target, attributes);
    return key;
  }

  declare(attribute: DeclaredAttribute): void {
    this.attributes.push(attribute);
  }

  finish(): ImportedGraph {
    // Nodes created for undeclared endpoints that were never declared later keep no marker.
    this.graph.forEachNode((_key, attributes) => {
      if (attributes.createdByImport) delete attributes.createdByImport;
    });
    if (this.warningsLeftOut > 0) {
      this.warnings.push({ file: this.file, message: `${this.warningsLeftOut} more warnings left out` });
    }
    return { graph: this.graph, attributes: this.attributes, meta: this.meta, warnings: this.warnings };
  }
}

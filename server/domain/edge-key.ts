/** An edge's key: its own id, or `source__relation__target`, stable across starts and exports. */
export const edgeKey = (edge: { id?: string; source: string; relation: string; target: string }): string =>
  edge.id ?? `${edge.source}__${edge.relation}__${edge.target}`;

/**
 * The dated events of a graph in order: every entity and relation with a time span, earliest first, each
 * with the nodes involved and its sources, so a reader can step through the story year by year.
 */
import type { Basis } from "../domain/vocabulary";
import type { Source, TimeSpan } from "../domain/dataset-schema";
import type { KnowledgeGraph } from "./attributes";

export interface TimelineEvent {
  /** The node or edge key. */
  key: string;
  kind: "entity" | "relation";
  start?: number;
  end?: number;
  basis: Basis;
  note?: string;
  /** A sentence-like title: "Kingsoft Cloud is listed on US stock market". */
  title: string;
  /** Nodes to select when the event is picked. */
  nodes: string[];
  sources: Source[];
}

export function timeline(graph: KnowledgeGraph): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  graph.forEachNode((key, a) => {
    if (!a.time) return;
    events.push({ key, kind: "entity", ...span(a.time), title: a.label, nodes: [key], sources: a.sources });
  });
  graph.forEachEdge((key, a, source, target) => {
    if (!a.time) return;
    const title = `${graph.getNodeAttribute(source, "label")} ${a.label} ${graph.getNodeAttribute(target, "label")}`;
    events.push({ key, kind: "relation", ...span(a.time), title, nodes: [source, target], sources: a.sources });
  });
  const first = (e: TimelineEvent) => e.start ?? e.end ?? 0;
  return events.sort((a, b) => first(a) - first(b) || a.title.localeCompare(b.title));
}

/**
 * The first and last year any event touches, or null. A loop, not `Math.min(...years)`: spreading tens of
 * thousands of years into call arguments overflows the stack.
 */
export function timelineRange(events: readonly TimelineEvent[]): { start: number; end: number } | null {
  let start = Infinity;
  let end = -Infinity;
  for (const event of events) {
    for (const year of [event.start, event.end]) {
      if (year === undefined) continue;
      if (year < start) start = year;
      if (year > end) end = year;
    }
  }
  return start <= end ? { start, end } : null;
}

function span(time: TimeSpan) {
  return {
    ...(time.start !== undefined && { start: time.start }),
    ...(time.end !== undefined && { end: time.end }),
    basis: time.basis,
    ...(time.note !== undefined && { note: time.note }),
  };
}

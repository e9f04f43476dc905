/**
 * The details sidebar (a bottom sheet on phones): an entity with its Chinese name, description, figures,
 * properties, neighbours grouped by relation (links that move the selection) and sources; or a relation
 * between two entities with its figures and sources. Loaded from the API, rendered as text only. With a year
 * chosen, only that year's relations are listed, figures mark the year, and something not there that year
 * says so.
 */
import type { EdgeItem, NodeDetailResponse, RelationGroup } from "../../../server/api/contract";
import type { DocumentRecord } from "../../../server/domain/dataset-schema";
import type { Properties, TimeSpan } from "../../../server/graph/attributes";
import type { ClientGraph } from "../core/graph/load";
import { absentBecause, formatSpan, shownIn } from "../core/time/as-of";
import { NODE_TYPE_INFO, RELATION_INFO, type NodeType } from "../../../server/domain/vocabulary";
import { formatProperty, humanizeKey } from "../core/format/figures";
import { groupCitations } from "../core/format/sources";
import type { Source } from "../../../server/domain/dataset-schema";
import { el, swatch } from "./dom";
import { basisBadge, renderFigures } from "./figures";

export interface SidebarActions {
  selectNode(key: string): void;
  /** Pointing at a neighbour in the list highlights it in the graph. */
  hoverNode(key: string | null): void;
  selectEdge(key: string): void;
  focus(key: string): void;
  neighbourhood(key: string): void;
  pathFrom(key: string): void;
  pathTo(key: string): void;
}

export interface NodeLabel {
  label: string;
  labelZh?: string;
  type: NodeType;
}

const typeChip = (type: NodeType): HTMLElement =>
  el("span", { class: "type-chip" }, [
    swatch("swatch", NODE_TYPE_INFO[type]?.color ?? "#999"),
    NODE_TYPE_INFO[type]?.label ?? type,
  ]);

function nodeLink(key: string, node: NodeLabel, actions: SidebarActions): HTMLAnchorElement {
  return el(
    "a",
    {
      class: "node-link",
      attrs: { href: `?node=${encodeURIComponent(key)}`, "data-key": key },
      on: {
        click: (event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          actions.hoverNode(null);
          actions.selectNode(key);
        },
        mouseenter: () => actions.hoverNode(key),
        mouseleave: () => actions.hoverNode(null),
        focus: () => actions.hoverNode(key),
        blur: () => actions.hoverNode(null),
      },
    },
    [
      swatch("swatch", NODE_TYPE_INFO[node.type]?.color ?? "#999"),
      el("span", { text: node.label }),
      node.labelZh ? el("span", { class: "zh", text: node.labelZh, attrs: { lang: "zh" } }) : null,
    ],
  );
}

function sourcesBlock(sources: readonly Source[], documents: readonly DocumentRecord[]): HTMLElement {
  return el("section", { class: "detail-section sources" }, [
    el("h3", { text: "Sources" }),
    el(
      "ul",
      { class: "citations" },
      groupCitations(sources, documents).map((group) =>
        el("li", { text: group.text, attrs: { title: group.title ?? group.document } }),
      ),
    ),
  ]);
}

function propertiesBlock(properties: Properties): HTMLElement | null {
  const entries = Object.entries(properties);
  if (entries.length === 0) return null;
  return el("section", { class: "detail-section" }, [
    el("h3", { text: "Properties" }),
    el(
      "dl",
      { class: "properties" },
      entries.flatMap(([key, value]) => [
        el("dt", { text: humanizeKey(key) }),
        el("dd", { text: formatProperty(value) }),
      ]),
    ),
  ]);
}

const figuresBlock = (
  figures: Parameters<typeof renderFigures>[0],
  documents: readonly DocumentRecord[],
  year: number | null,
) => {
  const rendered = renderFigures(figures, documents, year);
  return rendered ? el("section", { class: "detail-section" }, [el("h3", { text: "Figures" }), rendered]) : null;
};

function relationGroup(group: RelationGroup, actions: SidebarActions): HTMLElement {
  const info = RELATION_INFO[group.relation];
  const label = info?.label ?? group.relation;
  const heading = info && !info.directed ? label : group.direction === "out" ? `${label} →` : `← ${label}`;
  return el("div", { class: "relation-group" }, [
    el("h4", { class: "relation-heading" }, [
      swatch("relation-swatch", info?.color ?? "#999"),
      el("span", { text: heading }),
      el("span", { class: "count", text: String(group.edges.length) }),
    ]),
    el(
      "ul",
      { class: "neighbour-list" },
      group.edges.map((edge) =>
        el("li", {}, [
          nodeLink(edge.other.key, edge.other, actions),
          el("button", {
            class: "edge-button",
            text: "ⓘ",
            attrs: {
              type: "button",
              title: "Details of this relation",
              "aria-label": `Relation details: ${edge.other.label}`,
            },
            on: { click: () => actions.selectEdge(edge.key) },
          }),
        ]),
      ),
    ),
  ]);
}

/** "When: 2020 (implied)"; nothing for undated records. */
function timeLine(time: TimeSpan | undefined): HTMLElement | null {
  if (!time) return null;
  return el("p", { class: "edge-time" }, [
    el("strong", { text: "When: " }),
    formatSpan(time),
    " ",
    basisBadge(time.basis, time.note),
  ]);
}

/** "Not in the graph in 2015 (from 2020)." when the chosen year falls outside the record's span. */
function absence(what: string, time: TimeSpan | undefined, year: number | null): HTMLElement | null {
  if (year === null || time === undefined || shownIn(time, year)) return null;
  return el("p", {
    class: "time-absent",
    text: `Not in the graph in ${year}: this ${what} is dated ${absentBecause(time, year)}.`,
  });
}

/** The relation groups as they stood in `year`: relations of that year to entities of that year. */
function groupsIn(groups: RelationGroup[], year: number | null, graph: ClientGraph): RelationGroup[] {
  if (year === null) return groups;
  const there = (key: string) => !graph.hasNode(key) || shownIn(graph.getNodeAttribute(key, "time"), year);
  return groups
    .map((group) => ({
      ...group,
      edges: group.edges.filter((edge) => shownIn(edge.attributes.time, year) && there(edge.other.key)),
    }))
    .filter((group) => group.edges.length > 0);
}

export function renderNodeDetail(
  detail: NodeDetailResponse,
  documents: readonly DocumentRecord[],
  actions: SidebarActions,
  seen: { year: number | null; graph: ClientGraph },
): HTMLElement[] {
  const a = detail.attributes;
  const groups = groupsIn(detail.relations, seen.year, seen.graph);
  const count = groups.reduce((sum, group) => sum + group.edges.length, 0);
  return [
    el("header", { class: "detail-header" }, [
      typeChip(a.type),
      el("h2", { class: "detail-title", text: a.label, attrs: { id: "detail-title", tabindex: "-1" } }),
      a.labelZh ? el("p", { class: "detail-zh", text: a.labelZh, attrs: { lang: "zh" } }) : null,
      a.aliases.length > 0 ? el("p", { class: "aliases", text: `Also: ${a.aliases.join(", ")}` }) : null,
    ]),
    absence("entity", a.time, seen.year),
    el("p", { class: "description" }, [a.description, " ", basisBadge(a.basis, a.note)]),
    a.note ? el("p", { class: "figure-note", text: a.note }) : null,
    timeLine(a.time),
    el("div", { class: "detail-actions" }, [
      el("button", { text: "Centre", attrs: { type: "button" }, on: { click: () => actions.focus(detail.key) } }),
      el("button", {
        text: "Neighbourhood",
        attrs: { type: "button" },
        on: { click: () => actions.neighbourhood(detail.key) },
      }),
      el("button", {
        text: "Path from here",
        attrs: { type: "button" },
        on: { click: () => actions.pathFrom(detail.key) },
      }),
      el("button", {
        text: "Path to here",
        attrs: { type: "button" },
        on: { click: () => actions.pathTo(detail.key) },
      }),
    ]),
    figuresBlock(a.figures, documents, seen.year),
    propertiesBlock(a.properties),
    el("section", { class: "detail-section" }, [
      el("h3", { text: seen.year === null ? `Relations (${detail.degree})` : `Relations in ${seen.year} (${count})` }),
      ...groups.map((group) => relationGroup(group, actions)),
    ]),
    sourcesBlock(a.sources, documents),
  ].filter((item): item is HTMLElement => item !== null);
}

export function renderEdgeDetail(
  edge: EdgeItem,
  ends: { source: NodeLabel; target: NodeLabel },
  documents: readonly DocumentRecord[],
  actions: SidebarActions,
  year: number | null = null,
): HTMLElement[] {
  const a = edge.attributes;
  const info = RELATION_INFO[a.relation];
  return [
    el("header", { class: "detail-header" }, [
      el("span", { class: "type-chip" }, [
        swatch("relation-swatch", info?.color ?? "#999"),
        info?.directed === false ? "Relation (both ways)" : "Relation",
      ]),
      el("h2", { class: "detail-title edge-title", attrs: { id: "detail-title", tabindex: "-1" } }, [
        nodeLink(edge.source, ends.source, actions),
        el("span", {
          class: "edge-relation",
          text: ` ${a.label || info?.label || a.relation} ${info?.directed === false ? "" : "→ "}`,
        }),
        nodeLink(edge.target, ends.target, actions),
      ]),
    ]),
    absence("relation", a.time, year),
    el("p", { class: "description" }, [a.description, " ", basisBadge(a.basis, a.note)]),
    a.note ? el("p", { class: "figure-note", text: a.note }) : null,
    timeLine(a.time),
    figuresBlock(a.figures, documents, year),
    propertiesBlock(a.properties),
    sourcesBlock(a.sources, documents),
  ].filter((item): item is HTMLElement => item !== null);
}

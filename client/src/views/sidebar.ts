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
import { relationName, t, typeName } from "../core/i18n";
import { formatProperty, humanizeKey } from "../core/format/figures";
import { groupCitations } from "../core/format/sources";
import type { Source } from "../../../server/domain/dataset-schema";
import { el, swatch } from "./dom";
import { basisBadge, renderFigures } from "./figures";
import { noChineseName } from "./language";

/** The dataset's own text (descriptions, notes, figure and property names) is English, and marked so. */
const DATA_LANG = "en";

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
  el("span", { class: "type-chip" }, [swatch("swatch", NODE_TYPE_INFO[type]?.color ?? "#999"), typeName(type)]);

export function nodeLink(key: string, node: NodeLabel, actions: SidebarActions): HTMLAnchorElement {
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
      // The English name, and the Chinese one beside it (or, in Chinese, the mark that there is none).
      el("span", { text: node.label, attrs: { lang: "en" } }),
      node.labelZh ? el("span", { class: "zh", text: node.labelZh, attrs: { lang: "zh-Hans" } }) : noChineseName(node),
    ],
  );
}

function sourcesBlock(sources: readonly Source[], documents: readonly DocumentRecord[]): HTMLElement {
  return el("section", { class: "detail-section sources" }, [
    el("h3", { text: t("sidebar.sources") }),
    el(
      "ul",
      { class: "citations" },
      groupCitations(sources, documents).map((group) =>
        el("li", { text: group.text, attrs: { title: group.title ?? group.document, lang: DATA_LANG } }),
      ),
    ),
  ]);
}

function propertiesBlock(properties: Properties): HTMLElement | null {
  const entries = Object.entries(properties);
  if (entries.length === 0) return null;
  return el("section", { class: "detail-section" }, [
    el("h3", { text: t("sidebar.properties") }),
    el(
      "dl",
      { class: "properties" },
      entries.flatMap(([key, value]) => [
        el("dt", { text: humanizeKey(key), attrs: { lang: DATA_LANG } }),
        el("dd", { text: formatProperty(value), attrs: { lang: typeof value === "string" ? DATA_LANG : undefined } }),
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
  return rendered
    ? el("section", { class: "detail-section" }, [el("h3", { text: t("sidebar.figures") }), rendered])
    : null;
};

function relationGroup(group: RelationGroup, actions: SidebarActions): HTMLElement {
  const info = RELATION_INFO[group.relation];
  const label = relationName(group.relation);
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
              title: t("sidebar.relationDetails"),
              "aria-label": t("sidebar.relationDetailsOf", { name: edge.other.labelZh ?? edge.other.label }),
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
    el("strong", { text: t("sidebar.when") }),
    formatSpan(time),
    " ",
    basisBadge(time.basis, time.note),
  ]);
}

/** "Not in the graph in 2015 (from 2020)." when the chosen year falls outside the record's span. */
function absence(what: "entity" | "relation", time: TimeSpan | undefined, year: number | null): HTMLElement | null {
  if (year === null || time === undefined || shownIn(time, year)) return null;
  return el("p", {
    class: "time-absent",
    text: t("sidebar.absent", { year, what, because: absentBecause(time, year) }),
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
      el("h2", { class: "detail-title", text: a.label, attrs: { id: "detail-title", tabindex: "-1", lang: "en" } }),
      a.labelZh ? el("p", { class: "detail-zh", text: a.labelZh, attrs: { lang: "zh-Hans" } }) : noChineseName(a),
      a.aliases.length > 0
        ? el("p", { class: "aliases" }, [
            t("sidebar.also"),
            " ",
            el("span", { text: a.aliases.join(", "), attrs: { lang: DATA_LANG } }),
          ])
        : null,
    ]),
    absence("entity", a.time, seen.year),
    el("p", { class: "description" }, [
      el("span", { text: a.description, attrs: { lang: DATA_LANG } }),
      " ",
      basisBadge(a.basis, a.note),
    ]),
    a.note ? el("p", { class: "figure-note", text: a.note, attrs: { lang: DATA_LANG } }) : null,
    timeLine(a.time),
    el("div", { class: "detail-actions" }, [
      el("button", {
        text: t("sidebar.centre"),
        attrs: { type: "button" },
        on: { click: () => actions.focus(detail.key) },
      }),
      el("button", {
        text: t("sidebar.neighbourhood"),
        attrs: { type: "button" },
        on: { click: () => actions.neighbourhood(detail.key) },
      }),
      el("button", {
        text: t("sidebar.pathFrom"),
        attrs: { type: "button" },
        on: { click: () => actions.pathFrom(detail.key) },
      }),
      el("button", {
        text: t("sidebar.pathTo"),
        attrs: { type: "button" },
        on: { click: () => actions.pathTo(detail.key) },
      }),
    ]),
    figuresBlock(a.figures, documents, seen.year),
    propertiesBlock(a.properties),
    el("section", { class: "detail-section" }, [
      el("h3", {
        text:
          seen.year === null
            ? t("sidebar.relations", { count: detail.degree })
            : t("sidebar.relationsIn", { year: seen.year, count }),
      }),
      ...groups.map((group) => relationGroup(group, actions)),
    ]),
    // Filled by the details view once the entity's measures and control chains have loaded.
    el("div", { class: "analysis-slot" }),
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
        t(info?.directed === false ? "sidebar.relationBothWays" : "sidebar.relation"),
      ]),
      el("h2", { class: "detail-title edge-title", attrs: { id: "detail-title", tabindex: "-1" } }, [
        nodeLink(edge.source, ends.source, actions),
        el("span", {
          class: "edge-relation",
          text: ` ${relationName(a.relation)} ${info?.directed === false ? "" : "→ "}`,
        }),
        nodeLink(edge.target, ends.target, actions),
      ]),
    ]),
    absence("relation", a.time, year),
    el("p", { class: "description" }, [
      el("span", { text: a.description, attrs: { lang: DATA_LANG } }),
      " ",
      basisBadge(a.basis, a.note),
    ]),
    a.note ? el("p", { class: "figure-note", text: a.note, attrs: { lang: DATA_LANG } }) : null,
    timeLine(a.time),
    figuresBlock(a.figures, documents, year),
    propertiesBlock(a.properties),
    sourcesBlock(a.sources, documents),
  ].filter((item): item is HTMLElement => item !== null);
}

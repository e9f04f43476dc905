/**
 * The sidebar's analysis of an entity: where it stands in the whole graph by a few measures (value and rank,
 * its community), and who controls it through which stakes, what it holds, and who sits on both sides. Loaded
 * beside the entity's details; the measures are of the whole graph over all years.
 */
import type { Metric } from "../../../server/analysis/metric-names";
import type { Chain, ControlResponse, MetricRow, MetricsResponse, Share } from "../../../server/api/contract";
import { api } from "../api";
import { formatNumber } from "../core/format/figures";
import { relationName, t, type MessageKey } from "../core/i18n";
import { el } from "./dom";

export interface EntityAnalysis {
  metrics: MetricsResponse | Error;
  control: ControlResponse | Error;
}

/** The measures shown, with the message naming each. */
const SHOWN: [Metric, MessageKey][] = [
  ["degree", "analysis.degree"],
  ["pagerank", "analysis.pagerank"],
  ["betweenness", "analysis.betweenness"],
  ["core", "analysis.core"],
];

export async function loadEntityAnalysis(key: string, signal: AbortSignal): Promise<EntityAnalysis> {
  const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
  const [metrics, control] = await Promise.all([
    api.metricsOf([key], [...SHOWN.map(([metric]) => metric), "community"], signal).catch(asError),
    api.control(key, signal).catch(asError),
  ]);
  return { metrics, control };
}

/** Links to other entities, made by the sidebar so they select, highlight and read as its other links do. */
export type EntityLink = (key: string) => HTMLElement;

export function renderAnalysis(analysis: EntityAnalysis, link: EntityLink, year: number | null): HTMLElement[] {
  return [positionBlock(analysis.metrics, year), controlBlock(analysis.control, link)].filter(
    (block): block is HTMLElement => block !== null,
  );
}

function positionBlock(metrics: MetricsResponse | Error, year: number | null): HTMLElement | null {
  const heading = el("h3", {
    text: year === null ? t("analysis.position") : `${t("analysis.position")} (${t("analysis.allYears")})`,
  });
  if (metrics instanceof Error) {
    if (metrics.name === "AbortError") return null;
    return el("section", { class: "detail-section analysis" }, [
      heading,
      el("p", { class: "error-text", text: t("analysis.failed", { message: metrics.message }) }),
    ]);
  }
  const row: MetricRow | undefined = metrics.nodes[0];
  if (!row) return null;
  const of = metrics.total;
  const community = metrics.summary.community;
  const entries = SHOWN.map(([metric, label]) => [
    el("dt", { text: t(label) }),
    el("dd", {}, [
      el("span", { class: "metric-value", text: formatNumber(row[metric] ?? 0, 3) }),
      " ",
      el("span", { class: "metric-rank", text: t("analysis.rank", { rank: row.ranks?.[metric] ?? of, of }) }),
    ]),
  ]);
  if (row.community !== undefined && community?.sizes) {
    entries.push([
      el("dt", { text: t("analysis.communityLabel") }),
      el("dd", {
        text: t("analysis.community", {
          number: row.community + 1,
          count: community.groups ?? community.sizes.length,
          size: community.sizes[row.community] ?? 0,
        }),
      }),
    ]);
  }
  return el("section", { class: "detail-section analysis" }, [
    heading,
    el("dl", { class: "properties metrics" }, entries.flat()),
  ]);
}

const shareText = (share: Share | null): string =>
  share === null
    ? t("analysis.shareUnknown")
    : share.min === share.max
      ? `${formatNumber(share.min, 2)} %`
      : `${formatNumber(share.min, 2)}\u2013${formatNumber(share.max, 2)} %`;

/** "12.3 %" for a direct stake; "6.15 % via B" for a chain through B. */
function chainItem(chain: Chain, end: string, link: EntityLink): HTMLElement {
  const middle = chain.nodes.slice(1, -1);
  return el("li", {}, [
    link(end),
    " ",
    el("span", { class: "share", text: shareText(chain.share) }),
    ...(middle.length > 0
      ? [
          " ",
          el("span", { class: "via", text: t("analysis.via") }),
          " ",
          ...middle.flatMap((key, i) => [i > 0 ? " → " : "", link(key)]),
        ]
      : []),
  ]);
}

function controlBlock(control: ControlResponse | Error, link: EntityLink): HTMLElement | null {
  if (control instanceof Error) return null; // the details already say the entity could not be loaded
  const { owners, holdings, ultimateOwners, people } = control;
  if (owners.length + holdings.length + people.length === 0) return null;
  const list = (heading: MessageKey, items: HTMLElement[]) =>
    items.length === 0
      ? []
      : [el("h4", { class: "analysis-heading", text: t(heading) }), el("ul", { class: "control-list" }, items)];
  return el("section", { class: "detail-section analysis" }, [
    el("h3", { text: t("analysis.control") }),
    ...list(
      "analysis.ownedBy",
      owners.flatMap((owner) => owner.chains.map((chain) => chainItem(chain, owner.key, link))),
    ),
    ...list(
      "analysis.holds",
      holdings.flatMap((held) => held.chains.map((chain) => chainItem(chain, held.key, link))),
    ),
    ...list(
      "analysis.ultimate",
      ultimateOwners.map((key) => el("li", {}, [link(key)])),
    ),
    ...list(
      "analysis.people",
      people.map((person) =>
        el("li", {}, [
          link(person.person),
          ": ",
          ...person.roles.flatMap((role, i) => [
            i > 0 ? "; " : "",
            role.relations.map(relationName).join(", "),
            " ",
            link(role.entity),
          ]),
        ]),
      ),
    ),
  ]);
}

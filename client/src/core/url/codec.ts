/**
 * The URL codec: the shareable part of the state to and from query parameters, so a copied link reopens the
 * same view. Defaults are left out to keep links short; unknown or malformed values are dropped, never thrown.
 *
 *   node=lei-jun | edge=<key>           selection
 *   hide=person,event  hiderel=cites    hidden node types / relations
 *   hood=xiaomi&depth=2&dir=out&hoodrel=customer_of,holds_stake_in   neighbourhood
 *   from=cui-baoqiu&to=chatglm-6b       path
 *   lang=zh                             labels in Chinese
 *   cam=0.5,0.5,1,0                     camera x, y, ratio, angle
 *   year=2019                           the graph as it stood in 2019 (1900-2100, as `?asOf=`); absent: all years
 */
import { isNodeType, isRelation, type NodeType, type Relation } from "../../../../server/domain/vocabulary";
import {
  DEPTHS,
  DIRECTIONS,
  type CameraView,
  type Depth,
  type Direction,
  type NeighbourhoodQuery,
  type Selection,
  type UrlState,
} from "../state/types";
import { isYear } from "../time/as-of";

const list = (value: string | null): string[] => (value ? value.split(",").filter((item) => item !== "") : []);
const round = (value: number, digits: number): number => Number(value.toFixed(digits));

export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.selection) params.set(state.selection.kind, state.selection.key);
  if (state.hiddenTypes.size > 0) params.set("hide", [...state.hiddenTypes].sort().join(","));
  if (state.hiddenRelations.size > 0) params.set("hiderel", [...state.hiddenRelations].sort().join(","));
  if (state.neighbourhood) {
    const hood = state.neighbourhood;
    params.set("hood", hood.center);
    if (hood.depth !== 1) params.set("depth", String(hood.depth));
    if (hood.direction !== "both") params.set("dir", hood.direction);
    if (hood.relations.length > 0) params.set("hoodrel", [...hood.relations].sort().join(","));
  }
  if (state.path) {
    params.set("from", state.path.from);
    params.set("to", state.path.to);
  }
  if (state.lang !== "en") params.set("lang", state.lang);
  if (state.camera) {
    const { x, y, ratio, angle } = state.camera;
    const parts = [round(x, 4), round(y, 4), round(ratio, 4)];
    if (angle !== 0) parts.push(round(angle, 4));
    params.set("cam", parts.join(","));
  }
  if (state.year !== null) params.set("year", String(state.year));
  return params.toString();
}

function decodeSelection(params: URLSearchParams): Selection | null {
  const node = params.get("node");
  if (node) return { kind: "node", key: node };
  const edge = params.get("edge");
  if (edge) return { kind: "edge", key: edge };
  return null;
}

function decodeNeighbourhood(params: URLSearchParams): NeighbourhoodQuery | null {
  const center = params.get("hood");
  if (!center) return null;
  const depthValue = Number(params.get("depth") ?? 1);
  const depth = (DEPTHS as readonly number[]).includes(depthValue) ? (depthValue as Depth) : 1;
  const dirValue = params.get("dir") ?? "both";
  const direction = (DIRECTIONS as readonly string[]).includes(dirValue) ? (dirValue as Direction) : "both";
  return { center, depth, direction, relations: list(params.get("hoodrel")).filter(isRelation) };
}

function decodeCamera(value: string | null): CameraView | null {
  if (!value) return null;
  const numbers = value.split(",").map(Number);
  if (numbers.length < 3 || numbers.length > 4 || numbers.some((n) => !Number.isFinite(n))) return null;
  const [x, y, ratio, angle = 0] = numbers as [number, number, number, number?];
  if (ratio <= 0) return null;
  return { x, y, ratio, angle };
}

/** A whole year as `?asOf=` takes it (four digits, 1900-2100), or null. */
function decodeYear(value: string | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return isYear(year) ? year : null;
}

export function decodeUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const from = params.get("from");
  const to = params.get("to");
  return {
    selection: decodeSelection(params),
    hiddenTypes: new Set<NodeType>(list(params.get("hide")).filter(isNodeType)),
    hiddenRelations: new Set<Relation>(list(params.get("hiderel")).filter(isRelation)),
    neighbourhood: decodeNeighbourhood(params),
    path: from && to ? { from, to } : null,
    lang: params.get("lang") === "zh" ? "zh" : "en",
    camera: decodeCamera(params.get("cam")),
    year: decodeYear(params.get("year")),
  };
}

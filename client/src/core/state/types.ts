/**
 * The explorer's state shape and its closed sets. Views render it, reducers read it, the URL codec
 * serialises the parts worth sharing (selection, filters, neighbourhood, path, language, camera, year).
 */
import type { NodeType, Relation } from "../../../../server/domain/vocabulary";
import type { OverviewStatus } from "../graph/overview";

export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

export const DIRECTIONS = ["both", "out", "in"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DEPTHS = [1, 2, 3] as const;
export type Depth = (typeof DEPTHS)[number];

export type Selection = { kind: "node"; key: string } | { kind: "edge"; key: string };

export interface NeighbourhoodQuery {
  center: string;
  depth: Depth;
  direction: Direction;
  /** Empty: every relation. */
  relations: Relation[];
}

export type NeighbourhoodResult =
  | { status: "loading" }
  | { status: "ready"; nodes: ReadonlySet<string>; edges: ReadonlySet<string>; truncated: boolean }
  | { status: "error"; message: string };

export interface PathQuery {
  from: string;
  to: string;
}

export type PathResult =
  | { status: "loading" }
  | { status: "found"; nodes: string[]; edges: string[] }
  | { status: "none"; message: string }
  | { status: "error"; message: string };

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface ExplorerState {
  selection: Selection | null;
  hoveredNode: string | null;
  hoveredEdge: string | null;
  hiddenTypes: ReadonlySet<NodeType>;
  hiddenRelations: ReadonlySet<Relation>;
  neighbourhood: NeighbourhoodQuery | null;
  neighbourhoodResult: NeighbourhoodResult | null;
  path: PathQuery | null;
  pathResult: PathResult | null;
  lang: Language;
  camera: CameraView | null;
  /** Camera zoomed in far enough to show every relation label. */
  zoomedIn: boolean;
  /** The graph as it stood in this year (`?asOf=`); null for all years. */
  year: number | null;
  /** Entities a picked timeline event points at, highlighted until the selection moves on. */
  marked: ReadonlySet<string>;
  /** Set when the graph is too big to draw and the page shows an overview that grows on demand. */
  overview: OverviewStatus | null;
  /** The entity the graph's keyboard cursor is on (drawn highlighted and announced); null when none. */
  keyboardFocus: string | null;
  /** Where the keyboard walk stands when nothing is selected (the entity whose details were just left). */
  keyboardAnchor: string | null;
}

/** The part of the state that lives in the URL. */
export type UrlState = Pick<
  ExplorerState,
  "selection" | "hiddenTypes" | "hiddenRelations" | "neighbourhood" | "path" | "lang" | "camera" | "year"
>;

export function getEmptyState(): ExplorerState {
  return {
    selection: null,
    hoveredNode: null,
    hoveredEdge: null,
    hiddenTypes: new Set(),
    hiddenRelations: new Set(),
    neighbourhood: null,
    neighbourhoodResult: null,
    path: null,
    pathResult: null,
    lang: "en",
    camera: null,
    zoomedIn: false,
    year: null,
    marked: new Set(),
    overview: null,
    keyboardFocus: null,
    keyboardAnchor: null,
  };
}

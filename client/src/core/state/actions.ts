/**
 * Actions: pure functions from state to state. Each returns the same object when nothing changes, so the
 * store skips listeners. Views call them through `store.update(s => action(s, ...))`.
 */
import type { NodeType, Relation } from "../../../../server/domain/vocabulary";
import type {
  CameraView,
  Depth,
  Direction,
  ExplorerState,
  Language,
  NeighbourhoodResult,
  PathResult,
  Selection,
  UrlState,
} from "./types";
import { isYear } from "../time/as-of";
import type { OverviewStatus } from "../graph/overview";

const NONE_MARKED: ReadonlySet<string> = new Set();
/** A selection made anywhere but the timeline ends an event's highlight. */
const unmarked = (state: ExplorerState): ExplorerState =>
  state.marked.size === 0 ? state : { ...state, marked: NONE_MARKED };

const sameSelection = (a: Selection | null, b: Selection | null): boolean =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.key === b.key);

/** Selects a node; an open neighbourhood follows the selection to its new centre. */
export function selectNode(state: ExplorerState, key: string): ExplorerState {
  const selection: Selection = { kind: "node", key };
  const hood = state.neighbourhood;
  const recentre = hood !== null && hood.center !== key;
  if (sameSelection(state.selection, selection) && !recentre) return state;
  return {
    ...unmarked(state),
    selection,
    ...(recentre && { neighbourhood: { ...hood, center: key }, neighbourhoodResult: { status: "loading" } }),
  };
}

export function selectEdge(state: ExplorerState, key: string): ExplorerState {
  const selection: Selection = { kind: "edge", key };
  return sameSelection(state.selection, selection) ? state : { ...unmarked(state), selection };
}

export function clearSelection(state: ExplorerState): ExplorerState {
  return state.selection === null && state.marked.size === 0 ? state : { ...unmarked(state), selection: null };
}

/** Shows the graph as it stood in `year` (null: all years). Years outside `?asOf=`'s range are ignored. */
export function setYear(state: ExplorerState, year: number | null): ExplorerState {
  if ((year !== null && !isYear(year)) || state.year === year) return state;
  return {
    ...state,
    year,
    ...(state.neighbourhood && { neighbourhoodResult: { status: "loading" } }),
    ...(state.path && { pathResult: { status: "loading" } }),
  };
}

/**
 * A timeline event picked: the slider moves to its year, its first entity is selected and all of its
 * entities are highlighted (both ends of a relation).
 */
export function pickEvent(
  state: ExplorerState,
  event: { year: number | null; nodes: readonly string[] },
): ExplorerState {
  const [first] = event.nodes;
  const withYear = event.year === null ? state : setYear(state, event.year);
  const selected = first === undefined ? withYear : selectNode(withYear, first);
  return { ...selected, marked: new Set(event.nodes) };
}

/** Moves the graph's keyboard cursor (null: off the entities). */
export function setKeyboardFocus(state: ExplorerState, key: string | null): ExplorerState {
  return state.keyboardFocus === key ? state : { ...state, keyboardFocus: key };
}

/** Sets where the keyboard walk stands when nothing is selected (null: every shown entity). */
export function setKeyboardAnchor(state: ExplorerState, key: string | null): ExplorerState {
  return state.keyboardAnchor === key ? state : { ...state, keyboardAnchor: key };
}

export function hoverNode(state: ExplorerState, key: string | null): ExplorerState {
  return state.hoveredNode === key ? state : { ...state, hoveredNode: key };
}

export function hoverEdge(state: ExplorerState, key: string | null): ExplorerState {
  return state.hoveredEdge === key ? state : { ...state, hoveredEdge: key };
}

function toggled<T>(set: ReadonlySet<T>, value: T, visible: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (visible) next.delete(value);
  else next.add(value);
  return next;
}

export function setTypeVisible(state: ExplorerState, type: NodeType, visible: boolean): ExplorerState {
  if (state.hiddenTypes.has(type) !== visible) return state;
  return { ...state, hiddenTypes: toggled(state.hiddenTypes, type, visible) };
}

export function setRelationVisible(state: ExplorerState, relation: Relation, visible: boolean): ExplorerState {
  if (state.hiddenRelations.has(relation) !== visible) return state;
  return { ...state, hiddenRelations: toggled(state.hiddenRelations, relation, visible) };
}

export function setHiddenTypes(state: ExplorerState, types: Iterable<NodeType>): ExplorerState {
  return { ...state, hiddenTypes: new Set(types) };
}

export function setHiddenRelations(state: ExplorerState, relations: Iterable<Relation>): ExplorerState {
  return { ...state, hiddenRelations: new Set(relations) };
}

/** Opens the neighbourhood of `center` (or changes its options); the API result arrives later. */
export function openNeighbourhood(
  state: ExplorerState,
  center: string,
  options: Partial<{ depth: Depth; direction: Direction; relations: Relation[] }> = {},
): ExplorerState {
  const previous = state.neighbourhood;
  return {
    ...state,
    neighbourhood: {
      center,
      depth: options.depth ?? previous?.depth ?? 1,
      direction: options.direction ?? previous?.direction ?? "both",
      relations: options.relations ?? previous?.relations ?? [],
    },
    neighbourhoodResult: { status: "loading" },
  };
}

export function closeNeighbourhood(state: ExplorerState): ExplorerState {
  return state.neighbourhood === null ? state : { ...state, neighbourhood: null, neighbourhoodResult: null };
}

export function setNeighbourhoodResult(state: ExplorerState, result: NeighbourhoodResult): ExplorerState {
  return { ...state, neighbourhoodResult: result };
}

export function findPath(state: ExplorerState, from: string, to: string): ExplorerState {
  return { ...state, path: { from, to }, pathResult: { status: "loading" } };
}

export function clearPath(state: ExplorerState): ExplorerState {
  return state.path === null ? state : { ...state, path: null, pathResult: null };
}

export function setPathResult(state: ExplorerState, result: PathResult): ExplorerState {
  return { ...state, pathResult: result };
}

export function setLanguage(state: ExplorerState, lang: Language): ExplorerState {
  return state.lang === lang ? state : { ...state, lang };
}

export function setCamera(state: ExplorerState, camera: CameraView, zoomedIn: boolean): ExplorerState {
  return { ...state, camera, zoomedIn };
}

/**
 * Applies a state read from the URL (page load, back/forward). Neighbourhood and path results are reset
 * to "loading" when their queries (or the year) differ, so the controller fetches them again.
 */
export function applyUrlState(state: ExplorerState, url: UrlState): ExplorerState {
  const hoodChanged =
    JSON.stringify(url.neighbourhood) !== JSON.stringify(state.neighbourhood) || url.year !== state.year;
  const pathChanged = JSON.stringify(url.path) !== JSON.stringify(state.path) || url.year !== state.year;
  return {
    ...state,
    ...url,
    neighbourhoodResult:
      url.neighbourhood === null ? null : hoodChanged ? { status: "loading" } : state.neighbourhoodResult,
    pathResult: url.path === null ? null : pathChanged ? { status: "loading" } : state.pathResult,
  };
}

/** The overview grew, shrank or is waiting for the server. */
export function setOverview(state: ExplorerState, overview: OverviewStatus | null): ExplorerState {
  return { ...state, overview };
}

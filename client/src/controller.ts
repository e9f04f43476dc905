/**
 * The explorer's effects: reacts to state changes by refreshing sigma, fetching neighbourhoods and paths
 * from the API in the chosen year (latest request wins), loading the sidebar, and keeping the URL in step (a new history entry
 * per selection, so back/forward step through them; everything else replaces the current entry).
 */
import { api, ApiError } from "./api";
import type { CameraState } from "sigma/types";
import type { SchemaResponse } from "../../server/api/contract";
import type { ClientGraph } from "./core/graph/load";
import { cameraOnly } from "./core/graph/reducers";
import { shownNodes } from "./core/graph/visibility";
import * as actions from "./core/state/actions";
import type { Store } from "./core/state/store";
import type { ExplorerState } from "./core/state/types";
import { decodeUrlState, encodeUrlState } from "./core/url/codec";
import type { OverviewGrower } from "./overview";
import type { DetailsView } from "./views/details";
import type { Stage } from "./stage";
import { applyLanguage } from "./views/language";
import { EDGE_LABEL_RATIO, fitTo, focusNode } from "./views/renderer";

export interface ControllerContext {
  store: Store<ExplorerState>;
  graph: ClientGraph;
  stage: Stage;
  schema: SchemaResponse;
  details: DetailsView;
  views: ((state: ExplorerState) => void)[];
  /** Set when the page shows an overview: neighbourhoods and paths bring in what is not on the page. */
  grower: OverviewGrower | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function startController(context: ControllerContext, initial: ExplorerState): void {
  const { store, graph, stage, schema, details, views, grower } = context;
  let hoodRequest: AbortController | null = null;
  let pathRequest: AbortController | null = null;
  /** False while applying a URL (load, back/forward), whose camera must not be overridden by a fit. */
  let fitOnResult = initial.camera === null;
  let restoring = false;

  const fetchNeighbourhood = (state: ExplorerState) => {
    hoodRequest?.abort();
    const hood = state.neighbourhood;
    if (!hood) return;
    const own = new AbortController();
    hoodRequest = own;
    const fit = fitOnResult;
    api.neighbors(hood.center, { ...hood, asOf: state.year }, own.signal).then(
      async (response) => {
        if (own.signal.aborted) return;
        if (grower) await grower.replaceWith("hood", response);
        if (own.signal.aborted) return;
        store.update((s) =>
          actions.setNeighbourhoodResult(s, {
            status: "ready",
            nodes: new Set(response.nodes.map((n) => n.key)),
            edges: new Set(response.edges.map((e) => e.key)),
            truncated: response.truncated,
          }),
        );
        if (fit) stage.whenRenderer((renderer) => fitTo(renderer, shownNodes(store.get(), graph)));
      },
      (error: Error) => {
        if (own.signal.aborted || error.name === "AbortError") return;
        store.update((s) => actions.setNeighbourhoodResult(s, { status: "error", message: message(error) }));
      },
    );
  };

  const fetchPath = (state: ExplorerState) => {
    pathRequest?.abort();
    const path = state.path;
    if (!path) return;
    const own = new AbortController();
    pathRequest = own;
    const fit = fitOnResult;
    const relations =
      state.hiddenRelations.size > 0
        ? schema.relations.filter((r) => !state.hiddenRelations.has(r.relation)).map((r) => r.relation)
        : undefined;
    api.path(path.from, path.to, { ...(relations && { relations }), asOf: state.year }, own.signal).then(
      async (response) => {
        if (own.signal.aborted) return;
        if (grower) await grower.replaceWith("path", response);
        if (own.signal.aborted) return;
        const nodes = response.nodes.map((n) => n.key);
        store.update((s) =>
          actions.setPathResult(s, { status: "found", nodes, edges: response.edges.map((e) => e.key) }),
        );
        if (fit) stage.whenRenderer((renderer) => fitTo(renderer, nodes));
      },
      (error: Error) => {
        if (own.signal.aborted || error.name === "AbortError") return;
        const none = error instanceof ApiError && error.status === 404 && error.problem?.parameter === undefined;
        store.update((s) =>
          actions.setPathResult(
            s,
            none ? { status: "none", message: message(error) } : { status: "error", message: message(error) },
          ),
        );
      },
    );
  };

  const syncUrl = (next: ExplorerState, previous: ExplorerState) => {
    if (restoring) return;
    const search = encodeUrlState(next);
    const url = `${window.location.pathname}${search ? `?${search}` : ""}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (!same(next.selection, previous.selection)) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };

  const showEverything = () => stage.whenRenderer((renderer) => fitTo(renderer, []));
  const narrowed = (state: ExplorerState) =>
    state.neighbourhood !== null || state.path !== null || state.hiddenTypes.size + state.hiddenRelations.size > 0;

  /** The first reaction leaves the redraw to the next frame: sigma (or the 2D frame) has just drawn this very state. */
  let firstReaction = true;
  const react = (next: ExplorerState, previous: ExplorerState) => {
    if (firstReaction) stage.refresh(true);
    else if (!cameraOnly(next, previous, graph)) stage.refresh();
    firstReaction = false;
    const yearChanged = next.year !== previous.year;
    if (!same(next.neighbourhood, previous.neighbourhood) || (next.neighbourhood && yearChanged))
      fetchNeighbourhood(next);
    // What a closed neighbourhood or a cleared path brought into an overview leaves with it.
    if (grower && previous.neighbourhood && !next.neighbourhood)
      void grower.replaceWith("hood", { nodes: [], edges: [] });
    if (grower && previous.path && !next.path) void grower.replaceWith("path", { nodes: [], edges: [] });
    if (
      !same(next.path, previous.path) ||
      (next.path && (next.hiddenRelations !== previous.hiddenRelations || yearChanged))
    )
      fetchPath(next);
    if (next.lang !== previous.lang) applyLanguage(next.lang, graph.getAttribute("name") ?? null);
    if (!same(next.selection, previous.selection) || yearChanged || next.lang !== previous.lang)
      details.show(next.selection, next.year);
    // The last filter, neighbourhood or path cleared: the camera may be on the subset they showed.
    if (narrowed(previous) && !narrowed(next)) showEverything();
    for (const view of views) view(next);
    syncUrl(next, previous);
  };
  store.subscribe(react);

  // Camera (sigma's, once it exists): the URL follows it (debounced), relation labels appear once zoomed in.
  let cameraTimer = 0;
  stage.whenRenderer((renderer) =>
    renderer.getCamera().on("updated", (view) => {
      const zoomedIn = view.ratio < EDGE_LABEL_RATIO;
      if (zoomedIn !== store.get().zoomedIn) store.update((s) => actions.setCamera(s, { ...view }, zoomedIn));
      window.clearTimeout(cameraTimer);
      cameraTimer = window.setTimeout(() => store.update((s) => actions.setCamera(s, { ...view }, zoomedIn)), 300);
    }),
  );
  const moveCamera = (state: CameraState) => stage.whenRenderer((renderer) => renderer.getCamera().setState(state));

  window.addEventListener("popstate", () => {
    const url = decodeUrlState(window.location.search);
    restoring = true;
    fitOnResult = url.camera === null;
    store.update((s) => actions.applyUrlState(s, url));
    if (url.camera) moveCamera(url.camera);
    // Back to a view without a camera (the page as it opened): the default one, not wherever it was left.
    else if (!url.neighbourhood && !url.path) showEverything();
    restoring = false;
    fitOnResult = true;
  });

  // The first state came from the URL: run its effects once, as if everything had just changed.
  if (initial.camera) moveCamera(initial.camera);
  restoring = true;
  react(initial, { ...initial, selection: null, neighbourhood: null, path: null });
  restoring = false;
  fitOnResult = true;
  if (!initial.camera && !initial.neighbourhood && !initial.path && initial.selection?.kind === "node") {
    const key = initial.selection.key;
    stage.whenRenderer((renderer) => focusNode(renderer, key));
  }
}

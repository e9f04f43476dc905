/**
 * Entry point: loads the graph and schema from the API, builds the store from the URL, mounts the sigma
 * renderer and every panel, then hands over to the controller. If the API fails, the page says so and offers
 * a retry; nothing is thrown uncaught.
 */
import { api } from "./api";
import { buildClientGraph, type ClientGraph } from "./core/graph/load";
import { createOverviewModel, overviewStatus } from "./core/graph/overview";
import { shownNodes } from "./core/graph/visibility";
import type { LayoutController } from "./core/layout";
import * as actions from "./core/state/actions";
import { createStore, type Store } from "./core/state/store";
import { getEmptyState, type ExplorerState } from "./core/state/types";
import { eventYear } from "./core/time/as-of";
import { t } from "./core/i18n";
import { decodeUrlState } from "./core/url/codec";
import { startController } from "./controller";
import { createStage, nextPaint } from "./stage";
import { createOverviewGrower, type OverviewGrower } from "./overview";
import { createDetailsView } from "./views/details";
import { byId } from "./views/dom";
import { createEntityPicker } from "./views/entity-picker";
import { mountFilters } from "./views/filters";
import { guardFocus } from "./views/focus-guard";
import { mountGraphKeyboard } from "./views/graph-keyboard";
import { mountNeighbourhood } from "./views/neighbourhood";
import { mountOverviewNode } from "./views/overview-node";
import { mountPath } from "./views/path";
import { pngFrameOf } from "./views/png-export";
import { batchGraphChanges, fitTo, focusNode, labelBoxes, type Renderer } from "./views/renderer";
import { mountStageInfo } from "./views/stage-info";
import { mountSkipLinks } from "./views/skip-links";
import { createStatusBanner } from "./views/status";
import { mountTextView } from "./views/text-view";
import { mountTimeline } from "./views/timeline";
import { mountToolbar } from "./views/toolbar";
import { applyLanguage } from "./views/language";

declare global {
  interface Window {
    /** Read-only hooks for end-to-end tests and the curious: the renderer, the graph and the state. */
    explorer?: {
      renderer: Renderer;
      graph: ClientGraph;
      store: Store<ExplorerState>;
      shownNodes(): string[];
      /** Set when the page shows an overview of a graph too big to draw. */
      grower?: OverviewGrower | null;
      /** Where sigma's node labels were last placed, by entity, in the stage's pixels. */
      labelBoxes(): Record<string, { x1: number; y1: number; x2: number; y2: number }>;
      /** Where the 2D first frame last put each entity (null when none was drawn). */
      readonly firstFrame: ReadonlyMap<string, { x: number; y: number }> | null;
    };
  }
}

const status = createStatusBanner(byId("status"));

async function start(): Promise<void> {
  // The language comes first, so that everything is written in it from the start.
  applyLanguage(decodeUrlState(window.location.search).lang, null);
  status.notice(t("page.loading"));
  // The timeline is not needed for the first draw: it is asked for now and shown when it arrives.
  const timelineRequest = api.timeline().then(
    (response) => ({ response }),
    (error: Error) => ({ error }),
  );
  // One request opens the page: the whole graph, or an overview when it is too big to draw (see docs/explorer.md).
  const [opening, schema] = await Promise.all([api.overview(), api.schema()]);
  status.hide();
  performance.mark("explorer:data");
  const graph = buildClientGraph(opening.graph);
  const overview = opening.overview ? createOverviewModel(graph, opening.overview) : null;
  const documents = schema.documents ?? graph.getAttribute("documents") ?? [];
  const datasetName = byId("dataset-name");
  datasetName.textContent = graph.getAttribute("name") ?? "";
  // A long name is cut with an ellipsis: then the whole of it shows on hover.
  new ResizeObserver(() => {
    datasetName.title = datasetName.scrollWidth > datasetName.clientWidth ? (datasetName.textContent ?? "") : "";
  }).observe(datasetName);

  const initial = actions.setOverview(
    actions.applyUrlState(getEmptyState(), decodeUrlState(window.location.search)),
    overview && overviewStatus(overview),
  );
  applyLanguage(initial.lang, graph.getAttribute("name") ?? null);
  const store = createStore<ExplorerState>(initial);
  let batch: (change: () => void) => void = (change) => change();
  const grower: OverviewGrower | null =
    overview && createOverviewGrower(graph, store, overview, (change) => batch(change));
  const stage = createStage(byId("graph"), graph, store);
  if (stage.firstFrame) {
    // The graph shows before the panels are built.
    await nextPaint();
    performance.mark("explorer:first-frame");
  }
  batch = (change) => (stage.renderer ? batchGraphChanges(stage.renderer, change) : change());
  // The layout (ForceAtlas2 worker, noverlap) loads on first use: the page does not need it to open.
  let layout: Promise<LayoutController> | null = null;
  const loadLayout = () =>
    (layout ??= Promise.all([import("./core/layout"), new Promise<Renderer>((r) => stage.whenRenderer(r))]).then(
      ([m, renderer]) => new m.LayoutController(graph, renderer),
    ));

  const selectOnPage = (key: string) => {
    store.update((s) => {
      const type = graph.hasNode(key) ? graph.getNodeAttribute(key, "type") : null;
      return actions.selectNode(type ? actions.setTypeVisible(s, type, true) : s, key);
    });
    if (!store.get().neighbourhood) stage.whenRenderer((renderer) => focusNode(renderer, key));
  };
  // In an overview a search hit or a linked entity may not be on the page yet: it is fetched and added first.
  const selectNode = (key: string) => {
    if (!grower || graph.hasNode(key)) return selectOnPage(key);
    void grower.bringIn([key], "search").then(() => {
      if (graph.hasNode(key)) selectOnPage(key);
    });
  };
  /** Selects an entity and moves focus to its details: the user asked to read about it. */
  const openDetails = (key: string) => {
    selectNode(key);
    details.focusTitle();
  };
  const fitShown = () => stage.whenRenderer((renderer) => fitTo(renderer, shownNodes(store.get(), graph)));

  const search = createEntityPicker({
    id: "search-input",
    label: "search.label",
    placeholder: window.matchMedia("(max-width: 760px)").matches ? "search.placeholderShort" : "search.placeholder",
    onPick: (hit) => openDetails(hit.key),
  });
  byId("search").append(search.root);

  // On a phone the panel is a drawer behind ☰: the path panel opens it when it asks for the other end.
  const openPanel = () => {
    const toggle = byId("panel-toggle");
    if (toggle.offsetParent !== null && !document.body.classList.contains("panel-open")) toggle.click();
  };
  const path = mountPath(byId("path-section"), store, graph, selectNode, openPanel);
  const details = createDetailsView(
    byId("sidebar"),
    byId("sidebar-content"),
    graph,
    documents,
    {
      selectNode,
      hoverNode: (key) => store.update((s) => actions.hoverNode(s, key)),
      selectEdge: (key) => store.update((s) => actions.selectEdge(s, key)),
      focus: (key) => stage.whenRenderer((renderer) => focusNode(renderer, key)),
      neighbourhood: (key) => store.update((s) => actions.openNeighbourhood(s, key)),
      pathFrom: (key) => path.setFrom(key),
      pathTo: (key) => path.setTo(key),
    },
    (closed) => keyboard.returnTo(closed.kind === "node" ? closed.key : null),
  );
  const keyboard = mountGraphKeyboard({
    stage,
    announcer: byId("graph-announcer"),
    store,
    graph,
    open: openDetails,
  });
  const timeline = mountTimeline(byId("timeline"), byId("events-section"), store, documents, graph, (event) => {
    const [first] = event.nodes;
    store.update((s) => {
      const type = first !== undefined && graph.hasNode(first) ? graph.getNodeAttribute(first, "type") : null;
      return actions.pickEvent(type ? actions.setTypeVisible(s, type, true) : s, {
        year: eventYear(event),
        nodes: event.nodes.filter((key) => graph.hasNode(key)),
      });
    });
    if (document.body.classList.contains("panel-open")) byId("panel-toggle").click();
    if (first !== undefined && !store.get().neighbourhood) stage.whenRenderer((renderer) => focusNode(renderer, first));
  });
  void timelineRequest.then((result) =>
    "response" in result ? timeline.load(result.response) : timeline.fail(result.error.message),
  );
  const views = [
    timeline.update,
    mountFilters(byId("filters-section"), store, schema),
    mountNeighbourhood(byId("neighbourhood-section"), store, graph, schema),
    path.update,
    mountStageInfo(byId("counts"), byId("mode-chips"), store, graph, grower ? () => grower.reset() : undefined),
    ...(grower ? [mountOverviewNode(byId("overview-node"), graph, grower)] : []),
    mountToolbar({
      store,
      stage,
      loadLayout,
      schema,
      status,
      searchInput: search.input,
      fitShown,
      pngFrame: () => pngFrameOf(store.get(), graph, schema, documents, byId("counts").textContent ?? ""),
    }),
    keyboard.update,
    mountTextView({ root: byId("text-view"), toggle: byId("text-view-toggle"), store, graph, open: openDetails }),
    mountSkipLinks(stage.container, () => details.focusTitle()),
  ];
  window.explorer = {
    get renderer() {
      if (!stage.renderer) throw new Error("sigma has not been created yet (see the explorer:renderer mark)");
      return stage.renderer;
    },
    graph,
    store,
    grower,
    shownNodes: () => shownNodes(store.get(), graph),
    labelBoxes: () => (stage.renderer ? labelBoxes(stage.renderer) : {}),
    get firstFrame() {
      return stage.firstFrame?.positions ?? null;
    },
  };
  startController({ store, graph, stage, schema, details, views, grower }, initial);
  guardFocus(stage.container, byId("sidebar"));
  // A link to an entity outside the overview brings it in.
  const linked = initial.selection;
  if (grower && linked?.kind === "node" && !graph.hasNode(linked.key)) selectNode(linked.key);
  performance.mark("explorer:ready");
  stage.showSigma().then(
    () => performance.mark("explorer:drawn"),
    (error: unknown) =>
      status.error(t("page.viewFailed", { message: error instanceof Error ? error.message : String(error) })),
  );
}

function boot(): void {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    status.error(t("page.loadFailed", { message }), () => {
      status.hide();
      boot();
    });
  });
}

boot();

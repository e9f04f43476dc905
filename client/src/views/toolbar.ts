/**
 * The controls around the graph: EN/中文, the layout's start/stop with its running state, GEXF and PNG
 * export, zoom in/out/fit, the phone panel toggle, and keyboard shortcuts (/, Esc, +, −, 0, Shift + arrows).
 */
import type { SchemaResponse } from "../../../server/api/contract";
import { gexfUrl } from "../api";
import { t } from "../core/i18n";
import type { LayoutController } from "../core/layout";
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import { byId } from "./dom";
import { downloadFramedPng, type PngFrame } from "./png-export";
import { moveCamera, zoomBy, type Renderer } from "./renderer";
import type { Stage } from "../stage";
import type { StatusBanner } from "./status";

export interface ToolbarContext {
  store: Store<ExplorerState>;
  stage: Stage;
  /** The layout controller, loaded on first use. */
  loadLayout(): Promise<LayoutController>;
  schema: SchemaResponse;
  status: StatusBanner;
  searchInput: HTMLInputElement;
  fitShown(): void;
  /** Title, legend and source for the PNG of the view. */
  pngFrame(): PngFrame;
}

/**
 * The "what is shown" export: visible types and relations (only when some are hidden), the neighbourhood and
 * the chosen year.
 */
export function shownExportUrl(state: ExplorerState, schema: SchemaResponse): string {
  const types = schema.nodeTypes.filter((t) => t.count > 0 && !state.hiddenTypes.has(t.type)).map((t) => t.type);
  const hoodRelations = state.neighbourhood?.relations ?? [];
  const relations = schema.relations
    .filter((r) => r.count > 0 && !state.hiddenRelations.has(r.relation))
    .filter((r) => hoodRelations.length === 0 || hoodRelations.includes(r.relation))
    .map((r) => r.relation);
  return gexfUrl({
    ...(state.hiddenTypes.size > 0 && { types }),
    ...((state.hiddenRelations.size > 0 || hoodRelations.length > 0) && { relations }),
    ...(state.neighbourhood && {
      center: state.neighbourhood.center,
      depth: state.neighbourhood.depth,
      direction: state.neighbourhood.direction,
    }),
    ...(state.year !== null && { asOf: state.year }),
  });
}

/** Shift + arrow keys pan the camera by a fifth of the view (plain arrows walk the graph: graph-keyboard.ts). */
function panBy(renderer: Renderer, key: string): void {
  const { x, y, ratio } = renderer.getCamera().getState();
  const step = 0.2 * ratio;
  const [dx, dy] =
    key === "ArrowLeft" ? [-step, 0] : key === "ArrowRight" ? [step, 0] : key === "ArrowUp" ? [0, step] : [0, -step];
  moveCamera(renderer, { x: x + dx, y: y + dy }, 150);
}

export function mountToolbar(context: ToolbarContext): (state: ExplorerState) => void {
  const { store, stage, schema, status } = context;
  const langEn = byId<HTMLButtonElement>("lang-en");
  const langZh = byId<HTMLButtonElement>("lang-zh");
  langEn.addEventListener("click", () => store.update((s) => actions.setLanguage(s, "en")));
  langZh.addEventListener("click", () => store.update((s) => actions.setLanguage(s, "zh")));

  const layoutButton = byId<HTMLButtonElement>("layout-toggle");
  const layoutText = layoutButton.querySelector(".layout-text") as HTMLElement;
  const layoutIcon = layoutButton.querySelector(".layout-icon") as HTMLElement;
  let layoutBound = false;
  const showLayoutState = (running: boolean) => {
    layoutButton.setAttribute("aria-pressed", String(running));
    layoutButton.classList.toggle("running", running);
    layoutText.dataset.i18n = running ? "topbar.layoutRunning" : "topbar.layout";
    layoutText.textContent = t(running ? "topbar.layoutRunning" : "topbar.layout");
    // Not ▶: on a phone the icon stands alone beside the timeline's play button.
    layoutIcon.textContent = running ? "■" : "✥";
    layoutButton.dataset.i18nTitle = running ? "topbar.layoutStopTitle" : "topbar.layoutTitle";
    layoutButton.title = t(running ? "topbar.layoutStopTitle" : "topbar.layoutTitle");
  };
  layoutButton.addEventListener("click", () => {
    context.loadLayout().then(
      (layout) => {
        if (!layoutBound) layout.onChange(showLayoutState);
        layoutBound = true;
        layout.toggle();
      },
      (error: Error) => status.error(t("topbar.layoutFailed", { message: error.message })),
    );
  });

  const exportMenu = byId<HTMLDetailsElement>("export-menu");
  const shownLink = byId<HTMLAnchorElement>("export-gexf-shown");
  byId("export-gexf-all").addEventListener("click", () => (exportMenu.open = false));
  shownLink.addEventListener("click", () => (exportMenu.open = false));
  byId("export-png").addEventListener("click", () => {
    exportMenu.open = false;
    stage.whenRenderer((renderer) =>
      downloadFramedPng(renderer, context.pngFrame()).catch((error: Error) =>
        status.error(t("topbar.pngFailed", { message: error.message })),
      ),
    );
  });

  const zoom = (factor: number) => stage.whenRenderer((renderer) => zoomBy(renderer, factor));
  byId("zoom-in").addEventListener("click", () => zoom(1.5));
  byId("zoom-out").addEventListener("click", () => zoom(1 / 1.5));
  byId("zoom-fit").addEventListener("click", () => context.fitShown());

  const panelToggle = byId<HTMLButtonElement>("panel-toggle");
  panelToggle.addEventListener("click", () => {
    const open = document.body.classList.toggle("panel-open");
    panelToggle.setAttribute("aria-expanded", String(open));
  });
  // On phones the panel is a drawer over the graph: touching the graph closes it.
  stage.container.addEventListener("pointerdown", () => {
    if (document.body.classList.contains("panel-open")) panelToggle.click();
  });
  byId("sidebar-close").addEventListener("click", () => store.update(actions.clearSelection));

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    const typing =
      !!target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA");
    if (event.key === "Escape") {
      // A text box's Escape is its own (the search closes or clears); the graph handles its own too.
      if (typing) return;
      if (exportMenu.open) {
        exportMenu.open = false;
        exportMenu.querySelector("summary")?.focus();
      } else if (document.body.classList.contains("panel-open")) {
        panelToggle.click();
        if (byId("panel").contains(document.activeElement)) panelToggle.focus();
      } else store.update(actions.clearSelection);
      return;
    }
    if (typing) return;
    if (event.key === "/") {
      event.preventDefault();
      context.searchInput.focus();
    } else if (
      event.key.startsWith("Arrow") &&
      ((target === stage.container && event.shiftKey) || target === document.body)
    ) {
      event.preventDefault();
      const key = event.key;
      stage.whenRenderer((renderer) => panBy(renderer, key));
    } else if (event.key === "+" || event.key === "=") zoom(1.5);
    else if (event.key === "-" || event.key === "_") zoom(1 / 1.5);
    else if (event.key === "0") context.fitShown();
  });

  return (state) => {
    langEn.setAttribute("aria-pressed", String(state.lang === "en"));
    langZh.setAttribute("aria-pressed", String(state.lang === "zh"));
    shownLink.href = shownExportUrl(state, schema);
    // An overview is a few entities of a large graph: "what is shown" by filters would be nearly all of it.
    shownLink.hidden = state.overview !== null;
  };
}

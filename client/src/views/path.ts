/**
 * The path panel: pick two entities and the shortest path between them (/api/paths) is highlighted in the
 * graph and listed here step by step, each relation read in its own direction; "no path" is said plainly.
 */
import * as actions from "../core/state/actions";
import type { Store } from "../core/state/store";
import type { ExplorerState } from "../core/state/types";
import type { ClientGraph } from "../core/graph/load";
import { displayLabel } from "../core/graph/reducers";
import { relationName, t } from "../core/i18n";
import { el, replaceChildren } from "./dom";
import { createEntityPicker, type EntityPicker } from "./entity-picker";
import { entityNameParts } from "./language";

export interface PathPanel {
  update(state: ExplorerState): void;
  setFrom(key: string): void;
  setTo(key: string): void;
}

export function mountPath(
  section: HTMLElement,
  store: Store<ExplorerState>,
  graph: ClientGraph,
  selectNode: (key: string) => void,
  openPanel: () => void,
): PathPanel {
  let from: string | null = null;
  let to: string | null = null;
  /** Said (and announced) while one end is chosen from an entity's sidebar and the other is awaited. */
  let prompt: string | null = null;
  let shown: ExplorerState["pathResult"] = null;
  const label = (key: string) =>
    graph.hasNode(key) ? displayLabel(graph.getNodeAttributes(key), store.get().lang) : key;
  const run = () => {
    prompt = null;
    if (from && to) store.update((s) => actions.findPath(s, from as string, to as string));
  };
  const fromPicker = createEntityPicker({
    id: "path-from",
    label: "path.from",
    placeholder: "path.fromPlaceholder",
    keepText: true,
    onPick: (hit) => {
      from = hit.key;
      run();
    },
  });
  const toPicker = createEntityPicker({
    id: "path-to",
    label: "path.to",
    placeholder: "path.toPlaceholder",
    keepText: true,
    onPick: (hit) => {
      to = hit.key;
      run();
    },
  });
  const clear = el("button", {
    attrs: { type: "button", id: "path-clear" },
    i18n: { text: "path.clear" },
    on: {
      click: () => {
        from = to = null;
        prompt = null;
        fromPicker.show("");
        toPicker.show("");
        store.update(actions.clearPath);
      },
    },
  });
  const swap = el("button", {
    text: "⇅",
    attrs: { type: "button" },
    i18n: { title: "path.swap", "aria-label": "path.swap" },
    on: {
      click: () => {
        [from, to] = [to, from];
        fromPicker.show(from ? label(from) : "");
        toPicker.show(to ? label(to) : "");
        run();
      },
    },
  });
  const result = el("div", { class: "path-result", attrs: { id: "path-result", "aria-live": "polite" } });

  section.append(
    el("h2", { class: "section-title", attrs: { id: "path-title" }, i18n: { text: "path.title" } }),
    el("div", { class: "path-ends" }, [fromPicker.root, swap, toPicker.root]),
    el("div", { class: "control-row" }, [clear]),
    result,
  );

  const nodeLink = (key: string) =>
    el(
      "a",
      {
        class: "node-link",
        attrs: { href: `?node=${encodeURIComponent(key)}`, "data-key": key },
        on: {
          click: (event) => {
            event.preventDefault();
            selectNode(key);
          },
        },
      },
      graph.hasNode(key) ? entityNameParts(graph.getNodeAttributes(key)) : [key],
    );

  /** One end came from a sidebar: with the other still open, the panel comes into view with the caret there. */
  const awaitOtherEnd = (picker: EntityPicker, text: string) => {
    prompt = text;
    showPrompt();
    openPanel();
    picker.input.focus({ preventScroll: true });
    section.scrollIntoView({ block: "nearest" });
  };
  const showPrompt = () => {
    // Replaced only when it changes: the live region would say it again.
    if (prompt && result.textContent !== prompt)
      replaceChildren(result, [el("p", { class: "panel-status path-prompt", text: prompt })]);
  };

  return {
    setFrom(key) {
      from = key;
      fromPicker.show(label(key));
      if (to) return run();
      awaitOtherEnd(toPicker, t("path.promptTo", { from: label(key) }));
    },
    setTo(key) {
      to = key;
      toPicker.show(label(key));
      if (from) return run();
      awaitOtherEnd(fromPicker, t("path.promptFrom", { to: label(key) }));
    },
    update(state) {
      clear.hidden = state.path === null;
      if (state.path) {
        from = state.path.from;
        to = state.path.to;
        if (document.activeElement !== fromPicker.input) fromPicker.show(label(from));
        if (document.activeElement !== toPicker.input) toPicker.show(label(to));
      }
      const outcome = state.pathResult;
      if (outcome && outcome !== shown && outcome.status !== "loading") {
        window.requestAnimationFrame(() => result.scrollIntoView({ block: "nearest" }));
      }
      shown = outcome;
      if (!state.path && prompt) {
        showPrompt();
      } else if (!state.path || !outcome) {
        replaceChildren(result, [el("p", { class: "panel-status", text: t("path.hint") })]);
      } else if (outcome.status === "loading") {
        replaceChildren(result, [el("p", { class: "panel-status", text: t("path.looking") })]);
      } else if (outcome.status === "none") {
        replaceChildren(result, [
          el("p", {
            class: "panel-status path-none",
            text: t("path.none", { from: label(state.path.from), to: label(state.path.to) }),
          }),
        ]);
      } else if (outcome.status === "error") {
        replaceChildren(result, [
          el("p", { class: "panel-status error-text", text: t("path.failed", { message: outcome.message }) }),
        ]);
      } else {
        const steps = outcome.edges.map((edge, i) => {
          const here = outcome.nodes[i] as string;
          const next = outcome.nodes[i + 1] as string;
          const relation = graph.hasEdge(edge)
            ? relationName(graph.getEdgeAttribute(edge, "relation"))
            : t("path.linked");
          const forward = !graph.hasEdge(edge) || graph.source(edge) === here;
          return el("li", { class: "path-step" }, [
            nodeLink(here),
            el("span", { class: "path-relation", text: forward ? ` — ${relation} → ` : ` ← ${relation} — ` }),
            nodeLink(next),
          ]);
        });
        replaceChildren(result, [
          el("p", {
            class: "panel-status",
            text: t("path.steps", {
              count: outcome.edges.length,
              from: label(state.path.from),
              to: label(state.path.to),
            }),
          }),
          el("ol", { class: "path-steps" }, steps),
        ]);
      }
    },
  };
}

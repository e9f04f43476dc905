/**
 * Growing an overview from the server: expand an entity (its neighbourhood from /api/nodes/:key/neighbors,
 * then the neighbour counts and links of what it added), collapse it, bring in a search hit, a path or a
 * neighbourhood that is not on the page yet, and go back to the overview. Every change ends in the store, so
 * the counts, the sidebar and sigma follow.
 */
import { api } from "./api";
import type { EdgeItem } from "../../server/api/contract";
import type { ClientGraph } from "./core/graph/load";
import * as model from "./core/graph/overview";
import * as actions from "./core/state/actions";
import type { Store } from "./core/state/store";
import type { ExplorerState } from "./core/state/types";

/** Neighbours one expansion may add: the server's cap applies too, and `truncated` says when it cut. */
export const EXPANSION_LIMIT = 500;

export interface OverviewGrower {
  expand(center: string): Promise<void>;
  collapse(center: string): void;
  /** Makes sure these entities are on the page (for `reason`), fetching what is missing. */
  bringIn(keys: readonly string[], reason: model.Reason): Promise<void>;
  /** Puts a path or neighbourhood answer on the page, replacing the previous one of the same kind. */
  replaceWith(
    reason: "path" | "hood",
    answer: { nodes: readonly model.IncomingNode[]; edges: readonly EdgeItem[] },
  ): Promise<void>;
  reset(): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs a burst of graph changes so that the renderer redraws once, not once per node or edge. */
export type Batch = (change: () => void) => void;

export function createOverviewGrower(
  graph: ClientGraph,
  store: Store<ExplorerState>,
  overview: model.OverviewModel,
  batch: Batch = (change) => change(),
): OverviewGrower {
  const pending = new Set<string>();
  let error: string | null = null;
  const publish = () =>
    store.update((s) => actions.setOverview(s, model.overviewStatus(overview, { pending: new Set(pending), error })));

  /** Neighbour counts and links of entities just added, so hidden counts are right and no edge is missing. */
  const complete = async (added: readonly string[]) => {
    if (added.length === 0) return;
    const answer = await api.overviewNodes(added);
    batch(() => {
      for (const node of answer.nodes) {
        if (graph.hasNode(node.key)) graph.setNodeAttribute(node.key, "neighbours", node.neighbours);
      }
      model.addEdges(graph, answer.edges);
    });
  };

  const guarded = async (work: () => Promise<void>) => {
    try {
      error = null;
      await work();
    } catch (failure) {
      if ((failure as Error).name === "AbortError") return;
      error = message(failure);
    } finally {
      publish();
    }
  };

  return {
    expand: (center) =>
      guarded(async () => {
        if (pending.has(center) || !graph.hasNode(center)) return;
        pending.add(center);
        publish();
        try {
          const hood = await api.neighbors(center, {
            depth: 1,
            direction: "both",
            relations: [],
            limit: EXPANSION_LIMIT,
          });
          if (!graph.hasNode(center)) return;
          let added: string[] = [];
          batch(() => (added = model.expand(graph, overview, center, hood)));
          await complete(added);
        } finally {
          pending.delete(center);
        }
      }),
    collapse(center) {
      batch(() => model.collapse(graph, overview, center));
      publish();
    },
    bringIn: (keys, reason) =>
      guarded(async () => {
        const missing = keys.filter((key) => !graph.hasNode(key));
        const present = keys.filter((key) => graph.hasNode(key));
        batch(() =>
          model.addToPage(
            graph,
            overview,
            reason,
            present.map((key) => ({ key, attributes: graph.getNodeAttributes(key) })),
          ),
        );
        if (missing.length === 0) return;
        const answer = await api.overviewNodes(missing);
        batch(() => model.addToPage(graph, overview, reason, answer.nodes, answer.edges));
      }),
    replaceWith: (reason, answer) =>
      guarded(async () => {
        let added: string[] = [];
        batch(() => {
          model.withdraw(graph, overview, reason);
          added = model.addToPage(graph, overview, reason, answer.nodes, answer.edges);
        });
        await complete(added);
      }),
    reset() {
      batch(() => model.resetToOverview(graph, overview));
      publish();
    },
  };
}

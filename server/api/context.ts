/** What every route needs: the graph, its search index, the request schemas and the caps. */
import type { MetricsService } from "../analysis/metrics-service";
import type { KnowledgeGraph } from "../graph/attributes";
import type { SearchIndex } from "../graph/search-index";
import type { Limits, RequestSchemas } from "./request-schemas";

export interface ApiContext {
  graph: KnowledgeGraph;
  datasetName: string;
  /** The dataset file's content hash, when known: ETags that stay valid across restarts on the same data. */
  datasetVersion?: string;
  search: SearchIndex;
  /** Network metrics, computed on demand in a worker thread and cached per filter. */
  analysis: MetricsService;
  schemas: RequestSchemas;
  limits: Limits;
}

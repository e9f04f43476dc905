/** What every route needs: the graph, its search index, the request schemas and the caps. */
import type { KnowledgeGraph } from "../graph/attributes";
import type { SearchIndex } from "../graph/search-index";
import type { Limits, RequestSchemas } from "./request-schemas";

export interface ApiContext {
  graph: KnowledgeGraph;
  datasetName: string;
  search: SearchIndex;
  schemas: RequestSchemas;
  limits: Limits;
}

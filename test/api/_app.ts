/** An in-process app on the embedded dataset, with the request log silenced. */
import { createApp, type AppOptions } from "../../server/api/app";
import { embeddedGraph } from "../_fixtures";

export const makeApp = (options: Partial<AppOptions> = {}) =>
  createApp({ graph: embeddedGraph(), datasetName: "kingsoft-cloud", log: () => {}, ...options });

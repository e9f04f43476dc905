/** An in-process app on the embedded dataset, with the request log silenced. */
import type { Express } from "express";
import request from "supertest";
import { createApp, type AppOptions } from "../../server/api/app";
import { embeddedGraph } from "../_fixtures";

export const makeApp = (options: Partial<AppOptions> = {}) =>
  createApp({ graph: embeddedGraph(), datasetName: "kingsoft-cloud", log: () => {}, ...options });

/** GETs a URL and collects the body as text whatever its type (supertest buffers only known types). */
export const getText = (app: Express, url: string, headers: Record<string, string> = {}) =>
  request(app)
    .get(url)
    .set(headers)
    .buffer(true)
    .parse((res, done) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => done(null, text));
    });

/** /api/export.gexf on a large graph: streamed, gzip through the stream, and other requests answered meanwhile. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLargeGraph } from "../gexf/_fixtures";
import { makeApp } from "./_app";

describe("GET /api/export.gexf on a large graph", () => {
  const large = makeLargeGraph(3000, 9000);
  let server: http.Server;
  let port: number;
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  beforeAll(async () => {
    process.on("warning", onWarning);
    server = http.createServer(makeApp({ graph: large }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    process.off("warning", onWarning);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ port, host: "127.0.0.1", path, headers, agent: false }, resolve).on("error", reject),
    );
  const body = (response: http.IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks)));
    });

  it("answers other requests while a download is under way", async () => {
    const download = await get("/api/export.gexf", { "accept-encoding": "identity" });
    const first = await new Promise<Buffer>((resolve) => download.once("data", resolve));
    download.pause(); // a slow client: the writer waits for 'drain' and the server is free meanwhile
    expect(first.toString("utf8")).toMatch(/^<\?xml/);
    const health = await get("/api/health");
    expect(health.statusCode).toBe(200);
    expect(JSON.parse((await body(health)).toString("utf8")).nodes).toBe(3000);
    expect(download.complete).toBe(false);
    download.resume();
    const rest = await body(download);
    const xml = Buffer.concat([first, rest]).toString("utf8");
    expect(xml.endsWith("</gexf>\n")).toBe(true);
    expect(xml.match(/<edge /g)).toHaveLength(9000);
  });

  it("gzips the stream and leaves no listener behind on the zlib stream", async () => {
    const response = await get("/api/export.gexf", { "accept-encoding": "gzip" });
    expect(response.headers["content-encoding"]).toBe("gzip");
    const xml = gunzipSync(await body(response)).toString("utf8");
    expect(xml.match(/<node /g)).toHaveLength(3000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
  });
});

/** /api/graph over HTTP: streamed, byte for byte graph.export(), gzip when accepted, ETag and 304, filters. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { gunzipSync } from "node:zlib";
import Graph from "graphology";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGraphJson } from "../../server/api/graph-json";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { copyAsOf, copySelection } from "../_reference-graphs";
import { embeddedGraph } from "../_fixtures";
import { makeLargeGraph } from "../gexf/_fixtures";
import { getText, makeApp } from "./_app";

/** Collects what a writer writes, as text. */
async function collect(write: (out: Writable) => Promise<void>): Promise<string> {
  const parts: string[] = [];
  const out = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      parts.push(chunk);
      callback();
    },
  });
  await write(out);
  return parts.join("");
}

describe("writeGraphJson", () => {
  it("writes exactly JSON.stringify(graph.export()), the embedded graph and a mixed one alike", async () => {
    const graph = embeddedGraph();
    expect(await collect((out) => writeGraphJson(graph, out))).toBe(JSON.stringify(graph.export()));
    // graphology's corner cases: a node without attributes, an undirected edge in a mixed graph, odd text.
    const mixed = new Graph({ type: "mixed", multi: true });
    mixed.setAttribute("name", 'quote " and \u2028');
    mixed.addNode("bare");
    mixed.addNode("b", { label: "乙 <b>", n: 1.5, list: [1, null] });
    mixed.addUndirectedEdgeWithKey("u", "bare", "b", { w: 2 });
    mixed.addDirectedEdgeWithKey("d", "b", "bare");
    const text = await collect((out) => writeGraphJson(mixed as unknown as KnowledgeGraph, out));
    expect(text).toBe(JSON.stringify(mixed.export()));
  });

  it("waits for drain and never writes while the stream is full", async () => {
    const graph = makeLargeGraph(2000, 6000);
    let writesWhileFull = 0;
    let drains = 0;
    const parts: string[] = [];
    const out = new Writable({
      highWaterMark: 1024,
      decodeStrings: false,
      write(chunk: string, _encoding, callback) {
        parts.push(chunk);
        setImmediate(callback);
      },
    });
    const write = out.write.bind(out) as (chunk: string) => boolean;
    out.write = ((chunk: string) => {
      if (out.writableNeedDrain) writesWhileFull++;
      return write(chunk);
    }) as typeof out.write;
    out.on("drain", () => drains++);
    await writeGraphJson(graph, out);
    expect(parts.join("")).toBe(JSON.stringify(graph.export()));
    expect(parts.length).toBeGreaterThan(10);
    expect(drains).toBeGreaterThan(10);
    expect(writesWhileFull).toBe(0);
  });

  it("stops and resolves when the stream is destroyed midway", async () => {
    let chunks = 0;
    const out = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        if (++chunks === 2) out.destroy();
        setImmediate(callback);
      },
    });
    await expect(writeGraphJson(makeLargeGraph(2000, 6000), out)).resolves.toBeUndefined();
    expect(chunks).toBe(2);
  });
});

describe("GET /api/graph", () => {
  const app = makeApp({ datasetVersion: "sha-of-the-embedded-file" });
  const graph = embeddedGraph();

  it("answers graph.export() byte for byte, whole, filtered and as of a year", async () => {
    const cases: [string, KnowledgeGraph][] = [
      ["/api/graph", graph],
      ["/api/graph?type=person,company", copySelection(graph, { types: ["person", "company"] })],
      ["/api/graph?relation=holds_stake_in", copySelection(graph, { relations: ["holds_stake_in"] })],
      ["/api/graph?asOf=2019", copyAsOf(graph, 2019)],
      ["/api/graph?asOf=2021&type=company", copySelection(copyAsOf(graph, 2021), { types: ["company"] })],
    ];
    for (const [url, expected] of cases) {
      const response = await getText(app, url);
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(response.body).toBe(JSON.stringify(expected.export()));
    }
  });

  it("keeps filtering: only the asked types", async () => {
    const response = await request(app).get("/api/graph?type=person");
    const types = new Set(response.body.nodes.map((n: { attributes: { type: string } }) => n.attributes.type));
    expect([...types]).toEqual(["person"]);
  });

  it("is gzipped when the client accepts it, and the same JSON once unzipped", async () => {
    const response = await request(app)
      .get("/api/graph")
      .set("Accept-Encoding", "gzip")
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done(null, Buffer.concat(chunks)));
      });
    expect(response.headers["content-encoding"]).toBe("gzip");
    // supertest may have unzipped it already; either way the JSON is graph.export().
    const body = response.body as Buffer;
    const text = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body).toString("utf8") : body.toString("utf8");
    expect(text).toBe(JSON.stringify(graph.export()));
  });

  it("has a weak ETag from the data and the normalised query, and answers 304 to If-None-Match", async () => {
    const first = await request(app).get("/api/graph?type=person,company");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await request(app).get("/api/graph?type=company,person,company");
    expect(again.headers.etag).toBe(etag);
    const repeat = await request(app).get("/api/graph?type=person,company").set("If-None-Match", etag);
    expect(repeat.status).toBe(304);
    expect(repeat.text).toBe("");
    const other = await request(app).get("/api/graph?type=person").set("If-None-Match", etag);
    expect(other.status).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
    const year = await request(app).get("/api/graph?type=person,company&asOf=2019");
    expect(year.headers.etag).not.toBe(etag);
  });

  it("changes the ETag with the dataset's version", async () => {
    const a = await request(makeApp({ datasetVersion: "a" })).get("/api/graph");
    const b = await request(makeApp({ datasetVersion: "b" })).get("/api/graph");
    const a2 = await request(makeApp({ datasetVersion: "a" })).get("/api/graph");
    expect(a.headers.etag).toBe(a2.headers.etag);
    expect(a.headers.etag).not.toBe(b.headers.etag);
  });

  it("still names a bad parameter in a 400 problem", async () => {
    const response = await request(app).get("/api/graph?type=bogus");
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.body.parameter).toBe("type");
  });
});

describe("GET /api/graph on a large graph", () => {
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

  /** The raw response: headers, how many chunks the body came in, and the body. */
  const fetchRaw = (headers: Record<string, string>) =>
    new Promise<{ headers: http.IncomingHttpHeaders; chunks: number; body: Buffer }>((resolve, reject) => {
      http
        .get({ port, host: "127.0.0.1", path: "/api/graph", headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ headers: response.headers, chunks: chunks.length, body: Buffer.concat(chunks) }),
          );
        })
        .on("error", reject);
    });

  it("streams in chunks without a Content-Length", async () => {
    const { headers, chunks, body } = await fetchRaw({ "accept-encoding": "identity" });
    expect(headers["transfer-encoding"]).toBe("chunked");
    expect(headers["content-length"]).toBeUndefined();
    expect(chunks).toBeGreaterThan(1);
    expect(body.toString("utf8")).toBe(JSON.stringify(large.export()));
  });

  it("gzips the stream with backpressure and leaves no listener behind on the zlib stream", async () => {
    const { headers, body } = await fetchRaw({ "accept-encoding": "gzip" });
    expect(headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(body).toString("utf8")).toBe(JSON.stringify(large.export()));
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
  });
});

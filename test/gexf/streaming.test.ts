/** The writer as a stream producer: batching, backpressure, identical bytes, and stopping when the reader goes. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../server/graph/attributes";
import { gexfToString, writeGexf } from "../../server/gexf/write-gexf";
import { makeGraph, makeLargeGraph } from "./_fixtures";
import { readWithGraphology } from "./_readers";

const OPTIONS = { lastModifiedDate: "2024-04-01", creator: "streaming test" };

/** A Writable that takes `delayMs` per chunk and reports how the producer behaved. */
function slowSink(highWaterMark: number, delayMs: number, onChunk?: (sink: Writable, n: number) => void) {
  const chunks: string[] = [];
  let writesWhileFull = 0;
  let drains = 0;
  const sink = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      chunks.push(chunk);
      onChunk?.(sink, chunks.length);
      setTimeout(callback, delayMs);
    },
  });
  const write = sink.write.bind(sink) as (chunk: string) => boolean;
  sink.write = ((chunk: string) => {
    if (sink.writableNeedDrain) writesWhileFull++;
    return write(chunk);
  }) as typeof sink.write;
  sink.on("drain", () => drains++);
  return { sink, chunks, stats: () => ({ writesWhileFull, drains }) };
}

// Any unhandled rejection or uncaught exception during a test is a failure of that test.
const stray: unknown[] = [];
const onStray = (error: unknown) => stray.push(error);
process.on("unhandledRejection", onStray);
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(stray).toEqual([]);
});

describe("streaming", () => {
  let large: KnowledgeGraph;
  let expected: string;
  beforeAll(async () => {
    large = makeLargeGraph(3000, 9000);
    expected = await gexfToString(large, OPTIONS);
  });

  it("writes in batches, waits for drain, and produces exactly gexfToString's bytes", async () => {
    const { sink, chunks, stats } = slowSink(64, 1);
    await writeGexf(large, sink, OPTIONS);
    expect(chunks.join("")).toBe(expected);
    expect(chunks.length).toBeGreaterThan(30); // 12 000 elements in batches of a few hundred
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(300 * 1024);
    expect(stats().writesWhileFull).toBe(0);
    expect(stats().drains).toBeGreaterThan(10);
    const parsed = readWithGraphology(expected);
    expect([parsed.order, parsed.size]).toEqual([3000, 9000]);
  });

  it("leaves the stream open for the caller", async () => {
    const { sink, chunks } = slowSink(1024, 0);
    await writeGexf(makeGraph(), sink, OPTIONS);
    expect(sink.writableEnded).toBe(false);
    expect(sink.destroyed).toBe(false);
    await new Promise<void>((resolve) => sink.end("<!-- after -->", resolve));
    expect(chunks.join("")).toBe((await gexfToString(makeGraph(), OPTIONS)) + "<!-- after -->");
    expect(sink.listenerCount("error")).toBe(0); // its own listeners are gone
  });

  it("stops and resolves when the stream is destroyed midway", async () => {
    const { sink, chunks } = slowSink(64, 1, (s, n) => {
      if (n === 3) s.destroy();
    });
    await expect(writeGexf(large, sink, OPTIONS)).resolves.toBeUndefined();
    expect(sink.destroyed).toBe(true);
    expect(chunks.length).toBe(3);
  });

  it("rejects, handled, when a write fails later (an fs or socket error)", async () => {
    const failure = new Error("EIO");
    let n = 0;
    const sink = new Writable({
      highWaterMark: 64,
      write(_chunk, _encoding, callback) {
        setTimeout(() => callback(++n === 3 ? failure : null), 1);
      },
    });
    await expect(writeGexf(makeLargeGraph(3000, 9000), sink, OPTIONS)).rejects.toBe(failure);
    expect(n).toBe(3);
  });

  it("rejects, handled, when the caller had already ended the stream", async () => {
    const { sink } = slowSink(64, 0);
    sink.end();
    await expect(writeGexf(makeGraph(), sink, OPTIONS)).rejects.toMatchObject({ code: "ERR_STREAM_WRITE_AFTER_END" });
  });

  it("rejects with the stream's error, handled, when the stream fails", async () => {
    const failure = new Error("disk full");
    const { sink, chunks } = slowSink(64, 1, (s, n) => {
      if (n === 2) s.destroy(failure);
    });
    await expect(writeGexf(large, sink, OPTIONS)).rejects.toBe(failure);
    expect(chunks.length).toBe(2);
  });

  it("resolves at once on a stream destroyed before it starts", async () => {
    const { sink, chunks } = slowSink(64, 0);
    sink.destroy();
    await expect(writeGexf(makeGraph(), sink, OPTIONS)).resolves.toBeUndefined();
    expect(chunks).toEqual([]);
  });

  it("stops cleanly when an HTTP client goes away mid-download", async () => {
    const huge = makeLargeGraph(20_000, 40_000);
    let written = 0;
    let done!: Promise<void>;
    const server = http.createServer((_request, response) => {
      response.setHeader("content-type", "application/gexf+xml");
      const write = response.write.bind(response) as (chunk: string) => boolean;
      response.write = ((chunk: string) => {
        written += Buffer.byteLength(chunk);
        return write(chunk);
      }) as typeof response.write;
      done = writeGexf(huge, response, OPTIONS).then(() => {
        if (!response.destroyed) response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const request = http.get({ port, host: "127.0.0.1", path: "/export.gexf" }, (response) => {
          response.once("data", () => {
            request.destroy();
            resolve();
          });
        });
        request.on("error", (error) =>
          (error as NodeJS.ErrnoException).code === "ECONNRESET" ? resolve() : reject(error),
        );
      });
      await done;
      const total = Buffer.byteLength(await gexfToString(huge, OPTIONS));
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(total);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** The writer shares the event loop: on a stream that never asks it to wait, timers still run during an export. */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { writeGexf } from "../../server/gexf/write-gexf";
import { makeLargeGraph } from "./_fixtures";

describe("writeGexf and the event loop", () => {
  it("lets timers run while it writes to a stream that is never full", async () => {
    const graph = makeLargeGraph(20_000, 60_000);
    let bytes = 0;
    let writing = true;
    let ticksWhileWriting = 0;
    const out = new Writable({
      highWaterMark: 1024 * 1024 * 1024, // never full: no 'drain' to wait for
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback();
      },
    });
    const timer = setInterval(() => {
      if (writing) ticksWhileWriting++;
    }, 1);
    try {
      await writeGexf(graph, out, { lastModifiedDate: "2024-04-01" });
    } finally {
      writing = false;
      clearInterval(timer);
    }
    expect(bytes).toBeGreaterThan(10 * 1024 * 1024);
    // Several turns at least: before the planning pass, during it, between chunks and during the kinds pass.
    expect(ticksWhileWriting).toBeGreaterThan(5);
  });
});

/**
 * Batches text into few large writes to a stream the caller owns, waits for 'drain', gives the event loop a
 * turn now and then, and notices when the stream dies.
 */
import { finished, type Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";

export type Output = NodeJS.WritableStream | Writable;

/** How long a producer may hold the event loop before it lets other work (other requests) run. */
const MAX_BUSY_MS = 10;

/**
 * Collects elements into one string per write (about 32 K characters). It never ends or destroys `out`; once
 * `out` is destroyed, closed or failed, `stopped` turns true and later writes are dropped, so the producer can
 * stop.
 */
export class ChunkSink {
  private pending = "";
  private items = 0;
  private closed = false;
  private turnTaken = performance.now();
  private error: Error | undefined;
  private wake: (() => void) | undefined;

  private readonly onError = (error: Error) => {
    this.error ??= error;
    this.wakeUp();
  };
  private readonly onClose = () => {
    this.closed = true;
    this.wakeUp();
  };
  // One 'drain' listener for the whole export, never one per wait: the compression middleware hands a
  // response's 'drain' listeners to its zlib stream but not their removal, so per-wait listeners would pile up.
  private readonly onDrain = () => this.wakeUp();

  constructor(
    private readonly out: Output,
    private readonly maxItems = 1024,
    // 32 K characters, not 64 K: measured on the 100k-node / 500k-edge benchmark graph, the whole export takes
    // about a quarter less time (the chunk's rope of small strings is flattened and encoded once per write).
    private readonly maxChars = 32 * 1024,
  ) {
    // Our own 'error' listener also keeps an error on `out` from crashing the process as an unhandled event.
    out.on("error", this.onError);
    out.on("close", this.onClose);
    out.on("drain", this.onDrain);
  }

  get stopped(): boolean {
    return this.closed || this.failure !== undefined || (this.out as Partial<Writable>).destroyed === true;
  }

  /** The error `out` failed with, if any: emitted, or set by `destroy(error)` before it is emitted. */
  get failure(): Error | undefined {
    return this.error ?? (this.out as Partial<Writable>).errored ?? undefined;
  }

  /** Whether the producer has held the event loop long enough that it should `await takeTurn()`. */
  get busy(): boolean {
    return performance.now() - this.turnTaken > MAX_BUSY_MS;
  }

  /** Lets the event loop run (other requests, timers, I/O) before the producer goes on. */
  async takeTurn(): Promise<void> {
    await nextTurn();
    this.turnTaken = performance.now();
  }

  /** Queues text; true when a batch is full and the caller should `await flush()`. */
  push(text: string, isItem = true): boolean {
    this.pending += text;
    if (isItem) this.items++;
    return this.items >= this.maxItems || this.pending.length >= this.maxChars;
  }

  /**
   * Writes what is queued, then waits for 'drain' if `out` asked for it. A fast `out` (a file, a socket
   * with room) may never ask: then it still takes a turn every few milliseconds, so that a server goes on
   * answering other requests during a long export.
   */
  async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = "";
    this.items = 0;
    if (chunk === "" || this.stopped) return;
    let ok: boolean;
    try {
      ok = this.out.write(chunk);
    } catch (error) {
      this.error ??= error instanceof Error ? error : new Error(String(error));
      return;
    }
    if (!ok && !this.stopped) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.turnTaken = performance.now();
    } else if (this.busy) {
      await this.takeTurn();
    }
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Removes the listeners this sink added; `out` is left open for the caller. */
  dispose(): void {
    this.out.removeListener("close", this.onClose);
    this.out.removeListener("drain", this.onDrain);
    if ((this.out as Partial<Writable>).destroyed === true && !this.closed) {
      // destroy() emits its 'error' on a later tick: keep catching it until the stream is finished (finished()
      // also leaves its own 'error' listener for that), or the error would crash the process.
      finished(this.out, () => this.out.removeListener("error", this.onError));
    } else {
      this.out.removeListener("error", this.onError);
    }
  }
}

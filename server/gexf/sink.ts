/** Batches text into few large writes to a stream the caller owns, waits for 'drain', and notices when it dies. */
import { finished, type Writable } from "node:stream";

export type Output = NodeJS.WritableStream | Writable;

/**
 * Collects elements into one string per write. It never ends or destroys `out`; once `out` is destroyed,
 * closed or failed, `stopped` turns true and later writes are dropped, so the producer can stop.
 */
export class ChunkSink {
  private pending = "";
  private items = 0;
  private closed = false;
  private error: Error | undefined;

  private readonly onError = (error: Error) => {
    this.error ??= error;
  };
  private readonly onClose = () => {
    this.closed = true;
  };

  constructor(
    private readonly out: Output,
    private readonly maxItems = 256,
    private readonly maxChars = 256 * 1024,
  ) {
    // Our own 'error' listener also keeps an error on `out` from crashing the process as an unhandled event.
    out.on("error", this.onError);
    out.on("close", this.onClose);
  }

  get stopped(): boolean {
    return this.closed || this.failure !== undefined || (this.out as Partial<Writable>).destroyed === true;
  }

  /** The error `out` failed with, if any: emitted, or set by `destroy(error)` before it is emitted. */
  get failure(): Error | undefined {
    return this.error ?? (this.out as Partial<Writable>).errored ?? undefined;
  }

  /** Queues text; true when a batch is full and the caller should `await flush()`. */
  push(text: string, isItem = true): boolean {
    this.pending += text;
    if (isItem) this.items++;
    return this.items >= this.maxItems || this.pending.length >= this.maxChars;
  }

  /** Writes what is queued, then waits for 'drain' if `out` asked for it. */
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
    if (!ok && !this.stopped) await this.drain();
  }

  private drain(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.out.removeListener("drain", done);
        this.out.removeListener("close", done);
        this.out.removeListener("error", done);
        resolve();
      };
      this.out.on("drain", done);
      this.out.on("close", done);
      this.out.on("error", done);
    });
  }

  /** Removes the listeners this sink added; `out` is left open for the caller. */
  dispose(): void {
    this.out.removeListener("close", this.onClose);
    if ((this.out as Partial<Writable>).destroyed === true && !this.closed) {
      // destroy() emits its 'error' on a later tick: keep catching it until the stream is finished (finished()
      // also leaves its own 'error' listener for that), or the error would crash the process.
      finished(this.out, () => this.out.removeListener("error", this.onError));
    } else {
      this.out.removeListener("error", this.onError);
    }
  }
}

/** Writes text to a stream in ~64 KB pieces, waiting for 'drain' when the stream asks, so memory stays flat. */
import { once } from "node:events";
import type { Writable } from "node:stream";

const PIECE = 64 * 1024;

export class BufferedWriter {
  private buffer = "";
  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= PIECE) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === "") return;
    const ok = this.out.write(this.buffer);
    this.buffer = "";
    if (!ok) await once(this.out, "drain");
  }
}

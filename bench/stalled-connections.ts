/**
 * Stalled connections against `npm start`: opens N sockets that each send an unfinished request with a header
 * just under Node's 16 KiB limit, then reports how many the server kept open and its memory before and during.
 * Usage: `npx tsx bench/stalled-connections.ts [N]` (default 600, past the 500-connection cap).
 */
import { connect, type Socket } from "node:net";
import { startServer } from "./server-process";

const count = Number(process.argv[2] ?? 600);
const server = await startServer();
const port = Number(new URL(server.url).port);
const before = await server.memory();
const sockets: Socket[] = [];
let closed = 0;
for (let i = 0; i < count; i++) {
  const socket = connect(port, "127.0.0.1", () =>
    socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ${"a".repeat(16_000)}`),
  );
  socket.on("close", () => closed++);
  socket.on("error", () => {});
  sockets.push(socket);
}
await new Promise((resolve) => setTimeout(resolve, 3000));
const during = await server.memory();
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
console.log(
  `${count} stalled connections: ${count - closed} kept open, ${closed} closed; ` +
    `server RSS ${mb(before.rss)} MB before, ${mb(during.rss)} MB with them open`,
);
sockets.forEach((s) => s.destroy());
await server.stop();

/**
 * The real `node:http` server `npm start` runs (createHttpServer): Node's 16 KiB header limit, and a cap on
 * open connections so stalled clients cannot pile up.
 */
import type { Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, MAX_CONNECTIONS } from "../../server/api/app";
import { makeApp } from "./_app";

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy());
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function start(maxConnections?: number): Promise<number> {
  const server = createHttpServer(makeApp(), maxConnections);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends `head` on a new connection and resolves with everything received until the server closes it. */
function exchange(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(head));
    sockets.push(socket);
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
}

/** A connection that sends half a request and stalls; resolves once the server has it open. */
function stall(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      resolve(socket);
    });
    sockets.push(socket);
    socket.on("error", reject);
  });
}

const request = (path: string, extra = "") =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`;

describe("createHttpServer", () => {
  it("keeps Node's 16 KiB header limit: 20 KB of headers get 431, a 15 KB query reaches the app", async () => {
    const port = await start();
    const big = await exchange(port, request("/api/health", `X-Padding: ${"a".repeat(20_000)}\r\n`));
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    const long = await exchange(port, request(`/api/search?q=${"a".repeat(15_000)}`));
    expect(long).toMatch(/^HTTP\/1\.1 400 /);
    expect(long).toContain('"parameter":"q"');
  });

  it(`caps open connections (${MAX_CONNECTIONS} by default): the one past the cap is closed unanswered`, async () => {
    const port = await start(3);
    const stalled = await Promise.all([stall(port), stall(port), stall(port)]);
    // Give the server a moment to accept all three before the fourth arrives.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await exchange(port, request("/api/health"))).toBe("");
    stalled[0]!.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await exchange(port, request("/api/health"))).toMatch(/^HTTP\/1\.1 200 /);
  });

  it("sets the cap on the server npm start uses", () => {
    const server = createHttpServer(makeApp());
    expect(server.maxConnections).toBe(MAX_CONNECTIONS);
  });
});

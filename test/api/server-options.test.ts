/**
 * serverOptions(app): the requests and responses are born with the app's prototypes (so Express's per-request
 * Object.setPrototypeOf is a no-op), and the answers are the same as through a plain node:http server.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverOptions } from "../../server/api/app";
import { makeApp } from "./_app";

describe("serverOptions", () => {
  const app = makeApp();
  const born: { request: boolean; response: boolean }[] = [];
  const plain = http.createServer(app);
  const tuned = http.createServer(serverOptions(app), (req, res) => {
    born.push({
      request: Object.getPrototypeOf(req) === app.request,
      response: Object.getPrototypeOf(res) === app.response,
    });
    app(req, res);
  });
  const listen = (server: http.Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
    );
  let ports: number[] = [];
  beforeAll(async () => {
    ports = await Promise.all([listen(plain), listen(tuned)]);
  });
  afterAll(async () => {
    for (const server of [plain, tuned]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const get = async (port: number, path: string, headers: Record<string, string>) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
    const bytes = Buffer.from(await response.arrayBuffer());
    const fields = Object.fromEntries([...response.headers].filter(([name]) => name !== "date"));
    return { status: response.status, fields, bytes };
  };

  it.each([
    ["/api/nodes/kingsoft-cloud/neighbors", {}],
    ["/api/nodes/kingsoft-cloud/neighbors?depth=2&view=summary", { "accept-encoding": "gzip" }],
    ["/api/nodes/kingsoft-cloud/neighbors?depth=9", {}],
    ["/api/nodes/no-such-node/neighbors", {}],
    ["/api/health", {}],
  ])("answers %s as a plain server does", async (path, headers) => {
    const [expected, got] = await Promise.all(ports.map((port) => get(port, path, headers)));
    expect(got).toEqual(expected);
  });

  it("gives requests and responses the app's prototypes from the start", () => {
    expect(born.length).toBeGreaterThan(0);
    expect(born.every((b) => b.request && b.response)).toBe(true);
  });
});

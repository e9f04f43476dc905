/** The real `npm start` entry point as a process: start-up, logging, errors and shutdown. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run, type Running } from "./_run";
import { makeDataset } from "../_fixtures";

const running: Running[] = [];
const start = (args: string[], env?: Record<string, string>) => {
  const r = run("server/index.ts", ["--no-build", ...args], env);
  running.push(r);
  return r;
};
afterEach(() => running.splice(0).forEach((r) => r.killAll()));

const tempFile = (name: string, text: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "kg-cli-")), name);
  writeFileSync(file, text);
  return file;
};

describe("npm start", () => {
  it("serves the embedded dataset, logs one line per request, and stops cleanly on SIGTERM", async () => {
    const server = start(["--port", "0"]);
    const [, url] = await server.waitFor(/explorer ready at (http:\/\/127\.0\.0\.1:\d+)\//);
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", nodes: 57, edges: 101 });
    await fetch(`${url}/api/nodes/nobody`);
    await server.waitFor(/GET \/api\/nodes\/nobody 404 [\d.]+ms/);
    expect(server.output().match(/GET \/api\//g)).toHaveLength(2);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("SIGTERM: closing");
  });

  it("takes PORT and HOST from the environment", async () => {
    const server = start([], { PORT: "0", HOST: "127.0.0.1" });
    await server.waitFor(/explorer ready at http:\/\/127\.0\.0\.1:\d+\//);
  });

  it("says plainly when the port is taken", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const server = start(["--port", String(port)]);
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      blocker.close();
    }
  });

  it("refuses a broken dataset, naming file, record and field, and serves nothing", async () => {
    const broken = makeDataset();
    (broken.nodes[0] as { type: string }).type = "wizard";
    const file = tempFile("broken.json", JSON.stringify(broken));
    const server = start(["--port", "0", "--data", file]);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(`cannot start: ${file}: invalid dataset`);
    expect(server.output()).toContain('nodes "a", field "type"');
    expect(server.output()).not.toContain("explorer ready");
  });

  it.each([
    ["/dev/zero", "is a character device, not a regular file"],
    ["a FIFO", "is a named pipe (FIFO), not a regular file"],
    ["a directory", "is a directory, not a regular file"],
    ["a UTF-16 file", "is UTF-16 (little-endian, with a byte-order mark); save it as UTF-8"],
  ])("refuses --data %s at once with a clear message", async (what, message) => {
    const folder = mkdtempSync(path.join(tmpdir(), "kg-cli-"));
    let file = "/dev/zero";
    if (what === "a FIFO") execFileSync("mkfifo", [(file = path.join(folder, "pipe.json"))]);
    if (what === "a directory") mkdirSync((file = path.join(folder, "dir.json")));
    if (what === "a UTF-16 file")
      writeFileSync(
        (file = path.join(folder, "utf16.json")),
        Buffer.from("\ufeff" + JSON.stringify(makeDataset()), "utf16le"),
      );
    try {
      const server = start(["--port", "0", "--data", file]);
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(`cannot start: ${file}: invalid dataset (1 problem)`);
      expect(server.output()).toContain(message);
      expect(server.output()).not.toContain("explorer ready");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("loads another dataset with --data", async () => {
    const file = tempFile("tiny.json", JSON.stringify(makeDataset()));
    const server = start(["--port", "0", "--data", file]);
    const [, url] = await server.waitFor(/explorer ready at (http:\/\/[^/\s]+)\//);
    expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ dataset: "tiny", nodes: 5, edges: 4 });
  });

  it("answers only Host names it is reachable as: loopback, the bound address, and --allowed-hosts / ALLOWED_HOSTS", async () => {
    const statusFor = (url: string, host: string) =>
      new Promise<number>((resolve, reject) =>
        httpGet(`${url}/api/health`, { headers: { Host: host } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        }).on("error", reject),
      );
    const server = start(["--port", "0", "--allowed-hosts", "kg.example.org, graph.example.org"], {
      ALLOWED_HOSTS: "ignored.example.org",
    });
    const [, url] = await server.waitFor(/explorer ready at (http:\/\/127\.0\.0\.1:\d+)\//);
    const port = new URL(url!).port;
    expect(await statusFor(url!, `localhost:${port}`)).toBe(200);
    expect(await statusFor(url!, `127.0.0.1:${port}`)).toBe(200);
    expect(await statusFor(url!, `kg.example.org:${port}`)).toBe(200);
    expect(await statusFor(url!, "graph.example.org")).toBe(200);
    expect(await statusFor(url!, "ignored.example.org")).toBe(403);
    expect(await statusFor(url!, `rebind.attacker.example:${port}`)).toBe(403);

    const fromEnv = start(["--port", "0"], { ALLOWED_HOSTS: "kg.example.org" });
    const [, envUrl] = await fromEnv.waitFor(/explorer ready at (http:\/\/127\.0\.0\.1:\d+)\//);
    expect(await statusFor(envUrl!, "kg.example.org")).toBe(200);
    expect(await statusFor(envUrl!, "graph.example.org")).toBe(403);
  });

  it.each([
    [["--port", "http"], '"http" is not a port number'],
    [["--colour", "red"], "Unknown option '--colour'"],
  ])("rejects bad flags %j with a usage line", async (args, message) => {
    const server = start(args);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(message);
    expect(server.output()).toContain("usage: npm start");
  });
});

describe("npm run export", () => {
  it("writes the same selection as the API, without a server", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "kg-export-")), "lei-jun.gexf");
    const cli = run("server/cli/export.ts", [
      "--out",
      out,
      "--center",
      "lei-jun",
      "--depth",
      "1",
      "--direction",
      "out",
    ]);
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain(`wrote ${out}: 3 nodes`);
  });

  it("rejects a bad flag value by name", async () => {
    const cli = run("server/cli/export.ts", ["--out", "/tmp/x.gexf", "--type", "wizard"]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain("--type");
  });
});

/** The client's scripts and stylesheets are sent from the build's .br/.gz files when the browser accepts them. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { makeApp } from "./_app";

const dir = mkdtempSync(path.join(os.tmpdir(), "kg-assets-"));
const script = "console.log('the bundle');\n".repeat(200);
mkdirSync(path.join(dir, "assets"));
writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>t</title>");
writeFileSync(path.join(dir, "assets", "app.js"), script);
writeFileSync(path.join(dir, "assets", "app.js.br"), brotliCompressSync(script));
writeFileSync(path.join(dir, "assets", "app.js.gz"), gzipSync(script));
writeFileSync(path.join(dir, "assets", "plain.css"), "body { color: red }\n".repeat(200));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = makeApp({ clientDir: dir });
const raw = (url: string, acceptEncoding: string) =>
  request(app)
    .get(url)
    .set("Accept-Encoding", acceptEncoding)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });

describe("precompressed client assets", () => {
  it("sends the brotli file with the script's type when br is accepted", async () => {
    const res = await raw("/assets/app.js", "gzip, deflate, br");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["cache-control"]).toMatch(/max-age=3600/);
    expect(res.headers["content-length"]).toBe(String(brotliCompressSync(script).length));
    // supertest has already decoded the body.
    expect((res.body as Buffer).toString()).toBe(script);
  });

  it("sends the gzip file when only gzip is accepted", async () => {
    const res = await raw("/assets/app.js?v=1", "gzip");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-length"]).toBe(String(gzipSync(script).length));
    // supertest has already gunzipped the body.
    expect((res.body as Buffer).toString()).toBe(script);
  });

  it("sends the file itself when no encoding is accepted", async () => {
    const res = await raw("/assets/app.js", "identity");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect((res.body as Buffer).toString()).toBe(script);
  });

  it("leaves files without a precompressed twin to the usual compression", async () => {
    const res = await raw("/assets/plain.css", "gzip");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toMatch(/^text\/css/);
  });

  it("does not reach outside the client folder", async () => {
    const res = await raw("/assets/../../etc/passwd.js", "br");
    expect(res.status).toBe(404);
  });
});

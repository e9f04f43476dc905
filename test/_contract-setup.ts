/**
 * Every response a test receives through supertest is checked against the OpenAPI document: a response the
 * document does not describe fails the test that asked for it (see test/api/_openapi-check.ts).
 */
import supertest from "supertest";
import { contractViolation } from "./api/_openapi-check";

type Res = { status: number; headers: Record<string, string>; body: unknown; text?: string };
type Assert = (error: Error | null, res: Res | undefined, fn: (error: Error | null, res?: Res) => void) => void;
const Test = (supertest as unknown as { Test: { prototype: { assert: Assert; method: string; url: string } } }).Test;
const assert = Test.prototype.assert;

Test.prototype.assert = function (this: { method: string; url: string }, error, res, fn) {
  if (res) {
    const type = res.headers["content-type"];
    // A body a test read as raw bytes (still compressed, say) is not checked; an unparsed one is read from text.
    if (Buffer.isBuffer(res.body)) return assert.call(this, error, res, fn);
    const parsed =
      res.body !== undefined &&
      !(typeof res.body === "object" && res.body !== null && !Object.keys(res.body).length && res.text);
    const violation = contractViolation({
      method: this.method,
      url: this.url,
      status: res.status,
      contentType: type,
      body: parsed ? res.body : res.text,
    });
    if (violation) return assert.call(this, new Error(`OpenAPI contract: ${violation}`), undefined, fn);
  }
  return assert.call(this, error, res, fn);
} as Assert;

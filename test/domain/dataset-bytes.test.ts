/** Reading a dataset file's bytes: only regular files, only UTF-8, and no top-level key given twice. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  decodeUtf8,
  firstInvalidUtf8,
  readDatasetBytes,
  repeatedTopLevelKeys,
} from "../../server/domain/dataset-bytes";
import { parseDataset } from "../../server/domain/load-dataset";
import { REPO_ROOT } from "../../server/load-graph";

const BROKEN = path.join(REPO_ROOT, "test", "fixtures", "broken-datasets");
const dir = mkdtempSync(path.join(tmpdir(), "kg-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readDatasetBytes", () => {
  it("reads a regular file, and one reached through a symbolic link", async () => {
    const file = path.join(dir, "plain.json");
    writeFileSync(file, "{}");
    symlinkSync(file, path.join(dir, "link.json"));
    expect((await readDatasetBytes(path.join(dir, "link.json"))).toString()).toBe("{}");
  });

  it.each([
    ["/dev/zero", "is a character device, not a regular file"],
    ["a directory", "is a directory, not a regular file"],
    ["a FIFO", "is a named pipe (FIFO), not a regular file"],
    ["a link to /dev/zero", "is a character device, not a regular file"],
  ])("refuses %s at once", async (what, message) => {
    let file = "/dev/zero";
    if (what === "a directory") mkdirSync((file = path.join(dir, "folder.json")));
    if (what === "a FIFO") execFileSync("mkfifo", [(file = path.join(dir, "pipe.json"))]);
    if (what === "a link to /dev/zero") symlinkSync("/dev/zero", (file = path.join(dir, "zero.json")));
    await expect(readDatasetBytes(file)).rejects.toThrowError(message);
  });
});

describe("decodeUtf8", () => {
  const json = '{"name": "金山云"}';
  it("decodes UTF-8", () => {
    expect(decodeUtf8(Buffer.from(json))).toBe(json);
  });

  it.each([
    ["utf16le", "\ufeff", "UTF-16 (little-endian, with a byte-order mark)"],
    ["utf16le", "", "UTF-16 (little-endian, without a byte-order mark)"],
    ["utf16be", "\ufeff", "UTF-16 (big-endian, with a byte-order mark)"],
    ["utf16be", "", "UTF-16 (big-endian, without a byte-order mark)"],
  ] as const)("refuses %s text (BOM %j) as %s", (encoding, bom, name) => {
    const le = Buffer.from(bom + json, "utf16le");
    const bytes = encoding === "utf16le" ? le : le.swap16();
    expect(() => decodeUtf8(bytes)).toThrowError(`is ${name}; save it as UTF-8`);
  });

  it("refuses UTF-32 by its byte-order mark", () => {
    const bytes = Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]);
    expect(() => decodeUtf8(bytes)).toThrowError("is UTF-32 (little-endian, with a byte-order mark)");
  });

  it("names the first invalid byte by offset, line and column (in characters)", () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "name": "金山云 '), Buffer.from([0xe9]), Buffer.from('"\n}')]);
    expect(() => decodeUtf8(bytes)).toThrowError(
      "is not valid UTF-8: byte 0xE9 at offset 23 (line 2, column 16) does not begin a well-formed character",
    );
  });

  it.each([
    ["an overlong slash", [0xc0, 0xaf], 0],
    ["a surrogate", [0x41, 0xed, 0xa0, 0x80], 1],
    ["past U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["a truncated character at the end", [0x41, 0x42, 0xe4, 0xb8], 2],
    ["a lone continuation byte", [0x41, 0x80], 1],
  ])("finds %s", (_name, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });

  it("agrees with a strict decoder on any bytes", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
        if (!valid) {
          // Everything before the reported offset is well-formed.
          expect(() => strict.decode(bytes.subarray(0, firstInvalidUtf8(bytes)))).not.toThrow();
        }
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it("refuses the corpus's UTF-16 files only for their encoding: decoded, they are valid datasets", () => {
    const le = readFileSync(path.join(BROKEN, "28-utf16-with-bom.json"));
    const be = readFileSync(path.join(BROKEN, "29-utf16-be-without-bom.json"));
    expect(parseDataset(le.toString("utf16le").slice(1), "le.json").nodes).toHaveLength(2);
    expect(parseDataset(Buffer.from(be).swap16().toString("utf16le"), "be.json").nodes).toHaveLength(2);
  });
});

describe("repeatedTopLevelKeys", () => {
  it("finds a key given twice at the top level, with its lines", () => {
    const text = '{\n "nodes": [],\n "edges": [],\n "nodes": [{"id": "a"}]\n}';
    expect(repeatedTopLevelKeys(text)).toEqual([{ key: "nodes", lines: [2, 4] }]);
  });

  it("ignores the same names deeper down and inside strings", () => {
    const text = JSON.stringify({
      name: "n",
      nodes: [{ id: "a", properties: { nodes: 1, name: "x" }, description: 'says "nodes": [] and \\" "name":' }],
      edges: [{ properties: { edges: 2 } }],
      documents: [],
    });
    expect(repeatedTopLevelKeys(text)).toEqual([]);
  });

  it("reads keys with escapes, and does not take array items for keys", () => {
    expect(repeatedTopLevelKeys('{"n\\u006fdes": [], "nodes": [], "x": ["nodes", "nodes"]}')).toEqual([
      { key: "nodes", lines: [1, 1] },
    ]);
    expect(repeatedTopLevelKeys('["nodes", "nodes"]')).toEqual([]);
  });

  it("makes parseDataset refuse the file, naming the key", () => {
    const text = readFileSync(path.join(BROKEN, "31-repeated-nodes.json"), "utf8");
    expect(() => parseDataset(text, "repeated.json")).toThrowError(
      /field "nodes": "nodes" is given 2 times \(lines 14, 80\); JSON readers keep only the last, so give it once/,
    );
  });
});

/**
 * A value far longer than any escaped string V8 can hold: 110 M characters of `&` become 550 M of `&amp;`
 * (V8's longest string is about 537 M). The export must still be whole, valid XML, written in pieces.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { writeGexf } from "../../server/gexf/write-gexf";
import { escapeXmlPieces } from "../../server/gexf/xml";
import { makeGraph } from "./_fixtures";
import { repoRoot, requireTool, validatorAvailability } from "./_readers";

const LENGTH = 110_000_000;
const OPTIONS = { lastModifiedDate: "2024-04-01" };
const xsd = path.resolve(repoRoot, "../shared/gexf-schema/1.3/gexf.xsd");

/**
 * Exports a graph whose Kingsoft Cloud node has a property `long` of `value`, passing each write on to
 * `forward` (waiting when it is full): the characters written and the biggest write.
 */
async function exportWith(value: string, forward?: (chunk: string) => boolean, drained?: () => Promise<void>) {
  const graph = makeGraph();
  graph.setNodeAttribute("kingsoft-cloud", "properties", {
    ...graph.getNodeAttribute("kingsoft-cloud", "properties"),
    long: value,
  });
  let length = 0;
  let biggest = 0;
  const out = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      length += chunk.length;
      biggest = Math.max(biggest, chunk.length);
      if (forward && !forward(chunk)) void drained!().then(() => callback());
      else callback();
    },
  });
  await writeGexf(graph, out, OPTIONS);
  return { length, biggest };
}

describe("a 110 M-character value", () => {
  it("exports as valid GEXF 1.3 in bounded writes, every character escaped", async ({ skip }) => {
    requireTool(validatorAvailability(), skip);
    // xmllint checks it against the official schema as it arrives; --huge lifts its 10 MB cap on one text node
    // (--stream is not used: it is quadratic in a long value). The XSD declares viz elements in the main
    // namespace (see validate-gexf).
    const lint = spawn("xmllint", ["--huge", "--noout", "--nonet", "--schema", xsd, "-"], {
      stdio: ["pipe", "ignore", "pipe"],
    });
    let errors = "";
    lint.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString().slice(0, 2000)));
    const exited = new Promise<number | null>((resolve) => lint.on("close", resolve));

    const tiny = await exportWith("&");
    const huge = await exportWith(
      "&".repeat(LENGTH),
      (chunk) => lint.stdin.write(chunk.replaceAll('"http://gexf.net/1.3/viz"', '"http://gexf.net/1.3"')),
      () => new Promise((resolve) => lint.stdin.once("drain", resolve)),
    );
    lint.stdin.end();

    // The same document but for the value: one `&amp;` for each of its characters.
    expect(huge.length).toBe(tiny.length + (LENGTH - 1) * "&amp;".length);
    expect(huge.biggest).toBeLessThan(1024 * 1024);
    expect(await exited).toBe(0);
    expect(errors).toContain("- validates");
  }, 300_000);

  it("escapes in pieces without splitting a surrogate pair", () => {
    const text = "a&".repeat(5) + "😀" + "<b>";
    for (let size = 1; size <= text.length; size++) {
      expect([...escapeXmlPieces(text, size)].join("")).toBe("a&amp;".repeat(5) + "😀" + "&lt;b&gt;");
    }
  });
});

/** The real GEXF readers the tests round-trip through (xmllint + XSDs, graphology-gexf, networkx 2 and 3), and their skip rule. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DOMParser } from "@xmldom/xmldom";
import { MultiGraph } from "graphology";
import { parse } from "graphology-gexf";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Beside the repository, wherever it is cloned: `<clone>/../shared/tools/validate-gexf`. */
export const validatorPath = path.resolve(repoRoot, "../shared/tools/validate-gexf");
/** Debian's python with python3-networkx, not the pyenv python3 first on PATH. */
export const systemPython = "/usr/bin/python3";

export type Availability = { ok: true } | { ok: false; reason: string };

export function validatorAvailability(): Availability {
  if (!existsSync(validatorPath)) return { ok: false, reason: `${validatorPath} not found` };
  const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (xmllint.error || xmllint.status !== 0)
    return { ok: false, reason: "xmllint not found (apt-get install -y libxml2-utils)" };
  return { ok: true };
}

export function networkxAvailability(): Availability {
  if (!existsSync(systemPython)) return { ok: false, reason: `${systemPython} not found` };
  const probe = spawnSync(systemPython, ["-c", "import networkx"], { encoding: "utf8" });
  if (probe.status !== 0)
    return { ok: false, reason: `networkx not importable by ${systemPython} (apt-get install -y python3-networkx)` };
  return { ok: true };
}

/** Missing tool: a failure on CI, a printed skip elsewhere. */
export function requireTool(availability: Availability, skip: (note?: string) => void): void {
  if (availability.ok) return;
  if (process.env.CI) throw new Error(`required on CI: ${availability.reason}`);
  console.warn(`skipped: ${availability.reason}`);
  skip(availability.reason);
}

/** A reader CI does not have (networkx 3): a printed skip everywhere when it is missing, never a failure. */
export function optionalTool(
  availability: Python,
  skip: (note?: string) => void,
): asserts availability is Python & {
  ok: true;
} {
  if (availability.ok) return;
  console.warn(`skipped: ${availability.reason}`);
  skip(availability.reason);
}

export function writeTemp(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gexf-test-")), name);
  writeFileSync(file, content, "utf8");
  return file;
}

export function runValidator(file: string): { status: number | null; output: string } {
  const run = spawnSync(validatorPath, [file], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Gephi Lite's reader. The Node entry of graphology-gexf brings its own DOMParser (@xmldom/xmldom). */
export function readWithGraphology(xml: string, options?: { allowUndeclaredAttributes?: boolean }): MultiGraph {
  return parse(MultiGraph, xml, options) as MultiGraph;
}

/**
 * What the XSD cannot check: every attvalue names a declared column of its class and its value reads as the
 * declared type; node ids are unique; edges point at declared nodes. Returns the problems found.
 */
export function checkReferences(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const problems: string[] = [];
  const declared = { node: new Map<string, string>(), edge: new Map<string, string>() };
  for (const block of Array.from(doc.getElementsByTagName("attributes"))) {
    const kind = block.getAttribute("class") as "node" | "edge";
    const lower = new Set<string>();
    for (const attribute of Array.from(block.getElementsByTagName("attribute"))) {
      const id = attribute.getAttribute("id")!;
      if (lower.has(id.toLowerCase())) problems.push(`${kind} column ${id} is not unique ignoring case`);
      if (["id", "label", "weight", "timeset"].includes(id.toLowerCase()))
        problems.push(`${kind} column ${id} is reserved`);
      lower.add(id.toLowerCase());
      declared[kind].set(id, attribute.getAttribute("type")!);
    }
  }
  const valid: Record<string, RegExp> = {
    double: /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
    integer: /^-?\d+$/,
    boolean: /^(true|false)$/,
    liststring: /^\[.*\]$/s,
    string: /^/,
  };
  const nodeIds = new Set<string>();
  for (const kind of ["node", "edge"] as const) {
    for (const element of Array.from(doc.getElementsByTagName(kind))) {
      const id = element.getAttribute("id")!;
      if (kind === "node") {
        if (nodeIds.has(id)) problems.push(`node ${id} twice`);
        nodeIds.add(id);
      } else {
        for (const end of ["source", "target"]) {
          if (!nodeIds.has(element.getAttribute(end)!)) problems.push(`edge ${id}: unknown ${end}`);
        }
        if (element.getAttribute("weight") === "0") problems.push(`edge ${id}: weight 0`);
      }
      for (const value of Array.from(element.getElementsByTagName("attvalue"))) {
        const column = value.getAttribute("for")!;
        const type = declared[kind].get(column);
        const text = value.getAttribute("value")!;
        if (!type) problems.push(`${kind} ${id}: attvalue for undeclared ${column}`);
        else if (!valid[type]!.test(text)) problems.push(`${kind} ${id}: ${column}="${text}" is not a ${type}`);
      }
    }
  }
  return problems;
}

/** What a plain `networkx.read_gexf(path)` made of the file; attribute keys are GEXF titles. */
export interface NetworkxReading {
  /** networkx.__version__ of the python that read it. */
  version: string;
  /** The exception, when read_gexf refused the file. */
  error?: string;
  /** The graph read, when it did not. `types` gives each value's Python type. */
  graph?: {
    class: string;
    nodes: Record<string, { data: Record<string, unknown>; types: Record<string, string> }>;
    edges: {
      source: string;
      target: string;
      key: string;
      data: Record<string, unknown>;
      types: Record<string, string>;
    }[];
  };
}

// Exactly what a networkx user writes: no version argument, no reader subclass, no namespace registration.
const NETWORKX_SCRIPT = String.raw`
import json, sys
import networkx as nx

out = {"version": nx.__version__}
try:
    G = nx.read_gexf(sys.argv[1])
except Exception as error:
    out["error"] = type(error).__name__ + ": " + str(error)
else:
    typed = lambda d: {k: type(v).__name__ for k, v in d.items()}
    out["graph"] = {
        "class": type(G).__name__,
        "nodes": {n: {"data": d, "types": typed(d)} for n, d in G.nodes(data=True)},
        "edges": [{"source": s, "target": t, "key": k, "data": d, "types": typed(d)} for s, t, k, d in G.edges(keys=True, data=True)],
    }
print(json.dumps(out, ensure_ascii=False, allow_nan=False))
`;

/** `networkx.read_gexf(file)` with `python` (Debian's by default). */
export function readWithNetworkx(file: string, python: string = systemPython): NetworkxReading {
  const run = spawnSync(python, ["-c", NETWORKX_SCRIPT, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${python} could not run networkx on ${file}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as NetworkxReading;
}

export type Python = { ok: true; python: string; version: string } | { ok: false; reason: string };

/** networkx.__version__ under `python`, or why there is none. */
function networkxVersion(python: string): Python {
  const probe = spawnSync(python, ["-c", "import networkx; print(networkx.__version__)"], { encoding: "utf8" });
  if (probe.error) return { ok: false, reason: `${python} not found` };
  if (probe.status !== 0) return { ok: false, reason: `networkx not importable by ${python}` };
  return { ok: true, python, version: probe.stdout.trim() };
}

/**
 * A python with networkx 3 or later: `python3` on PATH (here the pyenv one, networkx 3.6.1), else Debian's
 * if it has been upgraded. CI has only Debian's networkx 2.8.8, so tests that need this skip there.
 */
export function networkx3(): Python {
  const reasons: string[] = [];
  for (const python of ["python3", systemPython]) {
    const found = networkxVersion(python);
    if (found.ok && Number.parseInt(found.version, 10) >= 3) return found;
    reasons.push(found.ok ? `${python} has networkx ${found.version}` : found.reason);
  }
  return { ok: false, reason: `no networkx >= 3 (${reasons.join("; ")})` };
}

/** Beside the repository, like the validator: `<clone>/../shared/gexf-schema/1.2draft/gexf.xsd`. */
export const schema12Path = path.resolve(repoRoot, "../shared/gexf-schema/1.2draft/gexf.xsd");

export function schema12Availability(): Availability {
  if (!existsSync(schema12Path)) return { ok: false, reason: `${schema12Path} not found` };
  const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (xmllint.error || xmllint.status !== 0)
    return { ok: false, reason: "xmllint not found (apt-get install -y libxml2-utils)" };
  return { ok: true };
}

/**
 * Checks a GEXF 1.2draft document against the official 1.2draft XSD. That XSD has the same bug as the 1.3 one
 * (viz elements declared in the main namespace), so, as validate-gexf does for 1.3, the viz namespace is
 * rewritten to the main one before checking: a correct file passes.
 */
export function runSchema12(xml: string): { status: number | null; output: string } {
  if (!xml.includes('xmlns="http://www.gexf.net/1.2draft"')) {
    return { status: 3, output: "not a GEXF 1.2draft document (xmlns must be http://www.gexf.net/1.2draft)" };
  }
  const input = xml.replaceAll('"http://www.gexf.net/1.2draft/viz"', '"http://www.gexf.net/1.2draft"');
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema12Path, "-"], {
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** validate-gexf over many GEXF 1.3 files in one run: the files it did not call valid, with its output. */
export function runValidatorMany(files: readonly string[]): { invalid: string[]; output: string } {
  const run = spawnSync(validatorPath, [...files], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const output = `${run.stdout}${run.stderr}`;
  const valid = new Set(
    output
      .split("\n")
      .filter((line) => line.endsWith(": valid GEXF 1.3"))
      .map((line) => line.slice(0, -": valid GEXF 1.3".length)),
  );
  const invalid = files.filter((file) => !valid.has(file));
  return { invalid: run.status === 0 ? invalid : invalid.length ? invalid : [...files], output };
}

/**
 * The official 1.2draft XSD over many files in one xmllint run (viz namespace rewritten as in runSchema12, into
 * copies beside each file): the files that did not validate, with xmllint's output.
 */
export function runSchema12Many(files: readonly string[]): { invalid: string[]; output: string } {
  const copies = files.map((file) => {
    const copy = `${file}.xsdcheck`;
    const xml = readFileSync(file, "utf8");
    writeFileSync(copy, xml.replaceAll('"http://www.gexf.net/1.2draft/viz"', '"http://www.gexf.net/1.2draft"'), "utf8");
    return copy;
  });
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema12Path, ...copies], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${run.stdout}${run.stderr}`;
  const valid = new Set(
    output
      .split("\n")
      .filter((line) => line.endsWith(" validates"))
      .map((line) => line.slice(0, -" validates".length)),
  );
  return { invalid: files.filter((_file, i) => !valid.has(copies[i]!)), output };
}

// One python process for many files: the same plain read_gexf per file, one JSON reading per file, in order.
const NETWORKX_MANY_SCRIPT = String.raw`
import json, sys
import networkx as nx

typed = lambda d: {k: type(v).__name__ for k, v in d.items()}
readings = []
for path in sys.argv[2:]:
    out = {"version": nx.__version__}
    try:
        G = nx.read_gexf(path)
    except Exception as error:
        out["error"] = type(error).__name__ + ": " + str(error)
    else:
        out["graph"] = {
            "class": type(G).__name__,
            "nodes": {n: {"data": d, "types": typed(d)} for n, d in G.nodes(data=True)},
            # networkx gives a DiGraph when the file has no parallel edges: then the key is the edge id.
            "edges": [{"source": s, "target": t, "key": k, "data": d, "types": typed(d)} for s, t, k, d in G.edges(keys=True, data=True)]
            if G.is_multigraph()
            else [{"source": s, "target": t, "key": d.get("id"), "data": d, "types": typed(d)} for s, t, d in G.edges(data=True)],
        }
    readings.append(out)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(readings, f, ensure_ascii=False, allow_nan=False)
`;

/** `networkx.read_gexf` on every file in ONE `python` process; the readings in the order of `files`. */
export function readManyWithNetworkx(files: readonly string[], python: string = systemPython): NetworkxReading[] {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "gexf-nx-")), "readings.json");
  const run = spawnSync(python, ["-c", NETWORKX_MANY_SCRIPT, out, ...files], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${python} could not run networkx:\n${run.stderr}`);
  return JSON.parse(readFileSync(out, "utf8")) as NetworkxReading[];
}

/**
 * What the XSD cannot check in a dynamic GEXF 1.3: the graph is `mode="dynamic"` with date intervals; each
 * class has one attribute block (graphology-gexf reads only the last), `mode="dynamic"`; every start and end is
 * a real `YYYY-MM-DD` date, the end no earlier than the start; only figure columns (`fig_`) carry intervals;
 * and within one node or edge, the intervals of one column never overlap (an attvalue without interval counts
 * as always). Returns the problems found.
 */
export function checkDynamic(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const problems: string[] = [];
  const graph = doc.getElementsByTagName("graph")[0];
  const header = ["mode", "timeformat", "timerepresentation"].map((name) => graph?.getAttribute(name));
  if (header.join() !== "dynamic,date,interval") problems.push(`graph is ${header.join()}, not dynamic,date,interval`);
  const blocks = Array.from(doc.getElementsByTagName("attributes"));
  for (const kind of ["node", "edge"]) {
    const own = blocks.filter((b) => b.getAttribute("class") === kind);
    // graphology-gexf (Gephi Lite) keeps only the last block of a class; Gephi needs it dynamic for intervals.
    if (own.length !== 1) problems.push(`${own.length} <attributes class="${kind}"> blocks, not 1`);
    if (own.some((b) => b.getAttribute("mode") !== "dynamic")) problems.push(`${kind} attributes not mode="dynamic"`);
  }
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const interval = (element: Element, where: string): [string, string] => {
    const start = element.getAttribute("start");
    const end = element.getAttribute("end");
    for (const [name, date] of [
      ["start", start],
      ["end", end],
    ] as const) {
      if (date && (!DATE.test(date) || Number.isNaN(Date.parse(date)))) problems.push(`${where}: ${name}="${date}"`);
    }
    if (start && end && start > end) problems.push(`${where}: start ${start} after end ${end}`);
    return [start || "0000-00-00", end || "9999-99-99"];
  };
  for (const kind of ["node", "edge"] as const) {
    for (const element of Array.from(doc.getElementsByTagName(kind))) {
      const id = element.getAttribute("id")!;
      interval(element, `${kind} ${id}`);
      const byColumn = new Map<string, [string, string][]>();
      for (const value of Array.from(element.getElementsByTagName("attvalue"))) {
        const column = value.getAttribute("for")!;
        const where = `${kind} ${id} attvalue ${column}`;
        // A record's own columns hold for as long as the record does; only its figures (fig_) are dated.
        if (!column.startsWith("fig_")) {
          if (value.hasAttribute("start") || value.hasAttribute("end"))
            problems.push(`${where}: interval on a record column`);
          continue;
        }
        const spans = byColumn.get(column) ?? [];
        spans.push(interval(value, where));
        byColumn.set(column, spans);
      }
      for (const [column, spans] of byColumn) {
        spans.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        for (let i = 1; i < spans.length; i++) {
          if (spans[i]![0] <= spans[i - 1]![1]) problems.push(`${kind} ${id}: ${column} intervals overlap`);
        }
      }
    }
  }
  return problems;
}

/** `jing` (Debian package jing) for the RELAX NG schema, or why there is none. */
export function jingAvailability(): Availability {
  const probe = spawnSync("jing", [], { encoding: "utf8" });
  if (probe.error) return { ok: false, reason: "jing not found (apt-get install -y jing)" };
  return existsSync(relaxNgPath) ? { ok: true } : { ok: false, reason: `${relaxNgPath} not found` };
}

export const relaxNgPath = path.resolve(repoRoot, "../shared/gexf-schema/1.3-relaxng/gexf.rnc");

/** `jing -c gexf.rnc FILE`: status and output (jing's own Java warnings left out). */
export function runJing(file: string): { status: number | null; output: string } {
  const run = spawnSync("jing", ["-c", relaxNgPath, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const output = `${run.stdout}${run.stderr}`
    .split("\n")
    .filter((line) => line && !line.startsWith("[warning]"))
    .join("\n");
  return { status: run.status, output };
}

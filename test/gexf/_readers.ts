/** The real GEXF readers the tests round-trip through (xmllint + XSD, graphology-gexf, networkx), and their skip rule. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
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
export function readWithGraphology(xml: string): MultiGraph {
  return parse(MultiGraph, xml) as MultiGraph;
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

/** What networkx made of the file; attribute keys are GEXF titles, `types` gives each value's Python type. */
export interface NetworkxReading {
  version: string;
  /** `nx.read_gexf(path)` as a user would call it. */
  plain: { ok: boolean; error?: string };
  /** The same after teaching networkx the GEXF 1.3 namespaces. */
  with13: { ok: boolean; error?: string };
  /** Read with the 1.3 namespaces and a reader subclass that accepts mixed graphs (see NETWORKX_SCRIPT). */
  graph: {
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

// networkx 2.8 knows only the 1.1draft and 1.2draft namespaces and refuses mixed graphs. This is the recipe a
// networkx user needs for our files: register 1.3, read every edge into a MultiDiGraph and keep its type.
const NETWORKX_SCRIPT = String.raw`
import json, sys
import networkx as nx
from networkx.readwrite import gexf as nxgexf

path = sys.argv[1]
out = {"version": nx.__version__}

def attempt(read):
    try:
        read()
        return {"ok": True}
    except Exception as error:
        return {"ok": False, "error": type(error).__name__ + ": " + str(error)}

out["plain"] = attempt(lambda: nx.read_gexf(path))
nxgexf.GEXF.versions["1.3"] = {
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
}
out["with13"] = attempt(lambda: nx.read_gexf(path, version="1.3"))

class MixedGraphReader(nxgexf.GEXFReader):
    def make_graph(self, graph_xml):
        graph_xml.set("defaultedgetype", "directed")
        return super().make_graph(graph_xml)

    def add_edge(self, G, edge_element, edge_attr):
        edge_type = edge_element.attrib.pop("type", "directed")
        super().add_edge(G, edge_element, edge_attr)
        G.edges[edge_element.get("source"), edge_element.get("target"), edge_element.get("id")]["type"] = edge_type

G = MixedGraphReader(version="1.3")(path)
typed = lambda d: {k: type(v).__name__ for k, v in d.items()}
out["graph"] = {
    "class": type(G).__name__,
    "nodes": {n: {"data": d, "types": typed(d)} for n, d in G.nodes(data=True)},
    "edges": [{"source": s, "target": t, "key": k, "data": d, "types": typed(d)} for s, t, k, d in G.edges(keys=True, data=True)],
}
print(json.dumps(out, ensure_ascii=False, allow_nan=False))
`;

export function readWithNetworkx(file: string): NetworkxReading {
  const run = spawnSync(systemPython, ["-c", NETWORKX_SCRIPT, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`networkx could not read ${file}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as NetworkxReading;
}

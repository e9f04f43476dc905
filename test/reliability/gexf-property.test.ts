/**
 * The GEXF writer under property tests: fast-check builds random knowledge graphs full of what breaks XML and
 * GEXF readers (markup, C0 controls, U+FFFE/U+FFFF, lone surrogates, emoji, right-to-left text, 100 kB strings,
 * NaN and ±Infinity, nested objects and empty lists in properties, parallel edges and self-loops). Every graph is
 * written in both versions to one temp folder; then ONE schema run per version, ONE python process per networkx,
 * and graphology-gexf in process, each reading every file back. Values must come back intact, or normalised as
 * the writer documents:
 * - text: characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, U+FFFE, U+FFFF, lone surrogates) are
 *   removed, the rest kept exactly (tabs and line breaks included); a label empty once stripped is left out;
 * - numbers: NaN and ±Infinity are left out (attvalue, viz:size, viz:position), -0 reads back as 0;
 * - properties: null/undefined left out; objects and arrays (empty ones too) as their JSON text; a key with
 *   values of several kinds becomes a string column (numbers and booleans as their text);
 * - lists (aliases): 1.3 `[a, "b, c"]` (graphology reads the items back), 1.2draft one string `a | b`.
 *
 * Seed and size: GEXF_PROPERTY_SEED, GEXF_PROPERTY_RUNS (default 200 graphs); GEXF_PROPERTY_KEEP=1 keeps the files
 * (they are kept anyway after a failure, and the messages name them).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RELATION_INFO } from "../../server/domain/vocabulary";
import type { EdgeAttributes, KnowledgeGraph, NodeAttributes } from "../../server/graph/attributes";
import { planColumns, type GexfColumns } from "../../server/gexf/columns";
import { figureColumnKey } from "../../server/gexf/columns";
import { flattenFigures } from "../../server/gexf/figures";
import type { GexfVersion } from "../../server/gexf/versions";
import { gexfToString } from "../../server/gexf/write-gexf";
import { graphArbitrary, kitchenSink } from "../gexf/_arbitraries";
import {
  checkDynamic,
  checkReferences,
  networkx3,
  networkxAvailability,
  readManyWithNetworkx,
  readWithGraphology,
  requireTool,
  runSchema12Many,
  runValidatorMany,
  schema12Availability,
  systemPython,
  validatorAvailability,
  type NetworkxReading,
} from "../gexf/_readers";

// graphology-gexf's own list parser (what Gephi Lite reads `[a, "b, c"]` with), to read networkx's list text.
const { parseValue } = createRequire(import.meta.url)("graphology-gexf/common/helpers.js") as {
  parseValue: (type: string, text: string) => unknown;
};

const RUNS = Number(process.env.GEXF_PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.GEXF_PROPERTY_SEED ?? 20260501);
const VERSIONS = ["1.3", "1.2draft"] as const;

// ---------------------------------------------------------------- what every reader must get back

// Written apart from server/gexf/xml.ts on purpose: what XML 1.0 cannot carry.
const ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (s: string) => s.replace(ILLEGAL, "");

type Expected =
  | { type: "string"; value: string }
  | { type: "number"; value: number }
  | { type: "boolean"; value: boolean }
  | { type: "list"; value: string[] };

interface Expectation {
  label?: string;
  values: Map<string, Expected>;
  /** viz as graphology-gexf reads it: x and y only when both are finite, size (edge thickness) when finite and > 0. */
  viz: Record<string, number>;
}

const str = (value: unknown): Expected | undefined =>
  typeof value === "string" && value !== "" ? { type: "string", value: clean(value) } : undefined;
const num = (value: number): Expected => ({ type: "number", value: value === 0 ? 0 : value });

/** Properties as documented: null/undefined out, objects as JSON, non-finite numbers out. */
function normaliseProperty(value: unknown): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** Each property key's column kind over the whole class: one kind throughout, or string. */
function propertyKinds(records: Iterable<{ properties: Record<string, unknown> }>): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const { properties } of records) {
    for (const key in properties) {
      const value = normaliseProperty(properties[key]);
      if (value === undefined) continue;
      const kind = typeof value === "number" ? "number" : typeof value;
      const known = kinds.get(key);
      kinds.set(key, known === undefined || known === kind ? kind : "string");
    }
  }
  return kinds;
}

const formatSources = (sources: { document: string; paragraph: number }[]) =>
  sources.map((s) => `${s.document} ¶${s.paragraph}`).join("; ");

function expectation(
  attributes: NodeAttributes | EdgeAttributes,
  columns: GexfColumns["node"] | GexfColumns["edge"],
  kinds: Map<string, string>,
): Expectation {
  const values = new Map<string, Expected>();
  const set = (id: string, value: Expected | undefined) => value && values.set(id, value);
  const a = attributes as NodeAttributes & EdgeAttributes;
  if ("relation" in attributes) {
    set("relation", str(a.relation));
    set("symmetric", { type: "boolean", value: RELATION_INFO[a.relation]?.directed === false });
  } else {
    set("labelZh", str(a.labelZh));
    set("type", str(a.type));
    if (a.aliases.length) set("aliases", { type: "list", value: a.aliases.map(clean) });
  }
  set("description", str(a.description));
  set("basis", str(a.basis));
  set("note", str(a.note));
  if (a.sources.length) set("sources", str(formatSources(a.sources)));
  if (a.time?.start !== undefined) set("time_start", num(a.time.start));
  if (a.time?.end !== undefined) set("time_end", num(a.time.end));
  set("time_basis", str(a.time?.basis));
  set("time_note", str(a.time?.note));
  for (const key in a.properties) {
    const value = normaliseProperty(a.properties[key]);
    if (value === undefined) continue;
    const id = columns.props.get(key)!.id;
    if (kinds.get(key) === "string") set(id, { type: "string", value: clean(String(value)) });
    else if (typeof value === "number") set(id, num(value));
    else if (typeof value === "boolean") set(id, { type: "boolean", value });
    else set(id, { type: "string", value: clean(value) });
  }
  const finite = a.figures.flatMap((f) => f.points.flatMap((p) => [p.value, p.min, p.max]));
  const flat = flattenFigures(a.figures);
  const numbers = flat.filter((f) => f.type === "double").map((f) => f.value as number);
  expect(numbers.sort()).toEqual(finite.filter((v) => v !== undefined && Number.isFinite(v)).sort());
  // Every point with a value written has its basis written beside it.
  const written = a.figures
    .flatMap((f) => f.points)
    .filter((p) => [p.value, p.min, p.max].some((v) => v !== undefined && Number.isFinite(v)));
  expect(flat.filter((f) => f.type === "string" && f.id.endsWith("_basis")).map((f) => f.value)).toEqual(
    written.map((p) => p.basis ?? "stated"),
  );
  for (const f of flat) {
    const id = columns.figures.get(figureColumnKey(f.id, f.unit, f.type))!.id;
    set(id, typeof f.value === "number" ? num(f.value) : str(f.value));
  }
  const label = typeof a.label === "string" ? clean(a.label) : "";
  const viz: Record<string, number> = {};
  if (Number.isFinite(a.size) && a.size > 0) viz["relation" in attributes ? "thickness" : "size"] = a.size;
  if (!("relation" in attributes) && Number.isFinite(a.x) && Number.isFinite(a.y))
    Object.assign(viz, { x: a.x, y: a.y });
  for (const key in viz) if (viz[key] === 0) viz[key] = 0; // -0 is written as 0
  return { ...(label && { label }), values, viz };
}

interface Case {
  index: number;
  graph: KnowledgeGraph;
  columns: GexfColumns;
  nodes: Map<string, Expectation>;
  edges: Map<string, Expectation>;
  files: Record<GexfVersion, string>;
  xml: Record<GexfVersion, string>;
  /** The dynamic GEXF 1.3 of the same graph (`dynamic: true`). */
  dynamic: { file: string; xml: string };
}

let cases: Case[] = [];
let folder: string;
let writeMs = 0;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "gexf-property-"));
  const graphs = [kitchenSink(), ...fc.sample(graphArbitrary, { numRuns: RUNS - 1, seed: SEED })];
  const started = performance.now();
  cases = [];
  for (const [index, graph] of graphs.entries()) {
    const columns = planColumns(graph);
    const nodeKinds = propertyKinds(graph.mapNodes((_k, a) => a));
    const edgeKinds = propertyKinds(graph.mapEdges((_k, a) => a));
    const files = {} as Record<GexfVersion, string>;
    const xml = {} as Record<GexfVersion, string>;
    for (const version of VERSIONS) {
      xml[version] = await gexfToString(graph, { version, lastModifiedDate: "2026-01-01" });
      files[version] = path.join(folder, `g${String(index).padStart(3, "0")}-${version}.gexf`);
      writeFileSync(files[version], xml[version], "utf8");
    }
    const dynamicXml = await gexfToString(graph, { dynamic: true, lastModifiedDate: "2026-01-01" });
    const dynamicFile = path.join(folder, `g${String(index).padStart(3, "0")}-dynamic.gexf`);
    writeFileSync(dynamicFile, dynamicXml, "utf8");
    cases.push({
      index,
      dynamic: { file: dynamicFile, xml: dynamicXml },
      graph,
      columns,
      nodes: new Map(graph.mapNodes((key, a) => [key, expectation(a, columns.node, nodeKinds)])),
      edges: new Map(graph.mapEdges((key, a) => [key, expectation(a, columns.edge, edgeKinds)])),
      files,
      xml,
    });
  }
  writeMs = performance.now() - started;
  const bytes = cases.reduce(
    (sum, c) => sum + c.xml["1.3"].length + c.xml["1.2draft"].length + c.dynamic.xml.length,
    0,
  );
  const records = cases.flatMap((c) => [...c.nodes.values(), ...c.edges.values()]);
  const values = records.reduce((sum, r) => sum + r.values.size, 0);
  console.info(
    `gexf-property: seed ${SEED}, ${cases.length} graphs (${records.length} nodes and edges, ${values} values) × 3 files (1.3, 1.2draft, dynamic 1.3), ${(bytes / 1e6).toFixed(1)} MB in ${folder}, written in ${writeMs.toFixed(0)} ms`,
  );
});

// The folder (40-50 MB) goes when every test passed; after a failure it stays for the paths in the messages.
let failed = false;
beforeEach(({ onTestFailed }) => onTestFailed(() => void (failed = true)));
afterAll(() => {
  if (failed || process.env.GEXF_PROPERTY_KEEP) console.warn(`gexf-property: files kept in ${folder}`);
  else if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Value `got` as a reader gave it, against what the writer promises. Lists: 1.3 items, 1.2draft a joined string. */
function sameValue(want: Expected, got: unknown, version: GexfVersion, listsAsText: boolean): boolean {
  if (want.type === "list") {
    if (version === "1.2draft") return got === want.value.join(" | ");
    const items = listsAsText && typeof got === "string" ? parseValue("liststring", got) : got;
    return JSON.stringify(items) === JSON.stringify(want.value);
  }
  return Object.is(got, want.value);
}

const short = (value: unknown) => {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 120 ? s.slice(0, 120) + `... (${s.length} chars)` : s;
};

/** Every node and edge present, with exactly the expected values (by column id for graphology, title for networkx). */
function compare(
  c: Case,
  version: GexfVersion,
  reader: string,
  records: { kind: "node" | "edge"; key: string; label: unknown; data: Record<string, unknown> }[],
  nameOf: (kind: "node" | "edge", id: string) => string,
  ignored: readonly string[],
  listsAsText: boolean,
): string[] {
  const problems: string[] = [];
  const where = `graph ${c.index} (${c.files[version]}) ${reader}`;
  for (const kind of ["node", "edge"] as const) {
    const want = kind === "node" ? c.nodes : c.edges;
    const got = records.filter((r) => r.kind === kind);
    const keys = got.map((r) => r.key).sort();
    if (JSON.stringify(keys) !== JSON.stringify([...want.keys()].sort()))
      problems.push(`${where}: ${kind}s ${short(keys)}, want ${short([...want.keys()].sort())}`);
    for (const record of got) {
      const expected = want.get(record.key);
      if (!expected) continue;
      if ((record.label ?? undefined) !== expected.label)
        problems.push(`${where}: ${kind} ${record.key} label ${short(record.label)}, want ${short(expected.label)}`);
      const names = new Set<string>();
      for (const [id, value] of expected.values) {
        const name = nameOf(kind, id);
        names.add(name);
        if (!sameValue(value, record.data[name], version, listsAsText))
          problems.push(`${where}: ${kind} ${record.key} ${name} = ${short(record.data[name])}, want ${short(value)}`);
      }
      for (const name of Object.keys(record.data)) {
        if (!names.has(name) && !ignored.includes(name))
          problems.push(`${where}: ${kind} ${record.key} has unexpected ${name} = ${short(record.data[name])}`);
      }
    }
  }
  return problems;
}

const titleMap = (c: Case) => {
  const titles = {
    node: new Map(c.columns.node.columns().map((col) => [col.id, col.title])),
    edge: new Map(c.columns.edge.columns().map((col) => [col.id, col.title])),
  };
  return (kind: "node" | "edge", id: string) => titles[kind].get(id) ?? `?${id}`;
};

function networkxProblems(c: Case, version: GexfVersion, reading: NetworkxReading): string[] {
  const where = `graph ${c.index} (${c.files[version]}) networkx ${reading.version}`;
  if (reading.error || !reading.graph) return [`${where}: ${reading.error}`];
  const g = reading.graph;
  const problems: string[] = [];
  // networkx turns a multigraph without parallel edges into a DiGraph.
  const pairs = c.graph.mapEdges((_e, _a, s, t) => JSON.stringify([s, t]));
  const parallel = new Set(pairs).size < pairs.length;
  if (g.class !== (parallel ? "MultiDiGraph" : "DiGraph")) problems.push(`${where}: class ${g.class}`);
  for (const e of g.edges) {
    const [source, target] = c.graph.hasEdge(e.key) ? c.graph.extremities(e.key) : [];
    if (e.source !== source || e.target !== target)
      problems.push(`${where}: edge ${e.key} ends ${e.source} → ${e.target}`);
  }
  // networkx's own keys: label (checked apart), viz, the edge id and kind.
  const records = [
    ...Object.entries(g.nodes).map(([key, n]) => ({ kind: "node" as const, key, label: n.data.label, data: n.data })),
    ...g.edges.map((e) => ({ kind: "edge" as const, key: e.key, label: e.data.label, data: e.data })),
  ];
  return [...problems, ...compare(c, version, where, records, titleMap(c), ["label", "viz", "id", "kind"], true)];
}

describe(`the GEXF writer on ${RUNS} random graphs`, () => {
  it("writes files whose attvalues all name declared columns and read as their declared types", () => {
    const problems = cases.flatMap((c) =>
      VERSIONS.flatMap((version) => checkReferences(c.xml[version]).map((p) => `graph ${c.index} ${version}: ${p}`)),
    );
    expect(problems.slice(0, 20)).toEqual([]);
    // Text may say "NaN"; a number slot (or a property object) must never.
    const bad = /<viz:[a-z]+ [^>]*="-?(NaN|Infinity)"|\[object Object\]/;
    const found = cases.flatMap((c) => VERSIONS.map((v) => c.xml[v].match(bad)?.[0]).filter(Boolean));
    expect(found).toEqual([]);
  });

  it("writes dynamic files whose intervals are well-formed and never overlap, keeping every finite figure value", () => {
    const problems: string[] = [];
    for (const c of cases) {
      const where = `graph ${c.index} (${c.dynamic.file})`;
      problems.push(
        ...[...checkReferences(c.dynamic.xml), ...checkDynamic(c.dynamic.xml)].map((p) => `${where}: ${p}`),
      );
      const finite = [...c.graph.mapNodes((_k, a) => a), ...c.graph.mapEdges((_k, a) => a)]
        .flatMap((a) => a.figures.flatMap((f) => f.points.flatMap((p) => [p.value, p.min, p.max])))
        .filter((v) => v !== undefined && Number.isFinite(v)).length;
      const doc = c.dynamic.xml;
      const dynamicBlocks = [
        ...doc.matchAll(/<attributes class="(node|edge)" mode="dynamic">([\s\S]*?)<\/attributes>/g),
      ];
      // Figure values are the numeric fig_ columns (beside them, text columns hold each point's provenance).
      const dynamicIds = new Set(
        dynamicBlocks.flatMap((b) =>
          [...b[2]!.matchAll(/<attribute id="(fig_[^"]*)" title="[^"]*" type="double"/g)].map((m) => `${b[1]}:${m[1]}`),
        ),
      );
      let count = 0;
      for (const element of doc.matchAll(/<(node|edge) id=[\s\S]*?<\/\1>/g)) {
        for (const m of element[0].matchAll(/<attvalue for="([^"]*)"/g))
          if (dynamicIds.has(`${element[1]}:${m[1]}`)) count++;
      }
      if (count !== finite) problems.push(`${where}: ${count} dynamic attvalues for ${finite} finite figure values`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("validates every 1.3 file, static and dynamic, against the official XSD (one validate-gexf run)", (ctx) => {
    requireTool(validatorAvailability(), ctx.skip);
    const started = performance.now();
    const files = cases.flatMap((c) => [c.files["1.3"], c.dynamic.file]);
    const { invalid, output } = runValidatorMany(files);
    console.info(`validate-gexf: ${files.length} files in ${(performance.now() - started).toFixed(0)} ms`);
    expect(invalid, output.slice(0, 4000)).toEqual([]);
  });

  it("validates every 1.2draft file against the official 1.2draft XSD (one xmllint run)", (ctx) => {
    requireTool(schema12Availability(), ctx.skip);
    const started = performance.now();
    const { invalid, output } = runSchema12Many(cases.map((c) => c.files["1.2draft"]));
    console.info(`xmllint 1.2draft: ${cases.length} files in ${(performance.now() - started).toFixed(0)} ms`);
    expect(invalid, output.slice(0, 4000)).toEqual([]);
  });

  it.each(VERSIONS)("reads every %s file back through graphology-gexf, values intact or normalised", (version) => {
    const problems: string[] = [];
    for (const c of cases) {
      const parsed = readWithGraphology(c.xml[version]);
      const records = [
        ...parsed.mapNodes((key, data) => ({ kind: "node" as const, key, label: data.label, data })),
        ...parsed.mapEdges((key, data) => ({ kind: "edge" as const, key, label: data.label, data })),
      ];
      for (const e of parsed.edges()) {
        const want = c.graph.hasEdge(e) ? c.graph.extremities(e) : [];
        if (JSON.stringify(parsed.extremities(e)) !== JSON.stringify(want))
          problems.push(`graph ${c.index}: edge ${e} ends`);
      }
      const viz = ["label", "x", "y", "z", "size", "thickness", "color", "kind"];
      problems.push(...compare(c, version, "graphology", records, (_kind, id) => id, viz, false));
      for (const r of records) {
        const want = (r.kind === "node" ? c.nodes : c.edges).get(r.key)?.viz ?? {};
        const got = Object.fromEntries(
          ["x", "y", "size", "thickness"].filter((k) => k in r.data).map((k) => [k, r.data[k]]),
        );
        if (JSON.stringify(got) !== JSON.stringify(want) && !Object.keys(want).every((k) => Object.is(got[k], want[k])))
          problems.push(`graph ${c.index} ${version}: ${r.kind} ${r.key} viz ${short(got)}, want ${short(want)}`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("reads every dynamic file back through graphology-gexf as it is: nodes, edges, the records' own values", () => {
    const problems: string[] = [];
    for (const c of cases) {
      // graphology keeps only the last <attributes> block of a class: the dynamic file has one, so all is declared.
      const parsed = readWithGraphology(c.dynamic.xml);
      const same = (a: string[], b: string[]) => JSON.stringify(a.sort()) === JSON.stringify(b.sort());
      if (!same(parsed.nodes(), c.graph.nodes()) || !same(parsed.edges(), c.graph.edges()))
        problems.push(`graph ${c.index} (${c.dynamic.file}): nodes or edges differ`);
      for (const [key, want] of c.nodes) {
        for (const [id, value] of want.values) {
          if (id.startsWith("fig_") || !parsed.hasNode(key)) continue;
          const got: unknown = parsed.getNodeAttribute(key, id);
          if (JSON.stringify(got) !== JSON.stringify(value.value))
            problems.push(
              `graph ${c.index} (${c.dynamic.file}): node ${key} ${id} ${short(got)}, want ${short(value.value)}`,
            );
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("reads every 1.2draft file through Debian's networkx with a plain read_gexf (one python run)", (ctx) => {
    requireTool(networkxAvailability(), ctx.skip);
    const started = performance.now();
    const readings = readManyWithNetworkx(
      cases.map((c) => c.files["1.2draft"]),
      systemPython,
    );
    console.info(
      `networkx ${readings[0]?.version} (${systemPython}): ${cases.length} files in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const problems = cases.flatMap((c, i) => networkxProblems(c, "1.2draft", readings[i]!));
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("reads every 1.3 file through networkx >= 3 with a plain read_gexf (one python run; skipped without it)", (ctx) => {
    const found = networkx3();
    if (!found.ok) {
      console.warn(`skipped: ${found.reason}`);
      return ctx.skip(found.reason);
    }
    const started = performance.now();
    const readings = readManyWithNetworkx(
      cases.map((c) => c.files["1.3"]),
      found.python,
    );
    console.info(
      `networkx ${found.version} (${found.python}): ${cases.length} files in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const problems = cases.flatMap((c, i) => networkxProblems(c, "1.3", readings[i]!));
    expect(problems.slice(0, 20)).toEqual([]);
    // The dynamic files too: every node and edge, every dynamic value as a (value, start, end) tuple.
    const dynamicReadings = readManyWithNetworkx(
      cases.map((c) => c.dynamic.file),
      found.python,
    );
    const dynamicProblems = cases.flatMap((c, i) => {
      const reading = dynamicReadings[i]!;
      const where = `graph ${c.index} (${c.dynamic.file}) networkx ${reading.version}`;
      if (reading.error || !reading.graph) return [`${where}: ${reading.error}`];
      const nodes = Object.keys(reading.graph.nodes).sort();
      const edges = reading.graph.edges.map((e) => e.key).sort();
      const same = JSON.stringify([nodes, edges]) === JSON.stringify([c.graph.nodes().sort(), c.graph.edges().sort()]);
      return same ? [] : [`${where}: nodes or edges differ`];
    });
    expect(dynamicProblems.slice(0, 20)).toEqual([]);
  });
});

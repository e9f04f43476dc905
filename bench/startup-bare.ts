/**
 * The baseline of bench/startup.ts, run as its own process: read the dataset file, JSON.parse it and add its
 * records to a graphology MultiDirectedGraph as they are (the record itself as the attributes, no checks),
 * which is the least any graphology server must do before answering. Prints `ready`, then its memory after a full
 * garbage collection (run with --expose-gc) and its peak resident memory.
 */
import { readFileSync } from "node:fs";
import { MultiDirectedGraph } from "graphology";

type Edge = { id?: string; source: string; target: string; relation: string };

const file = process.argv[2];
if (!file) throw new Error("usage: node --expose-gc --import tsx bench/startup-bare.ts FILE.json");

const json = JSON.parse(readFileSync(file, "utf8")) as { nodes: { id: string }[]; edges: Edge[] };
const graph = new MultiDirectedGraph();
for (const node of json.nodes) graph.addNode(node.id, node);
for (const edge of json.edges)
  graph.addDirectedEdgeWithKey(
    edge.id ?? `${edge.source}__${edge.relation}__${edge.target}`,
    edge.source,
    edge.target,
    edge,
  );
console.log(`ready ${graph.order} nodes, ${graph.size} edges`);

(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed, external } = process.memoryUsage();
console.log(`memory rss=${rss} heapUsed=${heapUsed} external=${external}`);
// Peak resident memory of the whole run, as the kernel counts it (kB).
console.log(`peak ${readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+) kB/)?.[1]} kB`);

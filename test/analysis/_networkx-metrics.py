"""Reads {"nodes": n, "links": [[s, t, w], ...]} on stdin, builds a networkx MultiDiGraph over nodes 0..n-1
and prints the reference values the analysis tests compare with, as JSON on stdout."""
import json
import sys

import networkx as nx

data = json.load(sys.stdin)
G = nx.MultiDiGraph()
G.add_nodes_from(range(data["nodes"]))
for s, t, w in data["links"]:
    G.add_edge(s, t, weight=w)
n = G.number_of_nodes()
order = list(range(n))

pagerank = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=1000)
betweenness = nx.betweenness_centrality(G)
closeness = nx.closeness_centrality(G)
simple = nx.Graph(G.to_undirected())
simple.remove_edges_from(list(nx.selfloop_edges(simple)))
core = nx.core_number(simple)
components = [sorted(c) for c in nx.weakly_connected_components(G)]
louvain = nx.community.louvain_communities(G, weight="weight", seed=1)
try:
    hubs, authorities = nx.hits(G, max_iter=1000, tol=1e-12)
except Exception as error:  # HITS has no unique answer on some graphs
    hubs, authorities = None, None
partition = data.get("partition")
print(json.dumps({
    "pagerank": [pagerank[i] for i in order],
    "betweenness": [betweenness[i] for i in order],
    "closeness": [closeness[i] for i in order],
    "core": [core[i] for i in order],
    "components": sorted(components, key=lambda c: (-len(c), c[0])),
    "louvainModularity": nx.community.modularity(G, louvain, weight="weight"),
    "ourModularity": None if partition is None else nx.community.modularity(
        G, [set(i for i in order if partition[i] == c) for c in set(partition)], weight="weight"),
    "hubs": None if hubs is None else [hubs[i] for i in order],
    "authorities": None if authorities is None else [authorities[i] for i in order],
}))

"""A first offline view of a built graph: actors, meetings and documents with networkx + pyvis.

vis.js is inlined by pyvis (`cdn_resources="in_line"`), so the page works with no
network. Labels are escaped by vis.js as text (no HTML titles are used).
"""

from __future__ import annotations

import networkx as nx
from pyvis.network import Network
from rdflib import Graph

from gcmkg.graph.query import run_query

COLOURS = {"person": "#4e79a7", "government": "#f28e2b", "country": "#59a14f", "party": "#e15759",
           "parliament": "#76b7b2", "committee": "#edc948", "meeting": "#b07aa1", "objective": "#ff9da7"}
STANCE = {"support": "#2ca02c", "oppose": "#d62728", "conditional": "#ff7f0e", "undecided": "#7f7f7f"}


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for r in run_query("actors", graph):
        g.add_node(r["actor"], label=r["label"], kind=r["kind"])
    for r in run_query("meetings", graph):
        g.add_node(r["meeting"], label=f"{r['series']} {r['start']}".strip(), kind="meeting")
    for r in run_query("attendance", graph):
        g.add_edge(r["actor"], r["meeting"], label=r["status"], kind="attendance")
    for r in run_query("positions", graph):
        g.add_node(r["target"], label=r["target_label"], kind="objective")
        g.add_edge(r["holder"], r["target"], label=r["stance"], kind="position", stance=r["stance"])
    return g


def html_bytes(graph: Graph) -> bytes:
    g = to_networkx(graph)
    degree = dict(g.degree())
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for n in sorted(g.nodes):
        d = g.nodes[n]
        net.add_node(n, label=str(d.get("label", n)), color=COLOURS.get(d.get("kind", ""), "#bab0ac"),
                     size=10 + 3 * degree.get(n, 0), shape="dot")
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("label", ""))):
        net.add_edge(u, v, label=d.get("label", ""), color=STANCE.get(d.get("stance", ""), "#999999"))
    net.toggle_physics(False)
    return net.generate_html(notebook=False).encode("utf-8")

"""The explorer's data: a built graph as one plain, JSON-able dict, sorted so that the page is byte-identical.

Read from a table of the graph's triples plus the ontology and vocabularies (so
concept notations and objective titles are there): viz/table.py.
Nodes are keyed by IRI; every edge is one fact (an attendance, a position, an
authorship, a membership); evidence quotes are listed once and referred to by index.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from gcmkg.viz import table
from gcmkg.viz.table import Table, table_of

STATUSES = ("present", "invited", "excused", "absent", "not_invited")
NO_SERIES = "(no series)"


def _day_range(value: str) -> tuple[str, str]:
    """An ISO date or month as (first day, last day)."""
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value, value


class _Collector:
    """Nodes, edges and evidence as they are read; `result()` sorts everything."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.facts: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.edges: dict[tuple[str, ...], dict[str, Any]] = {}
        self.evidence: dict[str, set[tuple[str, int, int, str]]] = defaultdict(set)
        self.sources: dict[str, set[str]] = defaultdict(set)

    def node(self, iri: str, kind: str, **fields: Any) -> dict[str, Any]:
        n = self.nodes.setdefault(iri, {"id": iri, "kind": kind, "sub": kind, "label": ""})
        n.update({k: v for k, v in fields.items() if v})
        return n

    def fact(self, iri: str, key: str, value: str | None) -> None:
        if value:
            self.facts[iri].add((key, value))

    def edge(self, type_: str, from_: str, to: str, value: str = "", fact: str = "", **fields: str) -> None:
        key = (type_, from_, to, value, fact or f"{type_}|{from_}|{to}|{value}")
        e = self.edges.setdefault(key, {"type": type_, "from": from_, "to": to, "value": value, "fact": key[-1]})
        e.update({k: v for k, v in fields.items() if v})


def _read_actors(c: _Collector, t: Table) -> None:
    for r in table.actors(t):
        c.node(r["id"], "actor", sub=r.get("kind", "other"), label=r.get("label", ""))
        c.fact(r["id"], "also called", r.get("alias"))
        c.fact(r["id"], "same as", r.get("same"))
    for r in table.roles(t):
        c.node(r["to"], "role", label=r.get("value", ""))
        c.edge("role", r["from"], r["to"], r.get("value", ""), fact=r["id"])
    for r in table.memberships(t):  # stated with the actor: its evidence is the edge's
        c.edge(r["type"], r["from"], r["to"], r["type"], fact=r["from"])


def _read_meetings(c: _Collector, t: Table) -> None:
    for r in table.meetings(t):
        m = c.node(r["id"], "meeting", label=r.get("label", ""), series=r.get("series", NO_SERIES))
        if "start" in r and (r["start"] < m.get("date", "9999")):
            m["date"] = r["start"]
        if "end" in r:
            m["end"] = max(m.get("end", ""), r["end"])
        c.fact(r["id"], "series", r.get("series"))
        c.fact(r["id"], "start", r.get("start"))
        c.fact(r["id"], "end", r.get("end"))
        c.fact(r["id"], "place", r.get("location"))
        c.fact(r["id"], "agenda item", r.get("agenda"))
        c.fact(r["id"], "number in series", r.get("ordinal"))
    for r in table.attendance(t):
        c.edge("attendance", r["from"], r["to"], r.get("value", ""), fact=r["id"])


def _read_documents(c: _Collector, t: Table) -> dict[str, set[str]]:
    """Documents as nodes; returns source file -> the documents it holds."""
    held: dict[str, set[str]] = defaultdict(set)
    for r in table.documents(t):
        title = r.get("title", "")
        label = title if len(title) <= 60 else title[:57].rstrip() + "..."
        kind = r.get("kind", "other")
        d = c.node(r["id"], "document", sub=kind, label=" ".join(x for x in (kind.replace("_", " "), r.get("number", "")) if x))
        if label:
            d["label"] = f"{d['label']}: {label}" if d["label"] else label
        if "date" in r and r["date"] < d.get("date", "9999"):
            d["date"] = r["date"]
        for key in ("kind", "number", "date", "title"):
            c.fact(r["id"], key, r.get(key))
        if "file" in r:
            held[r["file"]].add(r["id"])
    for r in table.document_links(t):  # stated with the document: its evidence is the edge's
        c.edge(r["type"], r["from"], r["to"], r["type"], fact=r["to"] if r["type"] == "author" else r["from"])
    return held


def _read_positions(c: _Collector, t: Table) -> None:
    kinds = {"Objective": "objective", "Paragraph": "paragraph", "Instrument": "instrument"}
    for r in table.targets(t):
        kind = kinds.get(r.get("type", "").rsplit("#", 1)[-1], "instrument")
        notation = r.get("notation", "")
        if kind == "objective":
            label = f"GCM objective {notation}"
        elif kind == "paragraph":
            label = f"GCM paragraph {notation}"
        else:
            label = notation or r.get("pref") or r.get("label") or r["id"]
        c.node(r["id"], kind, label=label, objective=notation if kind == "objective" else "")
        c.fact(r["id"], "title", r.get("title") or (r.get("pref") if kind == "objective" else None))
    for r in table.positions(t):
        c.edge("position", r["from"], r["to"], r.get("value", ""), fact=r["id"],
               objective=r.get("objective", ""), date=r.get("date", ""))


def _read_evidence(c: _Collector, t: Table) -> None:
    """table.evidence's and table.sources' rows, unsorted: each goes into a set."""
    for body, file, start, end, quote in table.evidence_spans(t):
        c.evidence[body].add((file, int(start), int(end), quote))
    for node, file in table.source_files(t):
        c.sources[node].add(file)


def _sizes(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    """Node size and degree from networkx degree centrality on the simple undirected graph."""
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    g.add_edges_from((e["from"], e["to"]) for e in edges)
    centrality = nx.degree_centrality(g)
    top = max(centrality.values(), default=0) or 1
    for n in nodes:
        n["degree"] = g.degree(n["id"])
        n["size"] = round(10 + 30 * (centrality[n["id"]] / top) ** 0.5, 1)


def explorer_data(graph: Graph | Path | Table) -> dict[str, Any]:
    """Everything the explorer page shows, as plain lists and dicts in a fixed order.
    A Table is read as it is: it must hold the reference files too (Table.add_reference)."""
    t = graph if isinstance(graph, Table) else table_of(graph)
    c = _Collector()
    _read_actors(c, t)
    _read_meetings(c, t)
    held = _read_documents(c, t)
    _read_positions(c, t)
    _read_evidence(c, t)
    for e in c.edges.values():  # an edge to a node no source describes still gets a node
        for end in (e["from"], e["to"]):
            if end not in c.nodes:
                c.node(end, "actor", sub="other")

    evidence = sorted({ev for evs in c.evidence.values() for ev in evs})
    index = {ev: i for i, ev in enumerate(evidence)}
    nodes = []
    for iri in sorted(c.nodes):
        n = c.nodes[iri]
        n["label"] = n["label"] or iri.rsplit("/", 1)[-1]
        n["facts"] = sorted(c.facts[iri])
        n["evidence"] = sorted(index[ev] for ev in c.evidence.get(iri, ()))
        n["sources"] = sorted(c.sources.get(iri, set()) | {evidence[i][0] for i in n["evidence"]})
        nodes.append(n)
    edges = []
    for i, key in enumerate(sorted(c.edges)):
        e = c.edges[key]
        fact = e.pop("fact")
        e["id"] = f"e{i}"
        e["evidence"] = sorted(index[ev] for ev in c.evidence.get(fact, ()))
        e["sources"] = sorted({evidence[j][0] for j in e["evidence"]})
        edges.append(e)
    _sizes(nodes, edges)
    return {
        "nodes": nodes,
        "edges": edges,
        "evidence": [{"file": f, "start": s, "end": t, "quote": q} for f, s, t, q in evidence],
        "sources": {f: sorted(held.get(f, ())) for f in sorted(set(held) | {ev[0] for ev in evidence})},
        "timeline": _timeline(nodes, edges),
        "facets": _facets(nodes, edges),
    }


def _timeline(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Meetings by series and documents by date: one item per dated node, attendees grouped by status."""
    label = {n["id"]: n["label"] for n in nodes}
    attendees: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e in edges:
        if e["type"] == "attendance":
            attendees[e["to"]][e["value"]].add(e["from"])
    items = []
    for n in nodes:
        if n["kind"] not in ("meeting", "document") or "date" not in n:
            continue
        start, end = _day_range(n["date"])
        end = max(end, _day_range(n["end"])[1]) if "end" in n else end
        item = {"id": n["id"], "group": n["series"] if n["kind"] == "meeting" else "documents",
                "start": start, "end": end, "date": n["date"], "label": n["label"], "kind": n["kind"]}
        if n["kind"] == "meeting":
            item["attendees"] = {s: sorted(attendees[n["id"]][s], key=lambda a: (label[a], a))
                                 for s in STATUSES if attendees[n["id"]][s]}
        items.append(item)
    groups = sorted({i["group"] for i in items if i["kind"] == "meeting"}, key=str.lower)
    if any(i["kind"] == "document" for i in items):
        groups.append("documents")
    return {"groups": groups, "items": items}


def _facets(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """The values the filters offer, each only if the data has it."""
    dates = sorted(d for n in nodes for d in (n.get("date"), n.get("end")) if d)
    objectives = sorted({e["objective"] for e in edges if e.get("objective")} |
                        {n["objective"] for n in nodes if n.get("objective")}, key=int)
    return {
        "actor_kinds": sorted({n["sub"] for n in nodes if n["kind"] == "actor"}),
        "node_kinds": sorted({n["kind"] for n in nodes}),
        "series": sorted({n["series"] for n in nodes if n["kind"] == "meeting"}, key=str.lower),
        "stances": sorted({e["value"] for e in edges if e["type"] == "position" and e["value"]}),
        "statuses": [s for s in STATUSES if any(e["type"] == "attendance" and e["value"] == s for e in edges)],
        "objectives": objectives,
        "date_min": _day_range(dates[0])[0] if dates else "",
        "date_max": _day_range(dates[-1])[1] if dates else "",
    }

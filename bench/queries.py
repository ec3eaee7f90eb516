"""Latency of every named query (graph/queries/*.rq) on one built graph: pyoxigraph and rdflib's own engine.

pyoxigraph runs each query as `gcmkg query` does (gcmkg.graph.query.run_query
on a loaded store: the rows are converted and sorted too), and once more with
the solutions only iterated, to tell the engine's time from gcmkg's. rdflib runs the same
text on an rdflib Graph holding the same triples (the graph file and the
reference files); its engine can take very long at a million triples, so it
runs in a child process that is stopped after `timeout` seconds, and the
query is reported as "> timeout s".
"""

from __future__ import annotations

import multiprocessing as mp
import statistics
import time
from pathlib import Path


def oxigraph(graph_file: Path, repeat: int = 5) -> dict:
    from gcmkg.graph.query import load_store, prepared_query, query_names, run_query

    t = time.perf_counter()
    store = load_store(graph_file)
    load = time.perf_counter() - t
    out: dict = {"load_s": load, "quads": len(store), "queries": {}}
    for name in query_names():
        times, rows = [], 0
        for _ in range(repeat):
            t = time.perf_counter()
            rows = len(run_query(name, None, store=store))
            times.append(time.perf_counter() - t)
        engine = []  # the engine alone: solutions iterated, no conversion to strings, no sorting
        for _ in range(repeat):
            t = time.perf_counter()
            for _solution in store.query(prepared_query(name)):
                pass
            engine.append(time.perf_counter() - t)
        out["queries"][name] = {"median_ms": statistics.median(times) * 1000, "min_ms": min(times) * 1000,
                                "engine_ms": statistics.median(engine) * 1000, "rows": rows}
    return out


_GRAPH = None  # the rdflib graph, loaded once; each query runs in a forked child that shares it


def _rdflib_query(name: str, conn) -> None:  # noqa: ANN001 - a multiprocessing Connection
    from gcmkg.graph.query import query_text

    t = time.perf_counter()
    try:
        rows = len(list(_GRAPH.query(query_text(name))))
    except Exception as e:  # noqa: BLE001 - rdflib's engine fails on some queries: that is a result too
        conn.send((None, f"{type(e).__name__}: {e}"[:80]))
        return
    conn.send((time.perf_counter() - t, rows))


def rdflib_engine(graph_file: Path, timeout: float) -> dict:
    """Each named query once on rdflib's engine; a query that passes `timeout` is stopped."""
    import warnings

    from rdflib import Graph

    from gcmkg.graph.query import query_names
    from gcmkg.graph.reference import ONTOLOGY_FILES, ontology_text

    global _GRAPH
    warnings.simplefilter("ignore")
    t = time.perf_counter()
    _GRAPH = Graph()
    _GRAPH.parse(graph_file, format="turtle")
    for name in ONTOLOGY_FILES:
        _GRAPH.parse(data=ontology_text(name), format="turtle")
    out: dict = {"timeout_s": timeout, "load_s": time.perf_counter() - t, "triples": len(_GRAPH), "queries": {}}
    ctx = mp.get_context("fork")
    try:
        for name in query_names():
            conn, child = ctx.Pipe()
            proc = ctx.Process(target=_rdflib_query, args=(name, child), daemon=True)
            proc.start()
            if conn.poll(timeout):
                seconds, rows = conn.recv()
                out["queries"][name] = ({"ms": None, "error": rows} if seconds is None
                                        else {"ms": seconds * 1000, "rows": rows})
            else:
                out["queries"][name] = {"ms": None, "over_s": timeout}
                proc.kill()
            proc.join()
    finally:
        _GRAPH = None
    return out

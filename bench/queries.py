"""Latency of every named query (graph/queries/*.rq) on one built graph: pyoxigraph and rdflib's own engine.

pyoxigraph runs each query as `gcmkg query` does (gcmkg.graph.query.run_query
on a loaded store: the rows are converted and sorted too), and once more with
the solutions only iterated, to tell the engine's time from gcmkg's. Besides the
wall-clock time it records the process's CPU time of each run: on a machine
shared with other work the wall clock also counts the time other processes held
the cores, the CPU time only what the query itself cost. rdflib runs the same
text on an rdflib Graph holding the same triples (the graph file and the
reference files); its engine can take very long at a million triples, so it
runs in a child process that is stopped after `timeout` seconds, and the
query is reported as "> timeout s".

Standalone, on a graph that is already built (pyoxigraph only):

    .venv/bin/python -m bench.queries out/graph.ttl --repeat 5

prints one Markdown table, with the parameterised runs a researcher makes
(one fact's evidence, one holder's timeline, one series' attendance) after the
full listings.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import time
from pathlib import Path


def _timed(run) -> tuple[float, float, object]:  # noqa: ANN001 - any callable
    """Wall-clock and CPU seconds of one call, and what it returned."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _measure(run, repeat: int) -> dict:  # noqa: ANN001 - any callable
    """Median and minimum of `repeat` calls: wall-clock and CPU milliseconds, and the row count."""
    walls, cpus, rows = [], [], 0
    for _ in range(repeat):
        wall, cpu, result = _timed(run)
        walls.append(wall)
        cpus.append(cpu)
        rows = result
    return {"median_ms": statistics.median(walls) * 1000, "min_ms": min(walls) * 1000,
            "cpu_ms": statistics.median(cpus) * 1000, "rows": rows}


def param_runs(store) -> list[tuple[str, dict[str, str]]]:  # noqa: ANN001 - a pyoxigraph Store
    """Parameterised runs of the kind a researcher makes, with values taken from the graph itself:
    the evidence of the fact with the most evidence spans, the timeline and stance changes of the holder
    with the most positions, the attendance of the series with the most meetings."""
    def first(query: str) -> str | None:
        for solution in store.query(query):
            return solution[0].value
        return None

    prefix = "PREFIX gcm: <https://w3id.org/gcmkg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#> " \
             "PREFIX schema: <https://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    fact = first(prefix + "SELECT ?f WHERE { ?a oa:hasBody ?f . ?f a gcm:Position } "
                          "GROUP BY ?f ORDER BY DESC(COUNT(?a)) ?f LIMIT 1")
    holders = [s[0].value for s in store.query(prefix + "SELECT ?l WHERE { ?p gcm:holder ?h . ?h skos:prefLabel ?l } "
                                                        "GROUP BY ?l ORDER BY DESC(COUNT(?p)) ?l LIMIT 2")]
    holder = holders[0] if holders else None
    series = first(prefix + "SELECT ?l WHERE { ?m schema:superEvent ?s . ?s skos:prefLabel ?l } "
                            "GROUP BY ?l ORDER BY DESC(COUNT(?m)) ?l LIMIT 1")
    runs = []
    if fact:
        runs.append(("evidence", {"fact": fact}))
    for h in holders:  # the holder with the most positions, and the next one
        runs += [("position_timeline", {"holder": h}), ("stance_changes", {"holder": h})]
    if series:
        runs.append(("series_attendance", {"series": series}))
    return runs


def oxigraph(graph_file: Path, repeat: int = 5, params: bool = False) -> dict:
    from gcmkg.graph.pages import page_key, query_page
    from gcmkg.graph.query import load_store, prepared_query, query_names, query_text, run_query, store_lookup

    t = time.perf_counter()
    store = load_store(graph_file)
    load = time.perf_counter() - t
    out: dict = {"load_s": load, "quads": len(store), "queries": {}}
    runs = [(name, None) for name in query_names()] + (param_runs(store) if params else [])
    for name, values in runs:
        key = name + "".join(f" --param {k}={v}" for k, v in (values or {}).items())
        q = _measure(lambda: len(run_query(name, None, store=store, params=values)), repeat)  # noqa: B023
        # the engine alone: solutions iterated, no conversion to strings, no sorting
        text = prepared_query(name, values, store_lookup(store))
        q["engine_ms"] = _measure(lambda: sum(1 for _ in store.query(text)), repeat)["median_ms"]  # noqa: B023
        out["queries"][key] = q
    for name in query_names() if params else []:  # the first page of 100 rows of the listings that page fast
        if page_key(query_text(name)):
            q = _measure(lambda: len(query_page(name, store, size=PAGE).rows), repeat)  # noqa: B023
            out["queries"][f"{name} --limit {PAGE}"] = {**q, "engine_ms": None}
    return out


PAGE = 100  # rows in the first page measured


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


def table(result: dict) -> str:
    """The pyoxigraph figures as a Markdown table; '**' marks a query under 200 ms of CPU time."""
    lines = ["| query | rows | run_query wall ms median (min) | run_query CPU ms | engine alone wall ms |",
             "|---|---|---|---|---|"]
    for name, q in result["queries"].items():
        cpu = f"{q['cpu_ms']:,.0f}"
        lines.append(f"| {name} | {q['rows']:,} | {q['median_ms']:,.0f} ({q['min_ms']:,.0f}) | "
                     f"{'**' + cpu + '**' if q['cpu_ms'] < 200 else cpu} | "
                     f"{'-' if q['engine_ms'] is None else format(q['engine_ms'], ',.0f')} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Latency of gcmkg's named queries on one graph, with pyoxigraph.")
    ap.add_argument("graph", type=Path, help="a built graph.ttl (or .nt)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query; the median is shown")
    args = ap.parse_args(argv)
    result = oxigraph(args.graph, args.repeat, params=True)
    print(f"graph: {args.graph}, {result['quads']:,} triples with the reference files; "
          f"load {result['load_s']:.1f} s; median of {args.repeat} runs; load average {os.getloadavg()[0]:.1f}")
    print(table(result))
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

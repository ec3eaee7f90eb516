"""Which engine should run gcmkg's named queries? rdflib's own SPARQL engine, rdflib on the oxrdflib
store, or pyoxigraph directly (what gcmkg.graph.query does), on the same graph.

    .venv/bin/python bench/query_engines.py                      # the seeds, built in memory
    .venv/bin/python bench/query_engines.py --graph out/graph.ttl --copies 10 --repeat 5

--copies N multiplies the graph N times (data IRIs renamed per copy, reference files once), a crude
stand-in for a bigger corpus. Every engine runs in its own process with a time limit per query, so a
query that takes rdflib minutes shows as a timeout instead of stalling the run. Prints one table:
load time, then the median time of each query per engine and the row count it returned
(an engine that cannot run a query says why; '!' marks a row count other than pyoxigraph's). oxrdflib is measured when installed
(pip install oxrdflib==0.5.0).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ENGINES = ("rdflib", "oxrdflib", "pyoxigraph")


def _seed_graph(out: Path) -> Path:
    from gcmkg.graph.build import build_dataset
    from gcmkg.graph.io import write_graph_files
    from gcmkg.pipeline import bundled_seeds, collect, extract_all

    result = extract_all(collect([bundled_seeds()]))
    return write_graph_files(build_dataset(result.extractions), out)["ttl"]


def _multiplied(graph: Path, copies: int, out: Path) -> Path:
    """The graph's triples `copies` times, each copy's data IRIs moved under base/cN/, plus the reference files."""
    import pyoxigraph as ox

    from gcmkg.graph.iris import DEFAULT_BASE
    from gcmkg.graph.reference import ONTOLOGY_FILES, ontology_text

    fixed = (DEFAULT_BASE + "ontology", DEFAULT_BASE + "id/", DEFAULT_BASE + "shapes")
    triples = list(ox.parse(path=graph, format=ox.RdfFormat.TURTLE))

    def move(term, k: int):
        if isinstance(term, ox.NamedNode) and term.value.startswith(DEFAULT_BASE) and not term.value.startswith(fixed):
            return ox.NamedNode(f"{DEFAULT_BASE}c{k}/{term.value[len(DEFAULT_BASE):]}")
        return term

    path = out / f"graph-x{copies}.nt"
    with path.open("wb") as fh:
        for k in range(copies):
            moved = (ox.Triple(move(t.subject, k), t.predicate, move(t.object, k)) for t in triples)
            ox.serialize(moved, fh, format=ox.RdfFormat.N_TRIPLES)
        for name in ONTOLOGY_FILES:
            ox.serialize(ox.parse(ontology_text(name), format=ox.RdfFormat.TURTLE), fh, format=ox.RdfFormat.N_TRIPLES)
    return path


def _load(engine: str, path: Path):
    """The graph as the engine holds it; the reference files are added as gcmkg.graph.query does."""
    if engine == "pyoxigraph":
        from gcmkg.graph.query import load_store

        return load_store(path)
    from rdflib import Graph

    from gcmkg.graph.reference import reference_graph

    g = Graph(store="Oxigraph") if engine == "oxrdflib" else Graph()
    fmt = "nt" if path.suffix == ".nt" else "turtle"
    g.parse(path, format=fmt)
    if path.suffix != ".nt":  # a multiplied graph has them already
        g += reference_graph()
    return g


def _run(graph, text: str) -> int:
    """Rows of the query, all of them fetched (rdflib's Graph.query and pyoxigraph's Store.query alike)."""
    return sum(1 for _ in graph.query(text))


def _worker(engine: str, path: Path, names: list[str], repeat: int, conn) -> None:
    """In a child process: load once, then for each query the median of `repeat` runs and the row count."""
    from gcmkg.graph.query import query_text

    t = time.perf_counter()
    graph = _load(engine, path)
    conn.send(("load", time.perf_counter() - t, 0))
    for name in names:
        times, rows = [], 0
        try:
            for _ in range(repeat):
                t = time.perf_counter()
                rows = _run(graph, query_text(name))
                times.append(time.perf_counter() - t)
                if times[-1] > 5:  # slow: one run says enough
                    break
            conn.send((name, statistics.median(times), rows))
        except Exception as err:  # an engine that cannot run a query: report why, go on
            conn.send((name, f"error: {type(err).__name__}", 0))


def measure(engine: str, path: Path, names: list[str], repeat: int, limit: float) -> dict[str, tuple]:
    """Timings of one engine; a query over `limit` seconds is a timeout, and a fresh process goes on with the next."""
    ctx = mp.get_context("spawn")
    out: dict[str, tuple] = {}
    todo = list(names)
    while todo:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(engine, path, todo, repeat, child), daemon=True)
        proc.start()
        if not parent.poll(600):
            out["load"] = ("> 600 s", 0)
            todo = []
        else:
            _, value, _ = parent.recv()
            out.setdefault("load", (value, 0))
        while todo:
            name = todo.pop(0)
            if not parent.poll(limit + 5 * (repeat - 1) + 1):  # slow queries run once, fast ones `repeat` times
                out[name] = (f"> {limit:.0f} s", 0)
                break
            _, value, rows = parent.recv()
            out[name] = (value, rows)
        proc.kill()
        proc.join()
    return out


def _fmt(cell: tuple | None, reference: tuple | None) -> str:
    """Time and row count; '!' marks a row count that differs from pyoxigraph's (what gcmkg uses)."""
    if cell is None:
        return "-"
    value, rows = cell
    if not isinstance(value, float):
        return f"{value:>21}"
    differs = reference is not None and isinstance(reference[0], float) and reference[1] != rows
    return f"{value * 1000:10.1f} ms {rows:6}{'!' if differs else ' '}"


def main(argv: list[str] | None = None) -> None:
    from gcmkg.graph.query import query_names

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", type=Path, help="a built graph.ttl; default: build the seeds")
    ap.add_argument("--copies", type=int, default=1, help="multiply the graph this many times")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (median is shown)")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds per query before it counts as a timeout")
    ap.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset of " + ", ".join(ENGINES))
    args = ap.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    if "oxrdflib" in engines:
        try:
            import oxrdflib  # noqa: F401
        except ImportError:
            engines.remove("oxrdflib")
            print("oxrdflib not installed: not measured (pip install oxrdflib==0.5.0)", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph or _seed_graph(Path(tmp))
        path = _multiplied(graph, args.copies, Path(tmp)) if args.copies > 1 else graph
        names = query_names()
        results = {e: measure(e, path, names, args.repeat, args.limit) for e in engines}
    print(f"graph: {graph} x{args.copies}; median of {args.repeat} runs; python {platform.python_version()}, "
          f"{platform.machine()}")
    print(f"{'query':<24}" + "".join(f"{e:>23}" for e in engines))
    for name in ["load", *names]:
        ref = results.get("pyoxigraph", {}).get(name)
        print(f"{name:<24}" + "".join(f"{_fmt(results[e].get(name), ref if name != 'load' else None):>23}"
                                      for e in engines))


if __name__ == "__main__":
    main()

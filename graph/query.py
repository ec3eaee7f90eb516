"""Named competency queries (graph/queries/*.rq) run on pyoxigraph, rows as plain strings.

The data and the reference files (ontology, schemes, objectives) are loaded
into one default graph of an in-memory pyoxigraph store, so the queries see
the notations and labels of concepts without a GRAPH clause (and without the
duplicates a union default graph would give). Cells that a query joins with
U+001F are split, de-duplicated, sorted and joined with "; "; rows are sorted,
so the output does not depend on the store's order.
"""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from pathlib import Path
from typing import Literal as TypingLiteral

import pyoxigraph as ox
from rdflib import Dataset, Graph

from gcmkg.graph.build import merged_graph
from gcmkg.graph.io import GraphFileError, load_graph
from gcmkg.graph.reference import ONTOLOGY_FILES, ontology_text

MULTI_SEPARATOR = "\x1f"  # what the .rq files join several values with
CELL_JOIN = "; "
Format = TypingLiteral["table", "csv", "json"]


class QueryError(Exception):
    """An unknown query name, an unreadable .rq file or a query that does not run."""


def query_names() -> list[str]:
    """The named queries shipped in gcmkg.graph.queries."""
    return sorted(p.name[:-3] for p in files("gcmkg.graph.queries").iterdir() if p.name.endswith(".rq"))


def query_text(name_or_path: str) -> str:
    """A name is looked up among the shipped queries; anything ending in .rq is a file."""
    if name_or_path.endswith(".rq"):
        path = Path(name_or_path)
        try:
            return path.read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"{path}: cannot read query file: {err.strerror or err}") from err
    if name_or_path not in query_names():
        raise QueryError(f"unknown query {name_or_path!r}; available: {', '.join(query_names())} (or a path to a .rq file)")
    return files("gcmkg.graph.queries").joinpath(f"{name_or_path}.rq").read_text(encoding="utf-8")


def query_description(name_or_path: str) -> str:
    """The first comment line of a query: what it answers."""
    for line in query_text(name_or_path).splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return ""


_OX_FORMATS = {".ttl": (ox.RdfFormat.TURTLE, "turtle"), ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
               ".trig": (ox.RdfFormat.TRIG, "trig"), ".nq": (ox.RdfFormat.N_QUADS, "nquads")}


def _load_file(store: ox.Store, path: Path) -> None:
    """Parse a graph file with oxigraph itself (ten times faster than rdflib); named graphs are merged."""
    if path.suffix.lower() not in _OX_FORMATS:  # other formats go through rdflib
        _load_graph(store, load_graph(path))
        return
    fmt, name = _OX_FORMATS[path.suffix.lower()]
    if not path.is_file():
        raise GraphFileError(f"{path}: no such file")
    try:
        store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in ox.parse(path=path, format=fmt))
    except (SyntaxError, OSError, UnicodeDecodeError) as err:
        raise GraphFileError(f"{path}: not valid {name}: {err}") from err


def _load_graph(store: ox.Store, graph: Graph) -> None:
    if isinstance(graph, Dataset):
        graph = merged_graph(graph)
    try:
        store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as err:  # rdflib wrote something oxigraph refuses, e.g. an invalid IRI
        raise GraphFileError(f"graph could not be loaded into pyoxigraph: {err}") from err


def load_store(graph: Graph | Path) -> ox.Store:
    """An in-memory store with the data (a graph, a dataset or a graph file) and the reference files."""
    store = ox.Store()
    if isinstance(graph, (str, Path)):
        _load_file(store, Path(graph))
    else:
        _load_graph(store, graph)
    for name in ONTOLOGY_FILES:
        store.load(ontology_text(name), format=ox.RdfFormat.TURTLE)
    return store


def run_query(name_or_path: str, graph: Graph | Path, store: ox.Store | None = None) -> list[dict[str, str]]:
    """Rows of a SELECT query as dicts in the query's column order, every value a string ('' if unbound).

    Pass `store` (from load_store) to run several queries without loading the graph each time."""
    text = query_text(name_or_path)
    store = store if store is not None else load_store(graph)
    try:
        solutions = store.query(text)
    except SyntaxError as err:
        raise QueryError(f"{name_or_path}: not valid SPARQL: {err}") from err
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"{name_or_path}: not a SELECT query")
    columns = [v.value for v in solutions.variables]
    rows = [{c: _cell(solution[c]) for c in columns} for solution in solutions]
    return sorted(rows, key=lambda r: tuple(r.values()))


def _cell(term: object) -> str:
    """A term as a plain string: an IRI's text, a literal's lexical form; several values sorted and joined."""
    if term is None:
        return ""
    value = term.value  # NamedNode, Literal and BlankNode all have .value
    if MULTI_SEPARATOR in value:
        return CELL_JOIN.join(sorted({v for v in value.split(MULTI_SEPARATOR) if v}))
    return value


def format_rows(rows: list[dict[str, str]], fmt: Format = "table") -> str:
    """Rows as an aligned text table, CSV (header line first) or a JSON array of objects."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    if fmt == "table":
        return _table(columns, rows)
    raise ValueError(f"unknown format {fmt!r}; use table, csv or json")


TABLE_CELL = 48  # characters; the table is for reading, csv and json carry the full values


def _short(value: str) -> str:
    """One line, IRIs shortened to their last two path segments, long text cut with an ellipsis."""
    v = " ".join(value.split())
    if v.startswith(("http://", "https://")) and " " not in v:
        v = "/".join(v.rstrip("/").split("/")[-2:])  # `person/jan-peeters`, `coormulti/2018-03-01`
    return v if len(v) <= TABLE_CELL else v[:TABLE_CELL - 1] + "…"


def _table(columns: list[str], rows: list[dict[str, str]]) -> str:
    """A plain-text table for reading: one line per row, cells shortened (see `_short`)."""
    if not rows:
        return "(no rows)"
    cells = [[_short(r[c]) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)

"""Named competency queries (graph/queries/*.rq) run on pyoxigraph, rows as plain strings.

The data and the reference files (ontology, schemes, objectives) are loaded
into one default graph of an in-memory pyoxigraph store, so the queries see
the notations and labels of concepts without a GRAPH clause (and without the
duplicates a union default graph would give). Cells that a query joins with
U+001F are split, de-duplicated, sorted and joined with "; "; rows are sorted
(numbers in a cell by value, so objective 2 comes before objective 10), so the
output does not depend on the store's order, local or remote.

A query may declare parameters with comment lines `# param NAME: what it is`;
a value given for NAME is bound to ?param_NAME by a VALUES block at
the start of the query's WHERE clause, so the same text runs on pyoxigraph and on
any SPARQL endpoint. A parameter not given stays unbound. The value is bound as a
string. A query that names nodes by a parameter (a holder, a series, a fact) can also let the engine
look them up instead of comparing every candidate with the value: it writes the placeholder
`VALUES ?param_NAME_iri { UNDEF }` (a no-op: one solution that binds nothing) in each group that
should start from those nodes, and uses ?param_NAME_iri in a triple pattern there. When NAME is given,
each placeholder is filled with the nodes the value can name: the value itself if it is an IRI, and
every node whose skos:prefLabel equals it, case ignored (one look-up in the same store or endpoint).
The query keeps its own FILTER on ?param_NAME, so the rows are the same as without the look-up; the
placeholder only lets the engine start from those nodes. A query without placeholders gets the older
binding: a value that is an absolute IRI is bound, as that IRI, to ?param_NAME_iri after the first WHERE.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
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


_PARAM_LINE = re.compile(r"#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def query_params(name_or_path: str) -> dict[str, str]:
    """The parameters a query declares (`# param NAME: description`), name -> description."""
    found = (_PARAM_LINE.fullmatch(line.strip()) for line in query_text(name_or_path).splitlines())
    return {m.group(1): m.group(2).strip() for m in found if m}


def parse_params(items: list[str] | None) -> dict[str, str]:
    """`--param NAME=VALUE` options as a dict (a value may itself hold '=')."""
    params: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {item}: use NAME=VALUE, e.g. --param series=CoorMulti")
        params[name.strip()] = value
    return params


Lookup = Callable[[str], list[str]]  # runs a SELECT of one variable, returns its values (IRIs)


def prepared_query(name_or_path: str, params: Mapping[str, str] | None = None, lookup: Lookup | None = None) -> str:
    """The query text with the given parameters bound: what runs, locally or on an endpoint.

    `lookup` runs the look-up of the nodes a value names (see the module docstring) on the same data;
    without it, the placeholders stay as they are (same rows, the engine compares every candidate)."""
    return bind_params(query_text(name_or_path), name_or_path, params, lookup)


def bind_params(text: str, name_or_path: str, params: Mapping[str, str] | None = None,
                lookup: Lookup | None = None) -> str:
    """`prepared_query` on a query's text (which may already have other VALUES put in, e.g. a page's nodes)."""
    if not params:
        return text
    declared = query_params(name_or_path)
    unknown = sorted(set(params) - set(declared))
    if unknown:
        allowed = ", ".join(sorted(declared)) or "none"
        raise QueryError(f"{name_or_path}: unknown parameter {', '.join(unknown)}; this query takes: {allowed}")
    body_start = sum(len(line) + 1 for line in _leading_comments(text))
    m = _WHERE.search(text, body_start)
    if m is None:
        raise QueryError(f"{name_or_path}: declares parameters but has no WHERE {{ to bind them in")
    placeholders = {k for k in params if _placeholder(k).search(text)}
    values = "".join(f" VALUES ?param_{k} {{ {_string_literal(v)} }}" + ("" if k in placeholders else _iri_values(k, v))
                     for k, v in sorted(params.items()))
    text = text[:m.end()] + values + text[m.end():]
    if lookup is not None:
        for k in sorted(placeholders):
            nodes = " ".join(f"<{iri}>" for iri in named_nodes(params[k], lookup))
            text = _placeholder(k).sub(lambda _m, k=k, nodes=nodes: f"VALUES ?param_{k}_iri {{ {nodes} }}", text)
    return text


def _placeholder(name: str) -> re.Pattern[str]:
    return re.compile(rf"VALUES\s+\?param_{re.escape(name)}_iri\s*\{{\s*UNDEF\s*\}}")


def named_nodes(value: str, lookup: Lookup) -> list[str]:
    """The IRIs a parameter value can name: itself if it is an IRI, and the nodes whose skos:prefLabel
    equals it with case ignored (compared by the engine, with the LCASE the queries' FILTERs use)."""
    found = set(lookup("SELECT DISTINCT ?node WHERE { ?node <http://www.w3.org/2004/02/skos/core#prefLabel> ?label "
                       f"FILTER(LCASE(STR(?label)) = LCASE({_string_literal(value)})) }}"))
    try:
        found.add(ox.NamedNode(value).value)
    except ValueError:  # not an IRI: only labels can match
        pass
    return sorted(iri for iri in found if not _NOT_IN_IRIREF.search(iri))


def _leading_comments(text: str) -> list[str]:
    lines = text.split("\n")
    n = 0
    while n < len(lines) and (not lines[n].strip() or lines[n].lstrip().startswith("#")):
        n += 1
    return lines[:n]


_NOT_IN_IRIREF = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _iri_values(name: str, value: str) -> str:
    """` VALUES ?param_NAME_iri { <value> }` when the value is an absolute IRI, else nothing."""
    if "://" in value and not _NOT_IN_IRIREF.search(value):
        try:
            return f" VALUES ?param_{name}_iri {{ <{ox.NamedNode(value).value}> }}"
        except ValueError:
            pass
    return ""


def _string_literal(value: str) -> str:
    """A SPARQL string literal: JSON escapes quotes, backslashes and control characters as SPARQL does."""
    return json.dumps(value, ensure_ascii=False)


def query_description(name_or_path: str) -> str:
    """What a query answers: its leading comment up to the question mark that ends the question
    (the first comment line if no line ends with one)."""
    lines = [line.lstrip("#").strip() for line in _leading_comments(query_text(name_or_path)) if line.startswith("#")]
    for n, line in enumerate(lines):
        if line.endswith("?"):
            return " ".join(lines[:n + 1])
    return lines[0] if lines else ""


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
        if fmt.supports_datasets:  # named graphs merged into the default graph
            store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in ox.parse(path=path, format=fmt))
        else:
            store.bulk_load(path=path, format=fmt)
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
    return add_reference(store)


def add_reference(store: ox.Store) -> ox.Store:
    """Load the reference files (ontology, schemes, objectives) into the store's default graph; return it."""
    for name in ONTOLOGY_FILES:
        store.load(ontology_text(name), format=ox.RdfFormat.TURTLE)
    return store


def run_query(name_or_path: str, graph: Graph | Path | None, store: ox.Store | None = None,
              params: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """Rows of a SELECT query as dicts in the query's column order, every value a string ('' if unbound).

    Pass `store` (from load_store) to run several queries without loading the graph each time;
    `params` binds the query's declared parameters."""
    if store is None and graph is None:
        raise ValueError("run_query needs a graph or a store")
    store = store if store is not None else load_store(graph)
    return run_text(prepared_query(name_or_path, params, store_lookup(store)), name_or_path, store)


def run_text(text: str, name_or_path: str, store: ox.Store) -> list[dict[str, str]]:
    """Rows of a prepared SELECT query's text on a store, as `run_query` gives them."""
    try:
        solutions = store.query(text)
    except SyntaxError as err:
        raise QueryError(f"{name_or_path}: not valid SPARQL: {err}") from err
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"{name_or_path}: not a SELECT query")
    columns = [v.value for v in solutions.variables]
    # a solution iterates over its values in the order of `variables` (None if unbound): faster than by name
    rows = [tuple(cell(term) for term in solution) for solution in solutions]
    return [dict(zip(columns, row)) for row in _sorted_tuples(rows)]


def store_lookup(store: ox.Store) -> Lookup:
    """A `Lookup` on a pyoxigraph store: the IRIs in the first column of a SELECT."""
    def lookup(query: str) -> list[str]:
        return [s[0].value for s in store.query(query) if isinstance(s[0], ox.NamedNode)]
    return lookup


def sort_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows in one fixed order: cell by cell, digits compared as numbers (see `natural_key`)."""
    key = _row_key()
    return sorted(rows, key=lambda row: key(row.values()))


def _sorted_tuples(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Rows as tuples of cells, in the order of `sort_rows`."""
    return sorted(rows, key=_row_key())


def _row_key() -> Callable[[Iterable[str]], tuple[str, ...]]:
    """A sort key for rows that computes each distinct cell's `natural_key` once (cells repeat a lot)."""
    keys: dict[str, str] = {}

    def row_key(row: Iterable[str]) -> tuple[str, ...]:
        return tuple(keys[v] if v in keys else keys.setdefault(v, natural_key(v)) for v in row)

    return row_key


_DIGITS = re.compile(r"(\d+)")


def natural_key(value: str) -> str:
    """A string that sorts as 'objective 2' < 'objective 10' ('7' and '07' tie, broken by the text itself).

    One string instead of a tuple of text and numbers, because strings compare much faster: text parts end with
    NUL NUL (a NUL in the text becomes NUL SOH), a number is its length as one character, then its digits
    without leading zeros; after the parts comes NUL and the text itself, the tie-breaker."""
    parts = _DIGITS.split(value)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            digits = (part if part.isascii() else "".join(str(int(c)) for c in part)).lstrip("0") or "0"
            out.append(chr(len(digits)) + digits)
        else:
            out.append(part.replace("\0", "\0\1") + "\0\0")
    return "".join(out) + "\0" + value


def cell(term: object) -> str:
    """A term as a plain string: an IRI's text, a literal's lexical form; several values sorted and joined."""
    if term is None:
        return ""
    return cell_text(term.value)  # NamedNode, Literal and BlankNode all have .value


def cell_text(value: str) -> str:
    """A cell's text with the values a query joined with U+001F sorted, de-duplicated and joined with '; '."""
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

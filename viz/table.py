"""The triples the explorer reads, held as predicate -> subject -> values, and its questions answered from them.

A SPARQL store of a corpus's graph takes about 400 bytes a triple and its
joins take seconds; the explorer asks eleven fixed questions, so the table
keeps only the predicates they use (values as plain strings, shared) and
answers each question as rows of the same shape and order the SPARQL queries
in viz/data.py (kept there as the definition) would give. Triples may come in
any order and more than once (TriG repeats a triple in every file's graph).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from itertools import product
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from gcmkg.graph.io import GraphFileError, load_graph
from gcmkg.graph.lines import TYPE_MARK
from gcmkg.graph.reference import ONTOLOGY_FILES, ontology_text

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_GCM = "https://w3id.org/gcmkg/ontology#"
_DCT = "http://purl.org/dc/terms/"
_SCHEMA = "https://schema.org/"
_ORG = "http://www.w3.org/ns/org#"
_OA = "http://www.w3.org/ns/oa#"
TYPE = _RDF + "type"
_TYPES = {_GCM + n for n in ("Actor", "Meeting", "Document", "Attendance", "Position", "Objective", "Paragraph",
                             "Instrument")} | {_ORG + "Membership", _OA + "Annotation", _OA + "TextQuoteSelector",
                                               _OA + "TextPositionSelector"}
_PREDICATES = {TYPE, _SKOS + "prefLabel", _SKOS + "altLabel", _SKOS + "notation", _RDFS + "label",
               "http://www.w3.org/2002/07/owl#sameAs", "http://www.w3.org/ns/prov#wasDerivedFrom",
               _ORG + "member", _ORG + "role", _ORG + "memberOf",
               *(_GCM + n for n in ("actorKind", "party", "agendaItem", "ordinal", "documentKind", "actor", "meeting",
                                    "status", "holder", "target", "stance", "objective")),
               *(_SCHEMA + n for n in ("superEvent", "startDate", "endDate", "location", "recipient")),
               *(_DCT + n for n in ("identifier", "date", "title", "source", "creator", "publisher")),
               *(_OA + n for n in ("hasBody", "hasTarget", "hasSource", "hasSelector", "exact", "start", "end"))}
_OX_FORMATS = {".ttl": (ox.RdfFormat.TURTLE, "turtle"), ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
               ".trig": (ox.RdfFormat.TRIG, "trig"), ".nq": (ox.RdfFormat.N_QUADS, "nquads")}
Row = dict[str, str]
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    """An N-Triples string's characters (ECHAR and UCHAR escapes, as the N-Triples grammar has them)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None
                       else _ECHAR[m.group(3)], text)


class Table:
    """predicate -> subject -> one value (a str) or several (a set); every string kept once."""

    def __init__(self) -> None:
        self.by: dict[str, dict[str, str | set[str]]] = {p: {} for p in _PREDICATES}
        self._type_column = self.by[TYPE]
        self._types: dict[str, list[str]] | None = None

    def add(self, s: str, p: str, o: str) -> None:
        column = self.by.get(p)
        if column is None or (p == TYPE and o not in _TYPES):
            return
        s, o = sys.intern(s), sys.intern(o) if len(o) < 200 else o
        old = column.get(s)
        if old is None:
            column[s] = o
        elif isinstance(old, set):
            old.add(o)
        elif old != o:
            column[s] = {old, o}

    def add_terms(self, triples: Iterable[ox.Triple | ox.Quad]) -> Table:
        """pyoxigraph triples or quads (the graph names are dropped); `add` inlined, for a corpus's millions."""
        by, intern = self.by, sys.intern
        for t in triples:
            column = by.get(t.predicate.value)
            if column is None:
                continue
            o = t.object.value
            if column is self._type_column and o not in _TYPES:
                continue
            s, o = intern(t.subject.value), intern(o) if len(o) < 200 else o
            old = column.get(s)
            if old is None:
                column[s] = o
            elif isinstance(old, set):
                old.add(o)
            elif old != o:
                column[s] = {old, o}
        return self

    def add_lines(self, lines: Iterable[str]) -> Table:
        """The builder's N-Triples lines (graph/lines.py: `<s> <p> <o>`, rdf:type as TYPE_MARK), read as
        `add_terms` reads the triples pyoxigraph parses from them, without making a pyoxigraph term of each."""
        columns = {f"<{p}>": column for p, column in self.by.items()}
        columns[TYPE_MARK] = type_column = self._type_column
        intern, last, subject = sys.intern, None, ""
        for line in lines:
            s, p, o = line.split(" ", 2)
            column = columns.get(p)
            if column is None:
                continue
            if o[0] == "<":
                o = o[1:-1]
                if column is type_column and o not in _TYPES:
                    continue
                o = intern(o)
            else:  # "lexical form", maybe followed by ^^<datatype> or @language; neither holds a quote
                o = o[1:o.rindex('"')]
                if "\\" in o:
                    o = _unescape(o)
                if column is type_column and o not in _TYPES:
                    continue
                if len(o) < 200:
                    o = intern(o)
            if s != last:  # sorted lines: a subject's lines come together
                last, subject = s, intern(s[1:-1])
            old = column.get(subject)
            if old is None:
                column[subject] = o
            elif type(old) is set:
                old.add(o)
            elif old != o:
                column[subject] = {old, o}
        return self

    def add_reference(self) -> Table:
        """The ontology, the schemes and the objectives: notations and titles the explorer shows."""
        for name in ONTOLOGY_FILES:
            self.add_terms(ox.parse(ontology_text(name), format=ox.RdfFormat.TURTLE))
        return self

    def values(self, p: str, s: str) -> list[str]:
        v = self.by[p].get(s)
        return [] if v is None else [v] if isinstance(v, str) else sorted(v)

    def opt(self, p: str, s: str) -> list[str | None]:
        """The values, or [None] when there is none (an OPTIONAL that binds nothing)."""
        return self.values(p, s) or [None]

    def path(self, s: str, *ps: str) -> list[str]:
        nodes = [s]
        for p in ps:
            nodes = [v for n in nodes for v in self.values(p, n)]
        return nodes

    def typed(self, cls: str) -> list[str]:
        if self._types is None:
            self._types = {}
            for s, v in self.by[TYPE].items():
                for c in [v] if isinstance(v, str) else v:
                    self._types.setdefault(c, []).append(s)
        return sorted(self._types.get(cls, ()))


def table_of(graph: Graph | Path) -> Table:
    """The table of an rdflib graph or dataset, or of a graph file, with the reference files."""
    table = Table()
    if isinstance(graph, Dataset):  # its named graphs merged
        for s, p, o, _ in graph.quads((None, None, None, None)):
            table.add(str(s), str(p), str(o))
        return table.add_reference()
    if isinstance(graph, Graph):
        for s, p, o in graph:
            table.add(str(s), str(p), str(o))
        return table.add_reference()
    path = Path(graph)
    if path.suffix.lower() not in _OX_FORMATS:
        return table_of(load_graph(path))
    fmt, name = _OX_FORMATS[path.suffix.lower()]
    if not path.is_file():
        raise GraphFileError(f"{path}: no such file")
    try:
        table.add_terms(ox.parse(path=path, format=fmt))
    except (SyntaxError, OSError, UnicodeDecodeError) as err:
        raise GraphFileError(f"{path}: not valid {name}: {err}") from err
    return table.add_reference()


def _rows(found: Iterable[Row]) -> list[Row]:
    """Distinct rows, unbound cells left out, in the order viz/data.py's SPARQL reading gave them."""
    rows = {tuple(sorted((k, v) for k, v in r.items() if v is not None)) for r in found}
    return [dict(r) for r in sorted(rows)]


def _combos(**columns: list[str | None]) -> Iterator[Row]:
    names = list(columns)
    for values in product(*columns.values()):
        yield dict(zip(names, values))


def actors(t: Table) -> list[Row]:
    return _rows({"id": a, **r} for a in t.typed(_GCM + "Actor") for r in _combos(
        label=t.opt(_SKOS + "prefLabel", a), kind=t.path(a, _GCM + "actorKind", _SKOS + "notation") or [None],
        alias=t.opt(_SKOS + "altLabel", a), same=t.opt("http://www.w3.org/2002/07/owl#sameAs", a)))


def meetings(t: Table) -> list[Row]:
    return _rows({"id": m, **r} for m in t.typed(_GCM + "Meeting") for r in _combos(
        label=t.opt(_SKOS + "prefLabel", m), series=t.path(m, _SCHEMA + "superEvent", _SKOS + "prefLabel") or [None],
        start=t.opt(_SCHEMA + "startDate", m), end=t.opt(_SCHEMA + "endDate", m),
        location=t.opt(_SCHEMA + "location", m), agenda=t.opt(_GCM + "agendaItem", m),
        ordinal=t.opt(_GCM + "ordinal", m)))


def documents(t: Table) -> list[Row]:
    return _rows({"id": d, **r} for d in t.typed(_GCM + "Document") for r in _combos(
        kind=t.path(d, _GCM + "documentKind", _SKOS + "notation") or [None], number=t.opt(_DCT + "identifier", d),
        date=t.opt(_DCT + "date", d), title=t.opt(_DCT + "title", d),
        file=t.path(d, _DCT + "source", _DCT + "identifier") or [None]))


def document_links(t: Table) -> list[Row]:
    docs = t.typed(_GCM + "Document")
    found = [{"from": a, "to": d, "type": "author"} for d in docs for a in t.values(_DCT + "creator", d)]
    found += [{"from": d, "to": a, "type": "addressee"} for d in docs for a in t.values(_SCHEMA + "recipient", d)]
    found += [{"from": d, "to": a, "type": "publisher"} for d in docs for a in t.values(_DCT + "publisher", d)]
    return _rows(found)


def attendance(t: Table) -> list[Row]:
    return _rows({"id": n, "from": a, "to": m, "value": v} for n in t.typed(_GCM + "Attendance")
                 for a in t.values(_GCM + "actor", n) for m in t.values(_GCM + "meeting", n)
                 for v in t.path(n, _GCM + "status", _SKOS + "notation") or [None])


def positions(t: Table) -> list[Row]:
    return _rows({"id": n, "from": h, "to": g, **r} for n in t.typed(_GCM + "Position")
                 for h in t.values(_GCM + "holder", n) for g in t.values(_GCM + "target", n) for r in _combos(
                     value=t.path(n, _GCM + "stance", _SKOS + "notation") or [None],
                     objective=t.path(n, _GCM + "objective", _SKOS + "notation") or [None],
                     date=t.opt(_DCT + "date", n)))


def targets(t: Table) -> list[Row]:
    kinds = {_GCM + "Objective", _GCM + "Paragraph", _GCM + "Instrument"}
    ids = {g for n in t.typed(_GCM + "Position") for g in t.values(_GCM + "target", n)}
    return _rows({"id": g, **r} for g in ids for r in _combos(
        type=[c for c in t.values(TYPE, g) if c in kinds] or [None], notation=t.opt(_SKOS + "notation", g),
        pref=t.opt(_SKOS + "prefLabel", g), label=t.opt(_RDFS + "label", g), title=t.opt(_DCT + "title", g)))


def roles(t: Table) -> list[Row]:
    return _rows({"id": m, "from": a, "to": r, "value": v} for m in t.typed(_ORG + "Membership")
                 for a in t.values(_ORG + "member", m) for r in t.values(_ORG + "role", m)
                 for v in t.opt(_RDFS + "label", r))


def memberships(t: Table) -> list[Row]:
    found = []
    for a in t.typed(_GCM + "Actor"):
        parties = t.values(_GCM + "party", a)
        found += [{"from": a, "to": p, "type": "party"} for p in parties]
        found += [{"from": a, "to": g, "type": "member"} for g in t.values(_ORG + "memberOf", a) if g not in parties]
    return _rows(found)


def evidence(t: Table) -> list[Row]:
    return _rows({"body": b, "file": f, "start": a, "end": e, "quote": q} for b, f, a, e, q in evidence_spans(t))


def _each(v: str | set[str] | None) -> Iterable[str]:
    """A table cell's values in no fixed order (Table.values sorts them)."""
    return () if v is None else (v,) if type(v) is str else v


def evidence_spans(t: Table) -> Iterator[tuple[str, str, str, str, str]]:
    """(body, file, start, end, quote) of every annotation, maybe repeated, in no fixed order: the rows of
    `evidence` without sorting them (the explorer files each under its body). A target's spans are worked
    out once: one span is often the evidence of several facts."""
    by = t.by
    types, has_target, has_body, selector, exact, start, end, source, identifier = (by[p] for p in (
        TYPE, _OA + "hasTarget", _OA + "hasBody", _OA + "hasSelector", _OA + "exact", _OA + "start", _OA + "end",
        _OA + "hasSource", _DCT + "identifier"))
    quote, position = _OA + "TextQuoteSelector", _OA + "TextPositionSelector"
    spans_of: dict[str, list[tuple[str, str, str, str]]] = {}
    for ann in t.typed(_OA + "Annotation"):
        for target in _each(has_target.get(ann)):
            spans = spans_of.get(target)
            if spans is None:
                selectors = list(_each(selector.get(target)))
                quotes = [q for s in selectors if quote in _each(types.get(s)) for q in _each(exact.get(s))]
                ends = [(a, b) for s in selectors if position in _each(types.get(s))
                        for a in _each(start.get(s)) for b in _each(end.get(s))]
                files = [f for src in _each(source.get(target)) for f in _each(identifier.get(src))]
                spans = spans_of[target] = [(f, a, b, q) for f, q, (a, b) in product(files, quotes, ends)]
            for body in _each(has_body.get(ann)):
                for span in spans:
                    yield (body, *span)


def source_files(t: Table) -> Iterator[tuple[str, str]]:
    """(node, file) for every node derived from a source file, in no fixed order: the rows of `sources`."""
    derived = t.by["http://www.w3.org/ns/prov#wasDerivedFrom"]
    for s in derived:
        for f in t.path(s, "http://www.w3.org/ns/prov#wasDerivedFrom", _DCT + "identifier"):
            yield s, f


def sources(t: Table) -> list[Row]:
    return _rows({"id": s, "file": f} for s, f in source_files(t))

"""The builder's unit: one triple as an N-Triples line, `<s> <p> <o>`, made from plain strings.

rdflib terms cost microseconds each and a corpus makes millions of triples, so
the builder (graph/build.py) writes lines instead: IRIs as `<iri>`, literals
escaped by pyoxigraph (`lit`), and rdf:type as `<\x01>` (TYPE_MARK), so that
a subject's type sorts before its other predicates; graph/write.py writes it
back in one replace over many lines, which is safe because pyoxigraph escapes
every control character in a literal and no IRI here may hold one. A file's lines are a set, so a triple stated twice is one line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import FOAF as _FOAF
from rdflib.namespace import ORG as _ORG
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import XSD as _XSD

from gcmkg.graph.iris import Iris
from gcmkg.graph.namespaces import GCM as _GCM
from gcmkg.graph.namespaces import OA as _OA
from gcmkg.graph.namespaces import SCHEMA as _SCHEMA


class Terms:
    """A closed namespace's terms as plain strings, each looked up (and checked) in the namespace once:
    rdflib's attribute look-up is slow, and the builder makes millions of triples."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value


DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, GCM, OA, SCHEMA = (
    Terms(ns) for ns in (_DCTERMS, _FOAF, _ORG, _OWL, _PROV, _RDF, _RDFS, _SKOS, _XSD, _GCM, _OA, _SCHEMA))

RDF_TYPE = RDF.type
TYPE_MARK = "<\x01>"  # rdf:type in a line: sorts before every other predicate; graph/write.py writes it back


class Lit(str):
    """A literal, already in N-Triples form."""


_ESCAPED = re.compile(r'[\x00-\x1f"\\\x7f\ufffe\uffff]')  # the characters pyoxigraph writes escaped


def lit(value: object, datatype: str | None = None) -> Lit:
    """An N-Triples literal; pyoxigraph does the escaping, if any is needed (most text needs none)."""
    text = str(value)
    quoted = str(ox.Literal(text)) if _ESCAPED.search(text) else f'"{text}"'
    return Lit(quoted if datatype is None else f"{quoted}^^<{datatype}>")


@dataclass
class Build:
    """State shared by all files of one build: labels to pick a canonical one, references to check."""

    iris: Iris
    files: dict[str, str | bytes] = field(default_factory=dict)  # source -> its sorted lines (maybe compressed)
    labels: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    described: set[str] = field(default_factory=set)
    refs: set[tuple[str, str, str, str]] = field(default_factory=set)  # (source, what, iri, key)


@dataclass
class FileLines:
    """One source file's lines, as they are made."""

    build: Build
    source: str
    src: str
    lines: set[str] = field(default_factory=set)

    @property
    def iris(self) -> Iris:
        return self.build.iris

    def add(self, s: str, p: str, o: str) -> None:
        """A triple; `o` is an IRI unless made with `lit`."""
        obj = o if type(o) is Lit else f"<{o}>"
        self.lines.add(f"<{s}> {TYPE_MARK if p == RDF_TYPE else f'<{p}>'} {obj}")

    def label(self, node: str, text: str) -> None:
        """rdfs:label now; the canonical skos:prefLabel is chosen once all files are in."""
        self.add(node, RDFS.label, lit(text))
        self.build.labels[node][text].add(self.source)

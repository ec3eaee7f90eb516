"""The ontology files shipped in gcmkg.ontology, loaded from the installed package, not a path."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from rdflib import Graph

ONTOLOGY_FILES = ("gcmkg.ttl", "vocabularies.ttl", "objectives.ttl")
SHAPES_FILE = "shapes.ttl"


def ontology_text(name: str) -> str:
    """The Turtle text of one file of gcmkg.ontology."""
    return files("gcmkg.ontology").joinpath(name).read_text(encoding="utf-8")


@cache
def _parsed(name: str) -> Graph:
    return Graph().parse(data=ontology_text(name), format="turtle")


def reference_graph() -> Graph:
    """Classes, properties, concept schemes and the compact's objectives: what data is read against.

    A fresh graph each call, so that a caller may add to it without changing the cache."""
    g = Graph()
    for name in ONTOLOGY_FILES:
        for triple in _parsed(name):
            g.add(triple)
    return g


def shapes_graph() -> Graph:
    """The SHACL shapes (a fresh copy)."""
    g = Graph()
    for triple in _parsed(SHAPES_FILE):
        g.add(triple)
    return g

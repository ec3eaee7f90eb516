"""viz/table.py answers the explorer's eleven questions as the SPARQL queries below (the explorer's former
reading, on pyoxigraph) answer them: the same rows on the seed graph, on a graph with several values per
predicate, and from Turtle, TriG and an rdflib graph alike."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from gcmkg.graph.build import build_dataset, merged_graph
from gcmkg.graph.query import load_store
from gcmkg.viz import table
from gcmkg.viz.table import Table, table_of
from test_graph_samples import sample_extractions

PREFIXES = """
PREFIX gcm: <https://w3id.org/gcmkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
ACTORS = """SELECT ?id ?label ?kind ?alias ?same WHERE { ?id a gcm:Actor .
  OPTIONAL { ?id skos:prefLabel ?label } OPTIONAL { ?id gcm:actorKind/skos:notation ?kind }
  OPTIONAL { ?id skos:altLabel ?alias } OPTIONAL { ?id owl:sameAs ?same } }"""
MEETINGS = """SELECT ?id ?label ?series ?start ?end ?location ?agenda ?ordinal WHERE { ?id a gcm:Meeting .
  OPTIONAL { ?id skos:prefLabel ?label } OPTIONAL { ?id schema:superEvent/skos:prefLabel ?series }
  OPTIONAL { ?id schema:startDate ?start } OPTIONAL { ?id schema:endDate ?end }
  OPTIONAL { ?id schema:location ?location } OPTIONAL { ?id gcm:agendaItem ?agenda }
  OPTIONAL { ?id gcm:ordinal ?ordinal } }"""
DOCUMENTS = """SELECT ?id ?kind ?number ?date ?title ?file WHERE { ?id a gcm:Document .
  OPTIONAL { ?id gcm:documentKind/skos:notation ?kind } OPTIONAL { ?id dcterms:identifier ?number }
  OPTIONAL { ?id dcterms:date ?date } OPTIONAL { ?id dcterms:title ?title }
  OPTIONAL { ?id dcterms:source/dcterms:identifier ?file } }"""
DOCUMENT_LINKS = """SELECT ?from ?to ?type WHERE {
  { ?to a gcm:Document ; dcterms:creator ?from . BIND("author" AS ?type) } UNION
  { ?from a gcm:Document ; schema:recipient ?to . BIND("addressee" AS ?type) } UNION
  { ?from a gcm:Document ; dcterms:publisher ?to . BIND("publisher" AS ?type) } }"""
ATTENDANCE = """SELECT ?id ?from ?to ?value WHERE { ?id a gcm:Attendance ; gcm:actor ?from ; gcm:meeting ?to .
  OPTIONAL { ?id gcm:status/skos:notation ?value } }"""
POSITIONS = """SELECT ?id ?from ?to ?value ?objective ?date WHERE { ?id a gcm:Position ; gcm:holder ?from ; gcm:target ?to .
  OPTIONAL { ?id gcm:stance/skos:notation ?value } OPTIONAL { ?id gcm:objective/skos:notation ?objective }
  OPTIONAL { ?id dcterms:date ?date } }"""
TARGETS = """SELECT ?id ?type ?notation ?pref ?label ?title WHERE { ?p a gcm:Position ; gcm:target ?id .
  OPTIONAL { ?id a ?type FILTER(?type IN (gcm:Objective, gcm:Paragraph, gcm:Instrument)) }
  OPTIONAL { ?id skos:notation ?notation } OPTIONAL { ?id skos:prefLabel ?pref }
  OPTIONAL { ?id rdfs:label ?label } OPTIONAL { ?id dcterms:title ?title } }"""
ROLES = """SELECT ?id ?from ?to ?value WHERE { ?id a org:Membership ; org:member ?from ; org:role ?to .
  OPTIONAL { ?to rdfs:label ?value } }"""
MEMBERSHIPS = """SELECT ?from ?to ?type WHERE { ?from a gcm:Actor .
  { ?from gcm:party ?to . BIND("party" AS ?type) } UNION
  { ?from org:memberOf ?to . FILTER NOT EXISTS { ?from gcm:party ?to } BIND("member" AS ?type) } }"""
EVIDENCE = """SELECT ?body ?file ?start ?end ?quote WHERE { ?ann a oa:Annotation ; oa:hasBody ?body ; oa:hasTarget ?t .
  ?t oa:hasSource/dcterms:identifier ?file ; oa:hasSelector ?q, ?p .
  ?q a oa:TextQuoteSelector ; oa:exact ?quote .
  ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }"""
SOURCES = """SELECT ?id ?file WHERE { ?id prov:wasDerivedFrom/dcterms:identifier ?file }"""

QUESTIONS = {table.actors: ACTORS, table.meetings: MEETINGS, table.documents: DOCUMENTS,
             table.document_links: DOCUMENT_LINKS, table.attendance: ATTENDANCE, table.positions: POSITIONS,
             table.targets: TARGETS, table.roles: ROLES, table.memberships: MEMBERSHIPS, table.evidence: EVIDENCE,
             table.sources: SOURCES}


def sparql_rows(store: ox.Store, query: str) -> set[tuple]:
    solutions = store.query(PREFIXES + query)
    names = [v.value for v in solutions.variables]
    return {tuple(sorted((n, s[n].value) for n in names if s[n] is not None)) for s in solutions}


def table_rows(rows: list[dict[str, str]]) -> set[tuple]:
    found = [tuple(sorted(r.items())) for r in rows]
    assert found == sorted(set(found)), "rows must be distinct and sorted"
    return set(found)


def assert_same_answers(t: Table, store: ox.Store) -> None:
    for question, query in QUESTIONS.items():
        assert table_rows(question(t)) == sparql_rows(store, query), question.__name__


def test_seed_graph_same_answers_as_sparql(seed_build) -> None:
    t = table_of(seed_build.ttl)
    assert_same_answers(t, seed_build.store)
    assert len(table.evidence(t)) > 500 and len(table.actors(t)) > 100
    for other in (table_of(seed_build.trig), table_of(merged_graph(seed_build.dataset))):
        for question in QUESTIONS:
            assert question(other) == question(t), question.__name__


def test_several_values_and_duplicates_give_the_sparql_rows() -> None:
    """Aliases, agenda items, two labels for one node, a triple stated twice: OPTIONALs multiply rows."""
    ds = build_dataset(sample_extractions())
    graph = merged_graph(ds)
    extra = ox.parse(
        '<https://w3id.org/gcmkg/actor/government/vlaamse-regering> <http://www.w3.org/2004/02/skos/core#prefLabel> "VR" .\n'
        '<https://w3id.org/gcmkg/actor/government/vlaamse-regering> <http://www.w3.org/2002/07/owl#sameAs> <http://example.org/a> .\n'
        '<https://w3id.org/gcmkg/actor/government/vlaamse-regering> <http://www.w3.org/2002/07/owl#sameAs> <http://example.org/b> .\n',
        format=ox.RdfFormat.N_TRIPLES)
    extra = list(extra)
    store = load_store(graph)
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in extra)
    t = table_of(graph)
    t.add_terms(extra)
    t.add_terms(extra)  # again: nothing changes
    assert_same_answers(t, store)


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_an_empty_graph_has_no_rows(question) -> None:
    assert question(Table().add_reference()) == []


def test_lines_give_the_table_their_parsed_triples_give() -> None:
    """Table.add_lines reads the builder's lines as add_terms reads pyoxigraph's parse of them, hostile text too."""
    import random

    from gcmkg.graph.build import graph_lines
    from gcmkg.graph.lines import RDFS, SKOS, lit
    from gcmkg.graph.write import _text

    rng = random.Random(7)
    alphabet = 'a"\\\n\r\t\x00\x01\x08\x0c\x1f\x7f\u2028\u00e9\U0001F600\' <>^@'
    nasty = ['', 'x\\u0041', '"', '\\', *("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
                                           for _ in range(300))]
    node = "https://w3id.org/gcmkg/actor/government/vlaamse-regering"
    lines = sorted({line for _, ls in graph_lines(sample_extractions()) for line in ls}
                   | {f"<{node}> <{p}> {lit(text)}" for text in nasty for p in (SKOS.altLabel, RDFS.label)}
                   | {f"<{node}> <{SKOS.notation}> {lit(text, 'http://example.org/dt')}" for text in nasty})
    from_lines = Table().add_lines(lines)
    from_terms = Table().add_terms(ox.parse(_text(lines), format=ox.RdfFormat.N_TRIPLES))
    assert from_lines.by == from_terms.by
    assert set(from_lines.values(SKOS.altLabel, node)) >= set(nasty) - {""}

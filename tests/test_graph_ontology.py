"""The ontology files, the namespaces as code, and SHACL: they agree with each other and with extract/models.py."""

from __future__ import annotations

import json
from importlib.resources import files

import pyoxigraph
import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from gcmkg.extract.models import ACTOR_KINDS, DOC_KINDS, STANCES, STATUSES
from gcmkg.graph.build import build_dataset, merged_graph
from gcmkg.graph.namespaces import (
    ACTORKIND,
    ACTORKIND_CLASS,
    ACTORKIND_SCHEME,
    BESLUIT,
    DOCKIND,
    DOCKIND_CLASS,
    DOCKIND_SCHEME,
    GCM,
    MANDAAT,
    OA,
    OBJECTIVE_SCHEME,
    SCHEMA,
    STANCE,
    STANCE_SCHEME,
    STATUS,
    STATUS_SCHEME,
    objective_iri,
    paragraph_iri,
)
from gcmkg.graph.reference import ONTOLOGY_FILES, SHAPES_FILE, ontology_text, reference_graph, shapes_graph
from gcmkg.graph.validate import validate
from test_graph_samples import sample_extractions

ALL_FILES = (*ONTOLOGY_FILES, SHAPES_FILE)


def parsed(name: str) -> Graph:
    return Graph().parse(data=ontology_text(name), format="turtle")


def declared_terms(ns: type) -> set[str]:
    return set(getattr(ns, "__annotations__", {}))


# ----------------------------------------------------------------- files and namespaces

@pytest.mark.parametrize("name", ALL_FILES)
def test_ontology_files_parse_in_rdflib_and_oxigraph(name: str) -> None:
    assert len(parsed(name)) > 20
    store = pyoxigraph.Store()
    store.load(ontology_text(name), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(parsed(name))


def test_every_gcm_term_in_the_turtle_is_declared_in_code_and_vice_versa() -> None:
    used = set()
    for name in ALL_FILES:
        for triple in parsed(name):
            used |= {str(t)[len(str(GCM)):] for t in triple if isinstance(t, URIRef) and str(t).startswith(str(GCM))}
    defined = {str(s)[len(str(GCM)):] for s in parsed("gcmkg.ttl").subjects(RDF.type, None) if str(s).startswith(str(GCM))}
    in_code = declared_terms(GCM)
    assert used - in_code == set(), "used in Turtle, missing in graph/namespaces.py GCM"
    assert in_code - defined == set(), "declared in code, not defined in ontology/gcmkg.ttl"


def test_every_gcm_term_has_an_english_label_and_comment() -> None:
    onto = parsed("gcmkg.ttl")
    for term in declared_terms(GCM):
        iri = GCM[term]
        assert any(lbl.language == "en" for lbl in onto.objects(iri, RDFS.label)), term
        assert any(c.language == "en" for c in onto.objects(iri, RDFS.comment)), term
        kinds = set(onto.objects(iri, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term


def test_closed_namespaces_catch_typos() -> None:
    with pytest.raises(AttributeError):
        GCM.Attendence  # noqa: B018
    with pytest.raises(AttributeError):
        OA.TextQuoteSelecter  # noqa: B018
    with pytest.raises(AttributeError):
        SCHEMA.startdate  # noqa: B018
    with pytest.raises(AttributeError):
        STATUS["not-invited"]
    assert GCM.Attendance == URIRef("https://w3id.org/gcmkg/ontology#Attendance")
    assert BESLUIT.Zitting == URIRef("http://data.vlaanderen.be/ns/besluit#Zitting")
    assert MANDAAT.Mandataris == URIRef("http://data.vlaanderen.be/ns/mandaat#Mandataris")


def test_reused_standard_terms_exist_in_their_vocabulary() -> None:
    """Terms of rdflib-shipped vocabularies used in the ontology files resolve in rdflib's closed namespaces."""
    from rdflib.namespace import FOAF, ORG, PROV, SH

    closed = {str(ns): ns for ns in (FOAF, ORG, PROV, DCTERMS, SKOS, OA, SCHEMA, BESLUIT, MANDAAT, SH)}
    for name in ALL_FILES:
        for triple in parsed(name):
            for t in triple:
                for base, ns in closed.items():
                    if isinstance(t, URIRef) and str(t).startswith(base) and str(t) != base:
                        ns[str(t)[len(base):]]  # raises AttributeError on a term the vocabulary lacks


# ----------------------------------------------------------------- vocabularies agree with models.py

@pytest.mark.parametrize(
    "scheme, ns, words",
    [(STATUS_SCHEME, STATUS, STATUSES), (STANCE_SCHEME, STANCE, STANCES),
     (DOCKIND_SCHEME, DOCKIND, DOC_KINDS), (ACTORKIND_SCHEME, ACTORKIND, ACTOR_KINDS)],
)
def test_scheme_notations_are_exactly_the_model_literals(scheme: URIRef, ns: type, words: tuple[str, ...]) -> None:
    vocab = parsed("vocabularies.ttl")
    concepts = set(vocab.subjects(SKOS.inScheme, scheme))
    assert {str(vocab.value(c, SKOS.notation)) for c in concepts} == set(words)
    assert concepts == {ns[w] for w in words}  # the concept IRIs are the closed namespace's terms
    assert declared_terms(ns) == set(words)
    assert set(vocab.objects(scheme, SKOS.hasTopConcept)) == concepts
    for c in concepts:
        assert vocab.value(c, SKOS.notation).datatype is None  # a plain string, as the queries return it
        assert {lbl.language for lbl in vocab.objects(c, SKOS.prefLabel)} == {"en", "nl"}


def test_kind_classes_cover_every_kind_and_are_declared() -> None:
    onto = parsed("gcmkg.ttl")
    assert set(DOCKIND_CLASS) == set(DOC_KINDS)
    assert set(ACTORKIND_CLASS) == set(ACTOR_KINDS)
    for cls in DOCKIND_CLASS.values():
        assert (cls, RDFS.subClassOf, GCM.Document) in onto
    for kind, cls in ACTORKIND_CLASS.items():
        assert kind == "person" or (cls, RDFS.subClassOf, GCM.Actor) in onto


def test_objectives_match_the_official_titles() -> None:
    titles = json.loads(files("gcmkg.extract.data").joinpath("gcm_objectives.json").read_text(encoding="utf-8"))
    titles = titles["objectives"]
    objectives = parsed("objectives.ttl")
    concepts = set(objectives.subjects(SKOS.inScheme, OBJECTIVE_SCHEME))
    assert concepts == {objective_iri(n) for n in range(1, 24)}
    for n in range(1, 24):
        iri = objective_iri(n)
        assert (iri, RDF.type, GCM.Objective) in objectives
        assert objectives.value(iri, SKOS.notation) == Literal(str(n))
        assert objectives.value(iri, SKOS.prefLabel) == Literal(titles[str(n)], lang="en")
        assert objectives.value(iri, SKOS.altLabel) == Literal(f"GCM objective {n}", lang="en")
        paragraph = objectives.value(iri, GCM.setOutIn)
        assert paragraph == paragraph_iri(str(n + 16))
        assert objectives.value(paragraph, SKOS.notation) == Literal(str(n + 16))
    with pytest.raises(ValueError):
        objective_iri(24)


# ----------------------------------------------------------------- SHACL

def test_shapes_are_valid_shacl() -> None:
    conforms, _, text = shacl_validate(Graph(), shacl_graph=shapes_graph(), meta_shacl=True)
    assert conforms, text


def test_reference_data_conforms_on_its_own() -> None:
    result = validate(Graph())
    assert result.conforms, result.violations


def test_sample_graph_conforms() -> None:
    result = validate(build_dataset(sample_extractions()))
    assert result.conforms, "\n".join(result.violations)
    assert result.warnings == []


def _broken(mutate) -> list[str]:
    g = merged_graph(build_dataset(sample_extractions()))
    mutate(g)
    result = validate(g)
    assert not result.conforms
    return result.violations


def _first(g: Graph, cls: URIRef) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def test_attendance_without_status_is_a_violation() -> None:
    def drop_status(g: Graph) -> None:
        g.remove((_first(g, GCM.Attendance), GCM.status, None))

    [violation] = _broken(drop_status)
    assert "/attendance/" in violation
    assert "an attendance needs exactly one status from the attendance-status scheme" in violation


def test_status_outside_the_scheme_is_a_violation() -> None:
    def bad_status(g: Graph) -> None:
        att = _first(g, GCM.Attendance)
        g.remove((att, GCM.status, None))
        g.add((att, GCM.status, URIRef("https://w3id.org/gcmkg/id/attendance-status/late")))

    violations = _broken(bad_status)
    assert any("not an attendance status" in v for v in violations)


def test_objective_outside_1_to_23_is_a_violation() -> None:
    def objective_24(g: Graph) -> None:
        pos = _first(g, GCM.Position)
        g.remove((pos, GCM.objective, None))
        g.add((pos, GCM.objective, URIRef("https://w3id.org/gcmkg/id/gcm/objective/24")))

    violations = _broken(objective_24)
    assert any("the objective is not one of GCM objectives 1..23" in v for v in violations)


def test_fact_without_evidence_is_a_violation() -> None:
    def drop_evidence(g: Graph) -> None:
        meeting = _first(g, GCM.Meeting)
        for ann in list(g.subjects(OA.hasBody, meeting)):
            g.remove((ann, None, None))

    violations = _broken(drop_evidence)
    assert any("no evidence annotation" in v and "/meeting/" in v for v in violations)


def test_selector_start_after_end_is_a_violation() -> None:
    def swap(g: Graph) -> None:
        sel = _first(g, OA.TextPositionSelector)
        start, end = g.value(sel, OA.start), g.value(sel, OA.end)
        g.set((sel, OA.start, end))
        g.set((sel, OA.end, start))

    violations = _broken(swap)
    assert any("not after its oa:end" in v for v in violations)


def test_date_of_the_wrong_type_is_a_violation() -> None:
    def string_date(g: Graph) -> None:
        meeting = _first(g, GCM.Meeting)
        g.set((meeting, SCHEMA.startDate, Literal("5 februari 2018")))

    violations = _broken(string_date)
    assert any("schema:startDate is not an xsd:date or xsd:gYearMonth" in v for v in violations)
    ok = merged_graph(build_dataset(sample_extractions()))
    month = URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth")  # rdflib's XSD only warns; pytest probes it
    ok.set((_first(ok, GCM.Meeting), SCHEMA.startDate, Literal("2018-02", datatype=month)))
    assert validate(ok).conforms


def test_actor_without_kind_and_dangling_reference_are_violations() -> None:
    def unkind(g: Graph) -> None:
        g.remove((URIRef("https://w3id.org/gcmkg/actor/party/open-vld"), GCM.actorKind, None))
        g.add((_first(g, GCM.Position), GCM.holder, URIRef("https://w3id.org/gcmkg/actor/person/nobody")))

    violations = _broken(unkind)
    assert any("open-vld" in v and "an actor needs a kind" in v for v in violations)
    assert any("person/nobody" in v and "an actor needs a label" in v for v in violations)
    assert any("a position needs exactly one holder" in v for v in violations)


def test_reference_graph_holds_ontology_schemes_and_objectives() -> None:
    ref = reference_graph()
    assert (GCM.Attendance, RDF.type, OWL.Class) in ref
    assert (STATUS.not_invited, SKOS.notation, Literal("not_invited")) in ref
    assert (objective_iri(23), GCM.setOutIn, paragraph_iri("39")) in ref
    ref.add((GCM.Attendance, RDFS.label, Literal("changed")))
    assert (GCM.Attendance, RDFS.label, Literal("changed")) not in reference_graph()  # a fresh copy each call

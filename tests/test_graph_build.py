"""graph.build and graph.io: golden graphs by isomorphism, one node per key, evidence, determinism, files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS

from gcmkg.extract.models import ActorFact, AttendanceFact, Extraction, MeetingFact, PositionFact
from gcmkg.graph.build import build_dataset, merged_graph
from gcmkg.graph.io import GraphFileError, load_dataset, load_graph, trig_bytes, turtle_bytes, write_graph_files
from gcmkg.graph.namespaces import GCM, GCM_INSTRUMENT, GCR_INSTRUMENT, OA, SCHEMA, STATUS, objective_iri, paragraph_iri
from test_graph_samples import A, B, ev, extraction_a, extraction_b, sample_extractions, seed_text

BASE = "https://w3id.org/gcmkg/"
VR = URIRef(BASE + "actor/government/vlaamse-regering")


def assert_isomorphic(actual: Graph, expected: Graph) -> None:
    """Compare graphs as graphs, not as text; on failure show what is missing and what is extra."""
    if to_isomorphic(actual) == to_isomorphic(expected):
        return
    _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
    lines = ["graphs differ"]
    lines += ["  missing: " + line for line in sorted(only_expected.serialize(format="nt").splitlines()) if line]
    lines += ["  extra:   " + line for line in sorted(only_actual.serialize(format="nt").splitlines()) if line]
    pytest.fail("\n".join(lines), pytrace=False)


def small_extraction() -> Extraction:
    """The attaché excused himself for the first CoorMulti: one actor, one meeting, one attendance."""
    return Extraction(
        source=A,
        sha256="a" * 64,
        actors=(ActorFact(key="person/attache-vlaamse-regering-eu", name="attaché Vlaamse Regering bij de EU",
                          kind="person",
                          evidence=(ev(A, "Vanuit die functie nam de attaché deel aan de Coormulti-vergaderingen"),)),),
        meetings=(MeetingFact(key="coormulti/2018-02-05", series="CoorMulti", label="eerste Coormulti-vergadering",
                              start="2018-02-05", evidence=(ev(A, "5 en 19 februari 2018"),)),),
        attendance=(AttendanceFact(meeting="coormulti/2018-02-05", actor="person/attache-vlaamse-regering-eu",
                                   status="excused",
                                   evidence=ev(A, "hij liet zich \nverontschuldigen voor de eerste Coormulti")),),
    )


# The IRIs are part of the contract (links into the graph must survive a rebuild), so they are spelled out.
GOLDEN_SMALL = """
@base <https://w3id.org/gcmkg/> .
@prefix gcm: <https://w3id.org/gcmkg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<source/000_6eb71012de38f66e.txt> a gcm:SourceFile ;
    dcterms:identifier "000_6eb71012de38f66e.txt" ;
    gcm:sha256 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" .

<actor/person/attache-vlaamse-regering-eu> a gcm:Actor, foaf:Person ;
    gcm:actorKind <https://w3id.org/gcmkg/id/actor-kind/person> ;
    rdfs:label "attaché Vlaamse Regering bij de EU" ;
    skos:prefLabel "attaché Vlaamse Regering bij de EU" ;
    foaf:name "attaché Vlaamse Regering bij de EU" ;
    prov:wasDerivedFrom <source/000_6eb71012de38f66e.txt> .

<meeting/coormulti/2018-02-05> a gcm:Meeting ;
    rdfs:label "eerste Coormulti-vergadering" ;
    skos:prefLabel "eerste Coormulti-vergadering" ;
    schema:superEvent <series/coormulti> ;
    schema:startDate "2018-02-05"^^xsd:date ;
    prov:wasDerivedFrom <source/000_6eb71012de38f66e.txt> .

<series/coormulti> a gcm:MeetingSeries ;
    rdfs:label "CoorMulti" ;
    skos:prefLabel "CoorMulti" ;
    prov:wasDerivedFrom <source/000_6eb71012de38f66e.txt> .

<attendance/51fdd7404bf80e55> a gcm:Attendance ;
    gcm:meeting <meeting/coormulti/2018-02-05> ;
    gcm:actor <actor/person/attache-vlaamse-regering-eu> ;
    gcm:status <https://w3id.org/gcmkg/id/attendance-status/excused> ;
    prov:wasDerivedFrom <source/000_6eb71012de38f66e.txt> .

<annotation/033f7366ee35f8c4> a oa:Annotation ;
    oa:hasBody <attendance/51fdd7404bf80e55> ;
    oa:hasTarget <evidence/fb36fa50ec0a55fa> .
<evidence/fb36fa50ec0a55fa> a oa:SpecificResource ;
    oa:hasSource <source/000_6eb71012de38f66e.txt> ;
    oa:hasSelector <evidence/fb36fa50ec0a55fa/quote>, <evidence/fb36fa50ec0a55fa/position> .
<evidence/fb36fa50ec0a55fa/quote> a oa:TextQuoteSelector ;
    oa:exact "hij liet zich \\nverontschuldigen voor de eerste Coormulti" .
<evidence/fb36fa50ec0a55fa/position> a oa:TextPositionSelector ;
    oa:start "10790"^^xsd:nonNegativeInteger ;
    oa:end "10846"^^xsd:nonNegativeInteger .

<annotation/0f09dd6a03efbbad> a oa:Annotation ;
    oa:hasBody <meeting/coormulti/2018-02-05> ;
    oa:hasTarget <evidence/d2205e26404a63f0> .
<evidence/d2205e26404a63f0> a oa:SpecificResource ;
    oa:hasSource <source/000_6eb71012de38f66e.txt> ;
    oa:hasSelector <evidence/d2205e26404a63f0/quote>, <evidence/d2205e26404a63f0/position> .
<evidence/d2205e26404a63f0/quote> a oa:TextQuoteSelector ; oa:exact "5 en 19 februari 2018" .
<evidence/d2205e26404a63f0/position> a oa:TextPositionSelector ;
    oa:start "8404"^^xsd:nonNegativeInteger ;
    oa:end "8425"^^xsd:nonNegativeInteger .

<annotation/830c9dbd886ee199> a oa:Annotation ;
    oa:hasBody <actor/person/attache-vlaamse-regering-eu> ;
    oa:hasTarget <evidence/a1e7e23a2d50989b> .
<evidence/a1e7e23a2d50989b> a oa:SpecificResource ;
    oa:hasSource <source/000_6eb71012de38f66e.txt> ;
    oa:hasSelector <evidence/a1e7e23a2d50989b/quote>, <evidence/a1e7e23a2d50989b/position> .
<evidence/a1e7e23a2d50989b/quote> a oa:TextQuoteSelector ;
    oa:exact "Vanuit die functie nam de attaché deel aan de Coormulti-vergaderingen" .
<evidence/a1e7e23a2d50989b/position> a oa:TextPositionSelector ;
    oa:start "10719"^^xsd:nonNegativeInteger ;
    oa:end "10788"^^xsd:nonNegativeInteger .
"""


def test_small_extraction_gives_the_golden_graph() -> None:
    ds = build_dataset([small_extraction()])
    assert_isomorphic(merged_graph(ds), Graph().parse(data=GOLDEN_SMALL, format="turtle"))
    # ... all of it in the named graph of the file that states it
    assert_isomorphic(ds.graph(URIRef(BASE + "graph/" + A)), Graph().parse(data=GOLDEN_SMALL, format="turtle"))


def test_assert_isomorphic_reports_missing_and_extra_triples() -> None:
    g = Graph().parse(data=GOLDEN_SMALL, format="turtle")
    h = Graph().parse(data=GOLDEN_SMALL.replace('"CoorMulti"', '"Coormulti"'), format="turtle")
    with pytest.raises(pytest.fail.Exception) as err:
        assert_isomorphic(h, g)
    assert 'missing: <https://w3id.org/gcmkg/series/coormulti> <http://www.w3.org/2000/01/rdf-schema#label> "CoorMulti"' in str(err.value)
    assert "extra:" in str(err.value)


def test_same_key_from_two_files_is_one_iri_with_facts_from_each() -> None:
    ds = build_dataset(sample_extractions())
    merged = merged_graph(ds)
    actors = {s for s in merged.subjects(RDF.type, GCM.Actor) if "vlaamse-regering" in s and "attache" not in s}
    assert actors == {VR}
    assert set(merged.objects(VR, RDFS.label)) == {Literal("Vlaamse Regering"), Literal("Vlaamse regering")}
    assert set(merged.objects(VR, SKOS.prefLabel)) == {Literal("Vlaamse Regering")}  # exactly one
    assert set(merged.objects(VR, PROV.wasDerivedFrom)) == {URIRef(BASE + "source/" + A), URIRef(BASE + "source/" + B)}
    # each file's words stay in that file's named graph
    graph_a, graph_b = ds.graph(URIRef(BASE + "graph/" + A)), ds.graph(URIRef(BASE + "graph/" + B))
    assert set(graph_a.objects(VR, RDFS.label)) == {Literal("Vlaamse Regering")}
    assert set(graph_b.objects(VR, RDFS.label)) == {Literal("Vlaamse regering")}
    # members from both files point at the same node
    assert {s for s in merged.subjects(ORG.memberOf, VR)} == {
        URIRef(BASE + "actor/person/geert-bourgeois"),
        URIRef(BASE + "actor/person/attache-vlaamse-regering-eu"),
        URIRef(BASE + "actor/person/bart-somers"),
    }


def test_one_named_graph_per_source_file() -> None:
    ds = build_dataset(sample_extractions())
    named = {g.identifier for g in ds.graphs() if len(g)}
    assert named == {URIRef(BASE + "graph/" + A), URIRef(BASE + "graph/" + B)}


def test_no_blank_nodes_anywhere() -> None:
    for s, p, o, g in build_dataset(sample_extractions()).quads((None, None, None, None)):
        assert not any(isinstance(t, BNode) for t in (s, p, o, g)), (s, p, o, g)


def test_every_fact_has_evidence_and_every_quote_is_the_source_text() -> None:
    merged = merged_graph(build_dataset(sample_extractions()))
    facts = set()
    for cls in (GCM.Document, GCM.Actor, GCM.Meeting, GCM.Attendance, GCM.Position, GCM.Flag, ORG.Membership):
        facts |= set(merged.subjects(RDF.type, cls))
    assert len(facts) > 20
    for fact in facts:
        annotations = list(merged.subjects(OA.hasBody, fact))
        assert annotations, f"{fact} has no evidence"
        for ann in annotations:
            target = merged.value(ann, OA.hasTarget)
            source = str(merged.value(merged.value(target, OA.hasSource), DCTERMS.identifier))
            selectors = {merged.value(s, RDF.type): s for s in merged.objects(target, OA.hasSelector)}
            quote = str(merged.value(selectors[OA.TextQuoteSelector], OA.exact))
            start = merged.value(selectors[OA.TextPositionSelector], OA.start).toPython()
            end = merged.value(selectors[OA.TextPositionSelector], OA.end).toPython()
            assert seed_text(source)[start:end] == quote


def test_roles_party_same_as_and_the_present_shortcut() -> None:
    merged = merged_graph(build_dataset(sample_extractions()))
    dewael = URIRef(BASE + "actor/person/patrick-dewael")
    party = URIRef(BASE + "actor/party/open-vld")
    assert (dewael, GCM.party, party) in merged and (dewael, ORG.memberOf, party) in merged
    [membership] = merged.subjects(ORG.member, dewael)
    assert merged.value(merged.value(membership, ORG.role), RDFS.label) == Literal("Open VLD-fractievoorzitter in de Kamer")
    bourgeois = URIRef(BASE + "actor/person/geert-bourgeois")
    assert (bourgeois, OWL.sameAs, URIRef("https://example.org/id/geert-bourgeois")) in merged
    imc = URIRef(BASE + "meeting/imc-migratie-integratie/2022-03-01")
    assert set(merged.objects(imc, SCHEMA.attendee)) == {
        URIRef(BASE + "actor/person/bart-somers"), URIRef(BASE + "actor/person/sammy-mahdi")}
    # excused and not invited are no attendees
    assert not list(merged.objects(URIRef(BASE + "meeting/coormulti/2018-02-05"), SCHEMA.attendee))
    assert len(list(merged.subjects(GCM.status, STATUS.excused))) == 1


def _position(target: str, objective: int | None = None, paragraph: str | None = None) -> Extraction:
    ex = extraction_a()
    pos = PositionFact(holder="government/vlaamse-regering", target=target, objective=objective,
                       paragraph=paragraph, stance="conditional", evidence=ev(A, "in lijn met"))
    return ex.model_copy(update={"positions": (pos,), "flags": ()})


def _only_position(merged: Graph) -> URIRef:
    [pos] = merged.subjects(RDF.type, GCM.Position)
    return pos


def test_targets_gcm_gcr_objective_paragraph_and_other_instruments() -> None:
    merged = merged_graph(build_dataset([_position("GCM")]))
    assert merged.value(_only_position(merged), GCM.target) == GCM_INSTRUMENT
    merged = merged_graph(build_dataset([_position("Global Compact on Refugees")]))
    assert merged.value(_only_position(merged), GCM.target) == GCR_INSTRUMENT
    merged = merged_graph(build_dataset([_position("GCM objective 16")]))  # objective left out: implied
    assert merged.value(_only_position(merged), GCM.target) == objective_iri(16)
    assert merged.value(_only_position(merged), GCM.objective) == objective_iri(16)

    merged = merged_graph(build_dataset([_position("GCM paragraph 33c", paragraph="33c")]))
    pos = _only_position(merged)
    assert merged.value(pos, GCM.target) == paragraph_iri("33c")
    assert merged.value(pos, GCM.objective) == objective_iri(17)  # paragraph 33 holds objective 17
    assert merged.value(paragraph_iri("33c"), DCTERMS.isPartOf) == paragraph_iri("33")
    assert merged.value(paragraph_iri("33c"), RDFS.label) == Literal("GCM paragraph 33c")

    merged = merged_graph(build_dataset([_position("Vluchtelingenverdrag van Genève")]))
    target = merged.value(_only_position(merged), GCM.target)
    assert target == URIRef(BASE + "instrument/vluchtelingenverdrag-van-geneve")
    assert (target, RDF.type, GCM.Instrument) in merged
    assert merged.value(target, SKOS.prefLabel) == Literal("Vluchtelingenverdrag van Genève")


def test_contradicting_objective_and_dangling_keys_become_flags() -> None:
    merged = merged_graph(build_dataset([_position("GCM objective 16", objective=15)]))
    messages = {str(m) for m in merged.objects(None, RDFS.comment)}
    assert "position target 'GCM objective 16' implies objective 16, not 15" in messages
    b = extraction_b().model_copy(update={"actors": extraction_b().actors[1:]})  # no Vlaamse regering in B
    b = b.model_copy(update={"positions": (PositionFact(holder="person/nobody", target="GCM", stance="oppose",
                                                        evidence=ev(B, "BART SOMERS")),)})
    merged = merged_graph(build_dataset([b]))
    messages = {str(m) for m in merged.objects(None, RDFS.comment)}
    assert "actor person/nobody is referred to, but no source file describes it" in messages
    assert "actor government/vlaamse-regering is referred to, but no source file describes it" in messages


def test_keys_that_break_the_contract_are_flagged_and_still_give_valid_iris() -> None:
    """One bad key must not sink a corpus build: it gets a percent-encoded IRI and a flag."""
    ex = extraction_a().model_copy(update={"attendance": (AttendanceFact(
        meeting="CoorMulti 5 februari", actor="international_organisation/eu", status="present",
        evidence=ev(A, "CHRIS JANSSENS")),)})
    merged = merged_graph(build_dataset([ex]))
    [att] = merged.subjects(RDF.type, GCM.Attendance)
    assert merged.value(att, GCM.meeting) == URIRef(BASE + "meeting/CoorMulti%205%20februari")
    assert merged.value(att, GCM.actor) == URIRef(BASE + "actor/international_organisation/eu")
    messages = {str(m) for m in merged.objects(None, RDFS.comment)}
    assert "meeting key 'CoorMulti 5 februari' does not match [a-z0-9-]+(/[a-z0-9-]+)*" in messages
    assert "actor key 'international_organisation/eu' does not match [a-z0-9-]+(/[a-z0-9-]+)*" in messages


def test_base_iri_is_configurable() -> None:
    ds = build_dataset(sample_extractions(), base_iri="http://example.org/kg/")
    merged = merged_graph(ds)
    assert (URIRef("http://example.org/kg/actor/government/vlaamse-regering"), RDF.type, GCM.Actor) in merged
    assert not [s for s in merged.subjects() if str(s).startswith(BASE) and "/id/" not in str(s)]


# ----------------------------------------------------------------- determinism and files

def test_same_input_gives_byte_identical_files(tmp_path: Path) -> None:
    first = write_graph_files(build_dataset(sample_extractions()), tmp_path / "one")
    second = write_graph_files(build_dataset(list(reversed(sample_extractions()))), tmp_path / "two")
    assert set(first) == {"ttl", "trig"}
    for kind in first:
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == ["graph.trig", "graph.ttl"]  # no temp files left
    umask = os.umask(0)
    os.umask(umask)
    assert first["ttl"].stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


_BUILD_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from test_graph_samples import sample_extractions
from gcmkg.graph.build import build_dataset, merged_graph
from gcmkg.graph.io import trig_bytes, turtle_bytes
ds = build_dataset(sample_extractions())
sys.stdout.buffer.write(turtle_bytes(merged_graph(ds)) + b"\\n#####\\n" + trig_bytes(ds))
"""


def test_byte_identical_across_processes_with_different_hash_seeds() -> None:
    script = _BUILD_SCRIPT.format(tests=str(Path(__file__).parent))
    outputs = []
    for seed in ("1", "2", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.append(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, check=True).stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    ds = build_dataset(sample_extractions())
    assert outputs[0] == turtle_bytes(merged_graph(ds)) + b"\n#####\n" + trig_bytes(ds)


def test_files_load_back_to_the_same_graphs(tmp_path: Path) -> None:
    ds = build_dataset(sample_extractions())
    paths = write_graph_files(ds, tmp_path)
    assert_isomorphic(load_graph(paths["ttl"]), merged_graph(ds))
    assert_isomorphic(load_graph(paths["trig"]), merged_graph(ds))
    loaded = load_dataset(paths["trig"])
    for name in (A, B):
        iri = URIRef(BASE + "graph/" + name)
        assert_isomorphic(loaded.graph(iri), ds.graph(iri))


def test_load_graph_names_the_file_and_the_reason(tmp_path: Path) -> None:
    missing = tmp_path / "nope.ttl"
    with pytest.raises(GraphFileError, match=r"nope\.ttl: no such file"):
        load_graph(missing)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"broken\.ttl: not valid turtle"):
        load_graph(broken)
    with pytest.raises(GraphFileError, match=r"graph\.xlsx: unknown graph file type"):
        load_graph(tmp_path / "graph.xlsx")


def test_atomic_write_keeps_the_old_file_when_serialising_fails(tmp_path: Path, monkeypatch) -> None:
    ds = build_dataset(sample_extractions())
    paths = write_graph_files(ds, tmp_path)
    before = paths["ttl"].read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError, match="disk full"):
        write_graph_files(build_dataset([small_extraction()]), tmp_path)
    assert paths["ttl"].read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "graph.ttl"]


def test_trig_keeps_named_graphs_in_iri_order() -> None:
    text = trig_bytes(build_dataset(sample_extractions())).decode("utf-8")
    assert text.index(f"<{BASE}graph/{A}>") < text.index(f"<{BASE}graph/{B}>")
    store = pyoxigraph.Store()  # a second parser agrees it is valid TriG
    store.load(text, format=pyoxigraph.RdfFormat.TRIG)
    assert {q.graph_name.value for q in store} == {BASE + "graph/" + A, BASE + "graph/" + B}

"""gcmkg export (formats, base IRI, VoID + DCAT-AP), gcmkg build --base-iri, and the ontology reference in docs/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, VOID
from typer.testing import CliRunner

from gcmkg.cli import app
from gcmkg.graph.build import merged_graph
from gcmkg.graph.docs import ontology_markdown
from gcmkg.graph.export import EXPORT_FORMATS, DatasetInfo, export_graph, graph_base
from gcmkg.graph.io import load_dataset, load_graph
from gcmkg.graph.iris import DEFAULT_BASE
from gcmkg.graph.namespaces import GCM
from gcmkg.graph.query import query_names, run_query, sort_rows

ROOT = Path(__file__).parent.parent
NEW_BASE = "https://data.example.org/gcm/"
PARSE = {"turtle": "turtle", "trig": "trig", "nt": "nt", "jsonld": "json-ld"}
SUFFIX = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "jsonld": ".jsonld"}
runner = CliRunner()


@pytest.fixture(scope="module")
def exported(seed_build, tmp_path_factory) -> dict[str, Path]:
    """Each format exported once from graph.trig, the data moved under NEW_BASE."""
    out = tmp_path_factory.mktemp("export")
    info = DatasetInfo(endpoint="https://data.example.org/sparql", download_url="https://data.example.org/gcm.ttl")
    return {fmt: export_graph(seed_build.trig, fmt, out / fmt / f"gcmkg{SUFFIX[fmt]}", NEW_BASE, info).out
            for fmt in EXPORT_FORMATS}


def _moved(graph: Graph) -> set:
    return {tuple(URIRef(NEW_BASE + t[len(DEFAULT_BASE):]) if isinstance(t, URIRef) and str(t).startswith(DEFAULT_BASE)
                  and not str(t).startswith((DEFAULT_BASE + "ontology", DEFAULT_BASE + "id/")) else t for t in triple)
            for triple in graph}


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_reads_back_as_the_same_graph_under_the_new_base(seed_build, exported, fmt: str) -> None:
    original = load_graph(seed_build.trig)
    if fmt == "trig":
        back = merged_graph(load_dataset(exported[fmt]))
    else:
        back = Graph().parse(exported[fmt], format=PARSE[fmt])
    assert set(back) == _moved(original)
    assert graph_base(back) == NEW_BASE
    texts = exported[fmt].read_text(encoding="utf-8")
    assert DEFAULT_BASE + "actor/" not in texts and NEW_BASE + "actor/" in texts
    assert "https://w3id.org/gcmkg/ontology#" in texts or "gcm:" in texts  # the vocabulary keeps its IRIs


def test_trig_keeps_one_named_graph_per_source_file(seed_build, exported) -> None:
    names = sorted(str(g.identifier) for g in load_dataset(exported["trig"]).graphs() if len(g))
    sources = sorted(str(g.identifier) for g in load_dataset(seed_build.trig).graphs() if len(g))
    assert names == [s.replace(DEFAULT_BASE, NEW_BASE) for s in sources]
    assert len(names) == 5


def test_queries_on_the_exported_graph_give_the_same_rows_with_the_new_iris(seed_build, exported) -> None:
    for name in query_names():
        local = run_query(name, None, store=seed_build.store)
        moved = [{k: v.replace(DEFAULT_BASE, NEW_BASE) if not v.startswith((DEFAULT_BASE + "id/",)) else v
                  for k, v in row.items()} for row in local]
        assert run_query(name, exported["turtle"]) == sort_rows(moved), name


def test_jsonld_has_its_context_inline_and_in_a_file(exported) -> None:
    doc = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    context = json.loads((exported["jsonld"].parent / "context.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == context["@context"]
    assert context["@context"]["gcm"] == "https://w3id.org/gcmkg/ontology#"
    ids = [n["@id"] for n in doc["@graph"]]
    assert ids == sorted(ids) and any(i.startswith(NEW_BASE + "actor/") for i in ids)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_exports_are_byte_identical_for_the_same_input(seed_build, exported, fmt: str, tmp_path: Path) -> None:
    info = DatasetInfo(endpoint="https://data.example.org/sparql", download_url="https://data.example.org/gcm.ttl")
    again = export_graph(seed_build.trig, fmt, tmp_path / f"gcmkg{SUFFIX[fmt]}", NEW_BASE, info)
    assert again.out.read_bytes() == exported[fmt].read_bytes()
    assert again.description.read_bytes() == (exported[fmt].parent / "void.ttl").read_bytes()


def test_void_and_dcat_describe_the_dataset(seed_build, exported) -> None:
    g = Graph().parse(exported["turtle"].parent / "void.ttl")
    ds = URIRef(NEW_BASE + "dataset")
    assert (ds, RDF.type, VOID.Dataset) in g and (ds, RDF.type, DCAT.Dataset) in g
    data = load_graph(seed_build.trig)
    assert g.value(ds, VOID.triples).toPython() == len(data)
    assert str(g.value(ds, DCTERMS.title)) and str(g.value(ds, DCTERMS.description))  # DCAT-AP: mandatory
    assert g.value(ds, DCTERMS.license) == URIRef("http://creativecommons.org/licenses/by/4.0/")
    assert str(g.value(g.value(ds, DCTERMS.publisher), FOAF.name)) == "gcmkg"
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef("https://data.example.org/sparql")
    assert g.value(ds, VOID.uriSpace) == Literal(NEW_BASE)
    dist = g.value(ds, DCAT.distribution)
    assert g.value(dist, DCAT.accessURL) and g.value(dist, DCAT.downloadURL) == URIRef("https://data.example.org/gcm.ttl")
    assert str(g.value(dist, DCTERMS.format)).endswith("/file-type/RDF_TURTLE")
    examples = set(g.objects(ds, VOID.exampleResource))
    assert len(examples) == 4 and all((e, None, None) in _moved_graph(data) for e in examples)
    meetings = {r["meeting"] for r in run_query("meetings", None, store=seed_build.store)}
    partition = URIRef(NEW_BASE + "dataset/class/Meeting")
    assert g.value(partition, VOID["class"]) == GCM.Meeting
    assert g.value(partition, VOID.entities).toPython() == len(meetings)
    service = next(g.subjects(RDF.type, DCAT.DataService))
    assert g.value(service, DCAT.endpointURL) == URIRef("https://data.example.org/sparql")


def _moved_graph(graph: Graph) -> Graph:
    g = Graph()
    for t in _moved(graph):
        g.add(t)
    return g


def test_cli_export_and_its_errors(seed_build, tmp_path: Path) -> None:
    out = tmp_path / "portal" / "gcmkg.nt"
    result = runner.invoke(app, ["export", "--graph", str(seed_build.ttl), "--format", "nt", "--out", str(out),
                                 "--publisher", "Research group X", "--title", "GCM graph"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(load_graph(seed_build.ttl))
    void = Graph().parse(out.parent / "void.ttl")
    assert str(void.value(URIRef(DEFAULT_BASE + "dataset"), DCTERMS.title)) == "GCM graph"
    assert "Research group X" in {str(o) for o in void.objects(None, FOAF.name)}
    for args, message in [(["--format", "xml"], "--format xml: use turtle, trig, nt, jsonld"),
                          (["--base-iri", "https://x.org/kg"], "--base-iri https://x.org/kg: must end with / or #")]:
        bad = runner.invoke(app, ["export", "--graph", str(seed_build.ttl), "--out", str(out), *args])
        assert bad.exit_code == 2 and f"Error: {message}" in bad.output
    missing = runner.invoke(app, ["export", "--graph", str(tmp_path / "none.ttl"), "--out", str(out)])
    assert missing.exit_code == 2 and "none.ttl: no such file" in missing.output


def test_build_base_iri(tmp_path: Path) -> None:
    seed = ROOT / "seeds" / "003_622f5c5420c89e62.txt"
    result = runner.invoke(app, ["build", str(seed), "--out", str(tmp_path), "--base-iri", NEW_BASE])
    assert result.exit_code == 0, result.output
    g = load_graph(tmp_path / "graph.ttl")
    assert graph_base(g) == NEW_BASE
    rows = run_query("attendance", tmp_path / "graph.ttl")
    assert rows and all(r["meeting"].startswith(NEW_BASE + "meeting/") for r in rows)
    bad = runner.invoke(app, ["build", str(seed), "--out", str(tmp_path), "--base-iri", "https://x.org/kg"])
    assert bad.exit_code == 2 and "must end with / or #" in bad.output
    bad = runner.invoke(app, ["build", str(seed), "--out", str(tmp_path), "--base-iri", "my graph/"])
    assert bad.exit_code == 2 and bad.output.strip() == "Error: --base-iri my graph/: not an absolute IRI, e.g. https://data.example.org/gcm/"


def test_checked_in_ontology_reference_is_up_to_date() -> None:
    checked_in = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert checked_in == ontology_markdown(), "docs/ontology.md is stale: run `gcmkg docs` and commit it"


def test_ontology_reference_covers_every_class_property_and_objective() -> None:
    text = ontology_markdown()
    graph = Dataset()
    for name in ("gcmkg.ttl",):
        graph.parse(ROOT / "ontology" / name)
    for cls in graph.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")):
        if str(cls).startswith(str(GCM._NS)):
            assert f"### `gcm:{str(cls).split('#')[1]}`" in text
    assert "| 23 | Strengthen international cooperation and global partnerships" in text
    assert "| `not_invited` |" in text and "### `gcmsh:Attendance` (for `gcm:Attendance`)" in text


def test_cli_docs_writes_the_reference(tmp_path: Path) -> None:
    result = runner.invoke(app, ["docs", "--out", str(tmp_path / "ontology.md")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ontology.md").read_text(encoding="utf-8") == ontology_markdown()

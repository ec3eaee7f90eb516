"""graph.query: the five competency queries and their JSON contract (exact keys, order, string values)."""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from pathlib import Path

import pytest

from gcmkg.extract.models import STANCES, STATUSES, DocumentFact
from gcmkg.graph.build import build_dataset, merged_graph
from gcmkg.graph.io import GraphFileError, write_graph_files
from gcmkg.graph.query import (
    QueryError,
    format_rows,
    load_store,
    query_description,
    query_names,
    run_query,
    sort_rows,
)
from test_graph_samples import A, B, ev, extraction_a, extraction_b, sample_extractions

BASE = "https://w3id.org/gcmkg/"
COLUMNS = {
    "documents": ["document", "kind", "number", "date", "title", "authors", "addressees", "source"],
    "actors": ["actor", "label", "kind", "roles", "party", "same_as", "source"],
    "meetings": ["meeting", "label", "series", "start", "end", "location", "source"],
    "attendance": ["meeting", "meeting_label", "series", "start", "actor", "actor_label", "status", "source", "evidence"],
    "positions": ["holder", "holder_label", "target", "target_label", "objective", "stance", "date", "source", "evidence"],
}


@pytest.fixture(scope="module")
def dataset():
    return build_dataset(sample_extractions())


@pytest.fixture(scope="module")
def rows(dataset) -> dict[str, list[dict[str, str]]]:
    store = load_store(dataset)
    return {name: run_query(name, dataset, store=store) for name in COLUMNS}


def test_the_five_queries_are_shipped_with_a_leading_comment() -> None:
    assert set(COLUMNS) <= set(query_names())  # more named queries: tests/test_queries_named.py
    for name in COLUMNS:
        text = files("gcmkg.graph.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")
        assert text.startswith(f"# {name}: ")
        assert query_description(name).startswith(f"{name}: ")


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_json_contract(name: str, rows) -> None:
    parsed = json.loads(format_rows(rows[name], "json"))
    assert isinstance(parsed, list) and parsed
    for row in parsed:
        assert list(row) == COLUMNS[name]  # exactly these keys, in this order
        assert all(isinstance(v, str) for v in row.values())  # never null, never a number
        assert row["source"] in (A, B)
    assert parsed == sort_rows(parsed)  # deterministic order


def test_documents(rows) -> None:
    assert rows["documents"] == [
        {"document": BASE + "document/vlaams-parlement/sv/2018-85", "kind": "written_question", "number": "85",
         "date": "2018-12-07", "title": "VN-migratiepact - CoorMulti-vergaderingen", "authors": "Chris Janssens",
         "addressees": "Geert Bourgeois", "source": A},
        {"document": BASE + "document/vlaams-parlement/sv/2022-181", "kind": "answer", "number": "181",
         "date": "", "title": "", "authors": "Bart Somers", "addressees": "Sam Van Rooy", "source": B},
    ]


def test_actors_one_row_per_actor_per_source_with_that_sources_roles(rows) -> None:
    by_key = {(r["actor"].removeprefix(BASE + "actor/"), r["source"]): r for r in rows["actors"]}
    assert ("government/vlaamse-regering", A) in by_key and ("government/vlaamse-regering", B) in by_key
    assert by_key[("government/vlaamse-regering", B)]["label"] == "Vlaamse Regering"  # the one canonical label
    assert by_key[("person/patrick-dewael", A)] == {
        "actor": BASE + "actor/person/patrick-dewael", "label": "Patrick Dewael", "kind": "person",
        "roles": "Open VLD-fractievoorzitter in de Kamer", "party": "Open VLD", "same_as": "", "source": A}
    assert by_key[("person/geert-bourgeois", A)]["same_as"] == "https://example.org/id/geert-bourgeois"
    assert len(rows["actors"]) == 12


def test_roles_are_per_source_and_multiple_values_are_sorted_and_joined() -> None:
    a = extraction_a()
    bourgeois = a.actors[0].model_copy(update={"roles": ("Vlaams minister van Buitenlands Beleid", "minister-president")})
    b = extraction_b()
    b = b.model_copy(update={"actors": (*b.actors, bourgeois.model_copy(update={
        "roles": ("gewezen minister-president",), "evidence": (ev(B, "Minister-president"),)}))})
    a = a.model_copy(update={"actors": (bourgeois, *a.actors[1:]), "documents": (a.documents[0].model_copy(
        update={"authors": ("person/patrick-dewael", "person/chris-janssens")}),)})
    rows = run_query("actors", build_dataset([a, b]))
    roles = {r["source"]: r["roles"] for r in rows if r["actor"].endswith("geert-bourgeois")}
    assert roles == {A: "Vlaams minister van Buitenlands Beleid; minister-president", B: "gewezen minister-president"}
    [doc] = [r for r in run_query("documents", build_dataset([a, b])) if r["number"] == "85"]
    assert doc["authors"] == "Chris Janssens; Patrick Dewael"


def test_meetings(rows) -> None:
    assert rows["meetings"] == [
        {"meeting": BASE + "meeting/coormulti/2018-02-05", "label": "eerste Coormulti-vergadering",
         "series": "CoorMulti", "start": "2018-02-05", "end": "", "location": "", "source": A},
        {"meeting": BASE + "meeting/coormulti/2018-09-12", "label": "laatste CoorMulti-vergadering",
         "series": "CoorMulti", "start": "2018-09-12", "end": "", "location": "", "source": A},
        {"meeting": BASE + "meeting/imc-migratie-integratie/2022-03-01", "label": "IMC met de ministers",
         "series": "IMC Migratie en Integratie", "start": "2022-03-01", "end": "", "location": "", "source": B},
    ]


def test_attendance(rows) -> None:
    assert rows["attendance"][0] == {
        "meeting": BASE + "meeting/coormulti/2018-02-05", "meeting_label": "eerste Coormulti-vergadering",
        "series": "CoorMulti", "start": "2018-02-05", "actor": BASE + "actor/person/attache-vlaamse-regering-eu",
        "actor_label": "attaché Vlaamse Regering bij de EU", "status": "excused", "source": A,
        "evidence": "hij liet zich \nverontschuldigen voor de eerste Coormulti"}
    assert [r["status"] for r in rows["attendance"]] == ["excused", "not_invited", "present", "present"]
    assert {r["status"] for r in rows["attendance"]} <= set(STATUSES)


def test_positions(rows) -> None:
    assert rows["positions"] == [
        {"holder": BASE + "actor/country/belgie", "holder_label": "België",
         "target": "https://w3id.org/gcmkg/id/instrument/gcm", "target_label": "GCM", "objective": "",
         "stance": "support", "date": "2018-09", "source": A, "evidence": "dat België het pact zou goedkeuren"},
        {"holder": BASE + "actor/government/vlaamse-regering", "holder_label": "Vlaamse Regering",
         "target": "https://w3id.org/gcmkg/id/gcm/objective/16", "target_label": "GCM objective 16",
         "objective": "16", "stance": "support", "date": "", "source": A,
         "evidence": "werden beoordeeld als zijnde in lijn met de \nVlaamse beleidsdoelstellingen"},
    ]
    assert {r["stance"] for r in rows["positions"]} <= set(STANCES)


@pytest.mark.parametrize("target, label", [
    ("GCR", "GCR"), ("GCM paragraph 33c", "GCM paragraph 33c"), ("Vluchtelingenverdrag", "Vluchtelingenverdrag")])
def test_position_target_labels(target: str, label: str) -> None:
    a = extraction_a()
    a = a.model_copy(update={"positions": (a.positions[0].model_copy(update={"target": target, "objective": None}),)})
    [row] = run_query("positions", build_dataset([a]))
    assert row["target_label"] == label
    assert row["objective"] == ("17" if "33c" in target else "")


def test_same_rows_from_graph_dataset_turtle_and_trig(dataset, rows, tmp_path: Path) -> None:
    paths = write_graph_files(dataset, tmp_path)
    for name in COLUMNS:
        assert run_query(name, merged_graph(dataset)) == rows[name]
        assert run_query(name, paths["ttl"]) == rows[name]
        assert run_query(name, paths["trig"]) == rows[name]


def test_a_query_file_by_path(tmp_path: Path, dataset) -> None:
    path = tmp_path / "count.rq"
    path.write_text("# count: how many attendances?\nPREFIX gcm: <https://w3id.org/gcmkg/ontology#>\n"
                    "SELECT (COUNT(?a) AS ?n) WHERE { ?a a gcm:Attendance }\n", encoding="utf-8")
    assert run_query(str(path), dataset) == [{"n": "4"}]


def test_unknown_query_lists_the_available_ones(dataset) -> None:
    with pytest.raises(QueryError, match="unknown query 'atendance'; available: .*actors, attendance, .*documents"):
        run_query("atendance", dataset)
    with pytest.raises(QueryError, match=r"missing\.rq: cannot read query file"):
        run_query("missing.rq", dataset)


def test_bad_sparql_and_missing_graph_are_clear_errors(tmp_path: Path, dataset) -> None:
    path = tmp_path / "bad.rq"
    path.write_text("SELECT ?x WHERE { ?x }", encoding="utf-8")
    with pytest.raises(QueryError, match="bad.rq: not valid SPARQL"):
        run_query(str(path), dataset)
    with pytest.raises(GraphFileError, match="nothing.ttl: no such file"):
        run_query("actors", tmp_path / "nothing.ttl")
    broken = tmp_path / "broken.trig"
    broken.write_text("<http://a> <http://b> .", encoding="utf-8")
    with pytest.raises(GraphFileError, match="broken.trig: not valid trig"):
        run_query("actors", broken)


def test_csv_and_table_formats(rows) -> None:
    text = format_rows(rows["attendance"], "csv")
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert parsed == rows["attendance"]  # newlines inside quotes survive CSV quoting
    table = format_rows(rows["attendance"], "table").splitlines()
    assert table[0].split() == COLUMNS["attendance"]
    assert len(table) == 2 + len(rows["attendance"])
    assert format_rows([], "table") == "(no rows)" and format_rows([], "json") == "[]"
    with pytest.raises(ValueError, match="unknown format"):
        format_rows(rows["attendance"], "xml")  # type: ignore[arg-type]


def test_document_kinds_come_back_as_model_literals() -> None:
    a = extraction_a()
    for kind in ("plenary_record", "committee_record", "news", "other"):
        doc = DocumentFact(key=f"test/{kind.replace('_', '-')}", kind=kind, evidence=ev(A, "CHRIS JANSSENS"))
        a = a.model_copy(update={"documents": (*a.documents, doc)})
    kinds = {r["kind"] for r in run_query("documents", build_dataset([a]))}
    assert kinds == {"written_question", "plenary_record", "committee_record", "news", "other"}

"""The named competency queries beyond the five of the JSON contract.

Three kinds of test:
- on a small hand-made graph (test_graph_samples plus two more seed files), every row exactly;
- on the seeds as the pipeline builds them (session fixture), exact column keys and value types for every
  query, and rows that the hand-made gold in tests/gold/ states and the extractors find. Those hold as
  extraction improves: they are looked up in the gold here, never row counts of extractor output;
- parameters: binding, unknown names, quoting.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gcmkg.cli import app
from gcmkg.evaluate import same_name
from gcmkg.extract.models import ActorFact, DocumentFact, Evidence, Extraction, PositionFact
from gcmkg.graph.build import build_dataset
from gcmkg.graph.query import (
    QueryError,
    load_store,
    prepared_query,
    query_description,
    query_names,
    query_params,
    query_text,
    run_query,
    sort_rows,
)
from test_graph_samples import A, B, extraction_a, extraction_b, seed_text

C = "002_f6a5e121d93e9a46.txt"
D = "004_caf9aef001c7f7d1.txt"
BASE = "https://w3id.org/gcmkg/"
GOLD = Path(__file__).parent / "gold"
SEEDS = {p.name for p in (Path(__file__).parent.parent / "seeds").glob("*.txt")}

COLUMNS = {
    "documents": ["document", "kind", "number", "date", "title", "authors", "addressees", "source"],
    "actors": ["actor", "label", "kind", "roles", "party", "same_as", "source"],
    "meetings": ["meeting", "label", "series", "start", "end", "location", "source"],
    "attendance": ["meeting", "meeting_label", "series", "start", "actor", "actor_label", "status", "source", "evidence"],
    "positions": ["holder", "holder_label", "target", "target_label", "objective", "stance", "date", "source", "evidence"],
    "series_attendance": ["series", "start", "meeting", "meeting_label", "actor", "actor_label", "status", "sources"],
    "absences": ["meeting", "meeting_label", "series", "start", "actor", "actor_label", "status", "present_too",
                 "sources"],
    "positions_by_objective": ["objective", "title", "stance", "holders", "positions", "sources"],
    "positions_by_actor": ["holder", "holder_label", "holder_kind", "stance", "targets", "positions", "first", "last",
                           "sources"],
    "position_timeline": ["holder", "holder_label", "date", "dated_by", "target", "target_label", "stance", "source",
                          "evidence"],
    "stance_changes": ["holder", "holder_label", "target", "target_label", "earlier_date", "earlier_stance",
                       "earlier_sources", "later_date", "later_stance", "later_sources"],
    "countries_opposed": ["country", "country_label", "target", "target_label", "date", "source", "evidence"],
    "questions": ["number", "question", "asked_on", "asked_by", "asked_to", "answer", "answered_on", "answered_by",
                  "title", "source"],
    "meetings_per_year": ["series", "year", "meetings", "dates", "sources"],
    "co_attendance": ["actor", "actor_label", "other", "other_label", "meetings", "meeting_labels", "dates"],
    "evidence": ["fact", "fact_type", "source", "start", "end", "quote"],
    "flags": ["source", "message", "evidence", "flag"],
}
NEW = [name for name in COLUMNS if name not in ("documents", "actors", "meetings", "attendance", "positions")]

# What a value of each column looks like (fullmatch); a column not listed is free text.
_IRI = r"https?://\S+"
_DATE = r"(\d{4}-\d{2}(-\d{2})?)?"
_SEED = "|".join(re.escape(s) for s in sorted(SEEDS))
_STATUS = "present|absent|excused|invited|not_invited"
_STANCE = "support|oppose|conditional|undecided"
TYPES = {
    "meeting": _IRI, "actor": _IRI, "holder": _IRI, "target": _IRI, "other": _IRI, "country": _IRI,
    "question": _IRI, "fact": _IRI, "flag": _IRI, "answer": f"({_IRI})?",
    "start": _DATE, "date": _DATE, "asked_on": _DATE, "answered_on": _DATE, "first": _DATE, "last": _DATE,
    "earlier_date": _DATE, "later_date": _DATE, "dates": f"{_DATE}(; {_DATE})*",
    "status": f"({_STATUS})(; ({_STATUS}))*", "stance": _STANCE, "earlier_stance": _STANCE, "later_stance": _STANCE,
    "source": _SEED, "sources": f"({_SEED})(; ({_SEED}))*", "earlier_sources": f"({_SEED})(; ({_SEED}))*",
    "later_sources": f"({_SEED})(; ({_SEED}))*",
    "positions": r"[1-9]\d*", "meetings": r"[1-9]\d*", "objective": r"([1-9]|1\d|2[0-3])?", "year": r"(\d{4})?",
    "present_too": "yes|no", "dated_by": "(position|document)?", "holder_kind": r"[a-z_]*",
    "fact_type": "document|actor|role|meeting|attendance|position|flag",
}
TYPE_OVERRIDES = {("evidence", "start"): r"\d+", ("evidence", "end"): r"\d+",
                  ("positions_by_objective", "objective"): r"[1-9]|1\d|2[0-3]"}
runner = CliRunner()


def ev(source: str, words: str) -> Evidence:
    """Evidence for the first place where `words` stand in the seed file, whatever whitespace is between them."""
    text = seed_text(source)
    m = re.search(r"\s+".join(re.escape(w) for w in words.split()), text)
    assert m, f"{words!r} not in {source}"
    return Evidence(source=source, start=m.start(), end=m.end(), quote=m.group(0))


def extraction_c() -> Extraction:
    """seeds/002: the Dutch government's conditional stance on the GCM in its letter of 20 June 2018."""
    kabinet = ActorFact(key="government/nederlands-kabinet", name="Nederlands kabinet", kind="government",
                        evidence=(ev(C, "Ten aanzien van de GCM kan het kabinet"),))
    return Extraction(
        source=C, sha256="c" * 64,
        documents=(DocumentFact(key="eerste-kamer/brief/2018-06-20", kind="letter", date="2018-06-20",
                                authors=("government/nederlands-kabinet",),
                                evidence=ev(C, "BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID")),),
        actors=(kabinet,),
        positions=(PositionFact(holder="government/nederlands-kabinet", target="GCM", stance="conditional",
                                evidence=ev(C, "Ten aanzien van de GCM kan het kabinet zich vinden in de aanbevelingen")),),
    )


def extraction_d() -> Extraction:
    """seeds/004: question 811 of Baudet, Harbers's answer, the government's support and two countries that withdrew."""
    return Extraction(
        source=D, sha256="d" * 64,
        documents=(
            DocumentFact(key="tweede-kamer/vraag/811", kind="written_question", number="811", date="2018-10-25",
                         authors=("person/baudet",), addressees=("person/harbers",),
                         evidence=ev(D, "Vragen van het lid Baudet (FvD)")),
            DocumentFact(key="tweede-kamer/antwoord/811", kind="answer", number="811", date="2018-12-03",
                         authors=("person/harbers",), addressees=("person/baudet",),
                         evidence=ev(D, "Antwoord van Staatssecretaris Harbers")),
        ),
        actors=(
            ActorFact(key="person/baudet", name="Baudet", kind="person", evidence=(ev(D, "het lid Baudet"),)),
            ActorFact(key="person/harbers", name="Harbers", kind="person", evidence=(ev(D, "Staatssecretaris Harbers"),)),
            ActorFact(key="government/nederlands-kabinet", name="Nederlands kabinet", kind="government",
                      evidence=(ev(D, "Het kabinet deelt deze mening niet"),)),
            ActorFact(key="country/hongarije", name="Hongarije", kind="country",
                      evidence=(ev(D, "de Verenigde Staten en Hongarije"),)),
            ActorFact(key="country/verenigde-staten", name="Verenigde Staten", kind="country",
                      evidence=(ev(D, "de Verenigde Staten en Hongarije"),)),
        ),
        positions=(
            PositionFact(holder="government/nederlands-kabinet", target="GCM", stance="support",
                         evidence=ev(D, "Het kabinet deelt deze mening niet. Het compact roept landen op")),
            PositionFact(holder="country/hongarije", target="GCM", stance="oppose",
                         evidence=ev(D, "de Verenigde Staten en Hongarije zich al hebben teruggetrokken")),
            PositionFact(holder="country/verenigde-staten", target="GCM", stance="oppose",
                         evidence=ev(D, "de Verenigde Staten en Hongarije zich al hebben teruggetrokken")),
        ),
    )


@pytest.fixture(scope="module")
def sample_store():
    return load_store(build_dataset([extraction_a(), extraction_b(), extraction_c(), extraction_d()]))


def q(name: str, store, **params: str) -> list[dict[str, str]]:
    return run_query(name, None, store=store, params=params or None)


# ---------------------------------------------------------------- shipped queries


def test_at_least_twelve_named_queries_each_with_its_question() -> None:
    assert sorted(COLUMNS) == query_names()
    assert len(query_names()) >= 12
    for name in query_names():
        assert query_text(name).startswith(f"# {name}: ")
        assert query_description(name).endswith("?"), name  # it says what question it answers


def test_declared_parameters() -> None:
    assert query_params("series_attendance") == {"series": "a meeting series, by label (case ignored) or IRI"}
    assert set(query_params("position_timeline")) == set(query_params("stance_changes")) == {"holder"}
    assert set(query_params("evidence")) == {"fact"}
    assert query_params("attendance") == {}


# ---------------------------------------------------------------- hand-made graph: exact rows


def test_series_attendance_exact(sample_store) -> None:
    rows = q("series_attendance", sample_store)
    attache = BASE + "actor/person/attache-vlaamse-regering-eu"
    assert [(r["series"], r["start"], r["actor"], r["status"], r["sources"]) for r in rows] == [
        ("CoorMulti", "2018-02-05", attache, "excused", A),
        ("CoorMulti", "2018-09-12", attache, "not_invited", A),
        ("IMC Migratie en Integratie", "2022-03-01", BASE + "actor/person/bart-somers", "present", B),
        ("IMC Migratie en Integratie", "2022-03-01", BASE + "actor/person/sammy-mahdi", "present", B),
    ]
    assert rows[0]["meeting_label"] == "eerste Coormulti-vergadering"
    assert rows[0]["actor_label"] == "attaché Vlaamse Regering bij de EU"
    assert [r["start"] for r in q("series_attendance", sample_store, series="coormulti")] == ["2018-02-05", "2018-09-12"]
    assert q("series_attendance", sample_store, series=BASE + "series/coormulti") == rows[:2]
    assert q("series_attendance", sample_store, series="no such series") == []


def test_absences_exact(sample_store) -> None:
    rows = q("absences", sample_store)
    assert [(r["start"], r["actor_label"], r["status"], r["present_too"], r["sources"]) for r in rows] == [
        ("2018-02-05", "attaché Vlaamse Regering bij de EU", "excused", "no", A),
        ("2018-09-12", "attaché Vlaamse Regering bij de EU", "not_invited", "no", A),
    ]


def test_absences_not_invited_yet_present_and_invited_without_presence() -> None:
    a = extraction_a()
    att = a.attendance[1]  # not invited to the meeting of 12 September
    extra = (att.model_copy(update={"status": "present"}),
             att.model_copy(update={"status": "invited", "meeting": "coormulti/2018-02-05"}))
    store = load_store(build_dataset([a.model_copy(update={"attendance": (*a.attendance, *extra)})]))
    rows = q("absences", store)
    assert [(r["start"], r["status"], r["present_too"]) for r in rows] == [
        ("2018-02-05", "excused; invited", "no"), ("2018-09-12", "not_invited", "yes")]


def test_positions_by_objective_exact(sample_store) -> None:
    assert q("positions_by_objective", sample_store) == [
        {"objective": "16", "title": "Empower migrants and societies to realize full inclusion and social cohesion",
         "stance": "support", "holders": "Vlaamse Regering", "positions": "1", "sources": A}]


def test_positions_by_actor_exact(sample_store) -> None:
    rows = {(r["holder_label"], r["stance"]): r for r in q("positions_by_actor", sample_store)}
    assert sorted(rows) == [("België", "support"), ("Hongarije", "oppose"), ("Nederlands kabinet", "conditional"),
                            ("Nederlands kabinet", "support"), ("Verenigde Staten", "oppose"),
                            ("Vlaamse Regering", "support")]
    assert rows[("België", "support")] == {
        "holder": BASE + "actor/country/belgie", "holder_label": "België", "holder_kind": "country",
        "stance": "support", "targets": "GCM", "positions": "1", "first": "2018-09", "last": "2018-09", "sources": A}
    assert rows[("Nederlands kabinet", "support")]["first"] == ""  # undated: no date is made up


def test_position_timeline_dates_from_the_position_or_the_document(sample_store) -> None:
    rows = q("position_timeline", sample_store, holder="nederlands kabinet")
    assert [(r["date"], r["dated_by"], r["target_label"], r["stance"], r["source"]) for r in rows] == [
        ("2018-06-20", "document", "GCM", "conditional", C),
        ("2018-12-03", "document", "GCM", "support", D),  # the latest document of the file: the answer
    ]
    assert rows[0]["evidence"].startswith("Ten aanzien van de GCM kan het kabinet")
    belgie = q("position_timeline", sample_store, holder=BASE + "actor/country/belgie")
    assert [(r["date"], r["dated_by"]) for r in belgie] == [("2018-09", "position")]
    b_only = q("position_timeline", load_store(build_dataset([extraction_b()])))
    assert b_only == []  # seeds/003 sample holds no positions


def test_stance_changes_exact(sample_store) -> None:
    assert q("stance_changes", sample_store) == [{
        "holder": BASE + "actor/government/nederlands-kabinet", "holder_label": "Nederlands kabinet",
        "target": BASE + "id/instrument/gcm", "target_label": "GCM",
        "earlier_date": "2018-06-20", "earlier_stance": "conditional", "earlier_sources": C,
        "later_date": "2018-12-03", "later_stance": "support", "later_sources": D}]
    assert q("stance_changes", sample_store, holder="Hongarije") == []


def test_countries_opposed_exact(sample_store) -> None:
    rows = q("countries_opposed", sample_store)
    assert [(r["country_label"], r["target_label"], r["date"], r["source"]) for r in rows] == [
        ("Hongarije", "GCM", "", D), ("Verenigde Staten", "GCM", "", D)]
    assert rows[0]["evidence"].split() == "de Verenigde Staten en Hongarije zich al hebben teruggetrokken".split()


def test_questions_exact(sample_store) -> None:
    rows = q("questions", sample_store)
    assert [(r["number"], r["asked_on"], r["asked_by"], r["asked_to"], r["answered_on"], r["answered_by"], r["source"])
            for r in rows] == [("85", "2018-12-07", "Chris Janssens", "Geert Bourgeois", "", "", A),
                               ("811", "2018-10-25", "Baudet", "Harbers", "2018-12-03", "Harbers", D)]
    assert rows[0]["answer"] == ""  # the sample of seeds/000 holds the question only
    assert rows[1]["answer"] == BASE + "document/tweede-kamer/antwoord/811"


def test_meetings_per_year_exact(sample_store) -> None:
    assert q("meetings_per_year", sample_store) == [
        {"series": "CoorMulti", "year": "2018", "meetings": "2", "dates": "2018-02-05; 2018-09-12", "sources": A},
        {"series": "IMC Migratie en Integratie", "year": "2022", "meetings": "1", "dates": "2022-03-01", "sources": B}]


def test_co_attendance_exact(sample_store) -> None:
    assert q("co_attendance", sample_store) == [{
        "actor": BASE + "actor/person/bart-somers", "actor_label": "Bart Somers",
        "other": BASE + "actor/person/sammy-mahdi", "other_label": "Sammy Mahdi", "meetings": "1",
        "meeting_labels": "IMC met de ministers", "dates": "2022-03-01"}]


def test_evidence_of_one_fact(sample_store) -> None:
    [att] = [r for r in q("attendance", sample_store) if r["status"] == "excused"]
    iri = q("series_attendance", sample_store)[0]["actor"]  # the attaché
    rows = q("evidence", sample_store, fact=iri)
    assert [(r["fact_type"], r["source"], r["quote"]) for r in rows] == [
        ("actor", A, "Vanuit die functie nam de attaché deel aan de Coormulti-vergaderingen")]
    all_rows = q("evidence", sample_store)
    assert any(r["fact_type"] == "attendance" and r["quote"] == att["evidence"] for r in all_rows)
    assert {r["fact_type"] for r in all_rows} == {"document", "actor", "role", "meeting", "attendance", "position",
                                                 "flag"}


def test_flags_exact(sample_store) -> None:
    [row] = q("flags", sample_store)
    assert (row["source"], row["message"], row["evidence"]) == (A, "the source spells Marrakesh as 'Marrekech'",
                                                                 "Marrekech")


# ---------------------------------------------------------------- parameters


def test_parameters_are_bound_as_strings_and_checked(sample_store) -> None:
    with pytest.raises(QueryError, match="evidence: unknown parameter holder; this query takes: fact"):
        q("evidence", sample_store, holder="x")
    with pytest.raises(QueryError, match="attendance: unknown parameter x; this query takes: none"):
        q("attendance", sample_store, x="1")
    text = prepared_query("evidence", {"fact": 'a"b\\c\n} ?x'})
    assert 'VALUES ?param_fact { "a\\"b\\\\c\\n} ?x" }' in text
    assert q("evidence", sample_store, fact='"} . ?s ?p ?o . FILTER(true) #') == []  # quoted, not run


def test_rows_sort_numbers_by_value() -> None:
    rows = [{"o": "objective 10"}, {"o": "objective 2"}, {"o": "objective 02"}, {"o": ""}]
    assert [r["o"] for r in sort_rows(rows)] == ["", "objective 02", "objective 2", "objective 10"]


def test_cli_param_option(seed_build) -> None:
    result = runner.invoke(app, ["query", "series_attendance", "--graph", str(seed_build.ttl), "--param",
                                 "series=CoorMulti", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and {r["series"] for r in rows} == {"CoorMulti"}
    bad = runner.invoke(app, ["query", "series_attendance", "--graph", str(seed_build.ttl), "--param", "series"])
    assert bad.exit_code == 2 and "Error: --param series: use NAME=VALUE" in bad.output


# ---------------------------------------------------------------- the seeds: columns, types, gold rows


@pytest.fixture(scope="module")
def seed_rows(seed_build) -> dict[str, list[dict[str, str]]]:
    return {name: run_query(name, None, store=seed_build.store) for name in COLUMNS}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_seed_rows_have_exact_columns_and_typed_values(seed_rows, name: str) -> None:
    rows = seed_rows[name]
    assert rows, f"{name}: no rows on the seeds"
    for row in rows:
        assert list(row) == COLUMNS[name]
        for col, value in row.items():
            assert isinstance(value, str)
            pattern = TYPE_OVERRIDES.get((name, col), TYPES.get(col))
            if pattern:
                assert re.fullmatch(pattern, value), f"{name}.{col} = {value!r}"


@cache
def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def gold_names(stem: str, name: str) -> list[str]:
    for actor in gold(stem)["actors"]:
        if name in (actor["name"], *actor.get("aliases", [])):
            return [actor["name"], *actor.get("aliases", [])]
    return [name]


def gold_attendance(stem: str, meeting: str, actor: str, status: str) -> tuple[str, str, list[str]]:
    """A gold attendance fact (asserted to be in the gold): its meeting's series and date, the actor's names."""
    assert any((a["meeting"], a["actor"], a["status"]) == (meeting, actor, status) for a in gold(stem)["attendance"])
    m = next(m for m in gold(stem)["meetings"] if m["id"] == meeting)
    return m["series"], m["start"], gold_names(stem, actor)


def gold_position(stem: str, holder: str, target: str, stance: str) -> dict:
    return next(p for p in gold(stem)["positions"] if (p["holder"], p["target"], p["stance"]) == (holder, target, stance))


@pytest.mark.parametrize("stem, meeting, actor, status", [
    ("000_6eb71012de38f66e", "coormulti-2018-02-05", "attaché Vlaamse Regering bij de EU", "excused"),
    ("000_6eb71012de38f66e", "coormulti-2018-09-12", "attaché Vlaamse Regering bij de EU", "not_invited"),
    ("000_6eb71012de38f66e", "coormulti-2018-02-05", "alle administraties", "invited"),
    ("000_6eb71012de38f66e", "coormulti-2018-06-04", "kabinetten van de federale regering", "invited"),
])
def test_seed_coormulti_attendance_and_absences_from_the_gold(seed_build, stem, meeting, actor, status) -> None:
    series, start, names = gold_attendance(stem, meeting, actor, status)
    rows = run_query("series_attendance", None, store=seed_build.store, params={"series": series})
    assert {r["series"] for r in rows} == {series}
    assert any(r["start"] == start and status in r["status"].split("; ") and same_name(r["actor_label"], names)
               and f"{stem}.txt" in r["sources"] for r in rows)
    absent = run_query("absences", None, store=seed_build.store)
    assert any(r["start"] == start and status in r["status"].split("; ") and same_name(r["actor_label"], names)
               for r in absent)


def test_seed_co_attendance_from_the_gold(seed_rows) -> None:
    stem = "003_622f5c5420c89e62"
    dates = set()
    for meeting in ("imc-2022-03-01", "bilateraal-somers-mahdi-2021-01-04"):
        _, start, somers = gold_attendance(stem, meeting, "Bart Somers", "present")
        _, _, mahdi = gold_attendance(stem, meeting, "Sammy Mahdi", "present")
        dates.add(start)
    [row] = [r for r in seed_rows["co_attendance"] if {same_name(r["actor_label"], somers),
                                                      same_name(r["other_label"], mahdi)} == {True}]
    assert int(row["meetings"]) >= 2 and dates <= set(row["dates"].split("; "))


def test_seed_meetings_per_year_from_the_gold(seed_rows) -> None:
    expected: dict[tuple[str, str], set[str]] = {}
    for path in sorted(GOLD.glob("*.json")):
        for m in gold(path.stem)["meetings"]:
            if m["start"] and m["series"] in ("CoorMulti", "IMC werkgroep"):
                expected.setdefault((m["series"], m["start"][:4]), set()).add(m["start"])
    assert expected  # CoorMulti 2018, IMC werkgroep 2021 and 2022
    rows = {(r["series"], r["year"]): r for r in seed_rows["meetings_per_year"]}
    for key, dates in expected.items():
        assert int(rows[key]["meetings"]) >= len(dates) and dates <= set(rows[key]["dates"].split("; ")), key


def test_seed_questions_from_the_gold(seed_rows) -> None:
    """Every question in the gold with its answer in the same file: who asked whom, who answered, when."""
    checked = 0
    for path in sorted(GOLD.glob("*.json")):
        docs = gold(path.stem)["documents"]
        for qd in (d for d in docs if d["kind"] == "written_question"):
            answers = [d for d in docs if d["kind"] == "answer" and d["number"] == qd["number"]]
            rows = [r for r in seed_rows["questions"] if r["source"] == f"{path.stem}.txt" and r["number"] == qd["number"]]
            assert len(rows) == 1, (path.stem, qd["number"])
            row = rows[0]
            assert row["asked_on"] == qd["date"]
            assert same_name(row["asked_by"], qd["authors"]) and same_name(row["asked_to"], qd["addressees"])
            if answers:
                assert row["answer"] and same_name(row["answered_by"], answers[0]["authors"])
                assert row["answered_on"] == (answers[0]["date"] or "")
            checked += 1
    assert checked >= 3


@pytest.mark.parametrize("stem, country", [
    ("001_c07b681684508a44", "Hongarije"), ("001_c07b681684508a44", "Verenigde Staten"),
    ("004_caf9aef001c7f7d1", "Hongarije"), ("004_caf9aef001c7f7d1", "Oostenrijk"),
])
def test_seed_countries_opposed_from_the_gold(seed_rows, stem: str, country: str) -> None:
    gold_position(stem, country, "GCM", "oppose")
    assert any(row["source"] == f"{stem}.txt" and row["target_label"] == "GCM"
               and same_name(row["country_label"], gold_names(stem, country))
               for row in seed_rows["countries_opposed"])


@pytest.mark.parametrize("stem, holder, target, stance", [
    ("000_6eb71012de38f66e", "Vlaamse Regering", "GCM objective 16", "support"),
    ("000_6eb71012de38f66e", "Vlaamse Regering", "GCM objective 18", "support"),
    ("004_caf9aef001c7f7d1", "Nederlands kabinet", "GCM paragraph 33c", "oppose"),
])
def test_seed_positions_per_objective_and_actor_from_the_gold(seed_rows, stem, holder, target, stance) -> None:
    p = gold_position(stem, holder, target, stance)
    names = gold_names(stem, holder)
    assert any(r["objective"] == str(p["objective"]) and r["stance"] == stance
               and any(same_name(h, names) for h in r["holders"].split("; ")) and f"{stem}.txt" in r["sources"]
               for r in seed_rows["positions_by_objective"])
    assert any(r["stance"] == stance and same_name(r["holder_label"], names) and target in r["targets"].split("; ")
               for r in seed_rows["positions_by_actor"])
    assert any(r["stance"] == stance and r["target_label"] == target and same_name(r["holder_label"], names)
               and r["source"] == f"{stem}.txt" for r in seed_rows["position_timeline"])


def test_seed_dated_positions_keep_their_gold_date_in_the_timeline(seed_rows) -> None:
    stem = "004_caf9aef001c7f7d1"
    p = gold_position(stem, "Nederlands kabinet", "GCM paragraph 33c", "oppose")
    assert any(r["target_label"] == p["target"] and r["stance"] == "oppose" and r["date"] == p["date"]
               for r in seed_rows["position_timeline"])


def test_seed_evidence_offsets_are_the_source_text(seed_rows) -> None:
    """Every evidence row points at exactly its quote in the seed file: the provenance a researcher can check."""
    for row in seed_rows["evidence"]:
        text = (Path(__file__).parent.parent / "seeds" / row["source"]).read_text(encoding="utf-8")
        assert text[int(row["start"]):int(row["end"])] == row["quote"], row


def test_seed_evidence_for_a_gold_attendance(seed_build, seed_rows) -> None:
    stem = "000_6eb71012de38f66e"
    _, start, names = gold_attendance(stem, "coormulti-2018-02-05", "attaché Vlaamse Regering bij de EU", "excused")
    gold_quote = next(a["evidence"] for a in gold(stem)["attendance"] if a["status"] == "excused")
    [row] = [r for r in seed_rows["attendance"] if r["start"] == start and r["status"] == "excused"
             and same_name(r["actor_label"], names)]
    att_iri = run_query(str(_attendance_iri_query(seed_build)), None, store=seed_build.store,
                        params={"meeting": row["meeting"], "actor": row["actor"]})[0]["att"]
    quotes = [r["quote"] for r in run_query("evidence", None, store=seed_build.store, params={"fact": att_iri})]
    assert any(" ".join(qq.split()) in gold_quote or gold_quote in " ".join(qq.split()) for qq in quotes), quotes


def _attendance_iri_query(seed_build) -> Path:
    path = seed_build.out.parent / "attendance-iri.rq"
    path.write_text("# attendance-iri: the IRI of an excused attendance?\n# param meeting: m\n# param actor: a\n"
                    "PREFIX gcm: <https://w3id.org/gcmkg/ontology#>\n"
                    "PREFIX status: <https://w3id.org/gcmkg/id/attendance-status/>\n"
                    "SELECT (STR(?x) AS ?att) WHERE { ?x gcm:meeting ?m ; gcm:actor ?a ; gcm:status status:excused .\n"
                    "  FILTER(STR(?m) = ?param_meeting && STR(?a) = ?param_actor) }\n", encoding="utf-8")
    return path


def test_seed_flags_from_the_gold_notes(seed_rows) -> None:
    """The gold notes the agenda heading of 2019 in seeds/000 that contradicts the meetings listed in 2018."""
    stem = "000_6eb71012de38f66e"
    assert any("2019" in note for note in gold(stem)["notes"])
    assert any(r["source"] == f"{stem}.txt" and "2019" in r["evidence"] for r in seed_rows["flags"])


def test_sort_key_orders_as_text_and_numbers_part_by_part() -> None:
    """natural_key is one string per cell; it must order exactly as comparing text and number parts in turn."""
    import itertools

    from gcmkg.graph.query import natural_key

    def reference(value: str) -> tuple:
        parts = re.split(r"(\d+)", value)
        return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), value

    pieces = ["", "a", "b", "0", "1", "2", "07", "10", "\x00", "\x01", "٣", " ", "é"]
    values = sorted({"".join(p) for p in itertools.product(pieces, repeat=3)})
    assert sorted(values, key=natural_key) == sorted(values, key=reference)
    assert natural_key("7") != natural_key("07") and natural_key("٣") < natural_key("10")


def test_an_iri_parameter_is_also_bound_as_an_iri(sample_store, tmp_path) -> None:
    """A query without `VALUES ?param_NAME_iri { UNDEF }` placeholders gets an IRI value bound to ?param_NAME_iri
    after its first WHERE; a value that is no IRI only gets the string binding. evidence uses the placeholder."""
    rq = tmp_path / "facts.rq"
    rq.write_text(query_text("evidence").replace("VALUES ?param_fact_iri { UNDEF }", ""), encoding="utf-8")
    text = prepared_query(str(rq), {"fact": BASE + "actor/person/x"})
    assert f'VALUES ?param_fact {{ "{BASE}actor/person/x" }} VALUES ?param_fact_iri {{ <{BASE}actor/person/x> }}' in text
    assert "param_fact_iri {" not in prepared_query(str(rq), {"fact": BASE + "a b"})
    iri = q("series_attendance", sample_store)[0]["actor"]
    assert q("evidence", sample_store, fact=iri) and q("evidence", sample_store, fact=iri + " ") == []

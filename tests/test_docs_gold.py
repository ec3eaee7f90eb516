"""Checks on the invented test documents (tests/docs) and their hand-made gold (tests/docs_gold).

The gold files are the specification the extractors are measured against
(shared/gold/SCHEMA.md), so a malformed or unquotable gold row would make the
measurement wrong without anyone noticing. These tests catch that: fields and
vocabularies, evidence quotes that really occur in their document, references
between rows (attendance -> meeting, holder -> actor), meeting ids, and the
objective = paragraph - 16 rule. They do not run gcmkg.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

HERE = Path(__file__).parent
DOCS = HERE / "docs"
GOLD = HERE / "docs_gold"
SEED_GOLD = HERE / "gold"

DOC_KINDS = {"written_question", "answer", "letter", "report", "plenary_record", "committee_record", "news", "other"}
ACTOR_KINDS = {"person", "government", "ministry", "administration", "cabinet", "parliament", "committee", "party",
               "country", "international_organisation", "civil_society", "other"}
STATUSES = {"present", "absent", "excused", "invited", "not_invited"}
STANCES = {"support", "oppose", "conditional", "undecided"}
TOP_KEYS = {"doc", "documents", "actors", "meetings", "attendance", "positions", "notes"}
DOC_KEYS = {"kind", "number", "date", "authors", "addressees", "parliament", "title", "evidence"}
ACTOR_KEYS = {"name", "kind", "aliases", "roles", "party", "member_of", "evidence"}
MEETING_KEYS = {"id", "series", "label", "start", "end", "location", "agenda", "evidence"}
ATTENDANCE_KEYS = {"meeting", "actor", "status", "evidence"}
POSITION_KEYS = {"holder", "target", "objective", "stance", "date", "evidence"}
MEETING_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
OBJECTIVE_TARGET = re.compile(r"^GCM objective (\d+)$")
PARAGRAPH_TARGET = re.compile(r"^GCM paragraph (\d+)([a-z]?)$")


def normalise(text: str) -> str:
    """The quote form of SCHEMA.md: hyphenated line breaks joined, whitespace runs made one space."""
    text = re.sub(r"(\w)-[ \t]*\r?\n\s*(?=\w)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def iso(value: object) -> date | None:
    """A gold date: None or a valid yyyy-mm-dd string."""
    if value is None:
        return None
    assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"not an ISO date: {value!r}"
    return date.fromisoformat(value)


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def names_of(gold: dict) -> set[str]:
    """Every name and alias of the gold actors: what a row may use to refer to an actor."""
    out: set[str] = set()
    for actor in gold["actors"]:
        out.add(actor["name"])
        out.update(actor["aliases"])
    return out


def test_normalise_joins_hyphenated_breaks_and_whitespace() -> None:
    assert normalise("verschil-\n  lende   landen\n") == "verschillende landen"
    assert normalise("VN-migratiepact") == "VN-migratiepact"
    assert normalise("zowel Vlaamse -\nals federale") == "zowel Vlaamse - als federale"
    assert normalise("lijst:\n- een\n- twee") == "lijst: - een - twee"


def test_every_document_has_gold_and_back() -> None:
    docs = {p.stem for p in DOCS.glob("*.txt")}
    golds = {p.stem for p in gold_files()}
    assert len(docs) >= 12
    assert docs == golds


@pytest.mark.parametrize("path", sorted(DOCS.glob("*.txt")), ids=lambda p: p.stem)
def test_document_is_utf8_text_of_realistic_size(path: Path) -> None:
    raw = path.read_bytes()
    raw.decode("utf-8")
    assert 2_000 <= len(raw) <= 12_500, f"{path.name}: {len(raw)} bytes"
    assert b"\r" not in raw


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_file(path: Path) -> None:
    check_gold(path, DOCS)


def check_gold(path: Path, docs: Path) -> None:
    """Every rule of SCHEMA.md one gold file can break; tests/test_heldout.py reuses it for its own set."""
    gold = load(path)
    assert set(gold) == TOP_KEYS
    assert gold["doc"] == path.stem + ".txt"
    text = normalise((docs / gold["doc"]).read_text(encoding="utf-8"))

    def quoted(row: dict, what: str) -> None:
        ev = row["evidence"]
        assert isinstance(ev, str) and ev.strip(), f"{what}: empty evidence"
        assert normalise(ev) in text, f"{what}: evidence not in {gold['doc']}: {ev!r}"

    # actors first: the other rows refer to them
    names = names_of(gold)
    seen: set[str] = set()
    for actor in gold["actors"]:
        what = f"actor {actor.get('name')!r}"
        assert set(actor) == ACTOR_KEYS, what
        assert actor["kind"] in ACTOR_KINDS, what
        assert actor["name"] not in seen, f"{what} twice"
        seen.add(actor["name"])
        assert all(isinstance(x, str) and x for x in actor["aliases"] + actor["roles"] + actor["member_of"]), what
        assert actor["party"] is None or actor["party"] in names, f"{what}: party is no actor"
        for group in actor["member_of"]:
            assert group in names, f"{what}: member_of {group!r} is no actor"
        quoted(actor, what)

    for doc in gold["documents"]:
        what = f"document {doc.get('kind')} {doc.get('number')}"
        assert set(doc) == DOC_KEYS, what
        assert doc["kind"] in DOC_KINDS, what
        iso(doc["date"])
        assert doc["number"] is None or isinstance(doc["number"], str), what
        for person in doc["authors"] + doc["addressees"]:
            assert person in names, f"{what}: {person!r} is no actor"
        assert doc["parliament"] is None or doc["parliament"] in names, what
        quoted(doc, what)

    ids: set[str] = set()
    dated: dict[str, date | None] = {}
    for meeting in gold["meetings"]:
        what = f"meeting {meeting.get('id')!r}"
        assert set(meeting) == MEETING_KEYS, what
        assert MEETING_ID.match(meeting["id"]), what
        assert meeting["id"] not in ids, f"{what} twice"
        ids.add(meeting["id"])
        start, end = iso(meeting["start"]), iso(meeting["end"])
        dated[meeting["id"]] = start
        if start is None:
            # no day known: the id must not pretend to one
            assert end is None and not FULL_DATE.search(meeting["id"]), what
        else:
            assert meeting["id"].endswith(meeting["start"]), f"{what}: id must end with its start date"
            assert end is None or end > start, what
        assert meeting["series"] and meeting["label"], what
        assert isinstance(meeting["agenda"], list), what
        quoted(meeting, what)

    rows: set[tuple] = set()
    for att in gold["attendance"]:
        what = f"attendance {att.get('actor')!r} {att.get('status')} {att.get('meeting')}"
        assert set(att) == ATTENDANCE_KEYS, what
        assert att["meeting"] in ids, f"{what}: no such meeting"
        assert att["actor"] in names, f"{what}: no such actor"
        assert att["status"] in STATUSES, what
        key = (att["meeting"], att["actor"], att["status"])
        assert key not in rows, f"{what} twice"
        rows.add(key)
        quoted(att, what)

    for pos in gold["positions"]:
        what = f"position {pos.get('holder')!r} {pos.get('stance')} {pos.get('target')!r}"
        assert set(pos) == POSITION_KEYS, what
        assert pos["holder"] in names, f"{what}: no such actor"
        assert pos["stance"] in STANCES, what
        iso(pos["date"])
        target, objective = pos["target"], pos["objective"]
        assert isinstance(target, str) and target, what
        if m := OBJECTIVE_TARGET.match(target):
            assert 1 <= int(m.group(1)) <= 23 and objective == int(m.group(1)), what
        elif m := PARAGRAPH_TARGET.match(target):
            para = int(m.group(1))
            assert objective == (para - 16 if 17 <= para <= 39 else None), f"{what}: objective = paragraph - 16"
        elif target in ("GCM", "GCR"):
            assert objective is None, what
        else:
            assert objective is None or 1 <= objective <= 23, what
        quoted(pos, what)

    assert all(isinstance(n, str) and n for n in gold["notes"])


ROLE_WORDS = re.compile(r"(?i)\b(minister|staatssecretaris|attaché|voorzitter|secretaris|vertegenwoordiger|commissaris|griffier)\b")


def test_documents_use_invented_people_not_the_seeds() -> None:
    """The test set measures generalisation: no named person of the seed gold may appear in it."""
    people = set()
    for path in SEED_GOLD.glob("*.json"):
        for actor in load(path)["actors"]:
            name = actor["name"]
            if actor["kind"] == "person" and not ROLE_WORDS.search(name) and not name.isupper() and len(name) >= 6:
                people.add(name)
    assert "Geert Bourgeois" in people and "Harbers" in people, "seed gold not found"
    for path in DOCS.glob("*.txt"):
        text = normalise(path.read_text(encoding="utf-8"))
        found = [p for p in people if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)]
        assert not found, f"{path.name}: {found}"


def test_the_set_covers_every_fact_type_and_vocabulary() -> None:
    golds = [load(p) for p in gold_files()]
    kinds = {d["kind"] for g in golds for d in g["documents"]}
    statuses = {a["status"] for g in golds for a in g["attendance"]}
    stances = {p["stance"] for g in golds for p in g["positions"]}
    assert {"written_question", "answer", "letter", "report", "plenary_record", "committee_record", "news"} <= kinds
    assert statuses == STATUSES
    assert stances == STANCES
    # hard negative: a document with nothing but its own metadata
    assert any(g["documents"] and not (g["actors"] or g["meetings"] or g["attendance"] or g["positions"])
               for g in golds)
    # at least one meeting without a known day, one range, and one internal contradiction noted
    meetings = [m for g in golds for m in g["meetings"]]
    assert any(m["start"] is None for m in meetings)
    assert any(m["end"] for m in meetings)
    assert any("ontradict" in n for g in golds for n in g["notes"])

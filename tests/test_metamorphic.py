"""Metamorphic tests: change a seed consistently (names, years, parties, numbers, how many meetings) and
the extracted facts must change with it. An extractor that memorised the seeds fails these."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document

SEEDS = Path(__file__).parent.parent / "seeds"
GOLD = Path(__file__).parent / "gold"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))
NEW_NAMES = [("Pieter", "Verhoeven"), ("Anna", "Claessens"), ("Willem", "Mertens"), ("Sofie", "Wouters"),
             ("Hendrik", "Lammens"), ("Marieke", "Dijkstra"), ("Johan", "Peeters"), ("Ingrid", "Bosmans")]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def _extract(name: str, text: str):
    return extract_document(from_text(name, text))


def _seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _full_names(name: str) -> list[tuple[str, str]]:
    """(first name, surname) of the gold persons the text names in full."""
    gold = json.loads((GOLD / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
    text = _seed(name)
    out = []
    for a in gold["actors"]:
        parts = a["name"].split()
        if a["kind"] == "person" and len(parts) == 2 and parts[0].isalpha() and parts[0][0].isupper() \
                and re.search(rf"\b{re.escape(a['name'])}\b", text):
            out.append((parts[0], parts[1]))
    return out


def _rename(text: str, pairs: list[tuple[tuple[str, str], tuple[str, str]]]) -> str:
    for (first, last), (new_first, new_last) in pairs:
        text = re.sub(rf"\b{first}(\s+){last}\b", rf"{new_first}\g<1>{new_last}", text)
        text = re.sub(rf"\b{first.upper()}(\s+){last.upper()}\b", rf"{new_first.upper()}\g<1>{new_last.upper()}", text)
        text = re.sub(rf"\b{last}\b", new_last, text)
        text = re.sub(rf"\b{last.upper()}\b", new_last.upper(), text)
    return text


def _person_names(extraction) -> set[str]:
    return {n for a in extraction.actors if a.kind == "person" for n in (a.name, *a.aliases)}


@pytest.mark.parametrize("name", [n for n in SEED_FILES if _full_names(n)])
def test_renamed_people_are_found_under_their_new_names(name: str) -> None:
    text = _seed(name)
    before = _person_names(_extract(name, text))
    found = [(f, s) for f, s in _full_names(name) if f"{f} {s}" in before]
    assert found, "the seed's persons are not extracted at all"
    pairs = list(zip(found, NEW_NAMES))
    after = _person_names(_extract(name, _rename(text, pairs)))
    for (first, last), (new_first, new_last) in pairs:
        assert f"{new_first} {new_last}" in after, f"{new_first} {new_last} not found after renaming {first} {last}"
        assert not any(last in n for n in after), f"{last} still extracted after renaming"


@pytest.mark.parametrize("name", SEED_FILES)
def test_shifting_the_years_shifts_every_date(name: str) -> None:
    text = _seed(name)
    before = _extract(name, text)
    shifted = re.sub(r"\b(20[12]\d)(?=\d?\b)", lambda m: str(int(m.group(1)) - 3), text)  # `20183`: footnote 3
    after = _extract(name, shifted)

    def back(d: str | None) -> str | None:
        return None if d is None else f"{int(d[:4]) + 3}{d[4:]}"

    assert sorted(back(m.start) or "" for m in after.meetings) == sorted(m.start or "" for m in before.meetings)
    assert sorted(back(d.date) or "" for d in after.documents) == sorted(d.date or "" for d in before.documents)
    assert {m.start for m in after.meetings if m.start} .isdisjoint({m.start for m in before.meetings if m.start})


def test_swapping_party_tags_swaps_the_members_parties() -> None:
    name = next(n for n in SEED_FILES if "(D66)" in _seed(n) and "(VVD)" in _seed(n))
    text = _seed(name)
    before = {a.name: a.party for a in _extract(name, text).actors if a.kind == "person" and a.party}
    swapped = re.sub(r"\((D66|VVD)\b", lambda m: "(VVD" if m.group(1) == "D66" else "(D66", text)
    after = {a.name: a.party for a in _extract(name, swapped).actors if a.kind == "person" and a.party}
    flip = {"party/d66": "party/vvd", "party/vvd": "party/d66"}
    assert any(p in flip for p in before.values())
    for person, party in before.items():
        assert after[person] == flip.get(party, party), person


@pytest.mark.parametrize("number", ["7", "123", "1204"])
def test_a_new_question_number_is_the_documents_number(number: str) -> None:
    name = next(n for n in SEED_FILES if re.search(r"[Vv]raag nr\. \d+", _seed(n)))
    text = _seed(name)
    old = re.search(r"[Vv]raag nr\. (\d+)", text).group(1)
    changed = re.sub(rf"\bnr\. {old}\b", f"nr. {number}", text)
    numbers = {d.number for d in _extract(name, changed).documents}
    assert number in numbers and old not in numbers


ANSWER = """ANTWOORD

op vraag nr. 41 van 3 december 2018
van ELS MARTENS

Er vonden {count} Coormulti-vergaderingen plaats, namelijk op {dates}. Deze vergaderingen hadden
plaats bij de Federale Overheidsdienst Buitenlandse Zaken.
"""
COUNTS = {1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf"}


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_the_number_of_meetings_follows_the_list(n: int) -> None:
    days = [(3 + 5 * i, 2 + i) for i in range(n)]  # (day, month): 3 feb, 8 mar, ...
    spelled = [f"{d} {MONTHS[m - 1]} 2018" for d, m in days]
    dates = spelled[0] if n == 1 else ", ".join(spelled[:-1]) + " en " + spelled[-1]
    text = ANSWER.format(count=COUNTS[n], dates=dates)
    meetings = [m for m in _extract("answer.txt", text).meetings if m.series.lower() == "coormulti"]
    assert sorted(m.start for m in meetings) == sorted(f"2018-{m:02d}-{d:02d}" for d, m in days)

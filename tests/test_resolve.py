"""Entity resolution across documents: one key per person or organisation in the whole corpus."""

from __future__ import annotations

import pytest

from gcmkg.extract.load import from_text
from gcmkg.extract.models import ActorFact, AttendanceFact, Evidence, Extraction
from gcmkg.extract.resolve import person_name, resolve
from gcmkg.extract.run import extract_document


def ev(source: str, quote: str = "x") -> Evidence:
    return Evidence(source=source, start=0, end=len(quote), quote=quote)


def person(key: str, name: str, source: str, party: str | None = None) -> ActorFact:
    return ActorFact(key=key, name=name, kind="person", party=party, evidence=(ev(source, name),))


def extraction(source: str, *actors: ActorFact, attendance: tuple = ()) -> Extraction:
    return Extraction(source=source, sha256="0" * 64, actors=actors, attendance=attendance)


@pytest.mark.parametrize("name, first, initials, surname", [
    ("Pieter Verhoeven", "Pieter", "P", "verhoeven"),
    ("P.J. Verhoeven", None, "PJ", "verhoeven"),
    ("D.J.H. van Dijk", None, "DJH", "van dijk"),
    ("Van Bijsterveld", None, "", "van bijsterveld"),
    ("Faber-van de Klashorst", None, "", "faber-van de klashorst"),
])
def test_personal_names_are_split_into_first_name_initials_and_surname(name, first, initials, surname) -> None:
    n = person_name(name)
    assert n is not None and (n.first, n.initials, n.surname) == (first, initials, surname)


@pytest.mark.parametrize("office", ["Minister van Buitenlandse Zaken", "attaché van de Vlaamse Regering",
                                    "Staatssecretaris van Justitie en Veiligheid"])
def test_offices_are_not_personal_names(office: str) -> None:
    assert person_name(office) is None


def test_surname_initials_and_full_name_in_three_documents_are_one_person() -> None:
    out = resolve([
        extraction("a.txt", person("person/bakker", "Bakker", "a.txt", "party/pvv"),
                   attendance=(AttendanceFact(meeting="commissie/2018-05-29", actor="person/bakker", status="present",
                                              evidence=ev("a.txt")),)),
        extraction("b.txt", person("person/p-j-bakker", "P.J. Bakker", "b.txt")),
        extraction("c.txt", person("person/pieter-bakker", "Pieter Bakker", "c.txt", "party/pvv")),
    ])
    assert [a.key for ex in out for a in ex.actors] == ["person/pieter-bakker"] * 3
    assert out[0].attendance[0].actor == "person/pieter-bakker"


@pytest.mark.parametrize("others", [
    [("person/els-peeters", "Els Peeters", None), ("person/jan-peeters", "Jan Peeters", None)],  # two people
    [("person/a-peeters", "A. Peeters", "party/cda"), ("person/peeters", "Peeters", "party/vvd")],  # parties differ
])
def test_a_surname_that_could_be_two_people_is_left_alone(others) -> None:
    out = resolve([extraction(f"{i}.txt", person(k, n, f"{i}.txt", p)) for i, (k, n, p) in enumerate(others)])
    assert sorted(a.key for ex in out for a in ex.actors) == sorted(k for k, _, _ in others)


def test_two_names_of_one_committee_in_one_document_become_one_actor() -> None:
    text = ("De leden van de vaste commissie voor Immigratie & Asiel / JBZ-Raad bespraken op 29 mei 2018 de stand "
            "van zaken. De commissie voor Immigratie en Asiel/JBZ-Raad vroeg om een brief.")
    ex = resolve([extract_document(from_text("verslag.txt", text))])[0]
    committees = [a for a in ex.actors if a.kind == "committee"]
    assert len(committees) == 1
    assert committees[0].name == "vaste commissie voor Immigratie & Asiel / JBZ-Raad"
    assert "commissie voor Immigratie en Asiel/JBZ-Raad" in committees[0].aliases
    assert len(committees[0].evidence) == 2

"""Hand-made extractions of two seed files, shared by the graph tests.

The quotes are real sentences of seeds/000_... (a Flemish written question on
the CoorMulti meetings and its answer) and seeds/003_... (the IMC Migratie en
Integratie); `ev` looks each one up in the seed text, so every offset is the
true one. Both files describe government/vlaamse-regering, which must become
one node.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import pytest

from gcmkg.extract.models import (
    ActorFact,
    AttendanceFact,
    DocumentFact,
    Evidence,
    Extraction,
    Flag,
    MeetingFact,
    PositionFact,
)

A = "000_6eb71012de38f66e.txt"
B = "003_622f5c5420c89e62.txt"


@cache
def seed_text(source: str) -> str:
    return files("gcmkg.seeds").joinpath(source).read_text(encoding="utf-8")


def ev(source: str, quote: str, occurrence: int = 0) -> Evidence:
    """Evidence for the `occurrence`-th appearance of `quote` in the seed file."""
    text, start = seed_text(source), -1
    for _ in range(occurrence + 1):
        start = text.find(quote, start + 1)
        if start < 0:
            raise AssertionError(f"{quote!r} not in {source}")
    return Evidence(source=source, start=start, end=start + len(quote), quote=quote)


def extraction_a() -> Extraction:
    """seeds/000: question 85 of Chris Janssens to Geert Bourgeois on the CoorMulti meetings."""
    return Extraction(
        source=A,
        sha256="a" * 64,
        documents=(
            DocumentFact(
                key="vlaams-parlement/sv/2018-85", kind="written_question", number="85", date="2018-12-07",
                title="VN-migratiepact - CoorMulti-vergaderingen", authors=("person/chris-janssens",),
                addressees=("person/geert-bourgeois",), parliament="parliament/vlaams-parlement",
                evidence=ev(A, "op vraag nr. 85 van 7 december 2018\nvan CHRIS JANSSENS"),
            ),
        ),
        actors=(
            ActorFact(
                key="person/geert-bourgeois", name="Geert Bourgeois", kind="person", aliases=("GEERT BOURGEOIS",),
                roles=("minister-president van de Vlaamse Regering",), member_of=("government/vlaamse-regering",),
                same_as=("https://example.org/id/geert-bourgeois",),
                evidence=(ev(A, "GEERT BOURGEOIS\nMINISTER-PRESIDENT VAN DE VLAAMSE REGERING"),),
            ),
            ActorFact(key="person/chris-janssens", name="Chris Janssens", kind="person",
                      evidence=(ev(A, "CHRIS JANSSENS"),)),
            ActorFact(
                key="person/patrick-dewael", name="Patrick Dewael", kind="person",
                roles=("Open VLD-fractievoorzitter in de Kamer",), party="party/open-vld",
                evidence=(ev(A, "Open VLD-fractievoorzitter in de Kamer Patrick \nDewael"),),
            ),
            ActorFact(key="party/open-vld", name="Open VLD", kind="party", evidence=(ev(A, "Open VLD"),)),
            ActorFact(key="government/vlaamse-regering", name="Vlaamse Regering", kind="government",
                      evidence=(ev(A, "Vlaamse Regering"),)),
            ActorFact(key="parliament/vlaams-parlement", name="Vlaams Parlement", kind="parliament",
                      evidence=(ev(A, "Vlaams Parlement"),)),
            ActorFact(key="country/belgie", name="België", kind="country", evidence=(ev(A, "België"),)),
            ActorFact(
                key="person/attache-vlaamse-regering-eu", name="attaché Vlaamse Regering bij de EU", kind="person",
                aliases=("de attaché",), member_of=("government/vlaamse-regering",),
                evidence=(ev(A, "Vanuit die functie nam de attaché deel aan de Coormulti-vergaderingen"),),
            ),
        ),
        meetings=(
            MeetingFact(key="coormulti/2018-02-05", series="CoorMulti", label="eerste Coormulti-vergadering",
                        start="2018-02-05", ordinal=1, evidence=(ev(A, "5 en 19 februari 2018"),)),
            MeetingFact(key="coormulti/2018-09-12", series="Coormulti", label="laatste CoorMulti-vergadering",
                        start="2018-09-12", ordinal=4,
                        evidence=(ev(A, "Tijdens de laatste CoorMulti-vergadering van 12 september 2018"),)),
        ),
        attendance=(
            AttendanceFact(meeting="coormulti/2018-02-05", actor="person/attache-vlaamse-regering-eu",
                           status="excused",
                           evidence=ev(A, "hij liet zich \nverontschuldigen voor de eerste Coormulti")),
            AttendanceFact(meeting="coormulti/2018-09-12", actor="person/attache-vlaamse-regering-eu",
                           status="not_invited", evidence=ev(A, "en was niet uitgenodigd op de vierde")),
        ),
        positions=(
            PositionFact(holder="government/vlaamse-regering", target="GCM objective 16", objective=16,
                         stance="support",
                         evidence=ev(A, "werden beoordeeld als zijnde in lijn met de \nVlaamse beleidsdoelstellingen")),
            PositionFact(holder="country/belgie", target="GCM", stance="support", date="2018-09",
                         evidence=ev(A, "dat België het pact zou goedkeuren")),
        ),
        flags=(Flag(message="the source spells Marrakesh as 'Marrekech'", evidence=ev(A, "Marrekech")),),
    )


def extraction_b() -> Extraction:
    """seeds/003: Bart Somers on the IMC Migratie en Integratie, which he attended on 1 March 2022."""
    return Extraction(
        source=B,
        sha256="b" * 64,
        documents=(
            DocumentFact(key="vlaams-parlement/sv/2022-181", kind="answer", number="181",
                         authors=("person/bart-somers",), addressees=("person/sam-van-rooy",),
                         evidence=ev(B, "op vraag nr. 181 van 7 februari 2022\nvan SAM VAN ROOY")),
        ),
        actors=(
            ActorFact(key="government/vlaamse-regering", name="Vlaamse regering", kind="government",
                      evidence=(ev(B, "Vlaamse regering"),)),
            ActorFact(
                key="person/bart-somers", name="Bart Somers", kind="person", aliases=("BART SOMERS",),
                roles=("viceminister-president van de Vlaamse Regering",),
                member_of=("government/vlaamse-regering",), evidence=(ev(B, "BART SOMERS"),),
            ),
            ActorFact(key="person/sam-van-rooy", name="Sam Van Rooy", kind="person", evidence=(ev(B, "SAM VAN ROOY"),)),
            ActorFact(key="person/sammy-mahdi", name="Sammy Mahdi", kind="person",
                      roles=("Staatssecretaris voor Asiel en Migratie",),
                      evidence=(ev(B, "Sammy Mahdi: Staatssecretaris voor Asiel en Migratie"),)),
        ),
        meetings=(
            MeetingFact(key="imc-migratie-integratie/2022-03-01", series="IMC Migratie en Integratie",
                        label="IMC met de ministers", start="2022-03-01",
                        evidence=(ev(B, "De IMC met de ministers zelf kwam samen op 01/03/2022."),)),
        ),
        attendance=(
            AttendanceFact(meeting="imc-migratie-integratie/2022-03-01", actor="person/bart-somers", status="present",
                           evidence=ev(B, "Ook op de IMC op 01/03 had ik contact met \nstaatssecretaris Mahdi")),
            AttendanceFact(meeting="imc-migratie-integratie/2022-03-01", actor="person/sammy-mahdi", status="present",
                           evidence=ev(B, "Ook op de IMC op 01/03 had ik contact met \nstaatssecretaris Mahdi")),
        ),
    )


def sample_extractions() -> list[Extraction]:
    return [extraction_a(), extraction_b()]


@pytest.mark.parametrize("make", [extraction_a, extraction_b])
def test_sample_quotes_are_the_seed_text(make) -> None:
    """Guards the fixtures themselves: every quote is the text between its offsets."""
    ex = make()
    evidences = [d.evidence for d in ex.documents] + [e for a in ex.actors for e in a.evidence]
    evidences += [e for m in ex.meetings for e in m.evidence] + [a.evidence for a in ex.attendance]
    evidences += [p.evidence for p in ex.positions] + [f.evidence for f in ex.flags if f.evidence]
    for e in evidences:
        assert seed_text(e.source)[e.start:e.end] == e.quote

"""Positions in forms the invented and held-out documents had few of: negated support (`heeft het pact niet
gesteund`, `nooit ingestemd`), who holds a stance in a condition, a `volgens X` report or a relative clause,
and votes: a Belgian committee's roll call (`Hebben tegengestemd: ...`) and the Tweede Kamer's `voor deze
gewijzigde motie hebben gestemd de leden der fracties van ...`.

Each sentence stands in the same invented agency dispatch; names and numbers are invented.
"""

from __future__ import annotations

import pytest

from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document
from gcmkg.extract.stance_cues import sentence_stance

NEWS = """Migratiepact blijft verdelen

BRUSSEL 4/12 (Belga) = Het VN-migratiepact blijft de gemoederen beroeren.

{sentence}

Belga, 04/12/2030 14:20
"""


def positions(sentence: str) -> set[tuple[str, str, str]]:
    x = extract_document(from_text("nieuws.txt", NEWS.format(sentence=sentence)))
    names = {a.key: a.name for a in x.actors}
    return {(names[p.holder], p.stance, p.target) for p in x.positions}


@pytest.mark.parametrize("sentence", [
    "Oostenrijk heeft het pact niet gesteund.",
    "Oostenrijk heeft het migratiepact nooit gesteund.",
    "Oostenrijk wilde het pact niet steunen.",
    "Oostenrijk heeft nooit ingestemd met de tekst van het pact.",
    "Oostenrijk kan het pact niet steunen.",
    "Oostenrijk heeft niet ingestemd met het GCM.",
    "Oostenrijk gaat niet akkoord met het migratiepact.",
    "Oostenrijk keurt het pact niet goed.",
    "Oostenrijk zal het pact niet goedkeuren.",
    "Oostenrijk heeft het pact niet langer willen steunen.",
    "Oostenrijk is geen voorstander van het pact.",
    "Oostenrijk stemde niet in met het pact.",
    "Oostenrijk heeft het pact nooit willen onderschrijven.",
    "Volgens Wenen is het zo dat Oostenrijk het pact niet kan steunen.",
])
def test_negated_support_is_opposition(sentence):
    assert ("Oostenrijk", "oppose", "GCM") in positions(sentence)
    assert ("Oostenrijk", "support", "GCM") not in positions(sentence)


@pytest.mark.parametrize("sentence", [
    "Oostenrijk heeft het pact gesteund, niet alleen in woorden.",
    "Niet alleen Oostenrijk steunt het pact.",
    "Oostenrijk steunde het pact niet alleen uit eigenbelang.",
    "Oostenrijk steunt het pact niet alleen, het verdedigt het ook.",
    "Oostenrijk steunt het pact, niet omdat het perfect is, maar omdat het nodig is.",
    "Oostenrijk is het niet eens met de kritiek en steunt het pact.",
    "Oostenrijk kan niet anders dan het pact steunen.",
])
def test_a_negation_that_does_not_deny_the_support_leaves_it_support(sentence):
    assert ("Oostenrijk", "support", "GCM") in positions(sentence)
    assert ("Oostenrijk", "oppose", "GCM") not in positions(sentence)


@pytest.mark.parametrize("sentence, expected", [
    # the subject of a condition holds no stance; the one who sets it is conditional
    ("Nederland steunt het pact op voorwaarde dat België een interpretatieve verklaring aflegt.",
     {("Nederland", "conditional", "GCM")}),
    ("Nederland steunt het pact, mits België het ook steunt.", {("Nederland", "conditional", "GCM")}),
    ("Nederland zal het pact steunen als Duitsland het ook steunt.", {("Nederland", "conditional", "GCM")}),
    # a relative clause: what it says is of its antecedent, not of the main clause's subject
    ("Denemarken betreurt de houding van Polen en Hongarije, die het pact niet steunen.",
     {("Polen", "oppose", "GCM"), ("Hongarije", "oppose", "GCM")}),
    ("Denemarken betreurt de houding van Hongarije, dat het GCM niet steunt.", {("Hongarije", "oppose", "GCM")}),
    ("Denemarken wees op de keuze van Polen, dat het pact verwerpt.", {("Polen", "oppose", "GCM")}),
    # an indefinite antecedent is no one in particular
    ("Een land dat het pact niet onderschrijft, blijft gewoon lid van de Verenigde Naties.", set()),
    # `volgens X`: the source holds what follows
    ("Volgens de federale regering is het pact in lijn met het Belgische beleid.",
     {("Federale Regering", "support", "GCM")}),
    ("Het Vlaams Belang citeert de premier: volgens de federale regering is het pact in lijn met het Belgische "
     "beleid.", {("Federale Regering", "support", "GCM")}),
    # `volgens` with no actor right after it changes nothing
    ("Volgens de tekst van het pact steunt Nederland de samenwerking.", {("Nederland", "support", "GCM")}),
    # `dat` as a conjunction after a verb is no relative clause
    ("De minister zegt dat Nederland het pact steunt.", {("Nederland", "support", "GCM")}),
])
def test_holders_of_conditions_reports_and_relative_clauses(sentence, expected):
    assert positions(sentence) == expected


@pytest.mark.parametrize("sentence, stance", [
    ("Polen heeft het pact nooit gesteund.", "oppose"),
    ("Polen heeft het pact gesteund.", "support"),
    ("Het is niet ondenkbaar dat Polen het pact steunt.", "support"),
])
def test_sentence_stance_reads_the_negation(sentence, stance):
    found = sentence_stance(sentence)
    assert found is not None and found[0] == stance


COMMITTEE = """KAMER VAN VOLKSVERTEGENWOORDIGERS

VERSLAG
NAMENS DE COMMISSIE VOOR DE BUITENLANDSE BETREKKINGEN
UITGEBRACHT DOOR DE HEER Ruben Declercq

over het voorstel van resolutie (DOC 57 1234/001) betreffende de opvolging van het migratiepact

De commissie heeft het voorstel besproken tijdens haar vergadering van 6 maart 2030.

III. STEMMINGEN

Het voorstel van resolutie wordt aangenomen met 6 tegen 2 stemmen en 1 onthouding.

Resultaat van de naamstemming:

Hebben voorgestemd:
Hanne Vermeulen, Stijn Goossens (N-VA); Julie Lambert (PS); Bart Coppens (CD&V).

Hebben tegengestemd:
Lotte Mertens, Pieter Wauters (VB).

Hebben zich onthouden:
Emma Dubois (Open Vld).
{tail}"""
RESOLUTION = "voorstel van resolutie (DOC 57 1234/001)"


def roll_call(tail: str = "") -> set[tuple[str, str, str]]:
    x = extract_document(from_text("verslag.txt", COMMITTEE.format(tail=tail)))
    names = {a.key: a.name for a in x.actors}
    return {(names[p.holder], p.stance, p.target) for p in x.positions if names[p.holder] != "Ruben Declercq"}


def test_each_member_of_a_roll_call_takes_the_stance_of_the_list_on_the_voted_item():
    assert roll_call() == {(n, "support", RESOLUTION) for n in ("Hanne Vermeulen", "Stijn Goossens", "Julie Lambert",
                                                         "Bart Coppens")} | \
        {(n, "oppose", RESOLUTION) for n in ("Lotte Mertens", "Pieter Wauters")} | {("Emma Dubois", "undecided", RESOLUTION)}


def test_a_roll_call_of_surnames_gives_each_member():
    text = COMMITTEE.format(tail="").split("Resultaat van de naamstemming:")[0] + (
        "Hebben tegengestemd:\nMertens, Van Wauters en Peeters.\n")
    x = extract_document(from_text("verslag.txt", text))
    names = {a.key: a.name for a in x.actors}
    assert {(names[p.holder], p.stance) for p in x.positions if p.target == RESOLUTION} == {
        ("Mertens", "oppose"), ("Van Wauters", "oppose"), ("Peeters", "oppose")}


def test_a_roll_call_ends_at_the_paragraph_after_it():
    tail = "\nDe rapporteur, Ruben Declercq. De voorzitter, Nele Claes.\n"
    assert not {p for p in roll_call(tail) if p[0] == "Nele Claes"}


def test_a_roll_call_without_an_item_put_to_the_vote_gives_nothing():
    text = "VERSLAG\n\nHebben voorgestemd:\nHanne Vermeulen (N-VA); Julie Lambert (PS).\n"
    x = extract_document(from_text("verslag.txt", text))
    assert not x.positions


@pytest.mark.parametrize("sentence, expected", [
    ("De voorzitter: Ik constateer dat voor deze gewijzigde motie hebben gestemd de leden der fracties van de PVV, "
     "het CDA en de SGP, zodat zij is verworpen.",
     {("PVV", "support"), ("CDA", "support"), ("SGP", "support")}),
    ("De voorzitter: Ik constateer dat de leden der fracties van de PVV en de SGP voor deze motie hebben gestemd, "
     "zodat zij is verworpen.", {("PVV", "support"), ("SGP", "support")}),
    ("De voorzitter: Ik constateer dat tegen deze motie hebben gestemd de leden der fracties van D66 en de VVD, "
     "zodat zij is aangenomen.", {("D66", "oppose"), ("VVD", "oppose")}),
])
def test_the_parties_that_voted_for_or_against_a_motion_hold_that_stance(sentence, expected):
    text = ("Tweede Kamer der Staten-Generaal\n\nIn stemming komt de gewijzigde motie-Verbeek c.s. (36001, nr. 77) "
            f"over het migratiepact.\n\n{sentence}\n")
    x = extract_document(from_text("handelingen.txt", text))
    names = {a.key: a.name for a in x.actors}
    parties = {(names[p.holder], p.stance) for p in x.positions if names[p.holder] != "Tweede Kamer der Staten-Generaal"}
    assert parties == expected

"""Extractors on real sentences of the seed genres: sentences in, expected facts out."""

from __future__ import annotations

import pytest

from gcmkg.extract.dates import find_dates
from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document


def run(text: str, name: str = "t.txt"):
    return extract_document(from_text(name, text))


@pytest.mark.parametrize("text, ref, expected", [
    ("op 5 en 19 februari 2018", None, [("2018-02-05", "2018-02-19")]),
    ("op 4 juni 2018 en op 12 september 2018", None, [("2018-06-04",), ("2018-09-12",)]),
    ("kwam samen op 01/03/2022.", None, [("2022-03-01",)]),
    ("Ook op de IMC op 01/03 had ik contact", "2022-02-07", [("2022-03-01",)]),
    ("bespraken op 29 mei jl. tijdens de rondvraag", "2018-05-31", [("2018-05-29",)]),
    ("op 31 mei jl. besproken", "2018-05-01", [("2017-05-31",)]),
    ("dat plaatsvond op 20 februari 20183 heeft u", None, [("2018-02-20",)]),
    ("in september 2016", None, [("2016-09",)]),
    ("op 31 februari 2018", None, []),
])
def test_dutch_dates(text, ref, expected):
    assert [m.dates for m in find_dates(text, ref)] == expected


def test_hyphenated_words_are_joined_and_offsets_point_into_the_original():
    original = "de verschil-\nlende regeringen"
    doc = from_text("t.txt", original)
    assert doc.text == "de verschillende regeringen"
    start = doc.text.index("regeringen")
    s, e, quote = doc.span(start, start + len("regeringen"))
    assert original[s:e] == quote == "regeringen"


FLEMISH = """ VN-migratiepact  -  Vergaderingen

1. Hoeveel vergaderingen hebben er plaatsgevonden?

JAN PEETERS
MINISTER-PRESIDENT VAN DE VLAAMSE REGERING

ANTWOORD
op vraag nr. 12 van 3 maart 2020
van ANNA DE SMET

1. Er vonden drie Coormulti-vergaderingen plaats, namelijk op 2 en 16 januari 2020 en op 5 februari 2020.
Vanuit die functie nam de attaché van het departement Buitenlandse Zaken deel aan de Coormulti-vergaderingen: hij liet zich verontschuldigen voor de eerste Coormulti, hij nam deel aan de tweede vergadering, en was niet uitgenodigd op de derde.
"""


def test_flemish_question_and_answer():
    x = run(FLEMISH)
    kinds = {(d.kind, d.number, d.date) for d in x.documents}
    assert kinds == {("written_question", "12", "2020-03-03"), ("answer", "12", None)}
    names = {a.name for a in x.actors if a.kind == "person"}
    assert {"Jan Peeters", "Anna De Smet"} <= names
    assert {m.start for m in x.meetings} == {"2020-01-02", "2020-01-16", "2020-02-05"}
    att = {(t.meeting.split("/")[1], t.status) for t in x.attendance if "attache" in t.actor}
    assert att == {("2020-01-02", "excused"), ("2020-01-16", "present"), ("2020-02-05", "not_invited")}


def test_every_evidence_quote_is_the_original_text_at_its_offsets():
    x = run(FLEMISH)
    facts = list(x.attendance) + list(x.positions) + list(x.documents)
    evidence = [f.evidence for f in facts] + [e for a in x.actors for e in a.evidence]
    assert evidence
    for ev in evidence:
        assert FLEMISH[ev.start:ev.end] == ev.quote


@pytest.mark.parametrize("sentence, holder, stance, objectives", [
    ("Het kabinet constateert dat de 23 algemene doelstellingen in lijn zijn met bestaande verplichtingen.",
     "government/nederlands-kabinet", "support", set(range(1, 24))),
    ("Volgens de laatste informatie heeft Kroatië besloten het GCM te steunen.", "country/kroatie", "support", {None}),
    ("Hongarije meldde het GCM niet te willen steunen.", "country/hongarije", "oppose", {None}),
])
def test_positions(sentence, holder, stance, objectives):
    text = "Tweede Kamer der Staten-Generaal. Het GCM en het GCM en het GCM.\n\n" + sentence + "\n"
    x = run(text)
    got = {(p.holder, p.stance, p.objective) for p in x.positions}
    assert {(holder, stance, o) for o in objectives} <= got


def test_a_question_states_no_position_of_the_asker():
    text = "Tweede Kamer. Het GCM. Het GCM. Het GCM.\n\nBent u voorstander van het steunen van het GCM?\n"
    x = run(text)
    assert not [p for p in x.positions if p.holder.startswith("person/")]


def test_party_tags_in_a_member_list():
    x = run("Samenstelling:\nEngels (D66), Nagel (50plus), Van Bijsterveld (CDA), Strik (GL) (vicevoorzitter)\n")
    parties = {a.name: a.party for a in x.actors if a.kind == "person"}
    assert parties == {"Engels": "party/d66", "Nagel": "party/50plus", "Van Bijsterveld": "party/cda",
                       "Strik": "party/gl"}


@pytest.mark.parametrize("text, name", [
    ("Tegenwoordig zijn 71 leden, alsmede de heer Van Oosterzee, minister van Buitenlandse Zaken.", "Van Oosterzee"),
    ("01.01 Jan Van den Broeck (N-VA): Mijnheer de voorzitter, ik heb een vraag.", "Jan Van den Broeck"),
    ("Mevrouw Aydın (GroenLinks):\nVoorzitter. Ik heb een vraag.", "Aydın"),
    ("Afwezig: Rachid El Khattabi, met zending buitenslands.", "Rachid El Khattabi"),
])
def test_names_with_particles_and_letters_beyond_latin_1(text, name):
    assert [a.name for a in run(text).actors if a.kind == "person"] == [name]


def test_an_office_of_a_ministry_is_no_surname():
    assert not [a for a in run("De Minister Van Buitenlandse Zaken antwoordt.").actors if a.kind == "person"]


@pytest.mark.parametrize("text, office", [
    ("Ook de bondskanselier was in Marrakesh.", "Bondskanselier"),
    ("De tekst werd voorgelezen door de secretaris-generaal van de VN.", "Secretaris-generaal van de VN"),
    ("Volgens de Marokkaanse minister van Buitenlandse Zaken was het een succes.",
     "Marokkaanse minister van Buitenlandse Zaken"),
])
def test_a_person_known_only_by_an_office(text, office):
    assert office in [a.name for a in run(text).actors if a.kind == "person"]

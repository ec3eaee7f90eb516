"""Meetings, days and attendance in forms the invented and held-out documents had few of: meetings called
off, `de 5e jl.`, `van 10 tot en met 12 december`, a bare weekday in news, a Tweede Kamer sitting's
surname-only member list, minutes headed `Datum: vrijdag 20/07/2030`, and an `Aanwezig:` list that belongs
to the committee meeting, not to another meeting the text names.

Names, numbers and dates are invented (2030).
"""

from __future__ import annotations

import pytest

from gcmkg.extract.dates import find_dates
from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document


def run(text: str, name: str = "t.txt"):
    return extract_document(from_text(name, text))


def meetings(x) -> set[tuple]:
    return {(m.series, m.start, m.end) for m in x.meetings}


def attendance(x) -> set[tuple[str, str, str]]:
    names = {a.key: a.name for a in x.actors}
    starts = {m.key: m.start for m in x.meetings}
    return {(names[a.actor], a.status, starts[a.meeting] or "") for a in x.attendance}


ANSWER = """VLAAMS PARLEMENT

SCHRIFTELIJKE VRAAG
nr. 215 van 3 maart 2030
van ANNA MERTENS
aan JAN PEETERS
VLAAMS MINISTER VAN BINNENLANDS BESTUUR

VN-migratiepact - IMC

1. De IMC Migratie en Integratie kwam samen op 10 januari 2030.

2. {sentence}
"""
IMC = "IMC Migratie en Integratie"


@pytest.mark.parametrize("sentence, called_off", [
    ("De vergadering van de IMC van 24 januari 2030 werd afgelast.", "2030-01-24"),
    ("De IMC-vergadering van 7 februari 2030 is niet doorgegaan.", "2030-02-07"),
    ("De IMC van 7 februari 2030 ging uiteindelijk niet door.", "2030-02-07"),
    ("De IMC die op 14 februari 2030 zou samenkomen, werd uitgesteld tot een latere datum.", "2030-02-14"),
    ("De IMC van 21 februari 2030 werd geannuleerd wegens een staking.", "2030-02-21"),
    ("Afgelast werd de IMC van 21 februari 2030.", "2030-02-21"),
])
def test_a_meeting_called_off_is_no_meeting(sentence, called_off):
    x = run(ANSWER.format(sentence=sentence))
    assert called_off not in {m.start for m in x.meetings}
    assert (IMC, "2030-01-10", None) in meetings(x)


@pytest.mark.parametrize("sentence, held", [
    # only the one called off: the other stands
    ("De IMC van 12 februari 2030 ging door, die van 21 februari 2030 werd geannuleerd.", "2030-02-12"),
    # the new day of a postponed meeting is not called off
    ("De IMC van 14 februari 2030 werd uitgesteld. De IMC kwam op 28 februari 2030 samen.", "2030-02-28"),
    # not called off
    ("De IMC van 14 februari 2030 werd niet afgelast, ondanks de staking.", "2030-02-14"),
    ("Indien de IMC van 14 februari 2030 wordt afgelast, volgt een nieuwe datum.", "2030-02-14"),
])
def test_a_meeting_that_took_place_is_kept(sentence, held):
    assert held in {m.start for m in run(ANSWER.format(sentence=sentence)).meetings}


def test_attendance_at_a_meeting_called_off_is_not_given_to_another_meeting():
    sentence = ("De IMC van 21 februari 2030 werd geannuleerd. De Vlaamse Regering was uitgenodigd voor de IMC "
                "van 21 februari 2030.")
    x = run(ANSWER.format(sentence=sentence))
    assert not attendance(x)


@pytest.mark.parametrize("text, ref, expected", [
    ("de 5e jl.", "2030-12-06", ("2030-12-05",)),
    ("op de 12de jl.", "2030-12-06", ("2030-11-12",)),  # the 12th has not yet come in December: November's
    ("de 3e laatstleden", "2030-01-02", ("2029-12-03",)),
    ("5 december jl.", "2030-12-06", ("2030-12-05",)),
    ("20 december jl.", "2030-12-06", ("2029-12-20",)),
    ("van 10 tot en met 12 december 2030", None, ("2030-12-10", "2030-12-12")),
])
def test_last_and_range_dates(text, ref, expected):
    assert [d.dates for d in find_dates(text, ref)] == [expected]


def test_de_5e_without_jl_or_a_document_date_is_no_date():
    assert find_dates("de 5e jl.") == [] and find_dates("de 5e keer", "2030-12-06") == []


NEWS = """Migratiepact: debat in de Kamer

BRUSSEL 6/12 (Belga) = {sentence}

Belga, 06/12/2030 11:05
"""


@pytest.mark.parametrize("sentence, expected", [
    # Friday 6 December 2030: the Tuesday before it
    ("De Kamer van volksvertegenwoordigers heeft op dinsdag een debat gehouden over het migratiepact.",
     ("debat", "2030-12-03", None)),
    ("De Kamer debatteerde dinsdag over het migratiepact.", ("plenaire vergadering", "2030-12-03", None)),
    ("Op maandag vergaderde de IMC over het pact.", ("IMC", "2030-12-02", None)),
    ("De IMC komt op maandag opnieuw samen.", ("IMC", "2030-12-09", None)),  # what will happen: the next Monday
    ("De Kamer stemt donderdag over de resolutie.", ("plenaire vergadering", "2030-12-12", None)),
    ("De regering besliste dinsdag in het kernkabinet om het pact te steunen.", ("kernkabinet", "2030-12-03", None)),
    ("De JBZ-Raad kwam de 4e jl. samen in Brussel.", ("JBZ-Raad", "2030-12-04", None)),
    ("De Algemene Vergadering van de Verenigde Naties vergadert van 10 tot en met 12 december in New York.",
     ("Algemene Vergadering VN", "2030-12-10", "2030-12-12")),
])
def test_days_in_news_from_the_dispatch_date(sentence, expected):
    # the dateline's own date (`BRUSSEL 6/12 (Belga) =`) dates the dispatch, not the meeting
    assert meetings(run(NEWS.format(sentence=sentence))) == {expected}


HANDELINGEN = """Tweede Kamer der Staten-Generaal

32e vergadering

Dinsdag 4 december 2030

Voorzitter: Van der Linden

Aanwezig zijn 139 leden der Kamer, te weten:

Aarts, Van Beuningen, Bosma, Jasper van Dijk, De Groot-Kuipers, Van 't Hof, El Idrissi, Yeşilgöz-Zegerius en
Zwart,

en de heer Veenstra, minister van Buitenlandse Zaken.

De voorzitter: Ik open de vergadering.

De heer Bosma (PVV): Voorzitter. Mijn fractie wijst het pact af.
"""


def test_a_surname_only_member_list_gives_each_member_present_at_the_sitting():
    x = run(HANDELINGEN)
    day = "2030-12-04"
    assert {m[1] for m in meetings(x)} == {day}
    present = {name for name, status, d in attendance(x) if status == "present" and d == day}
    assert {"Aarts", "Van Beuningen", "Bosma", "Jasper van Dijk", "De Groot-Kuipers", "Van 't Hof", "El Idrissi",
            "Yeşilgöz-Zegerius", "Zwart", "Veenstra"} <= present


def test_a_list_that_is_not_of_surnames_names_no_new_members():
    text = HANDELINGEN.replace("Aarts, Van Beuningen, Bosma, Jasper van Dijk, De Groot-Kuipers, Van 't Hof, El Idrissi, "
                               "Yeşilgöz-Zegerius en\nZwart,", "de leden van alle fracties, behalve twee,")
    assert text != HANDELINGEN
    names = {a.name for a in run(text).actors}
    assert not {"de leden", "Behalve", "Fracties"} & names


MINUTES = """NOTULEN

Werkgroep Migratie van de IMC

{datum}
Plaats: FOD Binnenlandse Zaken, Brussel

Aanwezig:
- Sofie Claes (kabinet Vlaams minister van Binnenlands Bestuur)
- Marc Lenaerts (FOD Buitenlandse Zaken)

1. Goedkeuring van het verslag van de vorige vergadering.
"""


@pytest.mark.parametrize("datum, day", [
    ("Datum: vrijdag 20/07/2030", "2030-07-20"),
    ("Datum: 20 juli 2030", "2030-07-20"),
])
def test_minutes_with_a_datum_line_are_a_meeting_on_that_day(datum, day):
    x = run(MINUTES.format(datum=datum))
    assert {(d.kind, d.date) for d in x.documents} == {("report", day)}
    assert attendance(x) == {("Sofie Claes", "present", day), ("Marc Lenaerts", "present", day)}


def test_minutes_may_name_the_body_above_the_heading():
    text = MINUTES.format(datum="Datum: vrijdag 20/07/2030").replace(
        "NOTULEN\n\nWerkgroep Migratie van de IMC\n", "Werkgroep Migratie van de IMC\nNOTULEN\n")
    x = run(text)
    assert {(d.kind, d.date) for d in x.documents} == {("report", "2030-07-20")}
    assert {d for _, _, d in attendance(x)} == {"2030-07-20"}


def test_a_datum_line_without_a_minutes_heading_dates_no_meeting():
    x = run(MINUTES.format(datum="Datum: vrijdag 20/07/2030").replace("NOTULEN\n", "Beste collega's,\n"))
    assert not x.meetings


COMMITTEE = """KAMER VAN VOLKSVERTEGENWOORDIGERS

Commissie voor Buitenlandse Betrekkingen

{title}

Aanwezig: Lien Dewulf (voorzitter), Bram Cools, Ines Vermeiren

De voorzitter herinnert eraan dat de CoorMulti op 5 november 2030 vergaderde over het migratiepact.
"""


def test_a_committee_list_is_not_the_list_of_a_meeting_the_text_names_after_it():
    x = run(COMMITTEE.format(title="Integraal verslag van de commissievergadering"))
    assert ("CoorMulti", "2030-11-05", None) in meetings(x)
    assert not attendance(x)


def test_a_committee_list_belongs_to_the_committee_meeting_of_its_heading():
    x = run(COMMITTEE.format(title="Verslag van de vergadering van dinsdag 12 november 2030"))
    assert {(n, s, d) for n, s, d in attendance(x)} == {(n, "present", "2030-11-12") for n in
                                                        ("Lien Dewulf", "Bram Cools", "Ines Vermeiren")}

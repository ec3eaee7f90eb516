"""How letters, news and press releases name and date meetings: `de JBZ-Raad van 6 en 7 december`,
`het Benelux-overleg op vrijdag 30 november`, `wordt woensdag ... in stemming gebracht`, `heeft vandaag ...
bijgewoond`, `3 oktober` without a year, `Raadswerkgroep Migratie`, and what is not a meeting's day.

Dates and names are invented (2030-2031). A letter dated Wednesday 12 March 2031 gives the year and the day
from which `woensdag`, `vandaag` and `jl.` are counted.
"""

from __future__ import annotations

import pytest

from gcmkg.extract.dates import find_dates, relative_dates, weekday_dates
from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document

HEAD = """De Voorzitter van de Tweede Kamer
der Staten-Generaal

Datum       {date}
Betreft     Stand van zaken

Geachte Voorzitter,

"""
TAIL = """

De Minister van Buitenlandse Zaken,

P.J. Haverkamp
"""


def letter(body: str, date: str = "12 maart 2031") -> set[tuple]:
    x = extract_document(from_text("t.txt", HEAD.format(date=date) + body + TAIL))
    assert x.documents and x.documents[0].date, "the letter's own date is read"
    return {(m.series, m.start, m.end) for m in x.meetings}


def starts(body: str, date: str = "12 maart 2031") -> set[str]:
    return {s for _, s, _ in letter(body, date)}


@pytest.mark.parametrize(("body", "expected"), [
    ("Het onderwerp komt aan de orde tijdens de JBZ-Raad van 20 en 21 maart aanstaande.",
     {("JBZ-Raad", "2031-03-20", "2031-03-21")}),
    ("Tijdens het notaoverleg van 3 maart jl. heb ik toegezegd uw Kamer te informeren.",
     {("commissie", "2031-03-03", None)}),
    ("De Raad Buitenlandse Zaken van 17 maart bespreekt het verslag.", {("Raad Buitenlandse Zaken", "2031-03-17", None)}),
])
def test_a_named_meeting_with_a_day_and_month_takes_the_year_of_the_letter(body, expected):
    assert letter(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Benelux-overleg van vrijdag 7 maart\nHet overleg vond plaats op vrijdag 7 maart in Brussel.",
     {("Benelux-overleg", "2031-03-07", None)}),
    ("Tijdens het Benelux-overleg op 7 maart is het verslag besproken.", {("Benelux-overleg", "2031-03-07", None)}),
    ("In het verslag van een schriftelijk overleg van 7 maart staat niets nieuws.", set()),
])
def test_a_compound_overleg_names_its_series_and_the_overleg_after_it_is_the_same(body, expected):
    assert letter(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # future: the next such day after the letter's date (Wednesday 12 March 2031)
    ("De resolutie wordt woensdag in de Algemene Vergadering in stemming gebracht.", {"2031-03-19"}),
    ("De resolutie wordt vrijdag in de Algemene Vergadering in stemming gebracht.", {"2031-03-14"}),
    # past: the last such day, which may be the day itself
    ("De Algemene Vergadering van de VN stemt vrijdag over de resolutie.", {"2031-03-14"}),
    ("De Algemene Vergadering van de Verenigde Naties heeft woensdag de resolutie aangenomen.", {"2031-03-12"}),
    ("De Algemene Vergadering van de Verenigde Naties heeft maandag de resolutie aangenomen.", {"2031-03-10"}),
    # a sentence that is both past and future gives a bare weekday no day
    ("De Algemene Vergadering heeft maandag gesproken en zal later stemmen.", set()),
])
def test_a_bare_weekday_is_counted_from_the_document_date(body, expected):
    assert starts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("De conferentie in Marrakesh, die maandag en dinsdag plaatsvindt, zal het pact aannemen.",
     {("Intergouvernementele Conferentie Marrakesh", "2031-03-17", "2031-03-18")}),
    ("De Algemene Vergadering zal woensdag tot en met vrijdag vergaderen.",
     {("Algemene Vergadering VN", "2031-03-19", "2031-03-21")}),
])
def test_two_weekdays_joined_are_one_meeting_over_those_days(body, expected):
    assert letter(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("De minister heeft vandaag in de Algemene Vergadering de stemming bijgewoond.", {"2031-03-12"}),
    ("De minister had eerder vandaag een bilateraal onderhoud met haar ambtgenoot.", {"2031-03-12"}),
    ("De minister heeft gisteren de Algemene Vergadering toegesproken.", {"2031-03-11"}),
    ("Morgen stemt de Algemene Vergadering over de resolutie.", {"2031-03-13"}),
    ("Vandaag ontving ik uw brief.", set()),  # no meeting named
])
def test_vandaag_gisteren_morgen_date_the_meeting_next_to_them(body, expected):
    assert starts(body) == expected


def test_a_relative_day_without_a_document_date_is_no_date():
    assert relative_dates("De stemming is vandaag.", None) == []
    assert [d.dates for d in relative_dates("De stemming is vandaag.", "2031-03-12")] == [("2031-03-12",)]


@pytest.mark.parametrize(("body", "date", "expected"), [
    # written in January about a past October: the October before
    ("Op de vergadering van de IMC Werk en Inburgering van 3 oktober was ik zelf aanwezig.", "14 januari 2031",
     {"2030-10-03"}),
    # a few weeks after the text's date: an answer may be later than its question's date, keep the year
    ("Op de vergadering van de IMC Werk en Inburgering van 3 februari was ik zelf aanwezig.", "14 januari 2031",
     {"2031-02-03"}),
    # announced: the year of the text
    ("De IMC Werk en Inburgering zal op 3 oktober vergaderen.", "14 januari 2031", {"2031-10-03"}),
])
def test_a_yearless_past_meeting_months_after_the_text_is_of_the_year_before(body, date, expected):
    assert starts(body, date) == expected


@pytest.mark.parametrize(("heading", "flags"), [
    ("Vergaderkalender IMC Werk en Inburgering 2031", 2),  # the text names another year: reported
    ("Vergaderkalender IMC Werk en Inburgering", 0),
])
def test_a_yearless_date_takes_the_year_the_document_gives_that_meetings_day(heading, flags):
    body = ("De IMC Werk en Inburgering kwam in 2030 tweemaal samen:\n- 03/10/2030\n- 26/11/2030\n\n"
            f"{heading}\n- 3 oktober: plenaire IMC\n- 26 november: plenaire IMC")
    x = extract_document(from_text("t.txt", HEAD.format(date="14 januari 2031") + body + TAIL))
    assert {(m.series, m.start) for m in x.meetings} == {("IMC Werk en Inburgering", "2030-10-03"),
                                                        ("IMC Werk en Inburgering", "2030-11-26")}
    assert sum("has no year" in f.message for f in x.flags) == flags


@pytest.mark.parametrize(("body", "expected"), [
    ("De voorbereiding vond plaats in de Raadswerkgroep Migratie, onder meer op 4 maart 2031.",
     {("Raadswerkgroep Migratie", "2031-03-04", None)}),
    ("De Raadswerkgroep Migratie besprak het verslag. Op 10 maart jl. heeft de Raadswerkgroep het verloop "
     "geëvalueerd.", {("Raadswerkgroep Migratie", "2031-03-10", None)}),
])
def test_a_council_working_party_is_a_meeting_series(body, expected):
    assert letter(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the date belongs to the withdrawal, a clause joined by `en heeft`
    ("Een land heeft zich op 9 maart 2031 teruggetrokken en heeft de conferentie in Marrakesh niet bijgewoond.",
     set()),
    ("Een land heeft de conferentie in Marrakesh op 9 maart 2031 niet bijgewoond.", {"2031-03-09"}),
])
def test_a_date_of_another_clause_is_not_the_meetings(body, expected):
    assert starts(body) == expected


@pytest.mark.parametrize(("text", "yearless"), [
    ("op 3 oktober", True), ("op 3 oktober 2030", False), ("op 03/10", True), ("op 03/10/2030", False),
    ("op 29 mei jl.", True),
])
def test_a_date_knows_whether_its_year_was_written(text, yearless):
    [d] = find_dates(text, "2031-01-14")
    assert d.yearless is yearless


def test_weekday_ranges_are_one_mention():
    [d] = weekday_dates("maandag en dinsdag", "2031-03-12")
    assert (d.dates, d.is_range) == (("2031-03-17", "2031-03-18"), True)
    assert len(weekday_dates("maandag, na dinsdag", "2031-03-12")) == 2


@pytest.mark.parametrize(("body", "expected"), [
    ("De IMC Werk en Inburgering besprak het pact. Op 4/3/2031 vond de eerste opvolgingsvergadering van de IMC "
     "plaats.", {("IMC Werk en Inburgering", "2031-03-04", None)}),
    ("De IMC Werk en Inburgering besprak het pact. Op 4/3/2031 las ik de opvolgingsnota.", set()),
])
def test_a_compound_vergadering_is_a_meeting_of_the_body_named(body, expected):
    assert letter(body) == expected


@pytest.mark.parametrize("padding", [0, 80])  # short texts are scanned whole, long ones only where words start
def test_a_venue_after_an_adjective_names_the_conference(padding):
    body = "Het kabinet blijft de uitvoering volgen.\n" * padding + (
        "Vertegenwoordigers van 150 landen hebben woensdag in het Marokkaanse Marrakesh het pact aangenomen.")
    assert letter(body) == {("Intergouvernementele Conferentie Marrakesh", "2031-03-12", None)}

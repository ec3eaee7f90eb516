"""Document metadata of genres beyond questions and answers: a Kamerbrief on ministry paper, numbered sittings,
Flemish `Plen.` records, committee-debate reports, agency dispatches, press releases and minutes.

Every name, number and date is invented (2030-2031); each construction is tested on a text that has it and
on one that only looks like it, so that a pass means the layout was read.
"""

from __future__ import annotations

import pytest

from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document


def run(text: str):
    return extract_document(from_text("t.txt", text))


def docs(x) -> set[tuple]:
    names = {a.key: a.name for a in x.actors}
    return {(d.kind, d.number, d.date, tuple(sorted(names.get(k, k) for k in d.authors))) for d in x.documents}


def meetings(x) -> set[tuple]:
    return {(m.series, m.start, m.end) for m in x.meetings}


BODY = """
Geachte Voorzitter,

Hierbij informeer ik uw Kamer over de voorbereiding van de conferentie. Het
kabinet steunt de inzet.

"""
MINISTRY_LETTER = """> Retouradres Postbus 20200 2500 EE Den Haag

De Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
Den Haag

Datum       14 februari 2031
Betreft     Stand van zaken regionale samenwerking

Directie Europese Samenwerking
Postbus 20200
""" + BODY + """De Minister van Justitie en Veiligheid,

{signature}
"""


@pytest.mark.parametrize(("signature", "expected"), [
    ("R.T. Molenaar", {("letter", None, "2031-02-14", ("R.T. Molenaar",))}),
    ("\nR.T. Molenaar", {("letter", None, "2031-02-14", ("R.T. Molenaar",))}),  # two blank lines
    ("", set()),  # no signature: not read as a letter of this layout
])
def test_a_kamerbrief_on_ministry_paper_has_its_datum_line_and_signatory(signature, expected):
    x = run(MINISTRY_LETTER.format(signature=signature))
    assert docs(x) == expected
    if expected:
        letter = x.documents[0]
        assert letter.title == "Stand van zaken regionale samenwerking"
        assert letter.addressees == ("parliament/tweede-kamer-der-staten-generaal",)
        assert letter.parliament == "parliament/tweede-kamer-der-staten-generaal"


def test_the_datum_line_of_a_letter_dates_no_meeting():
    text = MINISTRY_LETTER.replace("Betreft     Stand", "Betreft     Verslag overleg over de stand").format(
        signature="R.T. Molenaar")
    assert meetings(run(text)) == set()


SITTING = """{house}

{line}

Voorzitter: Dekema

De voorzitter: Ik open de vergadering. (Zie vergadering van 27 mei 2031.)
"""


@pytest.mark.parametrize(("house", "line", "expected"), [
    ("EERSTE KAMER DER STATEN-GENERAAL", "7e vergadering                     Woensdag 4 juni 2031",
     ("plenary_record", "7", "2031-06-04", "parliament/eerste-kamer-der-staten-generaal")),
    ("Tweede Kamer der Staten-Generaal", "21ste vergadering   4 juni 2031",
     ("plenary_record", "21", "2031-06-04", "parliament/tweede-kamer-der-staten-generaal")),
    ("EERSTE KAMER DER STATEN-GENERAAL", "In de 7e vergadering van 4 juni 2031 is gestemd.", None),
])
def test_a_numbered_sitting_is_a_plenary_record_and_a_meeting(house, line, expected):
    x = run(SITTING.format(house=house, line=line))
    got = [(d.kind, d.number, d.date, d.parliament) for d in x.documents]
    if expected is None:
        assert not any(d.kind == "plenary_record" for d in x.documents)
        return
    assert got == [expected]
    assert {m.start for m in x.meetings} == {"2031-06-04", "2031-05-27"}


FLEMISH = """Vlaams Parlement

Handelingen

Woensdag 12 maart 2031

{line}

De voorzitter: De vergadering is geopend.
"""


@pytest.mark.parametrize(("line", "expected"), [
    ("Plen. 22 (2030-2031) – 12 maart 2031", {("plenary_record", "22 (2030-2031)", "2031-03-12", ())}),
    ("Comm. C81 (2030-2031) – 12 maart 2031", {("committee_record", "C81 (2030-2031)", "2031-03-12", ())}),
    ("Plenaire vergadering nr. 22 (2030-2031) – 12 maart 2031",
     {("plenary_record", "22 (2030-2031)", "2031-03-12", ())}),
    ("Zie Plen. 22 in de bijlage.", set()),
])
def test_flemish_records_are_read_from_their_short_heading(line, expected):
    x = run(FLEMISH.format(line=line))
    assert docs(x) == expected
    if expected and next(iter(expected))[0] == "plenary_record":
        assert ("plenaire vergadering Vlaams Parlement", "2031-03-12", None) in meetings(x)


FLEMISH_THREE_LINES = """{house}
Commissie voor Welzijn, Volksgezondheid en Gezin

Zittingsjaar 2030-2031

Handelingen

Commissievergadering
C77 – WEL12
Dinsdag 11 maart 2031

Aanwezig:
Voorzitter: mevrouw Els Verbruggen
"""


@pytest.mark.parametrize(("house", "expected"), [
    ("Vlaams Parlement", {("committee_record", "C77 (2030-2031)", "2031-03-11", ())}),
    ("Gemeenteraad Lier", set()),  # the same heading under another assembly is not read as Flemish
])
def test_a_flemish_record_heading_may_stand_on_three_lines(house, expected):
    x = run(FLEMISH_THREE_LINES.format(house=house))
    assert {d for d in docs(x) if d[0] == "committee_record"} == expected


COMMITTEE_DEBATE = """Tweede Kamer der Staten-Generaal                                           2
Vergaderjaar 2030–2031

41 377                    Grensbeleid

Nr. 44                    {what}
                          Vastgesteld 2 april 2031

De vaste commissie voor Justitie en Veiligheid en de vaste commissie voor
Europese Zaken hebben op 12 maart 2031 overleg gevoerd met minister Lindeboom.

Van dit overleg brengen de commissies bijgaand geredigeerd woordelijk verslag
uit.

De voorzitter van de vaste commissie voor Justitie en Veiligheid,
Oldenkamp

De griffier van de vaste commissie voor Justitie en Veiligheid,
Zwartjes

Voorzitter: Oldenkamp
"""


@pytest.mark.parametrize(("what", "kind"), [
    ("VERSLAG VAN EEN COMMISSIEDEBAT", "committee_record"),
    ("VERSLAG VAN EEN ALGEMEEN OVERLEG", "committee_record"),
])
def test_a_committee_debate_report_is_a_committee_record_signed_by_chair_and_clerk(what, kind):
    x = run(COMMITTEE_DEBATE.format(what=what))
    [d] = x.documents
    names = {a.key: a.name for a in x.actors}
    assert (d.kind, d.number, d.date) == (kind, "41 377, nr. 44", "2031-04-02")
    assert {"Oldenkamp", "Zwartjes", "vaste commissie voor Justitie en Veiligheid",
            "vaste commissie voor Europese Zaken"} <= {names[k] for k in d.authors}
    # the meeting is the day of the debate, not the day the report was settled
    assert {m.start for m in x.meetings} == {"2031-03-12"}


def test_a_written_consultation_report_stays_a_report():
    text = COMMITTEE_DEBATE.format(what="VERSLAG VAN EEN SCHRIFTELIJK OVERLEG").replace(
        "geredigeerd woordelijk verslag", "verslag")
    assert [d.kind for d in run(text).documents] == ["report"]


WIRE = """Akkoord over terugkeer bereikt in Genève

{dateline} Ministers van twaalf landen hebben maandag in
Genève een akkoord over terugkeer gesloten.

{closing}
"""


@pytest.mark.parametrize(("dateline", "closing", "date"), [
    ("GENÈVE 10/3 (BELGA) =", "Belga, 10/03/2031 16:20", "2031-03-10"),
    ("GENÈVE (ANP) -", "ANP\n10 maart 2031, 21:05", "2031-03-10"),
    ("BRUSSEL, 10 maart 2031 (Belga) -", "(JVH)", "2031-03-10"),
    ("BRUSSEL, 10 maart (Belga) -", "Belga, 10/03/2031 16:20", "2031-03-10"),
    ("GENÈVE 10/3 (BELGA) =", "(JVH)", None),  # no year anywhere: no date rather than a guess
])
def test_an_agency_dispatch_is_news_dated_by_its_dateline_and_feed_line(dateline, closing, date):
    x = run(WIRE.format(dateline=dateline, closing=closing))
    assert [(d.kind, d.date, d.title) for d in x.documents] == [
        ("news", date, "Akkoord over terugkeer bereikt in Genève")]
    agency = [a for a in x.actors if a.name.lower() in ("belga", "anp")]
    assert agency, [a.name for a in x.actors]


def test_a_dateline_without_an_agency_is_no_dispatch():
    x = run(WIRE.format(dateline="GENÈVE 10/3 =", closing="10/03/2031"))
    assert not any(d.kind == "news" for d in x.documents)


PRESS = """{head}

Federale Overheidsdienst Binnenlandse Zaken, Werk en
Sociaal Overleg
Kabinet van de minister van Binnenlandse Zaken

{dateline}

België tekent verklaring over terugkeer

De minister van Binnenlandse Zaken heeft vandaag in Genève de verklaring over
terugkeer ondertekend.
"""


@pytest.mark.parametrize(("head", "dateline", "expected"), [
    ("PERSBERICHT", "Antwerpen, 2 april 2031",
     {("other", None, "2031-04-02", ("Kabinet van de minister van Binnenlandse Zaken",))}),
    ("Persbericht", "Brussel, woensdag 2 april 2031",
     {("other", None, "2031-04-02", ("Kabinet van de minister van Binnenlandse Zaken",))}),
    ("PERSBERICHT", "Binnenkort meer informatie.", set()),  # no dateline
    ("Nota aan de pers", "Antwerpen, 2 april 2031", set()),
])
def test_a_press_release_is_dated_by_its_dateline_and_written_by_the_cabinet(head, dateline, expected):
    x = run(PRESS.format(head=head, dateline=dateline))
    assert docs(x) == expected
    if expected:
        assert x.documents[0].title == "België tekent verklaring over terugkeer"
        assert {a.kind for a in x.actors if a.name.startswith("Kabinet")} == {"cabinet"}


MINUTES = """{org}

{what}
van de vergadering van {body}

Brussel, 3 maart 2031

M (2031) 1

1. Opening

De vergadering wordt geopend door de voorzitter. De notulen van de vergadering van
2 december 2030 worden goedgekeurd.

2. Volgende vergadering

De volgende vergadering vindt plaats op dinsdag 7 oktober 2031 in Luxemburg.

Voor het secretariaat-generaal,

Maartje Hulshof
secretaris-generaal
"""


@pytest.mark.parametrize(("what", "body", "series"), [
    ("SAMENVATTING", "het Comité van Ministers van de Benelux Unie", "Comité van Ministers Benelux"),
    ("NOTULEN", "de Stuurgroep Terugkeer", "Stuurgroep Terugkeer"),
])
def test_minutes_are_a_report_and_the_meeting_of_their_date(what, body, series):
    x = run(MINUTES.format(org="BENELUX UNIE\nSecretariaat-generaal", what=what, body=body))
    assert docs(x) == {("report", "M (2031) 1", "2031-03-03", ("Maartje Hulshof",))}
    assert {(series, d) for d in ("2031-03-03", "2030-12-02", "2031-10-07")} == {(m.series, m.start) for m in x.meetings}


def test_a_minutes_phrase_in_running_text_is_no_heading():
    text = ("Vraag nr. 12 van 3 maart 2031 van de heer Jan Wouters aan de minister van Binnenlandse Zaken\n\n"
            "Terugkeer\n\nIs het verslag van de vergadering van de Stuurgroep Terugkeer al beschikbaar?\n")
    assert [d.kind for d in run(text).documents] == ["written_question"]

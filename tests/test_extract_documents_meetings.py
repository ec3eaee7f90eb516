"""Document metadata and meetings on invented documents laid out as parliaments and newspapers lay them out.

Every name, number and date here is made up (years 2030-2031), so a pass means the
layout was read, not that a known document was recognised.
"""

from __future__ import annotations

import pytest

from gcmkg.extract.dates import find_dates, weekday_dates
from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document


def run(text: str, name: str = "t.txt"):
    return extract_document(from_text(name, text))


def docs(x) -> set[tuple]:
    names = {a.key: a.name for a in x.actors}
    return {(d.kind, d.number, d.date, tuple(sorted(names.get(k, k) for k in d.authors))) for d in x.documents}


def meetings(x) -> set[tuple]:
    return {(m.series, m.start, m.end) for m in x.meetings}


KAMERBRIEF = """Tweede Kamer der Staten-Generaal                                        2
Vergaderjaar 2030–2031

41 208                    Internationale samenwerking

Nr. 17                    BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN

                          Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

                          Den Haag, 3 februari 2031

Hierbij informeer ik uw Kamer over de inzet. Het GCM werd op 2 maart 2030 in
Marrakesh aangenomen en op 9 maart 2030 door de Algemene Vergadering van de
Verenigde Naties bekrachtigd. Het Forum vindt plaats van 5 tot en met 8 mei 2031
in New York; het eerste International Migration Review Forum (IMRF) bereidt de
EU voor in de Raadswerkgroep op hoog niveau Asiel en Migratie (HLWG). Tijdens de
vergadering van 14 januari 2031 bleek een gezamenlijke verklaring niet haalbaar.

Het interdepartementaal overleg grensbeheer (IOG) bereidde dit voor. Het IOG kwam
twee keer bijeen, op 4/1/2031 en op 21/01/2031.

De Minister van Buitenlandse Zaken,
K.L. Verhoeven

Tweede Kamer, vergaderjaar 2030–2031, 41 208, nr. 17                    3
"""


def test_a_kamerbrief_has_its_kamerstuk_number_date_and_signatory():
    x = run(KAMERBRIEF)
    assert docs(x) == {("letter", "41 208, nr. 17", "2031-02-03", ("K.L. Verhoeven",))}


def test_named_series_heads_venues_and_convening_bodies_are_meetings():
    found = meetings(run(KAMERBRIEF))
    assert ("Intergouvernementele Conferentie Marrakesh", "2030-03-02", None) in found
    assert ("Algemene Vergadering VN", "2030-03-09", None) in found  # not the Marrakesh conference's
    assert ("International Migration Review Forum", "2031-05-05", "2031-05-08") in found  # `Het Forum` refers back
    assert ("Raadswerkgroep op hoog niveau Asiel en Migratie (HLWG)", "2031-01-14", None) in found
    assert ("interdepartementaal overleg grensbeheer (IOG)", "2031-01-04", None) in found
    assert ("interdepartementaal overleg grensbeheer (IOG)", "2031-01-21", None) in found
    assert len(found) == 6


EK_REPORT = """Eerste Kamer der Staten-Generaal                                        1
Vergaderjaar 2030–2031

40 113 IV          Vaststelling van de begrotingsstaten van het Ministerie
                   van Binnenlandse Zaken (IV) voor het jaar 2031

                   C    VERSLAG VAN EEN MONDELING OVERLEG
                        Vastgesteld 20 maart 2031

De vaste commissie voor Binnenlandse Zaken / JBZ-Raad2 heeft op dinsdag
11 maart 2031 overleg gevoerd met staatssecretaris Ruimschotel over het pact.

De commissie brengt bijgaand geredigeerd verslag uit.

De griffier van de commissie,
Everaerts

Eerste Kamer, vergaderjaar 2030–2031, 40 113 IV, C                       2
"""


def test_a_report_has_its_letter_number_adoption_date_committee_and_clerk():
    x = run(EK_REPORT)
    assert docs(x) == {("report", "40 113 IV, C", "2031-03-20",
                        ("Everaerts", "vaste commissie voor Binnenlandse Zaken / JBZ-Raad"))}
    # the committee's name ends in the Council's name; that is not a Council meeting
    assert {m.start for m in x.meetings} == {"2031-03-11"}
    assert not any(m.series == "JBZ-Raad" for m in x.meetings)


CRIV = """CRIV 56 PLEN 118                                              05/02/2031

KAMER VAN VOLKSVERTEGENWOORDIGERS

INTEGRAAL VERSLAG

PLENUMVERGADERING

Woensdag 5 februari 2031

De voorzitter: Ik open deze vergadering. Ik zal maandag 10 februari naar
Marrakesh gaan, zegt de minister.

De rapporteur,                                    De voorzitter,
Joke Vandamme                                     Pieter Moens
"""


def test_a_belgian_record_is_a_plenary_sitting_on_its_date():
    x = run(CRIV)
    assert docs(x) == {("plenary_record", "CRIV 56 PLEN 118", "2031-02-05", ("Joke Vandamme", "Pieter Moens"))}
    found = meetings(x)
    assert ("plenaire vergadering Kamer van volksvertegenwoordigers", "2031-02-05", None) in found
    assert ("Intergouvernementele Conferentie Marrakesh", "2031-02-10", None) in found  # year from the record


HANDELINGEN = """Tweede Kamer                       Migratie              4 juni 2031
                                                            TK 81     81-3-1

Handelingen II 2030/31, nr. 81

Debat over de migratieagenda

De voorzitter:
Ik deel mee dat de heer Brouwers zich voor dit debat heeft laten verontschuldigen.
Over de motie wordt dinsdag gestemd.
"""


def test_handelingen_are_a_plenary_record_and_a_vote_on_a_weekday_is_the_next_such_day():
    x = run(HANDELINGEN)
    assert docs(x) == {("plenary_record", "81", "2031-06-04", ())}
    sitting = "plenaire vergadering Tweede Kamer der Staten-Generaal"
    assert meetings(x) == {(sitting, "2031-06-04", None), (sitting, "2031-06-10", None)}
    own = next(m for m in x.meetings if m.start == "2031-06-04")
    assert any("dit debat" in e.quote for e in own.evidence)  # `dit debat` is this sitting


NEWS = """HET OCHTENDBLAD                                   dinsdag 4/03/2031
Binnenland                                                          p. 3


Ministers twijfelen over nieuw pact

Door onze correspondent Maaike Terpstra

De Kamer stemt donderdag over een resolutie. De regering besliste dat
zaterdag 1 maart, na een stemming in het parlement. De tweedaagse
Intergouvernementele Conferentie opent maandag 10 maart.
"""


def test_news_has_its_issue_date_and_byline_author():
    x = run(NEWS)
    assert docs(x) == {("news", None, "2031-03-04", ("Maaike Terpstra",))}
    assert next(d for d in x.documents).title == "Ministers twijfelen over nieuw pact"
    found = meetings(x)
    assert ("Intergouvernementele Conferentie Marrakesh", "2031-03-10", "2031-03-11") in found  # tweedaagse
    assert {m.start for m in x.meetings} == {"2031-03-06", "2031-03-10"}  # not 1 maart: that was after a vote


def test_news_from_the_editors_has_no_author():
    x = run(NEWS.replace("Door onze correspondent Maaike Terpstra", "Van onze redactie"))
    assert docs(x) == {("news", None, "2031-03-04", ())}


BRUSSELS = """BRUSSELS PARLEMENT
Bulletin van Vragen en Antwoorden

Vraag nr. 455 van mevrouw Ellen Verbeke d.d. 2 mei 2031 (N.):

Werking van de Interministeriële Conferentie Migratie en Integratie.

1. Hoe vaak kwam de IMC samen?

Antwoord van de heer Jonas De Wilde, lid van het Verenigd College,
bevoegd voor Welzijn, d.d. 12 juni 2031:

De IMC Migratie en Integratie kwam driemaal samen: op 3 maart, op 17 maart en op
28 mei jl.
"""


def test_a_brussels_question_and_answer_and_yearless_dates_read_from_the_answer():
    x = run(BRUSSELS)
    assert docs(x) == {("written_question", "455", "2031-05-02", ("Ellen Verbeke",)),
                       ("answer", "455", "2031-06-12", ("Jonas De Wilde",))}
    assert meetings(x) == {("IMC Migratie en Integratie", d, None) for d in ("2031-03-03", "2031-03-17", "2031-05-28")}


def test_a_federal_question_names_date_asker_and_addressee():
    x = run("Vraag nr. 77 van 6 april 2031 van de heer Tom Claessens aan de minister van Binnenlandse Zaken\n\n"
            "Opvang.\n")
    assert docs(x) == {("written_question", "77", "2031-04-06", ("Tom Claessens",))}


FLEMISH = """Vlaams Parlement

SCHRIFTELIJKE VRAAG
nr. 212 van 6 januari 2031
van LIES VERMEULEN
aan JAN DE SMEDT
Vlaams minister van Welzijn

Overleg over het actieplan

1. Hoe vaak kwam de werkgroep samen?

ANTWOORD
op vraag nr. 212 van 6 januari 2031
van LIES VERMEULEN

1. De IMC-werkgroep kwam tweemaal samen, namelijk op 8 december 2030 en op 5 januari 2031.
"""


def test_a_flemish_answer_without_its_ministers_name_is_by_the_minister_asked():
    x = run(FLEMISH)
    assert docs(x) == {("written_question", "212", "2031-01-06", ("Lies Vermeulen",)),
                       ("answer", "212", None, ("Jan De Smedt",))}
    assert next(d for d in x.documents).title == "Overleg over het actieplan"
    assert meetings(x) == {("IMC werkgroep", "2030-12-08", None), ("IMC werkgroep", "2031-01-05", None)}


COUNCIL = """Hierbij bied ik u het verslag aan van de JBZ-Raad van 3 en 4 juni 2031 in Luxemburg.

VERSLAG JBZ-RAAD 3 EN 4 JUNI 2031

Migratiedeel (4 juni 2031)

De ministers spraken over het pact.

Vragen van het lid Bakker (D66) aan de Minister van Justitie over de stemming (ingezonden 9 juni 2031).
"""


def test_council_sessions_their_parts_and_dates_of_texts():
    found = meetings(run(COUNCIL))
    assert found == {("JBZ-Raad", "2031-06-03", "2031-06-04"), ("JBZ-Raad", "2031-06-04", None)}


@pytest.mark.parametrize("text, ref, forward, expected", [
    ("Over de motie wordt dinsdag gestemd.", "2031-06-04", True, "2031-06-10"),
    ("De Kamer stemt woensdag.", "2031-06-04", True, "2031-06-11"),  # the same weekday: a week later
    ("liet zondag weten", "2031-06-04", False, "2031-06-01"),
])
def test_a_weekday_without_a_day_counts_from_the_documents_date(text, ref, forward, expected):
    assert [d.dates for d in weekday_dates(text, ref, forward=forward)] == [(expected,)]


def test_ranges_with_tot_en_met():
    assert [(m.dates, m.is_range) for m in find_dates("van 17 tot en met 20 mei 2031")] == [
        (("2031-05-17", "2031-05-20"), True)]


MOTION = """Tweede Kamer der Staten-Generaal                                        1
Vergaderjaar 2030–2031

41 208                    Internationale samenwerking

Nr. 95                    MOTIE VAN HET LID VAN DER BERG C.S.
                          Voorgesteld 12 maart 2031

De Kamer, gehoord de beraadslaging, verzoekt de regering het pact niet te ondertekenen.
"""


def test_a_motion_is_a_kamerstuk_with_its_number_date_and_member():
    assert docs(run(MOTION)) == {("other", "41 208, nr. 95", "2031-03-12", ("Van der Berg",))}


def test_a_belgian_parliamentary_document_and_its_submitters():
    x = run("DOC 56 1234/001                                           DOC 56 1234/001\n\n"
            "BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS\n\n14 januari 2031\n\nVOORSTEL VAN RESOLUTIE\n\n"
            "(ingediend door de heer Pieter Janssens en mevrouw Els Wouters)\n\n"
            "De commissie bespreekt het voorstel tijdens haar vergadering van 21 januari 2031.\n")
    assert docs(x) == {("other", "DOC 56 1234/001", "2031-01-14", ("Els Wouters", "Pieter Janssens"))}
    assert meetings(x) == {("commissie", "2031-01-21", None)}


def test_a_flemish_plenary_record_is_its_sitting():
    x = run("Vlaams Parlement\n\nPlenaire vergadering nr. 12 (2030-2031) – Woensdag 5 februari 2031\n\n"
            "De voorzitter: Het commissiedebat van 28 januari 2031 was nuttig.\n")
    assert docs(x) == {("plenary_record", "12 (2030-2031)", "2031-02-05", ())}
    assert meetings(x) == {("plenaire vergadering Vlaams Parlement", "2031-02-05", None),
                           ("commissie", "2031-01-28", None)}


def test_a_masthead_with_the_date_under_it_short_months_and_dashed_dates():
    x = run("DE AVONDKRANT\n4 maart 2031\n\nPact verdeelt regering\n\nDoor Sanne de Groot\n\n"
            "Het kernkabinet van 3-3-2031 besprak het pact. De Europese Raad van 13 en 14 mrt. 2031 volgt.\n")
    assert docs(x) == {("news", None, "2031-03-04", ("Sanne de Groot",))}
    assert meetings(x) == {("kernkabinet", "2031-03-03", None), ("Europese Raad", "2031-03-13", "2031-03-14")}


@pytest.mark.parametrize("text, expected", [
    # a date after another date that is not listed with it dates something else
    ("Na het debat op 5 december 2031 heeft de minister op 7 december 2031 een brief gestuurd.",
     {("debat", "2031-12-05", None)}),
    # a meeting of a body the document does not name as such is still a meeting
    ("Er vonden vergaderingen plaats op 5 en 19 februari 2031 en daarna op 4 juni 2031.",
     {("vergadering", "2031-02-05", None), ("vergadering", "2031-02-19", None), ("vergadering", "2031-06-04", None)}),
    # the Council as the topic of a committee debate is not a Council meeting
    ("Tijdens het commissiedebat JBZ-Raad van 3 oktober 2031 vroeg de Kamer naar de JBZ-Raad van 11 en 12 oktober 2031.",
     {("commissie", "2031-10-03", None), ("JBZ-Raad", "2031-10-11", "2031-10-12")}),
])
def test_which_mention_a_date_belongs_to(text, expected):
    assert meetings(run(text)) == expected


def test_several_askers_of_one_question_are_each_an_author():
    x = run("1401\n\nVragen van de leden Jansen (PVV) en De Vries-Bakker (VVD) aan de Minister van Justitie over het "
            "pact (ingezonden 3 mei 2031).\n\nAntwoord van Minister Pronk (Justitie) (ontvangen 4 juni 2031).\n")
    question = next(d for d in x.documents if d.kind == "written_question")
    assert len(question.authors) == 2 and question.date == "2031-05-03"

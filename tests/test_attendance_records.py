"""Attendance in records and minutes: lists (`Aanwezig:`, `Verontschuldigd:`, `Berichten van verhindering`),
speakers' turns, and `ik` as the speaker of the turn."""

from __future__ import annotations

from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document

MINUTES = """INTERMINISTERIËLE CONFERENTIE MIGRATIE EN INTEGRATIE
Werkgroep

VERSLAG VAN DE VERGADERING VAN 3 MAART 2021

Voorzitter:   Pieter Claes, kabinet van de staatssecretaris voor Asiel en Migratie

Aanwezig:
- Pieter Claes (kabinet van de staatssecretaris)
- mevrouw Greet Vos, adviseur bij het Agentschap Integratie en Inburgering
- Dienst Vreemdelingenzaken

Verontschuldigd:
- Hanne Peeters (Vlaamse Regering)

1. Stand van zaken

De Dienst Vreemdelingenzaken geeft een stand van zaken.

Volgende vergadering: woensdag 14 april 2021.
"""

RECORD = """CRIV 55 PLEN 101                                              04/02/2021

KAMER VAN VOLKSVERTEGENWOORDIGERS

INTEGRAAL VERSLAG

PLENUMVERGADERING

Donderdag 4 februari 2021

De vergadering wordt geopend om 14.05 uur en voorgezeten door de heer Tom Aerts, voorzitter.

Berichten van verhindering

Lies Janssens, wegens ziekte;
Koen Maes, buitenslands.

Wim Smet (N-VA): Mijnheer de voorzitter, mijn fractie steunt de resolutie niet.

De eerste minister, Marc Peeters: Mijnheer de voorzitter, ik ga op 22 februari 2021 naar de
conferentie in Genève.

Sofie Claes (Groen): Mijnheer de voorzitter, mijn fractiegenoot Bart Wuyts is bij deze stemming niet
aanwezig wegens ziekte.
"""


def rows(text: str) -> set[tuple[str, str, str]]:
    x = extract_document(from_text("verslag.txt", text))
    names = {a.key: a.name for a in x.actors}
    starts = {m.key: m.start for m in x.meetings}
    return {(names[a.actor], a.status, starts[a.meeting] or "") for a in x.attendance}


def test_minutes_lists_name_attendees_not_their_affiliations():
    got = rows(MINUTES)
    day = "2021-03-03"
    assert {("Pieter Claes", "present", day), ("Greet Vos", "present", day),
            ("Hanne Peeters", "excused", day)} <= got
    assert not any(name.startswith("Agentschap") for name, _, _ in got)  # Greet Vos's employer, not an attendee
    assert not any(d == "2021-04-14" for _, _, d in got)  # the next meeting has no attendance yet


def test_a_body_that_reports_in_the_minutes_was_there():
    assert any(name.startswith("Dienst Vreemdelingenzaken") and status == "present"
               for name, status, _ in rows(MINUTES))


def test_a_plenary_record_gives_chair_speakers_excused_and_absent():
    got = rows(RECORD)
    day = "2021-02-04"
    assert {("Tom Aerts", "present", day), ("Lies Janssens", "excused", day), ("Koen Maes", "excused", day),
            ("Wim Smet", "present", day), ("Marc Peeters", "present", day), ("Sofie Claes", "present", day),
            ("Bart Wuyts", "absent", day)} <= got
    assert ("Bart Wuyts", "present", day) not in got


def test_ik_in_a_turn_is_the_speaker():
    assert ("Marc Peeters", "present", "2021-02-22") in rows(RECORD)

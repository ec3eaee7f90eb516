"""Attendance in running text: a sentence of an answer in, (actor, status, meeting date) rows out.

Each sentence stands in the same invented answer: a Flemish minister answers about three
meetings of an IMC working group, after two meetings of the IMC itself. Good inputs state
attendance in the ways Dutch does; bad inputs (questions, suppositions, requests,
membership) must give no row at all.
"""

from __future__ import annotations

import pytest

from gcmkg.extract.attendance_cues import cues, states_nothing
from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document

ANSWER = """ VN-migratiepact  -  Werkgroep

1. Hoe vaak kwam de werkgroep samen?

JAN PEETERS
VLAAMS MINISTER VAN BINNENLANDS BESTUUR

ANTWOORD
op vraag nr. 12 van 3 maart 2020
van ANNA DE SMET

1. De IMC Migratie en Integratie kwam samen op 6 december 2019 en op 20 december 2019.

2. De werkgroep van het IMC kwam samen op 10 januari 2020, op 24 januari 2020 en op 7 februari 2020.

3. {sentence}
"""


def rows(sentence: str) -> set[tuple[str, str, str]]:
    x = extract_document(from_text("antwoord.txt", ANSWER.format(sentence=sentence)))
    names = {a.key: a.name for a in x.actors}
    starts = {m.key: m.start for m in x.meetings}
    return {(names[a.actor], a.status, starts[a.meeting] or "") for a in x.attendance}


VR = "Vlaamse Regering"
KW = "Karel Wouters"
AUTHOR = "Jan Peeters"


@pytest.mark.parametrize("sentence, expected", [
    # passive representation: the body and its representative were there
    ("Op de eerste vergadering was de Vlaamse Regering vertegenwoordigd door de heer Karel Wouters, adviseur.",
     {(VR, "present", "2020-01-10"), (KW, "present", "2020-01-10")}),
    # excused, with the meeting by ordinal after the verb
    ("De heer Karel Wouters liet zich verontschuldigen voor de tweede vergadering.", {(KW, "excused", "2020-01-24")}),
    ("De heer Karel Wouters heeft zich voor de tweede vergadering laten verontschuldigen.",
     {(KW, "excused", "2020-01-24")}),
    # first person: the minister who answers
    ("Ik was zelf aanwezig op de vergadering van 24 januari.", {(AUTHOR, "present", "2020-01-24")}),
    ("Op die van 7 februari kon ik niet aanwezig zijn.", {(AUTHOR, "absent", "2020-02-07")}),
    ("Voor de derde vergadering liet ik mij verontschuldigen.", {(AUTHOR, "excused", "2020-02-07")}),
    # a person represented by someone else was not there; the deputy was
    ("Op de tweede vergadering kon ik niet aanwezig zijn; ik was er vertegenwoordigd door de heer Karel Wouters.",
     {(AUTHOR, "absent", "2020-01-24"), (KW, "present", "2020-01-24")}),
    # negations have their own status
    ("De Vlaamse Regering was niet aanwezig op de eerste vergadering.", {(VR, "absent", "2020-01-10")}),
    ("Op de derde vergadering ontbrak een vertegenwoordiger van de Vlaamse Regering.", {(VR, "absent", "2020-02-07")}),
    ("De Vlaamse Regering nam niet deel aan de tweede vergadering.", {(VR, "absent", "2020-01-24")}),
    ("De Vlaamse Regering werd niet uitgenodigd voor de derde vergadering.", {(VR, "not_invited", "2020-02-07")}),
    ("De Vlaamse Regering werd uitgenodigd voor de eerste vergadering, maar was niet aanwezig.",
     {(VR, "invited", "2020-01-10"), (VR, "absent", "2020-01-10")}),
    # the series as a whole, and `werkgroep` naming the series `IMC werkgroep`, not the IMC
    ("De Vlaamse Regering nam deel aan alle drie de vergaderingen van de werkgroep.",
     {(VR, "present", d) for d in ("2020-01-10", "2020-01-24", "2020-02-07")}),
    ("De heer Karel Wouters woonde de tweede vergadering van de werkgroep bij.", {(KW, "present", "2020-01-24")}),
    ("De heer Karel Wouters woonde de tweede vergadering van de IMC bij.", {(KW, "present", "2019-12-20")}),
    # the author's own cabinet
    ("Mijn kabinet nam deel aan de eerste vergadering.",
     {("kabinet van de Vlaamse minister van binnenlands bestuur", "present", "2020-01-10")}),
    # a chair attends; the body they work for is their affiliation
    ("De vergadering van 24 januari werd voorgezeten door de heer Karel Wouters, adviseur bij de Vlaamse Regering.",
     {(KW, "present", "2020-01-24")}),
    # anaphora and the meeting of the sentence before
    ("De werkgroep besprak op 10 januari 2020 het actieplan. De Vlaamse Regering was op die vergadering "
     "niet vertegenwoordigd.", {(VR, "absent", "2020-01-10")}),
    ("Op 24 januari 2020 vergaderde de werkgroep over het actieplan. De heer Karel Wouters nam deel.",
     {(KW, "present", "2020-01-24")}),
    ("De heer Karel Wouters nam deel aan de eerste vergadering, en was niet uitgenodigd op de tweede.",
     {(KW, "present", "2020-01-10"), (KW, "not_invited", "2020-01-24")}),
    # a list after a colon; an active invitation names its invitee after the verb
    ("Aan de tweede vergadering namen deel: de Vlaamse Regering en de heer Karel Wouters.",
     {(VR, "present", "2020-01-24"), (KW, "present", "2020-01-24")}),
    ("De werkgroep nodigde de Vlaamse Regering uit voor de derde vergadering.", {(VR, "invited", "2020-02-07")}),
    ("De werkgroep nodigde de Vlaamse Regering niet uit voor de derde vergadering.",
     {(VR, "not_invited", "2020-02-07")}),
    ("De heer Karel Wouters leidde de tweede vergadering.", {(KW, "present", "2020-01-24")}),
    ("De Vlaamse Regering bleef weg van de derde vergadering.", {(VR, "absent", "2020-02-07")}),
    ("Op de derde vergadering was niemand van de Vlaamse Regering aanwezig.", {(VR, "absent", "2020-02-07")}),
    ("Ik liet mij op de tweede vergadering vertegenwoordigen door de heer Karel Wouters.",
     {(KW, "present", "2020-01-24")}),
])
def test_attendance_is_read_from_the_sentence(sentence, expected):
    assert rows(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Nam de Vlaamse Regering deel aan de eerste vergadering?",  # a question
    "Waarom was de Vlaamse Regering niet aanwezig op de tweede vergadering?",
    "De Vlaamse Regering zou deelnemen aan de tweede vergadering als zij werd uitgenodigd.",  # supposed
    "De Vlaamse Regering neemt waarschijnlijk deel aan de derde vergadering.",
    "Indien de Vlaamse Regering wordt uitgenodigd, neemt de heer Karel Wouters deel aan de derde vergadering.",
    "De oppositie vraagt de Vlaamse Regering om aanwezig te zijn op de derde vergadering.",  # a request
    "De Vlaamse Regering is vertegenwoordigd in de werkgroep.",  # membership, not a meeting
    "Het gaat over de toeleiding naar een job, waarvoor de Vlaamse Regering bevoegd is.",
    "De Vlaamse Regering overweegt deel te nemen aan de derde vergadering.",
])
def test_no_attendance_where_the_sentence_states_none(sentence):
    assert rows(sentence) == set()


@pytest.mark.parametrize("clause, statuses", [
    ("De Vlaamse Regering was niet aanwezig", ["absent"]),
    ("De Vlaamse Regering was aanwezig", ["present"]),
    ("werd uitgenodigd", ["invited"]),
    ("werd niet uitgenodigd", ["not_invited"]),
    ("nam de staatssecretaris, mevrouw Jansen, deel", ["present"]),
    ("nam de staatssecretaris niet deel", ["absent"]),
    ("Mevrouw Jansen laat zich verontschuldigen", ["excused"]),
    ("is in die week verhinderd", ["absent"]),
    ("De Zwitserse regering stuurt geen delegatie naar de conferentie", ["absent"]),
    ("Ik ga op 10 december zelf naar Marrakesh", ["present"]),
    ("Ik reis zelf niet naar New York", ["absent"]),
    ("ontbrak, omdat de uitnodiging pas de avond voordien werd verstuurd", ["absent", "invited"]),
    ("De vergaderingen werden voorgezeten door mevrouw Jansen", ["present"]),
    ("had zich voor die vergadering afgemeld", ["excused"]),
    ("De VS sturen geen waarnemer", ["absent"]),
    ("de minister was er ook bij.", ["present"]),
    ("in aanwezigheid van de minister", ["present"]),
    ("toeleiding naar een job", []),
    ("De Vlaamse Regering is vertegenwoordigd in de raad van bestuur", []),
])
def test_status_cues(clause, statuses):
    assert [c.status for c in cues(clause)] == statuses


@pytest.mark.parametrize("clause, nothing", [
    ("Reist de minister zelf naar New York?", True),
    ("Zij zou deelnemen", True),
    ("Zwitserland blijft waarschijnlijk thuis", True),
    ("vraagt het kabinet om niet naar Marrakesh te gaan", True),
    ("Het kabinet zet zich in voor een zo breed mogelijk gedragen verklaring", False),
    ("Ik zal de delegatie naar het Forum zelf leiden", False),  # a plain future is a plan the document reports
])
def test_questions_suppositions_and_requests_state_nothing(clause, nothing):
    assert states_nothing(clause, clause) is nothing

"""Document headers of Belgian genres beyond the Flemish written question: the federal Kamer's bulletin of
written questions (QRVA: `Vraag nr. N van volksvertegenwoordiger X van <date> (N.) aan de ...`, answered
by an office) and the Brussels parliament's numbered questions dated `d.d. 14/03/2022`.

Names, numbers and dates are invented; each header is also tested in a form that only looks like it.
"""

from __future__ import annotations

import pytest

from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document


def docs(text: str) -> set[tuple]:
    x = extract_document(from_text("vraag.txt", text))
    names = {a.key: a.name for a in x.actors}
    return {(d.kind, d.number, d.date, tuple(names.get(k, k) for k in d.authors),
             tuple(names.get(k, k) for k in d.addressees), names.get(d.parliament or "", d.parliament), d.title)
            for d in x.documents}


QRVA = """QRVA 56 031                                        11-03-2030

KAMER VAN VOLKSVERTEGENWOORDIGERS
Schriftelijke vragen en antwoorden

Vraag nr. 2214 van volksvertegenwoordiger Wouter Claeys van 21 januari 2030 (N.) aan de vice-eersteminister en minister van Buitenlandse Zaken

De opvolging van het VN-migratiepact.

Het pact werd in december 2018 in Marrakesh aangenomen.

1. Hoe volgt België het pact op?

{answer}

1. België rapporteert over de opvolging aan het Internationaal Migratiereviewforum.
"""
OFFICE = "Vice-eersteminister en minister van Buitenlandse Zaken"
KAMER = "Kamer van volksvertegenwoordigers"


@pytest.mark.parametrize("answer, expected", [
    ("Antwoord van de vice-eersteminister en minister van Buitenlandse Zaken van 4 maart 2030, op de vraag "
     "nr. 2214 van volksvertegenwoordiger Wouter Claeys van 21 januari 2030 (N.):",
     {("written_question", "2214", "2030-01-21", ("Wouter Claeys",), (OFFICE,), KAMER,
       "De opvolging van het VN-migratiepact."),
      ("answer", "2214", "2030-03-04", (OFFICE,), ("Wouter Claeys",), KAMER,
       "De opvolging van het VN-migratiepact.")}),
    # an answer to another question is not this question's answer
    ("Antwoord van de vice-eersteminister en minister van Buitenlandse Zaken van 4 maart 2030, op de vraag "
     "nr. 1999 van volksvertegenwoordiger Lies Maes van 2 januari 2030 (N.):",
     {("written_question", "2214", "2030-01-21", ("Wouter Claeys",), (OFFICE,), KAMER,
       "De opvolging van het VN-migratiepact.")}),
])
def test_a_qrva_question_has_its_asker_date_number_and_the_answer_of_the_minister(answer, expected):
    assert docs(QRVA.format(answer=answer)) == expected


BRUSSELS = """BRUSSELS HOOFDSTEDELIJK PARLEMENT
Schriftelijke vragen en antwoorden

{question}

Onderwerp: Opvolging van het VN-migratiepact door het Brussels Gewest

Het Gewest werd gevraagd de doelstellingen van het pact op te volgen.

Antwoord van Nadia Bensalah, minister van Werk, d.d. {answered}

Het Gewest volgt het pact op binnen de eigen bevoegdheden.
"""


@pytest.mark.parametrize("question, answered, expected", [
    ("Schriftelijke vraag nr. 517 van Joris Wuyts d.d. 14/03/2030", "02/05/2030",
     {("written_question", "517", "2030-03-14", ("Joris Wuyts",), ("Nadia Bensalah",), "Brussels Parlement",
       "Opvolging van het VN-migratiepact door het Brussels Gewest"),
      ("answer", "517", "2030-05-02", ("Nadia Bensalah",), ("Joris Wuyts",), "Brussels Parlement",
       "Opvolging van het VN-migratiepact door het Brussels Gewest")}),
    ("Vraag nr. 517 van mevrouw Els Wuyts d.d. 14 maart 2030", "2 mei 2030",
     {("written_question", "517", "2030-03-14", ("Els Wuyts",), ("Nadia Bensalah",), "Brussels Parlement",
       "Opvolging van het VN-migratiepact door het Brussels Gewest"),
      ("answer", "517", "2030-05-02", ("Nadia Bensalah",), ("Els Wuyts",), "Brussels Parlement",
       "Opvolging van het VN-migratiepact door het Brussels Gewest")}),
])
def test_a_brussels_question_dated_dd_with_slashes_is_a_written_question_and_its_answer(question, answered, expected):
    assert docs(BRUSSELS.format(question=question, answered=answered)) == expected


def test_a_qrva_answer_by_office_speaks_for_the_federal_government():
    text = QRVA.format(answer="Antwoord van de minister van Asiel en Migratie van 4 maart 2030, op de vraag nr. 2214 "
                              "van volksvertegenwoordiger Wouter Claeys van 21 januari 2030 (N.):")
    text += "\n2. Ik heb het pact in Marrakesh gesteund.\n"
    x = extract_document(from_text("vraag.txt", text))
    names = {a.key: a.name for a in x.actors}
    assert {(names[p.holder], p.stance) for p in x.positions} == {("Federale Regering", "support")}


@pytest.mark.parametrize("answer_line, by", [
    ("Antwoord van de minister van Werk d.d. 02/05/2030", "Minister van Werk"),
    ("Antwoord d.d. 02-05-2030", "Minister van Werk"),  # by the minister asked
])
def test_a_brussels_answer_by_office_or_without_a_name(answer_line, by):
    text = ("BRUSSELS HOOFDSTEDELIJK PARLEMENT\n\nVraag nr. 77 van mevrouw Saar Vinck d.d. 14/03/2030 aan de minister "
            f"van Werk\n\nOpvolging van het migratiepact.\n\nWelke stappen zet het Gewest?\n\n{answer_line}\n\nGeen.\n")
    assert {(d[0], d[2], d[3]) for d in docs(text)} == {("written_question", "2030-03-14", ("Saar Vinck",)),
                                                        ("answer", "2030-05-02", (by,))}


def test_the_title_may_follow_the_question_line_after_a_colon():
    text = ("BRUSSELS PARLEMENT\n\nVraag nr. 88 van de heer Sem Lambrecht d.d. 03/02/2030 : De opvang van "
            "nieuwkomers.\n\nHoeveel nieuwkomers werden in 2029 opgevangen?\n")
    assert docs(text) == {("written_question", "88", "2030-02-03", ("Sem Lambrecht",), (), "Brussels Parlement",
                           "De opvang van nieuwkomers.")}


@pytest.mark.parametrize("text", [
    # a question number mentioned in running text, not a header
    "BRUSSELS PARLEMENT\n\nIn mijn schriftelijke vraag nr. 517 van Joris Wuyts d.d. 14/03/2030 kwam dit al aan bod.\n",
    # a numbered question without any date is no header
    "KAMER VAN VOLKSVERTEGENWOORDIGERS\n\nVraag nr. 2214 van volksvertegenwoordiger Wouter Claeys (N.)\n\nTekst.\n",
])
def test_a_question_number_in_running_text_or_without_a_date_is_no_document(text):
    assert not {d for d in docs(text) if d[0] == "written_question"}

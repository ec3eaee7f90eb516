"""Positions in answers to written questions, in letters of a report, and by pointing subjects.

The documents are invented but written like Dutch Kamervragen (Aanhangsel Handelingen) and Eerste
Kamer reports of a written consultation.
"""

from __future__ import annotations

import pytest

from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document

KABINET = "government/nederlands-kabinet"

HEAD = """Vragen van het lid Verhoeven (SP) aan de Minister van Buitenlandse Zaken over het Global Compact for
Migration (ingezonden 4 maart 2021).

Antwoord van Minister Kooistra (Buitenlandse Zaken) (ontvangen 2 april 2021).

"""


def answer_doc(question: str, answer: str) -> str:
    return HEAD + f"Vraag 1\n{question}\n\nAntwoord 1\n{answer}\n\nVraag 2\nWat kost dit?\n\n Antwoord 2\nNiets.\n"


def positions(text: str) -> set[tuple[str, str, int | None]]:
    x = extract_document(from_text("kamervragen.txt", text))
    return {(p.holder, p.stance, p.objective) for p in x.positions}


@pytest.mark.parametrize("answer, stance", [
    # the own policy already does what the provision asks
    ("In Nederland is dit uitgesloten. Terugkeer vindt plaats op basis van een besluit.", "support"),
    ("Het gaat hier om een vrijwillige beleidsoptie die het GCM voorstelt. Het kabinet is tegen het "
     "uitsluiten van personen in de samenleving.", "support"),
    # the answer restricts what the provision asks
    ("Het kabinet zet zich in voor samenwerking tussen humanitaire actoren. Deze inzet richt zich "
     "uitsluitend op vluchtelingen, dus niet op migranten in brede zin.", "conditional"),
    ("Collectieve uitzetting is in strijd met het EVRM. Het is in Nederland nu al niet toegestaan.", "conditional"),
])
def test_an_answer_on_a_provision_is_the_governments_stance(answer, stance):
    q = "Hoe beziet u de oproep om gezinnen niet te scheiden (zie punt 23h Marrakesh Immigratiepact)?"
    assert (KABINET, stance, 7) in positions(answer_doc(q, answer))


@pytest.mark.parametrize("answer", [
    "Zie het antwoord op vraag 4 en 5.",
    "Kortheidshalve verwijst het kabinet naar de brief die uw Kamer hierover separaat is toegegaan.",
    "Dat is een interessante vraag over de geschiedenis van migratie.",  # says nothing of own policy
])
def test_an_answer_that_refers_elsewhere_or_says_nothing_of_policy_states_no_stance(answer):
    q = "Deelt u de opvatting in punt 23h van het Marrakesh Immigratiepact?"
    assert not {p for p in positions(answer_doc(q, answer)) if p[2] == 7}


def test_a_stance_verb_in_the_answer_wins_over_the_answer_as_a_whole():
    q = "Gaat u een informatiepunt inrichten (zie punt 31c Marrakesh Immigratiepact)?"
    a = "Het kabinet is niet voornemens deze in te richten. In Nederland bestaat al een loket."
    got = {p for p in positions(answer_doc(q, a)) if p[2] == 15}
    assert got == {(KABINET, "oppose", 15)}


def test_the_question_itself_states_no_stance_of_the_government():
    q = "Bent u bereid punt 23h van het Marrakesh Immigratiepact uit te voeren? In Nederland is dit toch al zo?"
    text = HEAD + f"Vraag 1\n{q}\n"
    assert not positions(text)


REPORT = """BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR IMMIGRATIE EN ASIEL

Aan de Staatssecretaris van Justitie en Veiligheid

Den Haag, 2 februari 2021

De leden van de commissie vragen naar de stand van zaken rond het vluchtelingencompact en het GCM.

De voorzitter van de commissie,
Mulder

BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID

Aan de Voorzitter van de Eerste Kamer der Staten-Generaal

Den Haag, 9 maart 2021

Het kabinet informeert u over het GCM. De totstandkoming van een GCR kan een belangrijke impuls zijn
om de opvang van vluchtelingen in de regio te verbeteren.

Tijdens de consultaties over de GCR vertolkt de delegatie van de Europese Unie de gecoördineerde
inbreng van de lidstaten. Deze komt overeen met de inzet van het kabinet.

De Staatssecretaris van Justitie en Veiligheid,
P. de Wit
"""


def test_the_letter_of_a_state_secretary_in_a_report_speaks_for_the_government():
    got = positions(REPORT)
    assert (KABINET, "support", None) in got
    x = extract_document(from_text("verslag.txt", REPORT))
    assert {(p.holder, p.target) for p in x.positions if p.holder == KABINET} >= {(KABINET, "GCR")}


def test_a_pointing_subject_takes_holder_and_compact_from_the_sentence_before():
    x = extract_document(from_text("verslag.txt", REPORT))
    got = {(p.holder, p.target, p.stance) for p in x.positions}
    assert ("international-organisation/europese-unie", "GCR", "support") in got
    ev = next(p.evidence for p in x.positions if p.holder == "international-organisation/europese-unie")
    assert ev.quote.startswith("Tijdens de consultaties") and ev.quote.endswith("inzet van het kabinet.")


def test_a_group_of_states_holds_a_position_beside_the_government():
    text = ("Tweede Kamer. Het GCM. Het GCM. Het GCM.\n\nHet kabinet zal met een brede groep Europese landen "
            "een standpuntverklaring opstellen over het GCM.\n")
    got = positions(text)
    assert {(KABINET, "conditional", None), ("other/brede-groep-europese-landen", "conditional", None)} <= got


def test_an_apostrophe_s_before_a_full_stop_ends_the_sentence():
    from gcmkg.extract.segment import split
    got = [s.text for s in split("Zoals noodhulp of hervestigingsprogramma’s. De GCR kan helpen.")]
    assert got == ["Zoals noodhulp of hervestigingsprogramma’s.", "De GCR kan helpen."]


@pytest.mark.parametrize("text, target, stance", [
    ("Hoe beziet u dit in relatie tot de motie-\nVerkerk over de registratie van migranten (Kamerstuk 35 100, nr. 12)?\n\n"
     "Het kabinet deelt deze zorg. Deze motie is tijdens het debat ontraden.",
     "motie-Verkerk over de registratie van migranten (Kamerstuk 35 100, nr. 12)", "oppose"),
    ("Het kabinet heeft aangedrongen op herziening van de Europese Terugkeerrichtlijn. De Europese Commissie "
     "heeft in oktober een voorstel daartoe gepubliceerd.", "herziening van de Europese Terugkeerrichtlijn", "support"),
    ("Stemming over het voorstel van resolutie (DOC 55 1234/001).\n\nDe leden van de N-VA-fractie stemden tegen.",
     "voorstel van resolutie (DOC 55 1234/001)", "oppose"),
])
def test_positions_on_other_instruments_name_the_instrument(text, target, stance):
    doc = "Tweede Kamer. Het GCM. Het GCM. Het GCM.\n\n" + text + "\n"
    x = extract_document(from_text("brief.txt", doc))
    assert (target, stance) in {(p.target, p.stance) for p in x.positions}


def test_a_bare_reference_without_an_earlier_full_one_is_not_an_instrument():
    from gcmkg.extract.instruments import find
    assert find("De resolutie werd aangenomen. Ook de stemverklaring volgde.") == []
    assert [i.label for i in find("de stemverklaring van twaalf landen; de motie op stuk nr. 8")] == \
        ["motie op stuk nr. 8"]


def facts(text: str) -> set[tuple[str, str, str]]:
    x = extract_document(from_text("bericht.txt", text))
    return {(p.holder, p.target, p.stance) for p in x.positions}


def test_het_pact_is_the_compact_named_last():
    text = ("VN stemmen in met vluchtelingenpact\n\nDe Algemene Vergadering heeft het Global Compact on Refugees "
            "aangenomen. Het migratiepact is een ander verdrag. Het vluchtelingenpact regelt de opvang.\n\n"
            "Nederland steunt dit pact volmondig, zei de minister.\n")
    assert ("country/nederland", "GCR", "support") in facts(text) or \
        (KABINET, "GCR", "support") in facts(text)
    assert not {f for f in facts(text) if f[1] == "GCM"}


def test_a_counted_group_of_states_acts():
    text = "Het migratiepact. Het GCM. Het GCM.\n\nVertegenwoordigers van 164 landen hebben het GCM aangenomen en steunen het.\n"
    assert ("other/164-landen", "GCM", "support") in facts(text)


@pytest.mark.parametrize("sentence, stance", [
    ("De CDA-fractie steunt het pact, maar met een voorbehoud bij doelstelling 15.", "conditional"),
    ("De CDA-fractie steunt het pact.", "support"),
    ("De CDA-fractie wijst het migratiepact af.", "oppose"),
])
def test_support_with_a_reservation_is_conditional(sentence, stance):
    text = "Eerste Kamer. Het GCM. Het GCM. Het GCM.\n\n" + sentence + "\n"
    assert ("party/cda", "GCM", stance) in facts(text)


RECORD = """Eerste Kamer der Staten-Generaal

Stemmingen

Aan de orde zijn de stemmingen over moties, ingediend bij het debat over het VN-migratiepact, te weten:
- de motie-Van der Berg c.s. over het niet ondertekenen van het pact (35 100-V, letter F);
- de motie-Ter Laan c.s. over een voorbehoud bij het pact (35 100-V, letter G).

De heer Van der Berg (PVV):
Voorzitter. Mijn fractie wijst het migratiepact af.

Mevrouw Ter Laan (CDA):
Voorzitter. Wij steunen het pact, maar met een voorbehoud bij doelstelling 7.

De heer Smit (SP):
Voorzitter. Mijn fractie heeft nog geen eindoordeel over het pact.

Minister De Wit:
Voorzitter. Ik ontraad de motie-Van der Berg.

In stemming komt de motie-Van der Berg c.s. (35 100-V, letter F).

De voorzitter: Ik constateer dat de leden van de fracties van de PVV en de SGP voor deze motie hebben
gestemd en de leden van de overige fracties ertegen, zodat zij is verworpen.
"""


@pytest.mark.parametrize("holder, target, stance", [
    ("party/pvv", "GCM", "oppose"),  # `Mijn fractie` is the speaker's party
    ("party/cda", "GCM", "conditional"),  # `Wij steunen het pact, maar met een voorbehoud`
    ("party/cda", "GCM objective 7", "conditional"),
    ("party/sp", "GCM", "undecided"),
    ("party/sgp", "motie-Van der Berg c.s. (35 100-V, letter F)", "support"),  # the vote
    ("parliament/eerste-kamer-der-staten-generaal", "motie-Van der Berg c.s. (35 100-V, letter F)", "oppose"),
])
def test_speakers_and_votes_in_a_plenary_record(holder, target, stance):
    assert (holder, target, stance) in facts(RECORD)


def test_a_motion_in_the_order_of_business_is_no_stance_of_its_mover():
    got = facts(RECORD)
    assert not {f for f in got if f[0].startswith("person/") and f[1] == "GCM"}
    assert ("party/sp", "GCM", "support") not in got


@pytest.mark.parametrize("sentence, holder, stance", [
    ("Italië heeft aangekondigd het pact niet te zullen steunen.", "country/italie", "oppose"),
    ("Italië steunt het pact niet en zal dat ook niet doen.", "country/italie", "oppose"),
    ("Italië trekt haar steun voor het pact in.", "country/italie", "oppose"),
    ("Italië steunt het pact.", "country/italie", "support"),
])
def test_negated_support_is_opposition(sentence, holder, stance):
    text = "Het migratiepact. Het GCM. Het GCM.\n\n" + sentence + "\n"
    assert {(holder, "GCM", stance)} == {f for f in facts(text) if f[0] == holder}


@pytest.mark.parametrize("sentence", [
    "Landen die veel vluchtelingen opvangen, zoals Jordanië, moeten meer steun krijgen uit het pact.",
    "De Benelux-aanpak steunt het pact.",
    "De motie werd verworpen met 40 stemmen tegen 30, bij 17 onthoudingen, zo meldt Italië.",
])
def test_no_stance_from_help_given_compounds_or_vote_counts(sentence):
    text = "Het migratiepact. Het GCM. Het GCM.\n\n" + sentence + "\n"
    got = facts(text)
    assert not {f for f in got if f[0] in ("country/jordanie", "international-organisation/benelux")}
    assert ("country/italie", "GCM", "undecided") not in got


CRIV = """CRIV 55 PLEN 101   13/12/2018

01.01 Els Peeters (N-VA): Mijnheer de eerste minister, mijn fractie steunt het pact niet.

01.02 Eerste minister Luc Maes: Mevrouw Peeters, de regering heeft het pact in september goedgekeurd.

02 Voorstel van resolutie over het Global Compact for Migration (3500/4)

Bijgevolg neemt de Kamer het voorstel van resolutie aan.

Stemverklaringen
02.01 Dirk Claes (Vlaams Belang): Wij hebben tegengestemd, omdat dit pact de deur openzet.

02.02 Pieter Wouters (cdH): Ik heb mij onthouden.
"""


@pytest.mark.parametrize("holder, target, stance", [
    ("party/n-va", "GCM", "oppose"),
    ("government/federale-regering", "GCM", "support"),  # `de regering` in the prime minister's turn
    ("parliament/kamer-van-volksvertegenwoordigers",
     "Voorstel van resolutie over het Global Compact for Migration (3500/4)", "support"),
    ("party/vlaams-belang", "Voorstel van resolutie over het Global Compact for Migration (3500/4)", "oppose"),
    ("person/pieter-wouters", "Voorstel van resolutie over het Global Compact for Migration (3500/4)", "undecided"),
])
def test_a_belgian_plenary_record_with_a_vote(holder, target, stance):
    assert (holder, target, stance) in facts(CRIV)


def test_the_person_spoken_to_holds_no_stance():
    assert not {f for f in facts(CRIV) if f[0] == "person/luc-maes" and f[2] == "oppose"}


@pytest.mark.parametrize("sentence, stance, objective", [
    ("De Vlaamse Regering schaart zich achter de doelstellingen 16 en 18.", "support", 16),
    ("De Vlaamse Regering schaart zich zonder voorbehoud achter doelstelling 18.", "support", 18),
    ("De Vlaamse Regering schaarde zich achter doelstelling 16, mits het bij een politieke verklaring blijft.",
     "conditional", 16),
])
def test_scharen_achter(sentence, stance, objective):
    text = "Vlaams Parlement. Het GCM. Het GCM. Het GCM.\n\n" + sentence + "\n"
    x = extract_document(from_text("vraag.txt", text))
    got = {(p.holder, p.stance, p.objective) for p in x.positions}
    assert ("government/vlaamse-regering", stance, objective) in got


def test_a_body_where_something_happened_holds_no_stance():
    got = facts("Het migratiepact. Het GCM. Het GCM.\n\nHet pact werd in de CoorMulti goedgekeurd door de regering.\n")
    assert not {f for f in got if "coormulti" in f[0]}


@pytest.mark.parametrize("sentence, holders, stance", [
    ("Ook Bulgarije en Polen lieten weten niet te zullen tekenen.", {"country/bulgarije", "country/polen"}, "oppose"),
    ("De Verenigde Staten stapten al in 2017 uit de onderhandelingen.", {"country/verenigde-staten"}, "oppose"),
    ("Chili is evenmin voornemens het pact te ondertekenen.", {"country/chili"}, "oppose"),
    ("Oostenrijk, dat het voorzitterschap van de Europese Unie bekleedt, maakte bekend dat het het pact niet "
     "zal ondertekenen.", {"country/oostenrijk"}, "oppose"),
    ("Na de Verenigde Staten en Hongarije trekt nu ook Slowakije zich terug uit het pact.",
     {"country/verenigde-staten", "country/hongarije", "country/slowakije"}, "oppose"),
])
def test_withdrawals_in_the_news(sentence, holders, stance):
    text = "Het migratiepact. Het GCM. Het GCM.\n\n" + sentence + "\n"
    assert {f[0] for f in facts(text) if f[1] == "GCM" and f[2] == stance} == holders

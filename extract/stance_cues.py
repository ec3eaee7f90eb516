"""Stance cues: the words that say an actor supports, opposes, conditionally supports or has not
decided on something, in the order they are tried (`niet te willen steunen` is opposition before it is
`steunen`); where a cue names its holders inside it (`stemden Polen en Tsjechië tegen`), group `h` marks them.
"""

from __future__ import annotations

import re

from gcmkg.extract import scan

_LIST = r"(?:de\s+)?[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)?(?:\s*(?:,|en|\(\w+\))\s*(?:de\s+)?[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)?)*"


def _cue(pattern: str) -> re.Pattern[str]:
    """A cue whose words may be split over lines: every space in the pattern matches any whitespace.
    A group `h` marks where the holders stand inside the cue (`stemden Polen en Tsjechië tegen`)."""
    return re.compile(pattern.replace(" ", r"\s+"), re.S)


STANCE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("undecided", _cue(r"\b(?:onth(?:ield\w*|oudt|ouden) (?:zich|mij|ons)|(?:zich|mij|ons) (?:\w+ )?onthouden|(?<!\d\s)onthouding(?!en)\w*|nog geen (?:definitief |eind)?(?:standpunt|oordeel)|beraadt zich|nog geen beslissing|"
                       r"nog niet beslist|wordt nog bestudeerd|nog geen besluit)\b")),
    ("oppose", _cue(r"\b(?:niet (?:meer )?(?:te )?(?:zullen |willen |gaan )?(?:steunen|ondersteunen|onderschrijven)|"
                    r"(?:steun|ondersteun)(?:t|en|de|den)? (?:\w+ ){1,3}niet\b(?! (?:alleen|enkel|slechts|zomaar)\b)|"
                    r"tr(?:ekt|ekken|ok|okken) (?:\w+ ){0,3}steun (?:\w+ ){0,5}in\b|"
                    r"(?:is|zijn|was|waren) (?:\w+ )?tegen (?:dit|het|dat|deze|de) (?:\w+ )?(?:pact|compact|GCM|GCR|"
                    r"\w*pact|motie|resolutie|verklaring|voorstel)\b|(?:ertegen|tegen (?:deze|de|het|dit) (?:\w+ )?"
                    r"(?:motie|amendement|voorstel|resolutie)\w*) (?:hebben|heeft) gestemd"
                    r"(?: de leden (?:der|van de) fracties? (?P<h4>van [^.;:]{2,200}?)(?=,? zodat\b|[.;:]|$))?|"
                    r"tr(?:ok|okken|ekt|ekken) (?P<h>(?:\S+ ){0,4}?)zich (?:\w+ )?(?:uit \w+ \w+ )?terug|\w* ?teruggetrokken|"
                    r"zich (?:\w+ ){0,4}terug te trekken|niet (?:te gaan |te zullen |zal |zullen |gaat |gaan )?(?:tekenen|ondertekenen)|stap(?:t|ten|te|pen) (?:\w+ ){0,5}uit (?:de|het) (?:onderhandelingen|proces|pact)|uitgestapt|stemde\w* tegen|"
                    r"stemde\w* (?P<h2>" + _LIST + r") tegen|tegen\s*gestemd|verwerp\w*|w(?:ees|ijst|ijzen|ezen) (?:\w+ ){1,3}af|keer\w* (?:\w+ ){0,4}de rug toe|"
                    r"haak\w* af|afgehaakt|tegenstander|weiger\w*|"
                    r"afgeraden|ontra(?:ad|den|dt|adt|dde|dden)|(?:niet|evenmin) voornemens|(?:niet|evenmin) van plan|geen voornemens|geen plannen|indruisten tegen)\b")),
    ("conditional", _cue(r"\b(?:voor zover|in zoverre|mits|(?:onder|op) (?:de )?voorwaarde|langs de lijnen van|(?<!zonder\s)(?<!geen\s)voorbehoud\w*|"
                         r"interpretatieve verklaring|met behoud van|standpuntverklaring|passen (?:veelal|grotendeels)|"
                         r"niet (?:aan )?in de weg)\b")),
    ("support", _cue(r"\b(?:(?:onder)?steun(?:t|en|de|den|ing)? (?:\w+ )?(?:voor|aan) (?:het|dit|de|deze)\b|"
                     r"(?:steun|ondersteun)(?:t|en|de|den)\b|(?:on|onder)?steun ik\b|\b[Ii]k (?:\w+ )?(?:onder)?steun\b|"
                     r"gesteund|ondersteund|onderschrij\w+|in lijn (?:met|zijn)|spor(?:en|t) (?:\w+ )?met|"
                     r"verenigbaar|akkoord|goedkeur\w*|goedgekeurd|keur\w* (?:\w+ ){0,4}goed|(?:kan|kon|konden|kunnen) (?:\w+ ){0,2}zich "
                     r"(?:\w+ ){0,4}vinden|voorstander|stemde\w* voor|stemde\w* (?P<h>" + _LIST + r") voor|"
                     r"sta(?:at|an) (?:\w+ ){0,2}achter|"
                     r"scha(?:art|ren|arde|arden) zich (?:\w+ ){0,3}achter|achter (?:deze|dit|het) \w+ scharen|komt (?:\w+ ){0,2}overeen|"
                     r"komen (?:\w+ ){0,2}overeen|dient het .{0,30}belang|hecht\w* .{0,20}aan|erkent het belang|"
                     r"beschouwt het .{0,40}als|is hier al op gericht|biedt (?:\w+ ){1,3}al aan|kent \w+ al|"
                     r"(?:een )?(?:belangrijke|waardevolle|welkome) (?:impuls|stap vooruit|bijdrage)|verwelkom\w*|"
                     r"juich\w* (?:\w+ ){0,4}toe|(?:is|zijn|staat|staan) (?:\w+ ){0,2}positief|aangedrongen op|"
                     r"dring\w* (?:\w+ ){0,3}aan op|pleit\w* (?:\w+ ){0,3}voor|gepleit voor|"
                     r"(?:een )?voorstel (?:\w+ ){0,2}(?:gepubliceerd|gedaan|ingediend|gepresenteerd)|"
                     r"(?:hebben|heeft) (?:\w+ ){0,4}(?:aangenomen|aanvaard|bekrachtigd)|"
                     r"(?:stem\w*|ingestemd) (?:\w+ ){0,2}in met|ingestemd met|"
                     r"voor (?:deze|de|het|dit) (?:\w+ )?(?:motie|amendement|voorstel|resolutie)\w* (?:hebben|heeft) gestemd"
                     # `voor deze motie hebben gestemd de leden der fracties van de PVV en de SGP, zodat ...`
                     r"(?: de leden (?:der|van de) fracties? (?P<h3>van [^.;:]{2,200}?)(?=,? zodat\b|[.;:]|$))?)\b")),
]
ANSWER_YES = re.compile(r"^\s*(?:Antwoord\s+[\d ,t/men–-]+\s*)?Ja\b[.,]?")
ANSWER_YES_IF = re.compile(r"^\s*(?:Antwoord\s+[\d ,t/men–-]+\s*)?Ja,\s+(?:voor zover|mits|indien)")
# approval that did not happen is not a position: `werd noch door X, noch namens X goedgekeurd`
NOT_APPROVED = re.compile(r"\b(?:noch|niet)\b[^.;]{0,80}?\b(?:goedgekeurd|aanvaard|ondertekend)\b", re.S)


# a support cue under a negation is opposition: `heeft het pact niet gesteund`, `nooit ingestemd met`, `niet kan
# steunen`, `geen voorstander`, `keurt het pact niet goed`, `kon zich niet vinden in`; not `niet alleen`, `niet zo dat`
_NOT = r"\b(?:niet|nooit|geen|evenmin)\b(?!\s+(?:alleen|enkel|slechts|zo\b|omdat|anders|ondenkbaar|uitgesloten|onmogelijk|ongewoon))"
NEGATED_BEFORE = re.compile(_NOT + r"(?:\s+[\w-]+){0,4}\s*$")
NEGATED_INSIDE = re.compile(r"\b(?:niet|nooit)\b(?!\s+(?:alleen|enkel|slechts)\b)")
# where the clause of a cue begins: what stands before it is another clause (`Het is niet zo dat ...`)
CLAUSE_START = re.compile(r".*(?:[,;:()“”\"]|\b(?:dat|omdat|maar|en|want|terwijl|die|wat|hoewel|zodat)\b)", re.S)


def _negated(text: str, start: int, end: int) -> bool:
    """Whether a support cue at text[start:end] stands under `niet`, `nooit`, `geen` in its own clause."""
    if "nie" not in text and "noo" not in text and "gee" not in text and "evenmin" not in text:
        return False
    if NEGATED_INSIDE.search(text, start, end):
        return True
    window = text[max(0, start - 60):start]
    head = CLAUSE_START.match(window)
    return NEGATED_BEFORE.search(window, head.end() if head else 0) is not None


def sentence_filters(text: str, sentences: list) -> list[tuple[bool, ...]]:
    """For each sentence of a document, whether each pattern of STANCE_CUES, then NOT_APPROVED, may match in
    it (scan.may_match), from one pass over the whole text instead of one per sentence and pattern."""
    spans = [(s.start, s.end) for s in sentences]
    cols = []
    for pattern in [*(p for _, p in STANCE_CUES), NOT_APPROVED]:
        col = scan.spans_may_match(pattern, text, spans)
        cols.append(col if col is not None else [scan.may_match(pattern, s.text) for s in sentences])
    return list(zip(*cols))


def find_cues(text: str, may: tuple[bool, ...] | None = None) -> list[tuple[str, int, int, int, int]]:
    """Every stance cue in reading order, with the span of holders inside it (or -1, -1); where cues
    overlap (`niet te willen steunen` holds `steunen`), the one listed first in STANCE_CUES wins. A
    negated support cue is opposition. `may`: the sentence's entry of `sentence_filters`."""
    found: list[tuple[str, int, int, int, int]] = []
    for k, (stance, pattern) in enumerate(STANCE_CUES):
        if may is not None and not may[k]:
            continue
        # skipped when text has none of the words every match holds
        for m in scan.finditer(pattern, text) if may is None else pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for _, a, b, _, _ in found):
                inner = next((g for g in ("h", "h2", "h3", "h4") if g in pattern.groupindex and m.group(g)), None)
                hs, he = (m.start(inner), m.end(inner)) if inner else (-1, -1)
                if stance == "support" and _negated(text, m.start(), hs if inner else m.end()):
                    stance_here = "oppose"
                else:
                    stance_here = stance
                found.append((stance_here, m.start(), m.end(), hs, he))
    return sorted(found, key=lambda c: c[1])


def sentence_stance(text: str, may: tuple[bool, ...] | None = None) -> tuple[str, int, int, int, int] | None:
    """The first stance a sentence states (stance, cue start, cue end, holders start, holders end); a
    bare `Ja` opening an answer is support, `Ja, voor zover` conditional; approval that did not happen
    is none."""
    if scan.search(NOT_APPROVED, text) if may is None else (may[-1] and NOT_APPROVED.search(text)):
        return None
    if ANSWER_YES_IF.match(text):
        return "conditional", 0, min(len(text), 60), -1, -1
    cues = find_cues(text, may)
    if cues:
        return cues[0]
    if ANSWER_YES.match(text):
        return "support", 0, 3, -1, -1
    return None


def later_cues(text: str, after: int, may: tuple[bool, ...] | None = None) -> list[tuple[str, int, int]]:
    """Further cues in the sentence, each with the span of text that names its holders: the words inside
    the cue where it has them, else the text since the previous cue."""
    spans, prev, condition = [], after, False
    for stance, a, b, hs, he in find_cues(text, may):
        if a >= after:
            # `steunt het pact op voorwaarde dat België ...`, `zal het steunen als België het ook steunt`: the
            # subject of a condition holds no stance; the condition makes the stance before it conditional
            if hs < 0 and not condition and IF.match(text, prev, a):
                spans.append(("conditional", a, a))
            else:
                spans.append((stance, hs, he) if hs >= 0 else (stance, a, a) if condition else (stance, prev, a))
            prev, condition = b, CONDITION.fullmatch(text, a, b) is not None
    return spans


CONDITION = re.compile(r"(?:voor|in) zover(?:re)?|mits|(?:onder|op)\s+(?:de\s+)?voorwaarde", re.I)
IF = re.compile(r"[\s,]*(?:als|indien|wanneer|zolang)\b")

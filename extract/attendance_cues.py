"""How Dutch says who attended: the status cues of a clause, and the clauses that state no fact.

A cue is a verb phrase with its polarity built in, so that the negated form is its own
cue and wins over the positive one it contains: `was niet aanwezig` (absent) before
`aanwezig` (present), `werd niet uitgenodigd` (not invited) before `uitgenodigd`
(invited), `nam niet deel` (absent) before `nam deel` (present). One clause can hold
several cues (`ontbrak ..., omdat de uitnodiging pas ... werd verstuurd`: absent and
invited). Some cues name who attended after them, not before: `voorgezeten door X`,
`ik heet X welkom`, `bijgestaan door X`, `onder voorzitterschap van X`; for those only
the actor right after the cue counts.

A clause states no fact when it asks (`Reist de minister naar New York?`, `vraagt of`),
requests (`vraagt het kabinet om niet naar Marrakesh te gaan`) or only supposes
(`zou deelnemen`, `misschien`, `waarschijnlijk`, `indien`, `overweegt`). A plain future
(`zal deelnemen`, `wordt vertegenwoordigd door`) is a plan the document reports, kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmkg.extract.prefilter import Prefilter

_W = r"(?:[\w'’.-]+,?\s+)"  # one word (and its comma) inside a verb phrase
_REFL = r"(?:zich|mij|me|ons|zichzelf)"
# where one travels to attend: a place (`naar Marrakesh`) or a meeting (`naar de conferentie`), not `naar een job`
_TO = r"(?=(?:de\s+|het\s+)?(?:(?-i:[A-ZÀ-Ý])|(?:conferentie|top|vergadering|bijeenkomst|[Ff]orum|[Rr]aad)\b))"


@dataclass(frozen=True)
class Cue:
    status: str
    start: int  # offsets into the clause
    end: int
    after: bool  # who attended is named after the cue (`voorgezeten door X`)


# (status, after, pattern); earlier entries win where matches overlap
_CUES: list[tuple[str, bool, str]] = [
    ("excused", False, rf"\b{_REFL}\s+{_W}{{0,8}}?(?:laten\s+)?verontschuldigen\b"),
    ("excused", False, r"\b(?:was|waren|is|zijn|werd|werden)\s+(?:[\w-]+\s+){0,4}?verontschuldigd\b"),
    ("excused", False, r"\bmet\s+kennisgeving\s+afwezig\b|\bafwezig\s+met\s+kennisgeving\b|\bbericht(?:en)?\s+van\s+verhindering\b"),
    ("excused", False, r"\b(?:had|hadden|heeft|hebben)\s+(?:[\w-]+\s+){0,4}?(?:zich\s+)?afgemeld\b|"
                       r"\bmeldde(?:n)?\s+(?:[\w-]+\s+){0,3}?zich\s+(?:[\w-]+\s+){0,4}?af\b"),
    ("not_invited", True, r"\bnodig(?:de|den|t|en)\b(?=(?:\s+[\w-]+){1,8}?\s+niet\s+uit\b)"),
    ("not_invited", False, r"\b(?:niet|nooit|noch)\s+(?:[\w-]+\s+){0,4}?(?:uitgenodigd|op\s+uitgenodigd)\b|\bgeen\s+uitnodiging\b"),
    ("invited", False, r"\buitgenodigd\b"),
    ("invited", False, r"\buitnodiging\b(?:\s+[\w-]+){0,8}?\s+(?:verstuurd|verzonden|ontvangen|gestuurd)\b|"
                       r"\b(?:ontving|ontvingen|kreeg|kregen)\s+(?:[\w-]+\s+){0,3}?uitnodiging\b|"
                       r"\bnaar\s+aanleiding\s+van\s+de\s+uitnodiging\b"),
    ("absent", False, r"\b(?:niemand|geen|noch)\b(?:\s+[\w-]+){0,6}?\s+(?:aanwezig|vertegenwoordigd)\b"),
    ("absent", False, r"\bniet\s+(?:[\w-]+\s+){0,3}?aanwezig\b|\bafwezig\b|\bontbr(?:ak|aken|eekt|eken)\b|\bverhinderd\b"),
    ("absent", False, r"\b(?:nam|namen|neemt|nemen)\s+(?:[\w.,-]+\s+){0,8}?niet\s+(?:[\w-]+\s+){0,3}?deel\b|"
                      r"\bniet\s+(?:[\w-]+\s+){0,2}?deel(?:genomen|nemen|nam|namen)\b|\bniet\s+deelnamen\b"),
    ("absent", False, r"\bbleef\s+(?:[\w-]+\s+)?weg\b|\bbleven\s+(?:[\w-]+\s+)?weg\b|\bweggebleven\b|"
                      r"\b(?:was|waren)\s+er\s+niet\s+bij\b|\bkwam(?:en)?\s+niet\s+opdagen\b"),
    ("absent", False, r"\b(?:stuurt|sturen|stuurde|stuurden|zendt|zenden)\s+(?:[\w-]+\s+){0,4}?(?:geen|niemand)\b"),
    ("absent", False, r"\b(?:was|waren|is|zijn|werd|werden)\s+(?:[\w-]+\s+){0,3}?niet\s+vertegenwoordigd\b"),
    ("absent", False, r"\b(?:reis|reist|reisde|reisden|ga|gaat|gaan|ging|gingen)\s+(?:[\w-]+\s+){0,3}?niet\s+naar\b"),
    ("present", True, r"\bvoorgezeten\s+door\b|\bonder\s+(?:het\s+)?voorzitterschap\s+van\b|\bbijgestaan\s+door\b|"
                      r"\baangevuld\s+met\b"),
    ("present", True, r"\bheet\b"),
    ("present", True, r"\bin\s+(?:het\s+)?(?:bijzijn|aanwezigheid)\s+van\b"),
    ("invited", True, r"\bnodig(?:de|den|t|en)\b(?=(?:\s+[\w-]+){1,8}?\s+uit\b)"),  # `ik heet de minister ... welkom`: who is welcomed (checked with `welkom`)
    ("present", False, r"\b(?:nam|namen|neemt|nemen)\s+(?:[\w.,-]+\s+){0,10}?deel\b|\bdeel(?:genomen|nam|namen|neemt|nemen)\b"),
    ("present", False, r"\b(?:was|waren|is|zijn|ben|bent|werd|werden|wordt|worden)\s+(?:[\w-]+,?\s+){0,6}?"
                       r"(?:aanwezig|vertegenwoordigd(?!\s+in\b))\b|\baanwezig\b|\bvertegenwoordig(?:d|en)\s+door\b"),
    ("present", False, r"\bvertegenwoordig(?:de|den)\b"),
    ("present", False, r"\bwoon(?:de|den|t|en)\s+(?:[\w-]+\s+){0,8}?bij\b|\bbijgewoond\b"),
    ("present", False, r"\bvolg(?:de|den)\s+(?:die|deze|dat|dit|de|het)\s+[\w-]*(?:vergadering|bijeenkomst|overleg|zitting)\b"),
    ("present", False, r"\b(?:leidde|leidden|opende|openden|sloot)\s+(?:de|het)\s+(?:[\w-]+\s+)?[\w-]*(?:vergadering|overleg|bijeenkomst|debat|zitting)\b|"
                       r"\b(?:was|waren)\s+(?:er\s*)?(?:ook\s+)?bij\b(?!\s+\w)|\b(?:was|waren)\s+(?:ook\s+)?erbij\b|\bals\s+waarnemer\b"),
    ("present", False, r"\bschuift\s+(?:[\w-]+\s+)?aan\b|\bschoof\s+(?:[\w-]+\s+)?aan\b"),
    ("present", False, r"\bvergezel(?:len|t|de|den)\b"),
    ("present", False, rf"\b(?:ga|gaat|gaan|ging|gingen|reis|reist|reisde|reisden|reizen)\s+(?:[\w-]+\s+){{0,5}}?naar\s+{_TO}|"
                       rf"\bnaar\s+{_TO}(?:[\w-]+\s+){{0,5}}?(?:gaan|reizen|gegaan|gereisd|afvaardigen|afgevaardigd)\b"),
    ("present", False, r"\bdelegatie\s+(?:[\w-]+\s+){0,6}?(?:leiden|leidt|leidde|geleid)\b|"
                       r"\b(?:leidt|leidde)\s+(?:[\w-]+\s+){0,2}?delegatie\b"),
    ("present", False, r"\b(?:zetel|zetelt|zetelen|zetelde|zetelden|bespraken|besprak|ondervraagd|toegezegd|voorzat|"
                       r"gedebatteerd|debatteerde|debatteerden|afvaardigen|afgevaardigd)\b"),
    ("present", False, r"\boverleg\s+gevoerd\b|\b(?:met|tijdens)\b(?:\s+[\w-]+){1,8}?\s+gesproken\b|"
                       r"\bhebben\s+(?:[\w-]+\s+){0,8}?gesproken\b|"
                       r"\b(?:had|hadden|heb|hebben)\s+(?:[\w/.-]+\s+){0,6}?(?:ontmoeting|contact|overleg|gesprek)\b"),
    ("present", False, r"\b\w*verklaring\b[^.;]{0,120}?\b(?:afgelegd|afleggen|aflegde|aflegden)\b"),
    ("present", False, r"\baanwezige\s+(?:[\w-]+\s+)?(?:vertegenwoordigers|leden|delegaties|ministers|deelnemers)\b"),
]
_COMPILED = [(s, after, re.compile(p, re.IGNORECASE)) for s, after, p in _CUES]
PATTERNS = [rx for _, _, rx in _COMPILED]
_FILTER = Prefilter(PATTERNS)  # most clauses hold the words of no cue
WELCOME = re.compile(r"\bwelkom\b", re.IGNORECASE)

# a clause that only supposes, asks or requests states no attendance
SUPPOSED = re.compile(
    r"\b(?:zou|zouden|misschien|mogelijk|mogelijkerwijs|wellicht|waarschijnlijk|eventueel|indien|tenzij|"
    r"overweegt|overwegen|overwoog|hoopt|hopen|hoopte|twijfelt|twijfelen|van\s+plan|voornemens|bereid|verwacht)\b"
    r"|^\s*(?:als|wanneer)\b|,\s*(?:als|wanneer)\b", re.IGNORECASE)
REQUEST = re.compile(
    r"\b(?:vraagt|vragen|vroeg|vroegen|verzoekt|verzoeken|roept|riep|wil|willen|wilde|wilden|wenst|wensen|eist|eisen)\b"
    r"(?:[^.;]{0,80}?\bom\b[^.;]{0,80}?\bte\b|[^.;]{0,60}?\b(?:of|wie|waarom|wanneer|hoe)\b)", re.IGNORECASE)
IDIOM = re.compile(r"\bzo\s+[\w-]+\s+mogelijk\b|\bvoor\s+zover\b", re.IGNORECASE)  # `zo breed mogelijk`
QUESTION = re.compile(r"\?\s*[\"'”’»)]*\s*$")


def possible(text: str) -> list[int]:
    """The cues that may match somewhere in text (a clause): those whose required words it holds."""
    return _FILTER.possible(text)


def cues(clause: str, among: list[int] | None = None) -> list[Cue]:
    """The status cues of one clause, in reading order, without overlaps (the first listed wins); `among`
    limits the patterns tried to those `possible` found."""
    found: list[Cue] = []
    for i in possible(clause) if among is None else among:
        status, after, rx = _COMPILED[i]
        for m in rx.finditer(clause):
            if any(c.start < m.end() and m.start() < c.end for c in found):
                continue
            if rx.pattern == r"\bheet\b" and not WELCOME.search(clause, m.end()):
                continue
            found.append(Cue(status, m.start(), m.end(), after))
    return sorted(found, key=lambda c: c.start)


def states_nothing(clause: str, sentence: str, cue: Cue | None = None) -> bool:
    """A question, a request or a supposition up to the cue: no attendance fact, whatever verb it uses."""
    upto = IDIOM.sub(" ", clause[:cue.end] if cue else clause)  # `..., zou er in het verslag staan`: not the cue
    clause = IDIOM.sub(" ", clause)
    return bool(QUESTION.search(sentence) or SUPPOSED.search(upto) or REQUEST.search(clause))

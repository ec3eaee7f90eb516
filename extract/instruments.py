"""Instruments other than the compacts that actors take positions on: motions, amendments, resolutions,
directives and regulations, declarations, bills and court rulings.

`De motie op stuk nr. 172 ontraad ik`, `De leden van de N-VA-fractie stemden tegen` (under `Stemming
over het voorstel van resolutie 3426`), `Daarom heeft het kabinet aangedrongen op herziening van de
Europese Terugkeerrichtlijn`. A short reference (`deze motie`, `het voorstel van resolutie`) takes the
label of the last full one of the same kind before it, so that one instrument keeps one label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmkg.extract import scan

_NAME = r"(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|[Tt]e|[Ii]n\s+['’]t)\s+){0,2}[A-ZÀ-Ý][\w'’-]*"
_NAMED = rf"(?:-\n?{_NAME}(?:/{_NAME})*(?:\s+c\.s\.)?|\s+van\s+(?:[A-ZÀ-Ý][\w'’-]*\s+)?{_NAME}(?:\s+c\.s\.)?)"
_PAPER = (r"(?:\s+(?:op\s+)?(?:Kamer)?stuk\s+(?:nr\.\s*)?\d[\d\s,]*(?:nr\.\s*\d+)?|\s*\((?:Kamerstuk\s+)?\d[\d\s]*"
          r"(?:-[A-Z]+)?,\s*(?:nr\.\s*\d+|letter\s+[A-Z]{1,3})\)|\s*\(Stuk\s+\d+\s+\(\d{4}-\d{4}\)\s+[–-]\s+Nr\.\s*\d+\)|"
          r"\s+\(?(?:DOC\s+)?\d{2,4}(?:[ /]\d{1,4}){0,2}\)?)")
# `over het Global Compact for Safe, Orderly and Regular Migration (3443/5)`: the subject, kept when a number follows
_ABOUT = r"(?:\s+over\s+[^().;?]{3,120}?(?=\s*\((?:Kamerstuk\s+|DOC\s+|Stuk\s+)?\d))?"
KINDS: tuple[tuple[str, str], ...] = (
    ("motie", rf"\b(?:met\s+redenen\s+omklede\s+)?[Mm]otie{_NAMED}?{_ABOUT}{_PAPER}?"),
    ("amendement", rf"\b[Aa]mendement{_NAMED}?{_PAPER}?"),
    ("resolutie", rf"\b(?:[Vv]oorstel\s+van\s+)?resolutie{_ABOUT}{_PAPER}?"),
    ("richtlijn", r"\b(?:herziening\s+van\s+de\s+)?(?:(?:Europese|EU)[\s-]+)?[A-Z]?[a-z]*[Rr]ichtlijn\b(?:\s*\(EU\s+\d{4}/\d+\))?"),
    ("verordening", r"\b(?:(?:Europese|EU)[\s-]+)?[A-Z]?[a-z]*[Vv]erordening\b(?:\s*\(EU\)\s+\d{4}/\d+)?"),
    ("wetsvoorstel", rf"\b(?:[Ww]etsvoorstel|[Vv]oorstel\s+van\s+(?:wet|decreet|ordonnantie)){_PAPER}?"),
    ("verklaring", r"\b(?:(?:gezamenlijke|ontwerp-)\s*)?(?:[Ss]tem|[Vv]oortgangs|[Ss]lot)verklaring\b|"
                   r"\bgezamenlijke\s+verklaring\b"),
    ("uitspraak", r"\b[A-ZÀ-Ý][\w]+-(?:uitspraak|arrest|vonnis)\b"),
)
FIND = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in KINDS))
# a reference back: `deze motie`, `die richtlijn`, `de stemverklaring`, and `daartoe` / `hiertoe` for the
# instrument of the sentence before
BARE = re.compile(r"^(?:(?:met redenen omklede )?[Mm]otie|[Aa]mendement|(?:[Vv]oorstel van )?resolutie|[Rr]ichtlijn|[Vv]erordening|[Ww]etsvoorstel|"
                  r"[Vv]oorstel van (?:wet|decreet|ordonnantie)|(?:[Ss]tem|[Vv]oortgangs|[Ss]lot)verklaring)$")
# Where FIND can start, for scan.finditer_at: every alternative opens with `\b` and a letter, so a match starts
# where a `\w` run starts, and that run begins with one of START_WORDS (`met redenen omklede`, `Motie`,
# `Stemverklaring`, `EU-richtlijn`), holds one of IN_WORDS (`[A-Z]?[a-z]*[Rr]ichtlijn`: `Terugkeerrichtlijn`), or
# is the name before an END_WORDS suffix (`[A-ZÀ-Ý]\w+-arrest`: `\w+` stops at the hyphen, so the run
# before it is where the match starts). tests/test_scan_extract.py checks this against strings generated from FIND.
START_WORDS = ("met", "Motie", "motie", "Amendement", "amendement", "Voorstel", "voorstel", "resolutie", "herziening",
               "Europese", "EU", "Wetsvoorstel", "wetsvoorstel", "gezamenlijke", "ontwerp", "Stem", "stem",
               "Voortgangs", "voortgangs", "Slot", "slot")
IN_WORDS = ("ichtlijn", "erordening")
END_WORDS = ("-uitspraak", "-arrest", "-vonnis")


def starts(text: str) -> list[int]:
    """Every place where FIND can match (see START_WORDS)."""
    return scan.run_starts(text, START_WORDS, IN_WORDS + END_WORDS)


BACK = re.compile(r"\b(?:daartoe|hiertoe|daarvoor|hiervoor|daarop|hierop)\b")


@dataclass(frozen=True)
class Instrument:
    start: int
    end: int
    kind: str
    label: str


def find(text: str) -> list[Instrument]:
    """Every instrument named in a text, short references labelled as the last full one of their kind
    (and left out where there is none)."""
    out: list[Instrument] = []
    last: dict[str, str] = {}
    for m in scan.finditer_at(FIND, text, starts(text)):
        kind = m.lastgroup or ""
        label = re.sub(r"-\s+", "-", " ".join(m.group(0).split()))
        if BARE.match(label):  # `de resolutie` alone is too vague to be a target of its own
            if kind not in last or label.lower() not in last[kind].lower():
                continue
            label = last[kind]
        else:
            last[kind] = label
        out.append(Instrument(m.start(), m.end(), kind, label))
    return out


def in_span(instruments: list[Instrument], start: int, end: int) -> list[Instrument]:
    return [i for i in instruments if start <= i.start and i.end <= end]

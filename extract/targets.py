"""What a position is about: the migration compact (GCM), the refugee compact (GCR), one of the GCM's
23 objectives (`doelstellingen 16, 17 en 18`, `de 23 doelstellingen`) or paragraphs (`paragraaf 15`,
`punt 33c`, `Marrakesh-21i`; paragraph 17..39 holds objective 1..23), and `het pact` as the compact named last.
"""

from __future__ import annotations

import re

from gcmkg.extract import scan, word_heads
from gcmkg.extract.segment import Sentence

OBJECTIVES = re.compile(r"\bdoelstelling(?:en)?\s+(?P<list>\d{1,2}[a-z]?(?:\s*(?:,|en)\s*\d{1,2}[a-z]?)*)", re.I)
ALL_OBJECTIVES = re.compile(r"\b(?:de|alle)\s+23\s+(?:\w+\s+)?doelstellingen\b")
PARAGRAPH = re.compile(r"\b(?:paragraaf|punt|Marrakesh-)\s?(?P<n>\d{1,2})(?P<l>[a-z])?\b", re.I)
GCM_NAMED = re.compile(r"\b(?:GCM|(?:VN-)?[Mm]igratiepact|[Ii]mmigratiepact|Global Compact (?:for|on|voor|over) (?:Safe|Veilige|"
                       r"Migration|[Mm]igratie|gereguleerde)|Marrakesh-pact)")
GCR = re.compile(r"\b(?:GCR|(?:VN-)?[Vv]luchtelingen(?:compact|pact)|Global Compact (?:on|for|voor|over) (?:Refugees|"
                 r"[Vv]luchtelingen|gedeelde))")
# `het pact`, `dit compact`: the compact named last before it
BARE_COMPACT = re.compile(r"\b(?:[Hh]et|[Dd]it|[Dd]at|[Bb]eide) (?:[a-z]+e )?(?:pact|[Cc]ompact)\b")
GCM = re.compile(f"{GCM_NAMED.pattern}|{BARE_COMPACT.pattern}")


def names_compact_first(text: str, cue: int) -> bool:
    """True when the compact itself is the object of the cue: named right after it, before any objective."""
    m = GCM.search(text, cue) or GCR.search(text, cue)
    first = min((x.start() for x in (OBJECTIVES.search(text), PARAGRAPH.search(text)) if x), default=len(text))
    return bool(m) and m.start() < first and m.start() - cue < 40


def compacts(text: str) -> list[tuple[int, str]]:
    """Where the text names the migration or the refugee compact, in order."""
    found = ([(m.start(), "GCM") for m in word_heads.finditer(GCM_NAMED, text)]  # tried only at their words
             + [(m.start(), "GCR") for m in word_heads.finditer(GCR, text)])
    return sorted(found)


def compact_in(named: list[tuple[int, str]], start: int, end: int, text: str) -> str | None:
    """The compact a sentence speaks of: the one it names, else for `het pact` the one named last before it."""
    own = [k for p, k in named if start <= p < end]
    if own:
        return own[0]
    if BARE_COMPACT.search(text):
        before = [k for p, k in named if p < start]
        return before[-1] if before else "GCM"
    return None


def named_compact(named: list[tuple[int, str]], s: Sentence) -> list[tuple[str, int | None, str | None]]:
    kind = compact_in(named, s.start, s.end, s.text)
    return [(kind, None, None)] if kind else []


def targets(text: str) -> list[tuple[str, int | None, str | None]]:
    """(target label, objective, paragraph) for every compact reference in a text."""
    out: list[tuple[str, int | None, str | None]] = []
    if scan.search(ALL_OBJECTIVES, text):
        out += [(f"GCM objective {n}", n, None) for n in range(1, 24)]
    for m in scan.finditer(OBJECTIVES, text):
        for item in re.findall(r"\d{1,2}[a-z]?", m.group("list")):
            n = int(re.match(r"\d+", item).group(0))
            if n <= 23 and item.isdigit():
                out.append((f"GCM objective {n}", n, None))
            elif 17 <= n <= 39:  # `doelstelling 33c` means paragraph 33c
                out.append((f"GCM paragraph {item}", n - 16, item))
    for m in scan.finditer(PARAGRAPH, text):
        n = int(m.group("n"))
        item = f"{n}{m.group('l') or ''}"
        out.append((f"GCM paragraph {item}", n - 16 if 17 <= n <= 39 else None, item))
    return list(dict.fromkeys(out))

"""Named meeting series: UN conferences, EU Council configurations, intergovernmental bodies (extract/data/series.json).

A document names a series in full (`Algemene Vergadering van de Verenigde Naties`,
`JBZ-RAAD`), by its acronym (`IMRF`, `HLWG`), by a short head noun once it has
named it (`het Forum`, `de Raad`), or, for a one-off conference, by its venue
(`naar Marrakesh`). Names used inside another name are not mentions of the series:
`vaste commissie voor Immigratie & Asiel / JBZ-Raad` is a committee, not the Council.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class Series:
    name: str
    kind: str
    aliases: tuple[str, ...]
    heads: tuple[str, ...]
    venues: tuple[str, ...]


@dataclass(frozen=True)
class SeriesMention:
    start: int
    end: int
    series: Series
    how: str  # "alias", "head" or "venue"


def _acronym(alias: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,6}", alias))


def _pattern(alias: str) -> str:
    """An alias as a pattern that allows line breaks between its words."""
    return r"\s+".join(re.escape(w) for w in alias.split())


@lru_cache(maxsize=1)
def catalogue() -> tuple[Series, ...]:
    data = json.loads((files("gcmkg.extract.data") / "series.json").read_text(encoding="utf-8"))
    return tuple(Series(e["name"], e["kind"], tuple(e["aliases"]), tuple(e.get("heads", ())), tuple(e.get("venues", ())))
                 for e in data["entries"])


@lru_cache(maxsize=1)
def _matchers() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, Series], re.Pattern[str], re.Pattern[str]]:
    by_alias: dict[str, Series] = {}
    names: list[str] = []
    for s in catalogue():
        for a in (s.name, *s.aliases):
            if a.lower() not in by_alias:
                by_alias[a.lower()] = s
                names.append(a)
    words = sorted((a for a in names if not _acronym(a)), key=len, reverse=True)
    acronyms = sorted(a for a in names if _acronym(a))
    alias_re = re.compile(r"(?<![\w-])(?:" + "|".join(_pattern(a) for a in words) + r")(?![\w])", re.IGNORECASE)
    acro_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, acronyms)) + r")(?![\w-])")
    heads = sorted({h for s in catalogue() for h in s.heads}, key=len, reverse=True)
    # `het Forum`, `de Raad`, `op de conferentie`: a head noun after an article, not `Raad van State`
    head_re = re.compile(r"\b(?:[Hh]et|[Dd]e|[Dd]eze|[Dd]ie|[Dd]at|[Dd]it)\s+(?:\w+\s+)?(?P<h>"
                         + "|".join(map(re.escape, heads)) + r")(?![\w-])(?!\s+(?:van|voor)\s+[A-Z])")
    venues = sorted({v for s in catalogue() for v in s.venues}, key=len, reverse=True)
    venue_re = re.compile(r"\b(?:naar|in|te)\s+(?P<v>" + "|".join(map(re.escape, venues)) + r")\b")
    return alias_re, acro_re, by_alias, head_re, venue_re


def _inside_other_name(text: str, start: int) -> bool:
    """`commissie voor Immigratie & Asiel / JBZ-Raad`: the Council's name ends a committee's name."""
    return bool(re.search(r"/\s*$", text[max(0, start - 3):start]))


def find(text: str) -> list[SeriesMention]:
    """Every mention of a known series in text, in reading order; head nouns resolve to the series named last
    before them that has that head."""
    alias_re, acro_re, by_alias, head_re, venue_re = _matchers()
    found: list[SeriesMention] = []
    for rx in (alias_re, acro_re):
        for m in rx.finditer(text):
            if _inside_other_name(text, m.start()):
                continue
            key = re.sub(r"\s+", " ", m.group(0)).lower()
            found.append(SeriesMention(m.start(), m.end(), by_alias[key], "alias"))
    for m in venue_re.finditer(text):
        s = next(s for s in catalogue() if m.group("v") in s.venues)
        found.append(SeriesMention(m.start("v"), m.end("v"), s, "venue"))
    found = _without_overlaps(found)
    for m in head_re.finditer(text):
        if any(f.start <= m.start("h") < f.end for f in found):
            continue
        named = [f for f in found if f.end <= m.start() and f.how == "alias" and m.group("h") in f.series.heads]
        if named:
            found.append(SeriesMention(m.start("h"), m.end("h"), named[-1].series, "head"))
    return sorted(_without_overlaps(found), key=lambda f: f.start)


def _without_overlaps(found: list[SeriesMention]) -> list[SeriesMention]:
    """The longest of overlapping mentions wins."""
    kept: list[SeriesMention] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if not any(k.start < f.end and f.start < k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)

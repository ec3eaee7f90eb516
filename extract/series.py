"""Named meeting series: UN conferences, EU Council configurations, intergovernmental bodies (extract/data/series.json).

A document names a series in full (`Algemene Vergadering van de Verenigde Naties`,
`JBZ-RAAD`), by its acronym (`IMRF`, `HLWG`), by a short head noun once it has
named it (`het Forum`, `de Raad`), or, for a one-off conference, by its venue
(`naar Marrakesh`). Names used inside another name are not mentions of the series:
`vaste commissie voor Immigratie & Asiel / JBZ-Raad` is a committee, not the Council.

Words that name no catalogued series are named from the word and the document
(`series_of`): `Coormulti-vergadering` is CoorMulti, `IMC` takes the theme the
document gives it (`IMC Migratie en Integratie`), `plenaire vergadering` the
parliament the sentence or the record names, an acronym the name it is defined with.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from gcmkg.extract import gazetteer, scan
from gcmkg.extract.context import Context
from gcmkg.extract.textutil import squash

LOCATION = re.compile(r"\b(?:in|te)\s+(?P<place>(?:New York|Marrakesh|Marrakech|Genève|Brussel|Den Haag|Wenen|Parijs|[A-Z][a-z]+))\b")
IMC_NAME = re.compile(r"(?:Interministeri[eë]le\s+Conferentie|INTERMINISTERI[EË]LE\s+CONFERENTIE|IMC)(?:\s*\(IMC\))?\s+"
                      r"(?P<n>[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+en\s+[A-ZÀ-Ý][a-zà-ÿ]+)?|[A-ZÀ-Ý]{3,}(?:\s+EN\s+[A-ZÀ-Ý]{3,})?)\b")
_NOT_THEMES = {"werkgroep", "werking", "de", "het", "in", "op", "van", "met", "kwam", "zou", "sinds"}


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
    venue_re = re.compile(r"\b(?:naar|in|te)\s+(?:het\s+[A-Z]\w+e\s+)?(?P<v>" + "|".join(map(re.escape, venues)) + r")\b")
    return alias_re, acro_re, by_alias, head_re, venue_re


_RUN = re.compile(r"\w+")
_VENUE_ADJECTIVE = re.compile(r"\b(?:naar|in|te)\s+het\s+[A-Z]\w+e\s+$")
_ARTICLES = ("Het", "het", "De", "de", "Deze", "deze", "Die", "die", "Dat", "dat", "Dit", "dit")


@lru_cache(maxsize=1)
def _first_runs() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]] | None:
    """The word (`\\w+` run) each name alias starts with, the acronyms, the venues: where the patterns of
    `_matchers` can start (None when an alias starts otherwise, and every place must be tried)."""
    firsts, acronyms = set(), set()
    for s in catalogue():
        for a in (s.name, *s.aliases):
            run = _RUN.match(a)
            if run is None:
                return None
            (acronyms if _acronym(a) else firsts).add(run.group())
    venues = tuple(sorted({v for s in catalogue() for v in s.venues}))
    if not all(_RUN.match(v) for v in venues):
        return None
    return frozenset(firsts), frozenset(acronyms), venues


def _starts(text: str) -> tuple[list[int] | None, list[int] | None, list[int] | None, list[int] | None]:
    """Where alias_re, acro_re, venue_re and head_re can match in a long text (None: anywhere).

    Each starts a word after no word character (its look-behind or `\\b`), and that word is one the
    pattern begins with: the alias's first word (case-insensitively: its words are followed by whitespace,
    a character without case or the end, so the word in the text is exactly as long), the acronym, the
    article; a venue pattern starts with `naar`, `in` or `te` and the whitespace before the venue, or before
    `het <adjective>` and the venue."""
    runs = _first_runs()
    if runs is None or len(text) < scan.INDEXED:
        return None, None, None, None
    firsts, acronyms, venues = runs
    venue_starts = set()
    for j in scan.literal_starts(text, venues):
        k = scan.space_start(text, j)
        if k < j:
            venue_starts.update(x for x in (k - 4, k - 2) if x >= 0)
            adjective = _VENUE_ADJECTIVE.search(text, max(0, j - 80), j)  # `naar het Marokkaanse Marrakech`
            if adjective:
                venue_starts.add(adjective.start())
    return (scan.word_starts_ignorecase(text, firsts), scan.word_starts(text, acronyms), sorted(venue_starts),
            scan.word_starts(text, _ARTICLES))


def _scan(rx: re.Pattern[str], text: str, starts: list[int] | None):
    return rx.finditer(text) if starts is None else scan.finditer_at(rx, text, starts)


def _inside_other_name(text: str, start: int) -> bool:
    """`commissie voor Immigratie & Asiel / JBZ-Raad`: the Council's name ends a committee's name;
    `algemeen overleg JBZ-Raad`, `commissiedebat Raad Buitenlandse Zaken`: the Council is the topic."""
    return bool(re.search(r"/\s*$|(?:overleg|debat)\s+(?:over\s+de\s+)?$", text[max(0, start - 30):start]))


_LAST: tuple[str | None, tuple[SeriesMention, ...]] = (None, ())  # the last long text `find` read, and its mentions


def find(text: str) -> list[SeriesMention]:
    """Every mention of a known series in text, in reading order; head nouns resolve to the series named last
    before them that has that head. (Meetings and attendance both read a document's series: the second
    time, the mentions of the last long text are handed out again.)"""
    global _LAST
    last = _LAST  # one read of one tuple: safe when threads share this module
    if last[0] is text:
        return list(last[1])
    found = _find(text)
    if len(text) >= scan.INDEXED:
        _LAST = (text, tuple(found))
    return found


def _find(text: str) -> list[SeriesMention]:
    alias_re, acro_re, by_alias, head_re, venue_re = _matchers()
    alias_at, acro_at, venue_at, head_at = _starts(text)
    found: list[SeriesMention] = []
    for rx, at in ((alias_re, alias_at), (acro_re, acro_at)):
        for m in _scan(rx, text, at):
            if _inside_other_name(text, m.start()):
                continue
            key = re.sub(r"\s+", " ", m.group(0)).lower()
            found.append(SeriesMention(m.start(), m.end(), by_alias[key], "alias"))
    for m in _scan(venue_re, text, venue_at):
        s = next(s for s in catalogue() if m.group("v") in s.venues)
        found.append(SeriesMention(m.start("v"), m.end("v"), s, "venue"))
    found = _without_overlaps(found)
    for m in _scan(head_re, text, head_at):
        if any(f.start <= m.start("h") < f.end for f in found):
            continue
        named = [f for f in found if f.end <= m.start() and f.how == "alias" and m.group("h") in f.series.heads]
        only = [s for s in catalogue() if m.group("h") in s.heads]
        if named:
            found.append(SeriesMention(m.start("h"), m.end("h"), named[-1].series, "head"))
        elif " " in m.group("h") and len(only) == 1:  # `de Algemene Vergadering`: a head no other series has
            found.append(SeriesMention(m.start("h"), m.end("h"), only[0], "head"))
    return sorted(_without_overlaps(found), key=lambda f: f.start)


def _without_overlaps(found: list[SeriesMention]) -> list[SeriesMention]:
    """The longest of overlapping mentions wins."""
    kept: list[SeriesMention] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if not any(k.start < f.end and f.start < k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


# What series a meeting word names, when the catalogue does not: the word itself and the document say.

def series_of(ctx: Context, word: str, sentence: str) -> str | None:
    """The series a meeting word names; None for a word that takes the series named before it."""
    w = squash(word).lower()
    if "coormulti" in w or "coörmulti" in w:
        return "CoorMulti"
    if w.startswith("raadswerkgroep"):  # `Raadswerkgroep Migratie`; bare `de Raadswerkgroep` takes the one named before
        return squash(word) if " " in w else None
    if re.fullmatch(r"[a-z]+-overleg", w):
        return squash(word)  # `Schengen-overleg`
    if w.startswith("bilatera"):
        return "bilateraal"
    if "werkgroep" in w:
        return "IMC werkgroep" if "imc" in w or "voorbereidende" in w else None
    if w == "imc" or "interministeri" in w:
        return imc_name(ctx.text)
    if "intergouvernementele" in w or ("conferentie" in w and re.search(r"Marrake[cs]h", sentence)):
        return "Intergouvernementele Conferentie Marrakesh"
    if "plenaire" in w or "plenumvergadering" in w:
        return plenary_series(ctx, sentence)
    if w.endswith("top"):
        return "Algemene Vergadering VN" if "Algemene Vergadering" in sentence else "VN-top"
    if w == "stemming":
        place = LOCATION.search(sentence[sentence.find("stemming"):])
        return f"stemming VN {place.group('place')}" if place and ("VN" in sentence or "pact" in sentence) else "stemming"
    if w in ("rondvraag", "kennismakingsgesprek", "commissievergadering", "rondetafelgesprek", "hoorzitting",
             "gedachtewisseling", "commissiedebat", "algemeen overleg", "notaoverleg", "wetgevingsoverleg"):
        return "commissie"
    if w == "vragenuur":
        return plenary_series(ctx, sentence)
    if w == "kernkabinet":
        return "kernkabinet"
    if w.endswith("debat"):
        return "debat"
    if w == "ontmoeting":
        return "bilateraal"
    if w == "ministerraad":
        return "ministerraad"
    if w in ("debat", "overleg", "zitting", "bijeenkomst"):
        return w
    return None  # `vergadering`: the series of the meeting word before it


def imc_name(text: str) -> str:
    """`IMC Migratie en Integratie`: the interministerial conference with the theme the document gives it."""
    for m in IMC_NAME.finditer(text):
        theme = squash(m.group("n"))
        if theme.split()[0].lower() in _NOT_THEMES:
            continue
        if theme.isupper():
            theme = " ".join(t.lower() if t == "EN" else t.capitalize() for t in theme.split())
        return f"IMC {theme}"
    return "IMC"


def plenary_series(ctx: Context, sentence: str) -> str:
    """`plenaire vergadering Vlaams Parlement`: the parliament the sentence names, else the record's own."""
    for hit in gazetteer.find(sentence, ctx.jurisdiction):
        if hit.entry.kind == "parliament":
            return f"plenaire vergadering {hit.entry.name}"
    m = re.search(r"\b(?:van|in)\s+(?:het|de)\s+(?P<p>(?:[A-Z][\w-]+\s+)+Parlement)\b", sentence)
    if m:
        return f"plenaire vergadering {squash(m.group('p'))}"
    parl = own_parliament(ctx)
    return f"plenaire vergadering {parl}" if parl else "plenaire vergadering"


def own_parliament(ctx: Context) -> str | None:
    for d in ctx.documents:
        if d.parliament:
            actor = ctx.actors.get(d.parliament)
            entry = gazetteer.by_key(d.parliament)
            return actor.name if actor else entry.name if entry else None
    return None


# minutes of a body's meeting: `Samenvatting van de vergadering van het Comité van Ministers ...`
MINUTES_OF = re.compile(r"\bvan\s+de\s+(?:vergadering|bijeenkomst|zitting)\s+van\s+(?:het|de)\s+(?P<body>.+)$")


def record_series(ctx: Context) -> tuple[str, str] | None:
    """A plenary or committee record is the sitting of its date, minutes the meeting of theirs: (series, date)."""
    for d in ctx.documents:
        if d.kind in ("plenary_record", "committee_record") and d.date:
            return ("commissie" if d.kind == "committee_record" else plenary_series(ctx, ""), d.date)
        minutes = MINUTES_OF.search(d.title or "") if d.kind == "report" and d.date else None
        if minutes:
            named = find(minutes.group("body"))
            return (named[0].series.name if named and named[0].start == 0 else squash(minutes.group("body")), d.date)
    return None


def defined_name(text: str, short: str) -> str:
    """`interdepartementaal overleg migratiesamenwerking (IDO)`: the name a document gives an acronym."""
    m = re.search(rf"(?P<name>(?:[\w-]+\s+){{1,6}})\(\s*{re.escape(short)}\s*\)", text)
    if not m:
        return short
    words = m.group("name").split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in ("het", "de", "een", "in", "van", "the")), default=0)
    name = " ".join(words[cut:])
    return f"{name} ({short})" if name else short

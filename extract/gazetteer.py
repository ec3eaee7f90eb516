"""Well-known institutions, parties and countries, from the data files in extract/data/.

One dict look-up per word finds the aliases that can start there; longer
aliases win over shorter ones. Short all-capital abbreviations (`VN`, `EU`)
count only as whole words, not inside compounds (`VN-migratiepact`).
"""

from __future__ import annotations

import gettext
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import pycountry

from gcmkg.extract.textutil import slug

WIKIDATA = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    kind: str
    jurisdiction: str | None = None  # "nl" / "be": alias only valid in documents of that country
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: Entry
    surface: str


def _data(name: str) -> dict:
    return json.loads((files("gcmkg.extract.data") / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def entries() -> tuple[dict[str, list[Entry]], dict[str, Entry]]:
    """alias -> entries (several when jurisdictions differ), and key -> entry."""
    by_alias: dict[str, list[Entry]] = {}
    by_key: dict[str, Entry] = {}

    def add(entry: Entry, aliases: list[str]) -> None:
        by_key[entry.key] = entry
        for a in {entry.name, *aliases}:
            by_alias.setdefault(a, []).append(entry)

    countries = _data("countries_wikidata.json")
    nl = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    for c in pycountry.countries:
        name = nl.gettext(c.name)
        qid = countries["wikidata"].get(c.alpha_2)
        entry = Entry(f"country/{slug(name)}", name, "country", None, (WIKIDATA + qid,) if qid else ())
        aliases = list(countries["extra_aliases"].get(c.alpha_2, []))
        common = nl.gettext(getattr(c, "common_name", c.name))
        if common != name:
            aliases.append(common)
        add(entry, aliases)
    for e in _data("organisations.json")["entries"]:
        qid = e.get("wikidata")
        entry = Entry(f"{e['kind'].replace('_', '-')}/{slug(e['name'])}", display_name(e["name"], e["aliases"]),
                      e["kind"], e.get("jurisdiction"), (WIKIDATA + qid,) if qid else ())
        add(entry, [e["name"], *e["aliases"]])
    for e in _data("parties.json")["entries"]:
        add(Entry(f"party/{slug(e['name'])}", e["name"], "party"), e["aliases"])
    return by_alias, by_key


ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,7}")


def display_name(name: str, aliases: list[str]) -> str:
    """`Wetenschappelijk Onderzoek- en Documentatiecentrum (WODC)`: documents often use only the acronym,
    so a label that shows both lets a reader (and a search) find the actor either way."""
    if ACRONYM.fullmatch(name) or "(" in name:
        return name
    acronyms = [a for a in aliases if ACRONYM.fullmatch(a)]
    return f"{name} ({acronyms[0]})" if acronyms else name


def _variants(alias: str) -> set[str]:
    out = {alias}
    if len(alias) > 4 and alias[0].isupper() and not alias[:2].isupper():
        out.add(alias[0].lower() + alias[1:])
    if len(alias) > 4 and alias[0].islower():
        out.add(alias[0].upper() + alias[1:])
    return out


@lru_cache(maxsize=1)
def _matcher() -> tuple[dict[str, tuple[tuple[str, re.Pattern[str]], ...]], dict[str, list[Entry]]]:
    """Aliases indexed by their first word, longest first, each with the pattern it must match there;
    alias -> entries.

    One alternation of all aliases made Python's regex engine try every alias at
    every character (0.03 MB/s); an alias can only start where a word starts and
    must then begin with that whole word, so one dict look-up per word finds the
    few aliases worth trying, with the same matches.
    """
    by_alias, _ = entries()
    table: dict[str, list[Entry]] = {}
    for alias, es in by_alias.items():
        for v in _variants(alias):
            table.setdefault(v, []).extend(es)
    heads: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for alias in sorted(table, key=len, reverse=True):
        head = _WORD.match(alias)
        if head is None:  # not reachable with the data files: every alias starts with a letter or digit
            raise ValueError(f"gazetteer alias {alias!r} does not start with a word character")
        body = r"\s+".join(re.escape(w) for w in alias.split(" "))  # names run across line breaks
        end = r"(?![\w-])" if len(alias) <= 4 and alias.upper() == alias else r"(?!\w)"  # abbreviations: whole words
        heads.setdefault(head.group(0), []).append((alias, re.compile(body + end)))
    return {h: tuple(v) for h, v in heads.items()}, table


_WORD = re.compile(r"\w+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def find(text: str, jurisdiction: str | None, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every gazetteer alias in text[start:end], resolved for the document's jurisdiction.

    Leftmost-longest matches that do not overlap. An alias starts a word that
    follows no letter, digit or hyphen, and ends where no letter or digit
    follows (a short all-capital abbreviation: nor a hyphen, so `VN-migratiepact`
    holds no `VN`)."""
    heads, table = _matcher()
    end = len(text) if end is None else end
    hits = []
    resume = start
    for w in _WORD.finditer(text, start, end):
        options = heads.get(w.group(0))
        if options is None:  # most words begin no alias: the cheap test first
            continue
        p = w.start()
        if p < resume or (p and _WORD_OR_HYPHEN.match(text, p - 1)):
            continue
        for alias, pattern in options:
            m = pattern.match(text, p, end)
            if m is None:
                continue
            chosen = _choose(table[alias], jurisdiction)
            if chosen:
                hits.append(Hit(p, m.end(), chosen, alias))
            resume = m.end()
            break
    return hits


def _choose(options: list[Entry], jurisdiction: str | None) -> Entry | None:
    local = [e for e in options if e.jurisdiction and e.jurisdiction == jurisdiction]
    if local:
        return local[0]
    general = [e for e in options if not e.jurisdiction]
    return general[0] if general else None


def lookup(name: str, jurisdiction: str | None = None) -> Entry | None:
    """The entry a name or alias stands for."""
    _, table = _matcher()
    options = table.get(name)
    return _choose(options, jurisdiction) if options else None


def by_key(key: str) -> Entry | None:
    return entries()[1].get(key)


@lru_cache(maxsize=1)
def party_names() -> dict[str, Entry]:
    """Party alias -> party entry, also lower-cased, for tags like `(D66)` or `(50plus)`."""
    by_alias, _ = entries()
    out = {}
    for alias, es in by_alias.items():
        for e in es:
            if e.kind == "party":
                out[alias] = e
                out[alias.lower()] = e
    return out

"""Entity resolution across documents: the same person or organisation gets one key in the whole corpus.

Each document is extracted on its own, so one document's `Bakker (PVV)` and another's
`P.J. Bakker` arrive as two keys. Here, after extraction and before the graph:

- persons: a surname alone, initials with a surname and a full name meet when they share
  the surname, their first names and initials agree, and their parties do not differ;
  a surname borne by two people who cannot be told apart is left alone;
- organisations of one kind: `vaste commissie voor Immigratie & Asiel / JBZ-Raad` and
  `commissie voor Immigratie en Asiel/JBZ-Raad` meet when their normalised names are
  equal or one holds the other (rapidfuzz, token sets), never across kinds.

Offices without a name (`Minister van Buitenlandse Zaken`) are not merged across documents:
their holders change over time. Every fact keeps its own evidence; only keys change.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from gcmkg.extract.models import ActorFact, Extraction
from gcmkg.extract.persons import OFFICE_WORDS

PARTICLES = {"van", "de", "der", "den", "ten", "ter", "te", "het", "vande", "vanden", "von", "d'", "le", "la", "du"}
INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$")
ORG_KINDS = ("ministry", "administration", "cabinet", "parliament", "committee", "civil_society", "other",
             "international_organisation", "government")


@dataclass(frozen=True)
class PersonName:
    first: str | None  # `Geert`
    initials: str  # `GB`, from the first name or the written initials
    surname: str  # normalised: `van dijk`, `faber-van de klashorst`


def person_name(name: str) -> PersonName | None:
    """The parts of a personal name; None for an office or description (`Minister van ...`, `de attaché`)."""
    tokens = name.split()
    if not tokens or not tokens[0][:1].isupper() or re.match(rf"(?i:{OFFICE_WORDS})\b", name):
        return None
    first, initials, rest = None, "", tokens
    if INITIALS.match(tokens[0]):
        initials = re.sub(r"[^A-Z]", "", tokens[0])
        rest = tokens[1:]
    elif len(tokens) >= 2 and tokens[0].isalpha() and tokens[0].lower() not in PARTICLES:
        first, initials, rest = tokens[0], tokens[0][0], tokens[1:]
    if not rest or any(t[:1].islower() and t.lower() not in PARTICLES for t in rest):
        return None
    if len(rest) > 4 or not rest[-1][:1].isupper():
        return None
    return PersonName(first, initials, _norm(" ".join(rest)))


def _norm(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in t if not unicodedata.combining(c)).lower().split())


def _compatible(a: PersonName, b: PersonName) -> bool:
    if a.surname != b.surname:
        return False
    if a.first and b.first:
        return a.first.lower() == b.first.lower()
    if a.initials and b.initials:
        return a.initials.startswith(b.initials) or b.initials.startswith(a.initials)
    return True


def _rank(name: PersonName, label: str) -> tuple:
    return (name.first is not None, len(name.initials), len(label), label)


def _person_map(actors: dict[str, ActorFact]) -> dict[str, str]:
    """key -> canonical key, for persons that are one and the same."""
    groups: dict[str, list[tuple[str, PersonName]]] = defaultdict(list)
    for key, a in actors.items():
        n = person_name(a.name) if a.kind == "person" else None
        if n:
            groups[n.surname].append((key, n))
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        informative = [(k, n) for k, n in members if n.first or n.initials]
        best = max(members, key=lambda kn: _rank(kn[1], actors[kn[0]].name))
        if any(not _compatible(best[1], n) for _, n in informative):
            continue  # two people share the surname; which one a bare surname means is unknown
        parties = {actors[k].party for k, _ in members if actors[k].party}
        if len(parties) > 1:
            continue
        for k, _ in members:
            if k != best[0]:
                out[k] = best[0]
    return out


def _org_norm(name: str) -> str:
    t = _norm(name).replace("&", " en ").replace("/", " ")
    t = re.sub(r"\b(?:vaste|de|het|van|voor)\b", " ", t)
    return " ".join(t.split())


def _org_map(actors: dict[str, ActorFact]) -> dict[str, str]:
    out: dict[str, str] = {}
    by_kind: dict[str, list[str]] = defaultdict(list)
    for key, a in actors.items():
        if a.kind in ORG_KINDS and not a.same_as:
            by_kind[a.kind].append(key)
    for keys in by_kind.values():
        keys.sort(key=lambda k: (-len(actors[k].name), k))  # the fullest name is the canonical one
        for i, short in enumerate(keys):
            if short in out:
                continue
            ns = _org_norm(actors[short].name)
            for long in keys[:i]:
                nl = _org_norm(actors[long].name)
                if long not in out and len(ns.split()) >= 3 and (ns == nl or fuzz.token_set_ratio(ns, nl) >= 97):
                    out[short] = long
                    break
    return out


def resolve(extractions: Sequence[Extraction]) -> list[Extraction]:
    """The extractions with one key per real-world actor across all of them."""
    actors: dict[str, ActorFact] = {}
    for ex in extractions:
        for a in ex.actors:
            known = actors.get(a.key)
            if known is None or len(a.name) > len(known.name):
                actors[a.key] = a
    mapping = {**_org_map(actors), **_person_map(actors)}
    if not mapping:
        return list(extractions)
    return [_rekey(ex, mapping) for ex in extractions]


def _rekey(ex: Extraction, mapping: dict[str, str]) -> Extraction:
    def k(key: str | None) -> str | None:
        return mapping.get(key, key) if key else key

    merged: dict[str, ActorFact] = {}
    for a in ex.actors:
        new = a.model_copy(update={"key": k(a.key), "party": k(a.party),
                                   "member_of": tuple(dict.fromkeys(k(m) for m in a.member_of if k(m) != k(a.key)))})
        old = merged.get(new.key)
        merged[new.key] = new if old is None else _merge(old, new)
    return ex.model_copy(update={
        "actors": tuple(merged[key] for key in sorted(merged)),
        "documents": tuple(d.model_copy(update={
            "authors": tuple(dict.fromkeys(k(x) for x in d.authors)),
            "addressees": tuple(dict.fromkeys(k(x) for x in d.addressees)), "parliament": k(d.parliament)})
            for d in ex.documents),
        "attendance": tuple(dict.fromkeys(x.model_copy(update={"actor": k(x.actor)}) for x in ex.attendance)),
        "positions": tuple(dict.fromkeys(x.model_copy(update={"holder": k(x.holder)}) for x in ex.positions)),
    })


def _merge(a: ActorFact, b: ActorFact) -> ActorFact:
    """Two actors of one document that are one: the longer name, all aliases, roles and evidence."""
    main, other = (a, b) if len(a.name) >= len(b.name) else (b, a)
    aliases = sorted({*main.aliases, *other.aliases, other.name} - {main.name})
    return main.model_copy(update={
        "aliases": tuple(aliases), "roles": tuple(dict.fromkeys((*main.roles, *other.roles))),
        "party": main.party or other.party, "member_of": tuple(dict.fromkeys((*main.member_of, *other.member_of))),
        "same_as": tuple(dict.fromkeys((*main.same_as, *other.same_as))),
        "evidence": tuple(sorted({*main.evidence, *other.evidence}, key=lambda e: (e.start, e.end)))})

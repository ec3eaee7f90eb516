"""Persons, recognised from how documents introduce people, not from a list of who is in them.

Cues: signature blocks and headers (`JAN PEETERS` over an office in capitals,
`De Staatssecretaris van ...,` over `A.B. de Vries`), party tags (`Jansen (D66)`),
titles and offices (`minister Muyters`, `staatssecretaris voor Asiel en Migratie
Karim Ouali`), member lists (`- Jan Peeters: minister van ...` under `Voor de
Vlaamse regering:`), and first names from the `deduce` package's Dutch name lists.
An office without a name (`de Minister van Buitenlandse Zaken`) is a person known
by the office, unless the document names its holder.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from gcmkg.extract import gazetteer, person_starts as at, scan
from gcmkg.extract.context import Context
from gcmkg.extract.textutil import slug, squash, strip_accents, titlecase_name

NEEDS = ("text", "documents")
PRODUCES = ("actors:person",)

_PARTICLE = (r"(?:van|de|der|den|ter|ten|te|Van|De|Der|Den|Ter|Ten|'t|von|di|da|Le|La|du|El|Al|el|al|Ben|Abou|Op|op|"
             r"In|in|Van't|Da|Dos|Del|Di|Du)")
_CAP = r"[A-ZÀ-Ý][a-zà-ÿĀ-ſ]+(?:-[A-ZÀ-Ý]?[a-zà-ÿĀ-ſ]+)*"
NAME = rf"(?:(?:[A-Z]\.){{1,5}}\s?)?(?:{_CAP}\s+)?(?:{_PARTICLE}\s+){{0,2}}{_CAP}"
_ORGWORD = r"(?!(?:Den Haag|Aan|Op|In|De|Het|Deze|Dit)\b)[A-ZÀ-Ý](?:[a-zà-ÿ][\w-]*|[A-Z]{1,5}(?![\w-]))"
TITLES = (r"minister-president|viceminister-president|vice-eerste minister|eerste minister|premier|minister|"
          r"staatssecretaris|fractievoorzitter|voorzitter|ondervoorzitter|senator|Kamerlid|volksvertegenwoordiger|"
          r"commissaris|burgemeester|de heer|mevrouw|collega|het lid|lid")
OFFICE_WORDS = (r"Minister-president|Viceminister-president|Minister|Staatssecretaris|Voorzitter|Secretaris-Generaal|"
                r"Vice-Eerste minister|Eerste minister|Premier")
TITLE_NAME = re.compile(
    rf"(?<![\w-])(?:(?P<party>[A-Z][\w&]*(?:\s[A-Z]{{2,4}})?)-)?(?P<title>(?i:{TITLES}))"
    rf"(?P<domain>(?:\s+(?:van|voor)\s+(?:[A-ZÀ-Ý][\w-]*|en|,)(?:\s*(?:[A-ZÀ-Ý][\w-]*|en|,))*)?)"
    rf"(?P<where>\s+in de Kamer)?\s+(?P<name>{NAME})(?=[\s,.;:()]|$)")
PARTY_TAG = re.compile(rf"(?<![\w-])(?P<name>{NAME})\s*\((?P<party>[\w&-]{{2,12}})(?:\)|,)(?:\s*\((?P<role>[a-z-]+)\))?")
LIST_ITEM = re.compile(rf"(?m)^[ \t]*[-–•\uf0b7][ \t]*(?P<name>{NAME}):[ \t]*(?P<role>[^;\n]+)")
LABEL_PERSON = re.compile(rf"(?m)^[ \t]*(?P<role>Voorzitter|Griffier|Secretaris|Rapporteur|Notulist|Verslaggever)[ \t]*:"
                          rf"[ \t]*(?P<name>{NAME})[ \t]*(?=[(,]|$)")
LIST_HEAD = re.compile(r"(?m)^[ \t]*Voor (?:de |het )?(?P<org>[^:\n]{3,80}):[ \t]*$")
OFFICE = re.compile(
    rf"(?<![\w-])(?P<det>[Dd]e |[Zz]ijn |[Hh]aar )?(?P<office>(?:(?:{OFFICE_WORDS})|(?<=[Dd]e )(?:[A-Z][a-z]+se |federale )?"
    rf"(?:minister|staatssecretaris|secretaris-generaal|ambassadeur|permanente vertegenwoordiger))"
    rf"\s+(?:van|voor|bij)\s+(?:de |het )?"
    rf"{_ORGWORD}(?:(?:\s+en\s+|,[ \t]+|\s+){_ORGWORD})*(?:\s+der\s+{_ORGWORD})?)")
UNNAMED_OFFICE = re.compile(r"(?<=[Dd]e )(?P<office>(?:[A-Z][a-z]+se |federale )?(?:bondskanselier|premier|"
                            r"eerste minister|minister-president))(?!\s+[A-ZÀ-Ý])(?![\w-])")
ROLE_PERSON = re.compile(
    r"(?<![\w-])(?:[Dd]e )(?P<role>(?:attaché|ambassadeur|consul|vertegenwoordiger|afgevaardigde|woordvoerder)"
    r"(?:\s+(?:van|bij)\s+(?:het |de )?(?:departement |beleidsdomein |agentschap )?[A-ZÀ-Ý][\w-]*"
    r"(?:(?:\s+en\s+|\s+)[A-ZÀ-Ý][\w-]*)*)+(?:\s+(?:van|bij)\s+de\s+[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)*)*)")
_TITLE_FIRST = at.first_words(TITLES, lower=True)
_OFFICE_FIRST = at.first_words(OFFICE_WORDS)
NOT_NAMES = {"Kamer", "Regering", "Zaken", "Justitie", "Veiligheid", "Staat", "Raad", "Global", "Compact", "GCM",
             "Nederland", "België", "Vlaanderen", "Antwoord", "Vraag", "Vragen", "Zie", "Het", "De", "Een", "Dit",
             "Deze", "Die", "Dat", "Wat", "Hoe", "Welke", "Ook", "Op", "In", "Voor", "Naar", "Met", "Aan", "Bij",
             "Minister", "Staatssecretaris", "Voorzitter", "Haag", "Den", "Ministre", "Minister-president",
             "Buitenlandse", "Binnenlandse", "Sociale", "Financiën", "Defensie", "Onderwijs", "Economische",
             "Algemene", "Volksgezondheid", "Asiel", "Migratie", "Handel", "Ontwikkelingssamenwerking"}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    base = files("deduce") / "data/lookup/src"
    names = set((base / "names/lst_first_name/items.txt").read_text(encoding="utf-8").split("\n"))
    common = set((base / "whitelist/lst_common_word/items.txt").read_text(encoding="utf-8").lower().split("\n"))
    return frozenset(n for n in names if n and n.lower() not in common and len(n) > 2)


def _looks_like_name(name: str) -> bool:
    parts = [p for p in re.split(r"\s+", name) if p]
    # a capitalised particle before a surname (`De Gruyter`, `Van Dijk`) is part of the name
    words = [p for p in parts[:-1] if not re.fullmatch(_PARTICLE, p)] + parts[-1:]
    if not parts or any(p in NOT_NAMES for p in words):
        return False
    if gazetteer.lookup(name) or gazetteer.lookup(parts[-1]):
        return False
    return True


def office_label(office: str) -> str:
    """An office as written in a header, in running-text case: `MINISTER-PRESIDENT VAN DE VLAAMSE REGERING`."""
    office = squash(office).strip(" ,")
    if office.upper() == office:
        low = office.lower()
        for alias in ("Vlaamse Regering", "Vlaams Parlement", "Brusselse Hoofdstedelijke Regering"):
            low = re.sub(re.escape(alias.lower()), alias, low)
        office = low
    return office[0].lower() + office[1:] if office[:2] not in ("Vl",) else office


def _roles(office: str) -> list[str]:
    label = office_label(office)
    return [r.strip() for r in re.split(r",\s+(?=[Vv]laams minister|minister|[Vv]iceminister)", label) if r.strip()]


def _remember_roles(ctx: Context, key: str, role: str) -> None:
    low = role.lower().removeprefix("de ").strip(" ,")
    ctx.role_holders.setdefault(low, key)
    title = re.split(r"\s+(?:van|voor)\s+", low)[0]
    ctx.role_holders.setdefault(title, key)


def register_named(ctx: Context, raw: str, start: int, end: int, role: str | None = None,
                   party: str | None = None, member_of: str | None = None) -> str:
    """A person whose name is written out (`JAN PEETERS`, `A.B. de Vries`)."""
    name = squash(raw).strip(" ,.")
    if name.upper() == name:
        name = titlecase_name(name)
    key = f"person/{slug(name)}"
    roles = _roles(role) if role else [None]
    for r in roles:
        ctx.add_actor(key, name, "person", start, end, alias=squash(raw), role=r, party=party, member_of=member_of)
        if r:
            _remember_roles(ctx, key, r)
    if party:
        ctx.add_actor(party, gazetteer.by_key(party).name, "party", start, end)
    return key


def register_member(ctx: Context, start: int, end: int) -> str | None:
    """`Visser (FvD)` as written in a question header."""
    m = PARTY_TAG.search(ctx.text, start, end + 8)
    if not m:
        name = squash(ctx.text[start:end])
        return register_named(ctx, name, start, end) if _looks_like_name(name) else None
    party = gazetteer.party_names().get(m.group("party"))
    return register_named(ctx, m.group("name"), m.start("name"), m.end("name"), role="lid",
                          party=party.key if party else None)


def register_office(ctx: Context, office: str, start: int) -> str | None:
    """An addressee or sender written as an office: resolve to its holder, a named person or an organisation."""
    office = re.sub(r"^(?:de|het|De|Het)\s+", "", office).strip(" ,")
    m = re.match(rf"(?P<title>{OFFICE_WORDS})\s+(?P<name>{NAME})\s*\((?P<dom>[^)]+)\)", office)
    if m:
        role = f"{m.group('title')} van {m.group('dom')}"
        return register_named(ctx, m.group("name"), start + m.start("name"), start + m.end("name"), role=role)
    holder = ctx.role_holders.get(office.lower())
    if holder:
        ctx.add_actor(holder, ctx.actors[holder].name, "person", start, start + len(office), alias=office)
        return holder
    entry = gazetteer.lookup(office, ctx.jurisdiction)
    if entry:
        return ctx.add_actor(entry.key, entry.name, entry.kind, start, start + len(office), same_as=entry.same_as).key
    if re.match(rf"(?:{OFFICE_WORDS})\b", office, re.IGNORECASE):
        name = office[0].upper() + office[1:]
        return ctx.add_actor(f"person/{slug(name)}", name, "person", start, start + len(office), role=name).key
    return None


def committee_in(ctx: Context, office: str, start: int) -> str | None:
    """The committee named in an office such as `De griffier van de vaste commissie voor X`."""
    m = re.search(r"(?:vaste |tijdelijke )?commissie\s+(?:voor|van)\s+[^,\n]+", office)
    if not m:
        return None
    name = m.group(0).strip()
    return ctx.add_actor(f"committee/{slug(name)}", name, "committee", start + m.start(), start + m.end()).key


def government_of_office(ctx: Context, office: str, start: int) -> str | None:
    """The government an office belongs to: `... VAN DE VLAAMSE REGERING` -> Vlaamse Regering."""
    for hit in gazetteer.find(office_label(office), ctx.jurisdiction):
        if hit.entry.kind == "government":
            return hit.entry.key
    if re.search(r"vlaams minister", office, re.IGNORECASE):
        return "government/vlaamse-regering"
    return None


def extract(ctx: Context) -> None:
    text = ctx.text
    for m in LIST_ITEM.finditer(text):
        if not _looks_like_name(m.group("name")):
            continue
        head = None
        for h in LIST_HEAD.finditer(text, 0, m.start()):
            head = h
        org = None
        if head:
            entry = gazetteer.lookup(squash(head.group("org")), ctx.jurisdiction) or gazetteer.lookup(
                squash(head.group("org"))[0].upper() + squash(head.group("org"))[1:], ctx.jurisdiction)
            if entry:
                org = ctx.add_actor(entry.key, entry.name, entry.kind, head.start("org"), head.end("org"),
                                    same_as=entry.same_as).key
        register_named(ctx, m.group("name"), m.start("name"), m.end("name"), role=squash(m.group("role")).split(";")[0],
                       member_of=org)
    for m in at.finditer(PARTY_TAG, text, at.party_tag(text)):
        party = gazetteer.party_names().get(m.group("party"))
        if not party or not _looks_like_name(m.group("name")):
            continue
        name = re.sub(r"^(?:het lid|lid|de heer|mevrouw)\s+", "", m.group("name"), flags=re.IGNORECASE)
        register_named(ctx, name, m.start("name"), m.end("name"), role=m.group("role"), party=party.key)
    for m in at.finditer(TITLE_NAME, text, at.title_name(text, _TITLE_FIRST)):
        name = m.group("name")
        if not _looks_like_name(name) or name.split()[0] in ("van", "voor", "Voor"):
            continue
        if m.group("domain") and not (len(name.split()) > 1 and name.split()[0] in first_names()):
            continue  # `minister van Justitie en Noordzee`: after an office only a full name counts
        title = m.group("title").lower()
        role = squash(f"{title}{m.group('domain') or ''}{m.group('where') or ''}")
        if m.group("party"):
            role = f"{m.group('party')}-{role}"
        party = gazetteer.party_names().get(m.group("party") or "")
        key = _known_surname(ctx, name) or register_named(ctx, name, m.start("name"), m.end("name"), role=role,
                                                          party=party.key if party else None)
        ctx.add_actor(key, ctx.actors[key].name, "person", m.start("name"), m.end("name"), alias=squash(m.group(0)))
    items = [(m.start(), m.end()) for m in LIST_ITEM.finditer(text)]
    for m in at.finditer(UNNAMED_OFFICE, text, at.after_de(text)):  # `de bondskanselier`, `de federale premier`
        _office_mention(ctx, squash(m.group("office")), m.start("office"), m.end("office"))
    for m in at.finditer(OFFICE, text, at.office(text, _OFFICE_FIRST)):
        if any(a <= m.start() < b for a, b in items):
            continue  # an office in a member list describes the member named before it
        if re.match(rf"\s+{NAME}", text[m.end():m.end() + 40]) and re.match(
                rf"\s+(?P<n>{NAME})", text[m.end():]).group("n").split()[0] in first_names():
            continue  # `staatssecretaris voor Asiel en Migratie Karim Ouali`: the office of the name after it
        office = squash(m.group("office"))
        _office_mention(ctx, office, m.start("office"), m.end("office"))
    for m in at.finditer(ROLE_PERSON, text, at.at_de(text)):
        role = squash(m.group("role"))
        ctx.add_actor(f"person/{slug(role)}", role, "person", m.start("role"), m.end("role"), role=role)
    for m in LABEL_PERSON.finditer(text):  # `Griffier: Bakker` in the head of a report
        if _looks_like_name(m.group("name")):
            register_named(ctx, m.group("name"), m.start("name"), m.end("name"), role=m.group("role").lower())
    _first_name_persons(ctx)
    _surname_mentions(ctx)
    _merge_officials(ctx)
    _merge_surnames(ctx)
    resolve_offices(ctx)
    _title_mentions(ctx)


OFFICIAL = re.compile(r"(?<![\w-])(?:[Dd]e |[Hh]et )?(?:(?:Vlaamse |federale )?(?P<noun>attaché|ambtenaar|vertegenwoordiger|"
                      r"afgevaardigde)(?:\s+(?:van|bij)\s+(?:de |het )?[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)*)?|betrokkene)(?![\w-])")


def _merge_officials(ctx: Context) -> None:
    """An unnamed official (`de attaché van ...`, `de vertegenwoordiger van de Vlaamse Regering`, `betrokkene`)
    is, within one document, one person: the most fully described one."""
    officials = [a for a in ctx.persons() if re.match(r"(?:attaché|ambtenaar|vertegenwoordiger|afgevaardigde)\b", a.name)]
    if not officials:
        return
    main = max(officials, key=lambda a: (a.name.startswith("attaché"), len(a.name)))
    _merge_into(ctx, main, [a for a in officials if a is not main])
    for m in OFFICIAL.finditer(ctx.text):
        if not any(s <= m.start() < e for s, e in main.spans):
            ctx.add_actor(main.key, main.name, "person", m.start(), m.end(), alias=squash(m.group(0)))


def _merge_into(ctx: Context, main, others) -> None:
    moved = {}
    for a in others:
        for span in a.spans:
            if span not in main.spans:
                main.spans.append(span)
        main.aliases.add(a.name)
        main.party = main.party or a.party
        for r in a.roles:
            if r not in main.roles:
                main.roles.append(r)
        del ctx.actors[a.key]
        moved[a.key] = main.key
    if moved:
        ctx.mentions = [type(m)(m.start, m.end, moved.get(m.key, m.key)) for m in ctx.mentions]
        ctx.role_holders = {r: moved.get(k, k) for r, k in ctx.role_holders.items()}
        ctx.documents = [d.model_copy(update={
            "authors": tuple(moved.get(k, k) for k in d.authors),
            "addressees": tuple(moved.get(k, k) for k in d.addressees)}) for d in ctx.documents]
        ctx.authors = [moved.get(k, k) for k in ctx.authors]
        ctx.addressees = [moved.get(k, k) for k in ctx.addressees]
        ctx.voices = [(a, b, moved.get(c, c), moved.get(d, d)) for a, b, c, d in ctx.voices]


def _merge_surnames(ctx: Context) -> None:
    """`Bakker (PVV)` in a member list and `P.J. Bakker` under a letter are one person."""
    people = ctx.persons()
    for short in people:
        if short.key not in ctx.actors or len(short.name.split()) > 2 or "." in short.name:
            continue
        longer = [a for a in people if a is not short and a.key in ctx.actors and len(a.name) > len(short.name)
                  and a.name.lower().endswith(" " + short.name.lower())]
        if len(longer) == 1:
            _merge_into(ctx, longer[0], [short])


def _title_mentions(ctx: Context) -> None:
    """`de minister-president`, `de Staatssecretaris`: the holder the document names for that title."""
    # every match starts with the word `de` in any case (after no word character): try only there
    starts = scan.word_starts_ignorecase(ctx.text, ("de",)) if len(ctx.text) >= scan.INDEXED else None
    for role, key in list(ctx.role_holders.items()):
        if key not in ctx.actors or len(role) < 5:
            continue
        rx = re.compile(rf"(?<![\w-])[Dd]e {re.escape(role)}(?![\w-])", re.IGNORECASE)
        for m in rx.finditer(ctx.text) if starts is None else scan.finditer_at(rx, ctx.text, starts):
            a = ctx.actors[key]
            if not any(s <= m.start() < e for s, e in a.spans):
                ctx.add_actor(key, a.name, "person", m.start(), m.end(), alias=squash(m.group(0)))


def resolve_offices(ctx: Context) -> None:
    """A person known only by an office (`Staatssecretaris van Justitie en Veiligheid`) is the named holder
    of that office when the document names one: merge the two, here and in the documents."""
    for a in list(ctx.persons()):
        holder = ctx.role_holders.get(a.name.lower())
        if holder and holder != a.key and holder in ctx.actors and a.key in ctx.actors:
            _merge_into(ctx, ctx.actors[holder], [a])



def _office_mention(ctx: Context, office: str, start: int, end: int) -> None:
    holder = ctx.role_holders.get(office.lower())
    if holder:
        ctx.add_actor(holder, ctx.actors[holder].name, "person", start, end, alias=office)
        return
    # `Minister van Buitenlandse Zaken van Kroatië`: keep the country in the name
    tail = re.match(r"\s+van\s+(?P<c>[A-ZÀ-Ý][\w-]+)", ctx.text[end:end + 40])
    if tail and (entry := gazetteer.lookup(tail.group("c"))) and entry.kind == "country":
        office = f"{office} van {tail.group('c')}"
        end += tail.end()
    name = office[0].upper() + office[1:]
    ctx.add_actor(f"person/{slug(name)}", name, "person", start, end, role=name)


def _known_surname(ctx: Context, name: str) -> str | None:
    last = name.split()[-1]
    for a in ctx.persons():
        if a.name != name and a.name.split()[-1] == last and len(a.name) > len(name):
            return a.key
    return None


def _first_name_persons(ctx: Context) -> None:
    """`Patrick Dewael`: a known first name followed by a capitalised surname."""
    names = first_names()
    pattern = re.compile(rf"(?<![\w.-])(?P<first>{_CAP})\s+(?P<rest>(?:{_PARTICLE}\s+){{0,2}}"
                         rf"(?!{_PARTICLE}(?![\w-])){_CAP})(?![\w-])")
    pos = 0
    while m := pattern.search(ctx.text, pos):
        first = m.group("first")
        if (first not in names and strip_accents(first) not in names) or not _looks_like_name(m.group("rest")):
            pos = m.start("rest")  # `Stemverklaringen Veerle Jansen`: the rest may start a name itself
            continue
        pos = m.end()
        full = f"{first} {m.group('rest')}"
        if gazetteer.lookup(full):
            continue
        register_named(ctx, full, m.start(), m.end())


def _surname_mentions(ctx: Context) -> None:
    """A surname alone (`Peeters`) refers to the person the document names in full."""
    by_last: dict[str, list[str]] = {}
    for a in ctx.persons():
        parts = a.name.split()
        if len(parts) > 1 and parts[0][:1].isupper() and parts[-1][:1].isupper() and not re.match(OFFICE_WORDS, a.name):
            by_last.setdefault(parts[-1], []).append(a.key)
    for last, keys in by_last.items():
        if len(keys) != 1:
            continue
        rx = re.compile(rf"(?<![\w-]){re.escape(last)}(?![\w-])")  # tried only where `last` occurs
        for m in scan.finditer_at(rx, ctx.text, scan.literal_starts(ctx.text, (last,))):
            if not any(s <= m.start() < e for s, e in ctx.actors[keys[0]].spans):
                ctx.add_actor(keys[0], ctx.actors[keys[0]].name, "person", m.start(), m.end(), alias=last)

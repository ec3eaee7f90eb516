"""Organisations: well-known ones from the gazetteer, the rest from how Dutch names them.

Patterns: `Ministerie van X`, `FOD X`, `departement X`, `beleidsdomein X, Y en Z`,
`vaste commissie voor X`, `de commissies X en Y`, `X-secretariaat`, `kabinet van
minister X` / `alle kabinetten van ...`, `(alle) (betrokken) administraties`.
Countries count as actors wherever they are not a mere place: `in Marokko`,
`naar Nederland`, `uit landen als Syrië, India en Marokko` are places; `de positie
van Kroatië`, `Hongarije trok zich terug`, `vertegenwoordigers van Mexico` are actors.
"""

from __future__ import annotations

import re

from gcmkg.extract import gazetteer, scan, word_heads
from gcmkg.extract.context import Context
from gcmkg.extract.textutil import slug, squash

NEEDS = ("text", "jurisdiction")
PRODUCES = ("actors:organisation",)

_CAPS = r"[A-ZÀ-Ý][\w&'-]*(?:(?:\s*,\s*|\s+en\s+|\s+)[A-ZÀ-Ý][\w&'-]*)*"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ministry", re.compile(rf"\b(?:[Hh]et )?(?P<name>Ministerie van {_CAPS})")),
    ("ministry", re.compile(rf"\b(?P<name>(?:FOD|Federale Overheidsdienst|POD) {_CAPS})")),
    ("administration", re.compile(rf"\b(?P<name>(?:departement|agentschap|Agentschap|Departement) {_CAPS})")),
    ("administration", re.compile(rf"\b(?P<name>beleidsdomein {_CAPS})")),
    ("administration", re.compile(r"(?<![\w-])(?P<name>[A-Z][\w]*-secretariaat)")),
    ("administration", re.compile(r"\b(?P<name>alle (?:betrokken )?administraties)")),
    ("committee", re.compile(
        r"\b(?P<name>(?:vaste |tijdelijke |bijzondere )?commissie (?:voor|van) [A-ZÀ-Ý][\w&-]*(?:\s*(?:&|en|/|,)?\s*[A-ZÀ-Ý][\w&-]*)*)")),
    ("cabinet", re.compile(r"\b(?P<name>(?:alle\s+)?kabinetten\s+van\s+(?:de\s+|het\s+)?(?:[a-z]+\s+)?(?:regering(?:en)?|ministers?)"
                           r"(?:\s+van\s+de\s+[a-z]+(?:\s+en\s+de\s+[a-z]+)?)?)")),
    ("cabinet", re.compile(r"\b(?P<name>kabinet(?:-| van (?:minister |staatssecretaris )?)[A-Z][\w-]+)")),
    ("cabinet", re.compile(rf"\b(?P<name>kabinet van de (?:[A-Z]?[a-z]+e )?(?:minister-president|minister|staatssecretaris|"
                           rf"viceminister-president)(?: (?:van|voor) (?:de |het )?{_CAPS})?)")),
    ("administration", re.compile(rf"\b(?P<name>(?:Permanente|Algemene) Vertegenwoordiging van (?:het |de )?{_CAPS}"
                                  rf"(?: bij (?:de |het )?{_CAPS})?)")),
    ("civil_society", re.compile(rf"\b(?P<name>(?:Stichting|Vereniging|Platform|Federatie|Vluchtelingenwerk) {_CAPS})")),
    ("other", re.compile(rf"\b(?P<name>(?:Universiteit|Hogeschool) (?:van )?{_CAPS}|(?:KU|Vrije Universiteit) {_CAPS})")),
    ("other", re.compile(r"\b(?P<name>(?:voorbereidende )?werkgroep van (?:de|het) IMC(?: [A-Z]\w+(?: en [A-Z]\w+)?)?)")),
]
# Where each pattern can start, for scan.finditer_at: (literals every match holds, how many characters before
# the literal the match can start). Read off the patterns above: every match begins with one of the literals,
# or with the optional words written before it (`Het ` 4, `vaste ` 6, `tijdelijke `/`bijzondere ` 11,
# `voorbereidende ` 15). The two patterns whose start is not a fixed distance away have their own function.
_ANCHORS: list[tuple[tuple[str, ...], tuple[int, ...]] | None] = [
    (("Ministerie van ",), (4, 0)),
    (("FOD ", "Federale Overheidsdienst ", "POD "), (0,)),
    (("departement ", "agentschap ", "Agentschap ", "Departement "), (0,)),
    (("beleidsdomein ",), (0,)),
    None,  # `X-secretariaat`: the start of the word before the literal
    (("alle administraties", "alle betrokken administraties"), (0,)),
    (("commissie ",), (11, 6, 0)),
    None,  # `(alle) kabinetten`: `alle` and any whitespace before the literal
    (("kabinet",), (0,)),
    (("kabinet van de ",), (0,)),
    (("Permanente Vertegenwoordiging van ", "Algemene Vertegenwoordiging van "), (0,)),
    (("Stichting ", "Vereniging ", "Platform ", "Federatie ", "Vluchtelingenwerk "), (0,)),
    (("Universiteit ", "Hogeschool ", "KU ", "Vrije Universiteit "), (0,)),
    (("werkgroep van ",), (15, 0)),
]


def _starts(i: int, text: str) -> list[int]:
    """Every place where PATTERNS[i] can start a match in text."""
    anchors = _ANCHORS[i]
    if anchors is not None:
        return scan.literal_starts(text, *anchors)
    if i == 4:  # `[A-Z]\w*-secretariaat` after no word character: the start of the word run before the literal
        return sorted({scan.run_start(text, j) for j in scan.literal_starts(text, ("-secretariaat",))})
    # `(?:alle\s+)?kabinetten`: the literal itself, or `alle` before the whitespace before it
    out = set()
    for j in scan.literal_starts(text, ("kabinetten",)):
        out.add(j)
        k = scan.space_start(text, j)
        if k < j and k >= 4:
            out.add(k - 4)
    return sorted(out)


_OF_GOVERNMENT = (r"van\s+(?:de\s+|het\s+)?(?:[a-z]+\s+)?(?:regering(?:en)?|ministers?)"
                  r"(?:\s+van\s+de\s+[a-z]+(?:\s+en\s+de\s+[a-z]+)?)?")
# `alle kabinetten van de federale regering en van de regeringen van de gemeenschappen en de gewesten`:
# the second `van ...` shares the head noun, so it names a second group of cabinets
ELIDED = re.compile(rf"\b(?P<head>kabinetten)\s+{_OF_GOVERNMENT}\s+en\s+(?P<tail>{_OF_GOVERNMENT})")
COMMITTEES = re.compile(r"\bde commissies (?P<a>[A-Z]{2,6}) en (?P<b>[A-Z]{2,6})\b")
# a country acts when a verb of doing/deciding follows it closely
_ACTS = re.compile(
    r"^(?:\s*(?:\(|,)[^)]{0,60}[),])?\s*(?:heeft|hebben|had|is|zijn|was|waren|zal|zullen|wil|kan|besloot|besloten|"
    r"trok|trekt|steunt|stemde|spreekt|sprak|meldde|nam|neemt|tekent|tekende|ondertekent|concludeerde|"
    r"concludeerden|gaat|gaan|behoudt|kent|trok|die|dat|zich)\b|^\s*\((?:die|dat)\b")


def extract(ctx: Context) -> None:
    text = ctx.text
    for hit in gazetteer.find(text, ctx.jurisdiction):
        e = hit.entry
        if e.kind == "country" and _place(ctx, hit.start):
            continue
        if e.kind == "government" and hit.surface == "Nederland" and not _acts(ctx, hit.start, hit.end):
            continue
        ctx.add_actor(e.key, e.name, e.kind, hit.start, hit.end, alias=hit.surface, same_as=e.same_as)
    for i, (kind, pattern) in enumerate(PATTERNS):
        for m in scan.finditer_at(pattern, text, _starts(i, text)):
            name = _trim(squash(m.group("name")))
            entry = gazetteer.lookup(name, ctx.jurisdiction)
            if entry:
                ctx.add_actor(entry.key, entry.name, entry.kind, m.start("name"), m.end("name"), alias=name,
                              same_as=entry.same_as)
                continue
            canonical = re.sub(r"^alle\s+", "", name) if kind == "cabinet" else name
            canonical = re.sub(r"^(?:Federale Overheidsdienst)\b", "FOD", canonical)
            ctx.add_actor(f"{kind}/{slug(canonical)}", canonical, kind, m.start("name"), m.end("name"), alias=name)
    fractions = scan.stretch_starts(text, scan.literal_starts(text, ("-fractie",)), _FRACTION_STRETCH)
    for m in scan.finditer_at(FRACTION, text, fractions):  # `de leden van de N-VA-fractie`: the party acts through its group
        name, start = squash(m.group("name")), m.start("name")
        entry = gazetteer.lookup(name, ctx.jurisdiction)
        if entry is None and " " in name:  # `De CDA-fractie`: the capital was the article's
            cut = name.index(" ") + 1
            name, start, entry = name[cut:], start + cut, gazetteer.lookup(name[cut:], ctx.jurisdiction)
        if entry and entry.kind == "party":
            ctx.add_actor(entry.key, entry.name, "party", start, m.end("name"), alias=name)
    for m in word_heads.finditer(ELIDED, text):  # tried only at the words they start with
        name = squash(f"{m.group('head')} {m.group('tail')}")
        ctx.add_actor(f"cabinet/{slug(name)}", name, "cabinet", m.start("tail"), m.end("tail"), alias=name)
    for m in word_heads.finditer(COMMITTEES, text):
        for g in ("a", "b"):
            name = f"commissie {m.group(g)}"
            ctx.add_actor(f"committee/{slug(name)}", name, "committee", m.start(g), m.end(g), alias=m.group(g))


# a party's group in parliament: `N-VA-fractie`, `Vlaams Belang-fractie`, `de CDA-fractie`
FRACTION = re.compile(r"(?<![\w-])(?P<name>(?:[A-Z][\w&.+]*[ -])?[A-Za-z][\w&.+]*)-fractie\b")
# what a FRACTION name holds: it starts in the stretch of these that ends at `-fractie` (scan.stretch_starts)
_FRACTION_STRETCH = re.compile(r"[\w&.+ -]*")


def _trim(name: str) -> str:
    """Drop a trailing capitalised word that starts the next sentence or a trailing connector."""
    name = re.sub(r"(?<=[A-Za-z])\d+$", "", name)  # a glued footnote number: `JBZ-Raad2`
    name = re.sub(r",\s+[A-Z][\w ]*$", "", name) if "," in name and "beleidsdomein" not in name else name
    name = re.sub(r"[\s,]+(?:en|van|de|het|[A-Z])$", "", name)
    return name.rstrip(" ,")


_PLACE = re.compile(r"\b(?:in|naar|uit|te|binnen|buiten|vanuit|rond|tussen|door|via|over|op)\s+(?:het\s+|de\s+)?$"
                    r"|\blanden\s+(?:als|zoals)\s+$", re.IGNORECASE)
_LIST_BACK = re.compile(r"(?:[A-ZÀ-Ý][\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)?\s*(?:,|\ben/of\b|\ben\b|\bof\b)\s*(?:de\s+)?)+$")


def _place(ctx: Context, start: int) -> bool:
    """True when the country at `start` (or the list it ends) follows a preposition of place."""
    before = ctx.text[max(0, start - 200):start]
    m = _LIST_BACK.search(before)
    if m:
        before = before[:m.start()]
    return bool(_PLACE.search(before[-40:]))


def _acts(ctx: Context, start: int, end: int) -> bool:
    """`Nederland heeft ...`, `Nederland trok zich terug`: the country's name stands for its government."""
    before = ctx.text[max(0, start - 12):start]
    if re.search(r"\b(?:in|naar|uit|van|te|op|over|rond|binnen|buiten|tussen)\s+$", before, re.IGNORECASE):
        return False
    if re.search(r"\b(?:heeft|had|zal|is|was|werd|nam|neemt|die|dat|namens)\s+$", before):
        return True  # `heeft Nederland ... afgelegd`, `zal Nederland`, `namens Nederland`: its government
    return bool(_ACTS.match(ctx.text[end:end + 80])) or bool(
        re.match(r"\s*(?:,|en)\s+[A-ZÀ-Ý]", ctx.text[end:end + 4]) and _list_acts(ctx, end))


def _list_acts(ctx: Context, end: int) -> bool:
    """`Denemarken, Oostenrijk, Polen en Australië hebben aangegeven`: the last country of the list acts."""
    m = re.match(r"(?:\s*(?:,|en)\s+(?:de\s+)?[A-ZÀ-Ý][\w-]+)+", ctx.text[end:end + 120])
    return bool(m and _ACTS.match(ctx.text[end + m.end(): end + m.end() + 80]))

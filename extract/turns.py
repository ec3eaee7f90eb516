"""Speaker turns in parliamentary records, and whom `ik`, `wij` and `mijn fractie` stand for in them.

Dutch Handelingen and committee reports open a turn with a line `De heer Kuipers (PVV):` or
`Staatssecretaris Terpstra:`; Belgian and Flemish records with `Jan Peeters (N-VA): Voorzitter, ...`
on the same line. Inside a turn, `ik` is the speaker; `wij`, `we`, `mijn fractie`, `onze partij` are the
speaker's party, or for a member of a government, that government.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmkg.extract import gazetteer, persons
from gcmkg.extract.context import Context
from gcmkg.extract.textutil import squash

_OFFICE = (r"(?:[Vv]ice-?)?[Mm]inister(?:-president)?|[Vv]iceminister-president|[Ss]taatssecretaris|[Ee]erste [Mm]inister|"
           r"[Pp]remier|[Vv]ice-eerste(?:\s+|-)minister")
_PART = r"(?:[A-ZÀ-Ý][\w'’.-]*|van|de|der|den|ter|ten|het|te|'t|d')"
TURN = re.compile(
    rf"(?m)^[ \t]*(?:\d{{2}}\.\d{{2}}[ \t]+)?(?P<head>(?P<title>(?:De heer|Mevrouw|Mevr\.|Dhr\.|Mijnheer)\s+)?(?:(?P<office>{_OFFICE})\s+)?"
    rf"(?P<name>[A-ZÀ-Ý][\w'’.-]*(?:[ \t]+{_PART}){{0,4}})(?:[ \t]*\((?P<party>[^()\n]{{1,30}})\))?)[ \t]*:(?=\s)")
CHAIR = re.compile(r"(?m)^[ \t]*(?:De |Het )?(?:[Vv]oorzitter|[Vv]oorzitster)[ \t]*:")
WE = re.compile(r"\b(?:[Ww]ij|[Ww]e|[Oo]ns|[Mm]ijn (?:fractie|partij)|[Oo]nze (?:fractie|partij|fractiegenoten))\b")
OUR_GOVERNMENT = re.compile(r"\b(?:[Dd]e|[Oo]nze|[Dd]eze) regering\b")
I = re.compile(r"\b(?:[Ii]k|[Mm]ij|[Mm]e)\b")
GOVERNMENTS = {"parliament/vlaams-parlement": "government/vlaamse-regering",
               "parliament/kamer-van-volksvertegenwoordigers": "government/federale-regering"}


@dataclass(frozen=True)
class Turn:
    start: int  # the heading
    body: int  # where the words spoken begin
    end: int
    person: str | None
    party: str | None
    government: str | None  # for a member of a government


def turns(ctx: Context) -> list[Turn]:
    """The speaker turns of a record, in order; empty for other documents."""
    heads = []
    for m in TURN.finditer(ctx.text):
        if m.group("party") or m.group("office") or m.group("title"):
            heads.append((m.start(), m.end(), m))
    if len(heads) < 2:  # one `De heer X (PVV):` is no record
        return []
    heads += [(m.start(), m.end(), None) for m in CHAIR.finditer(ctx.text)]
    heads.sort(key=lambda h: h[0])
    out = []
    for i, (start, body, m) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(ctx.text)
        out.append(_turn(ctx, m, start, body, end) if m is not None else Turn(start, body, end, None, None, None))
    return out


def _turn(ctx: Context, m: re.Match[str], start: int, body: int, end: int) -> Turn:
    person = next((x.key for x in ctx.mentions_in(start, body) if ctx.actors[x.key].kind == "person"), None)
    tag = squash(m.group("party") or "")
    entry = gazetteer.party_names().get(tag) or gazetteer.party_names().get(tag.lower())
    party = entry.key if entry else (ctx.actors[person].party if person else None)
    government = None
    if m.group("office"):
        key = persons.government_of_office(ctx, m.group("office"), m.start("office")) or _government(ctx)
        entry = gazetteer.by_key(key) if key else None
        if entry is not None:
            government = ctx.add_implied(key, entry.name, entry.kind, start, body, entry.same_as)
    return Turn(start, body, end, person, party if party in ctx.actors else None, government)


def _government(ctx: Context) -> str | None:
    """The government that answers in this parliament."""
    if ctx.speaker_org:
        return ctx.speaker_org
    for parliament, government in GOVERNMENTS.items():
        if parliament in ctx.actors:
            return government
    return "government/nederlands-kabinet" if ctx.jurisdiction == "nl" else None


def at(ts: list[Turn], pos: int) -> Turn | None:
    return next((t for t in ts if t.start <= pos < t.end), None)


def speakers_holders(turn: Turn, words: str) -> list[str]:
    """Who `words` (the part of a sentence before its stance cue) put forward as holder: the party or
    government for `wij` / `mijn fractie`, the speaker for `ik`."""
    if WE.search(words) or (turn.government and OUR_GOVERNMENT.search(words)):
        holder = turn.government or turn.party
        return [holder] if holder else []
    if I.search(words) and turn.person:
        return [turn.person]
    return []

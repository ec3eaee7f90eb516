"""Attendance: who was present, absent, excused, invited or not invited at which meeting.

A clause with a status cue (`nam deel`, `liet zich verontschuldigen`, `was niet
uitgenodigd`, `kon niet aanwezig zijn`, `ontbrak`) and a meeting reference (a date
bound to a meeting, an ordinal such as `de vierde vergadering`, `het eerste`, or the
series in the plural, `de Coormulti-vergaderingen`) gives one row per actor the
clause names; `hij`, `betrokkene` take the person named last, `ik` the author, `u`
the addressee.
"""

from __future__ import annotations

import re

from gcmkg.extract.context import Context, Meeting
from gcmkg.extract.meetings import MEETING_WORD, ORDINALS
from gcmkg.extract.models import AttendanceFact

NEEDS = ("meetings", "actors")
PRODUCES = ("attendance",)

CUES: list[tuple[str, re.Pattern[str]]] = [
    ("excused", re.compile(r"\b(?:liet zich\s+(?:\w+\s+)?verontschuldigen|verontschuldigd|was verhinderd|met kennisgeving)\b")),
    ("not_invited", re.compile(r"\b(?:niet\s+(?:\w+\s+){0,2}uitgenodigd|niet op uitgenodigd|geen uitnodiging)\b")),
    ("absent", re.compile(r"\b(?:niet aanwezig|afwezig|ontbrak|ontbraken|was niet vertegenwoordigd|niet vertegenwoordigd)\b")),
    ("invited", re.compile(r"\b(?:uitgenodigd|uitnodiging voor|uitnodiging van)\b")),
    ("present", re.compile(
        r"\b(?:nam(?:en)?\s+(?:\w+\s+){0,3}deel|neemt deel|deelgenomen|deelnam|was\s+(?:\w+\s+)?aanwezig|waren\s+(?:\w+\s+)?aanwezig|"
        r"aanwezig was|was vertegenwoordigd|vertegenwoordigd door|zetelen|zetelt|bespraken|besprak|ondervraagd|"
        r"had\s+(?:\w+\s+){0,6}(?:ontmoeting|contact|overleg)|toegezegd|woonde\w* bij|zat\w* samen|voorzat|"
        r"aanwezige\s+(?:\w+\s+)?(?:vertegenwoordigers|leden|delegaties|ministers|deelnemers))\b")),
]
PRONOUN = re.compile(r"\b(?:hij|zij|betrokkene)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:ik|Ik)\b")
SECOND_PERSON = re.compile(r"\b(?:u|U)\b")
CLAUSE = re.compile(r",\s+(?=(?:hij|zij|en|maar)\b)|\s+maar\s+|;\s*|:\s+")
# an ordinal that counts meetings, not `derde landen`, `de eerste keer`, `het tweede kwartaal`
ORDINAL = re.compile(r"\b(?P<o>eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|laatste)\b"
                     r"(?!\s+(?:land|landen|lidsta\w*|partij\w*|pijler|lezing|kwarta\w*|week|dag|maand|jaar|keer|plaats|"
                     r"persoon|personen|generatie|fase|lid|alinea|zin|helft))"
                     r"|\b(?P<n>twee|drie) volgende\b")
PRESENT_GROUP = re.compile(r"\b[Aa]anwezige\s+(?:\w+\s+)?(?:vertegenwoordigers|leden|delegaties|ministers|deelnemers)\b")
PLURAL = re.compile(r"\b(?:[Cc]o[oö]r[Mm]ulti-vergaderingen|deze vergaderingen|die vergaderingen|de vergaderingen)\b")


def extract(ctx: Context) -> None:
    series_meetings: dict[str, list[Meeting]] = {}
    for m in ctx.meetings.values():
        if m.ordinal:
            series_meetings.setdefault(m.series, []).append(m)
    for ms in series_meetings.values():
        ms.sort(key=lambda m: m.ordinal or 0)
    default_series = max(series_meetings, key=lambda s: len(series_meetings[s])) if series_meetings else None
    last_person: str | None = None
    last_ordinal = 0
    rows: dict[tuple[str, str, str], AttendanceFact] = {}
    previous: list[Meeting] = []  # the dated meetings of the sentence before
    previous_end = 0
    for s in ctx.sentences:
        if s.text.rstrip().endswith("?"):
            continue  # a question asks; it does not report who attended
        clauses = _clauses(ctx, s.start, s.end)
        # `Tijdens de vergadering van 3 mei ... . Alle aanwezige leden gaan akkoord`: the meeting just named
        group = PRESENT_GROUP.search(s.text)
        same_paragraph = group and not re.search(r"\n\s*\n", ctx.text[previous_end:s.start + group.start()])
        carried: list[Meeting] = previous if same_paragraph else []
        previous = [m for m in ctx.meetings.values() if m.start and len(m.start) == 10
                    and any(s.start <= a < s.end for a, _ in m.spans)]
        previous_end = s.end
        carried_actors: list[str] = []
        for cs, ce in clauses:
            clause = ctx.text[cs:ce]
            refs, last_ordinal = _meeting_refs(ctx, cs, ce, clause, series_meetings, default_series, last_ordinal)
            refs = refs or carried
            carried = refs or carried
            actors = _actors(ctx, cs, ce, clause, refs, last_person)
            if not actors and re.match(r"\s*(?:en\s+)?(?:was|is|nam|werd|had|liet)\b", clause):
                actors = carried_actors  # `hij nam deel aan ..., en was niet uitgenodigd op de vierde`
            carried_actors = actors or carried_actors
            persons = [k for k in actors if ctx.actors[k].kind == "person"]
            if persons:
                last_person = persons[-1]
            status = _status(clause)
            if not status or not refs:
                continue
            if status == "present" and PLURAL.search(clause) and not _dated(clause):
                continue  # `nam deel aan de Coormulti-vergaderingen:` introduces the detail that follows
            for meeting in refs:
                for key in actors:
                    if _hosts(ctx, key, meeting):
                        continue
                    rows.setdefault((meeting.key, key, status), AttendanceFact(
                        meeting=meeting.key, actor=key, status=status, evidence=ctx.evidence(cs, ce)))
        sentence_people = [m.key for m in ctx.mentions_in(s.start, s.end) if ctx.actors[m.key].kind == "person"]
        if sentence_people:
            last_person = sentence_people[-1]
    ctx.attendance.extend(rows[k] for k in sorted(rows))


def _dated(clause: str) -> bool:
    return bool(re.search(r"\d{1,2}\s+[a-z]+\s+\d{4}|\d{1,2}/\d{1,2}", clause))


def _clauses(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    out, prev = [], start
    for m in CLAUSE.finditer(ctx.text, start, end):
        out.append((prev, m.start()))
        prev = m.end()
    out.append((prev, end))
    return [(a, b) for a, b in out if b > a]


def _status(clause: str) -> str | None:
    for status, pattern in CUES:
        if pattern.search(clause):
            return status
    return None


def _meeting_refs(ctx: Context, cs: int, ce: int, clause: str, series_meetings: dict[str, list[Meeting]],
                  default_series: str | None, last_ordinal: int) -> tuple[list[Meeting], int]:
    refs: list[Meeting] = []
    for m in ctx.meetings.values():
        if any(cs <= a < ce or cs < b <= ce for a, b in m.spans) and m.start and len(m.start) == 10:
            refs.append(m)
    if refs:
        return sorted(refs, key=lambda m: m.key), last_ordinal
    series = default_series
    for w in MEETING_WORD.finditer(clause):
        for name in series_meetings:
            if name.lower()[:6] in w.group("w").lower():
                series = name
    ms = series_meetings.get(series or "", [])
    if not ms:
        return [], last_ordinal
    wanted: list[int] = []
    for o in ORDINAL.finditer(clause):
        if o.group("n"):
            count = 2 if o.group("n") == "twee" else 3
            wanted += list(range(last_ordinal + 1, last_ordinal + 1 + count))
        elif o.group("o") == "laatste":
            wanted.append(len(ms))
        else:
            wanted.append(ORDINALS[o.group("o")])
    if wanted:
        last_ordinal = max(wanted)
        return [m for m in ms if m.ordinal in wanted], last_ordinal
    if PLURAL.search(clause):
        return list(ms), last_ordinal
    return [], last_ordinal


REPORTED = re.compile(r"\b(?:stelt|stelde|zegt|zei|meldt|meldde|verklaarde|antwoordde|schrijft)\s+(?:dat\b|:)")


def _actors(ctx: Context, cs: int, ce: int, clause: str, refs: list[Meeting], last_person: str | None) -> list[str]:
    said = REPORTED.search(clause)
    if said:  # `De minister-president stelt dat X niet uitgenodigd was`: X is who it is about
        cs += said.end()
        clause = clause[said.end():]
    mentions = ctx.mentions_in(cs, ce)
    # the longest mention wins: `kabinetten van de federale regering` hides `federale regering`
    kept = [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                            and (o.end - o.start) > (m.end - m.start) for o in mentions)]
    keys: list[str] = []
    for m in kept:
        if m.key not in keys and ctx.actors[m.key].kind not in ("party", "country") or (
                m.key not in keys and ctx.actors[m.key].kind == "country" and not refs):
            keys.append(m.key)
    voice = ctx.voice_at(cs)
    if FIRST_PERSON.search(clause) and voice[0]:
        keys.insert(0, voice[0])
    if SECOND_PERSON.search(clause) and voice[1]:
        keys.insert(0, voice[1])
    if PRONOUN.search(clause) and last_person and not any(ctx.actors[k].kind == "person" for k in keys):
        keys.append(last_person)
    if any(ctx.actors[k].kind == "person" for k in keys):  # a person acts; the bodies named are context
        keys = [k for k in keys if ctx.actors[k].kind == "person" or ctx.actors[k].kind == "committee"]
    return list(dict.fromkeys(keys))


def _hosts(ctx: Context, key: str, meeting: Meeting) -> bool:
    """The parliament of a plenary or the place of a meeting is not among those who attend it."""
    name = ctx.actors[key].name
    words = {w for w in re.findall(r"\w+", name.lower()) if w not in ("de", "het", "van", "der")}
    series = set(re.findall(r"\w+", meeting.series.lower()))
    return (name in meeting.series or (bool(words) and words <= series)  # `werkgroep van het IMC` holds `IMC werkgroep`
            or (meeting.location is not None and name == meeting.location))

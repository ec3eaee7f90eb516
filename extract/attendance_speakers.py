"""Who speaks in a record or in minutes, and so was at the sitting.

A record of a sitting gives the floor in turns, each opened by a label on its own line or
at its start: `De heer Wijnands (PVV):`, `Mevrouw Oudkerk (GroenLinks):`, `Minister
Roelofsen:`, `De eerste minister, Marc Delvaux:`, `Teresa Almeida:`. Minutes report
what someone said: `Mevrouw Dewitte bevestigt ...`, `De DVZ geeft een stand van zaken`.
Whoever speaks at a sitting attended it: one `present` row each, for the sitting the
record reports (or the one a dated heading above the turn opens). Turns also tell who
`ik` is in a record, which the running-text extractor asks for with `speaker_at`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gcmkg.extract import scan
from gcmkg.extract.attendance_refs import MeetingRefs
from gcmkg.extract.context import Context, Meeting
from gcmkg.extract.models import AttendanceFact

NEEDS = ("meetings", "actors", "documents")
PRODUCES = ("attendance",)

# what may stand before the name in a turn label, and after it
LABEL_HEAD = re.compile(r"[ \t]*(?:(?:[Dd]e\s+)?(?:heer|[Mm]evrouw|[Mm]inister|[Ss]taatssecretaris|[Ee]erste\s+minister|"
                        r"[Mm]inister-president|[Vv]oorzitter)(?:\s+[\w-]+){0,6}?,?\s+|(?:[Dd]e\s+heer|[Mm]evrouw)\s+)?$")
LABEL_TAIL = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:(?:\s|$)")
CHAIR_LABEL = re.compile(r"(?m)^[ \t]*[Dd]e\s+voorzitter\s*:")
CHAIR = re.compile(r"(?m)\bvoorgezeten\s+door\s+(?:de\s+heer\s+|mevrouw\s+)?|^[ \t]*Voorzitter\s*:\s*")
# minutes: an actor opens the sentence and reports, proposes or confirms
SPEECH = re.compile(r"\s+(?:geeft|deelt|meldt|bevestigt|stelt|verklaart|licht|antwoordt|benadrukt|wijst|vraagt|pleit|"
                    r"herinnert|onderstreept|kondigt|informeert|legt|brengt)\b")


# what may open a sentence before the actor who reports: `De`, `Mevrouw`, `Minister`, `De heer`
OPENER = re.compile(r"\s*(?:\d+\.\s+)?(?:[Dd]e\s+|[Hh]et\s+|[Mm]evrouw\s+|[Dd]e\s+heer\s+|(?:[Mm]inister|[Ss]taatssecretaris|"
                    r"[Cc]ommissaris|[Pp]remier)\s+)?")


@dataclass(frozen=True)
class Turn:
    start: int  # where the label starts
    end: int  # where the label ends (the colon)
    speaker: str | None  # person key; None for a chair the record does not name


def turns(ctx: Context) -> list[Turn]:
    """The speaker turns of a record, in reading order."""
    text = ctx.text
    out: list[Turn] = []
    for m in ctx.mentions:
        if m.key not in ctx.actors or ctx.actors[m.key].kind != "person":
            continue
        line = text.rfind("\n", 0, m.start) + 1
        tail = LABEL_TAIL.match(text, m.end)
        if tail and LABEL_HEAD.fullmatch(text, line, m.start) is not None:
            out.append(Turn(line, tail.end(), m.key))
    chair = _chair(ctx)
    for c in CHAIR_LABEL.finditer(text):
        out.append(Turn(c.start(), c.end(), chair))
    unique = {t.start: t for t in sorted(out, key=lambda t: (t.start, t.speaker is None, t.end))}
    found = sorted(unique.values(), key=lambda t: t.start)
    return found if len(found) > 1 else []  # one `Name:` line is a label, not a record's turns


def _chair(ctx: Context) -> str | None:
    for c in chair_cues(ctx.text):
        for m in ctx.mentions_in(c.end(), c.end() + 60):
            if m.key in ctx.actors and ctx.actors[m.key].kind == "person" and m.start - c.end() < 3:
                return m.key
    return None


def chair_cues(text: str) -> Iterator[re.Match[str]]:
    """CHAIR.finditer(text), tried only where a match can start: at `voorgezeten`, and before `Voorzitter` at
    the start of the spaces and tabs that open its line."""
    heads = []
    for i in scan.literal_starts(text, ["Voorzitter"]):
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        heads.append(i)
    return scan.finditer_at(CHAIR, text, sorted(set(scan.literal_starts(text, ["voorgezeten"]) + heads)))


def speaker_at(ctx_turns: list[Turn], pos: int) -> tuple[bool, str | None]:
    """(inside a turn, who speaks) at pos."""
    before = [t for t in ctx_turns if t.start <= pos]
    if not before:
        return False, None
    return True, before[-1].speaker


def record_meeting(ctx: Context) -> Meeting | None:
    """The sitting a record or minutes report: the record's own, else the dated meeting its title line names."""
    from gcmkg.extract.series import record_series
    from gcmkg.extract.textutil import slug

    from gcmkg.extract.attendance_lists import HEAD, dated_meetings, heading_allows, meeting_for

    rec = record_series(ctx)
    if rec:
        return ctx.meetings.get(f"{slug(rec[0])}/{rec[1]}")
    heads = [h for h in HEAD.finditer(ctx.text) if h.group("present")]
    if heads:
        found = meeting_for(dated_meetings(ctx), heads[0].start())
        return found if found is not None and heading_allows(ctx, found, heads[0].start()) else None
    head = re.match(r"(?:[^\n]*\n){0,8}", ctx.text)
    end = head.end() if head else 0
    for m in sorted(ctx.meetings.values(), key=lambda m: m.key):
        if m.start and len(m.start) == 10 and any(a < end and re.search(r"\bVERSLAG\b|\bVerslag\b",
                                                                     ctx.text[max(0, a - 40):a]) for a, _ in m.spans):
            return m
    return None


def extract(ctx: Context) -> None:
    record = record_meeting(ctx)
    if record is None:
        return
    refs = MeetingRefs(ctx, record)
    rows: dict[tuple[str, str, str], AttendanceFact] = {}
    for t in turns(ctx):
        if t.speaker is not None:
            meeting = refs.section(t.start)
            rows.setdefault((meeting.key, t.speaker, "present"), AttendanceFact(
                meeting=meeting.key, actor=t.speaker, status="present", evidence=ctx.evidence(t.start, t.end)))
    for s in ctx.sentences:
        first = next(iter(ctx.mentions_in(s.start, s.start + 80)), None)
        if first is None or not OPENER.fullmatch(ctx.text, s.start, first.start):
            continue
        if ctx.actors[first.key].kind in ("party", "country") or not SPEECH.match(ctx.text, first.end):
            continue
        meeting = refs.section(s.start)
        rows.setdefault((meeting.key, first.key, "present"), AttendanceFact(
            meeting=meeting.key, actor=first.key, status="present", evidence=ctx.evidence(s.start, s.end)))
    known = {(a.meeting, a.actor, a.status) for a in ctx.attendance}
    ctx.attendance.extend(rows[k] for k in sorted(rows) if k not in known)

"""Attendance lists of reports and records: `Aanwezig: ...`, `Aanwezig zijn zeven leden der Kamer, te
weten: ...`, `Verontschuldigd: ...`, `Afwezig: ...`, `Berichten van verhindering`, `Ter tafel aanwezige
leden van de regering: ...`.

Each list gives one row per actor it names (a person with a party tag, a person with an
affiliation in brackets, an administration) for the meeting the report is about: the dated
meeting named last before the list, else the first one after it. A list item is a line
(`- ...`) or a `;`-separated entry; an item that names a person names its attendee, and the
bodies in it are that person's affiliation (`mevrouw Teresa Almeida, hoofd van het
Benelux-bureau van de IOM`); names in brackets are affiliations too.
"""

from __future__ import annotations

import re

from gcmkg.extract.context import Context, Meeting
from gcmkg.extract.models import AttendanceFact

NEEDS = ("meetings", "actors")
PRODUCES = ("attendance",)

HEADS: list[tuple[str, str]] = [
    ("excused", r"[Vv]erontschuldigd|[Aa]fwezig met kennisgeving|[Mm]et kennisgeving afwezig|[Bb]erichten van verhindering|"
                r"[Aa]fmeldingen|[Bb]ericht van verhindering"),
    ("absent", r"[Aa]fwezig|[Nn]iet aanwezig"),
    ("not_invited", r"[Nn]iet uitgenodigd"),
    ("invited", r"[Uu]itgenodigd"),
    ("present", r"[Aa]anwezig(?:\s+(?:zijn|waren|op|bij)\b[^:\n]{0,80})?|[Tt]er tafel aanwezige leden van de regering|"
                r"[Dd]eelnemers|[Vv]oorzitter"),
]
HEAD = re.compile(r"(?m)^[ \t]*(?:" + "|".join(f"(?P<{s}>{p})" for s, p in HEADS) + r")[ \t]*(?::|\n)")
BRACKETS = re.compile(r"\([^()]*\)")
# a list ends at a blank line or at the next `Label:` line (`Afwezig: ...`, `Secretariaat: ...`)
STOP = re.compile(r"\n[ \t]*\n|\n[ \t]*[A-ZÀ-Ý][\w ]{2,40}:")


ITEM = re.compile(r"\n[ \t]*[-–•][ \t]*|;\s*|\n[ \t]*\n")


def dated_meetings(ctx: Context) -> list[tuple[int, Meeting]]:
    """The dated meetings by where the text first names them."""
    return sorted(((min(a for a, _ in m.spans), m) for m in ctx.meetings.values()
                   if m.start and len(m.start) == 10 and m.spans), key=lambda am: (am[0], am[1].key))


def extract(ctx: Context) -> None:
    dated = dated_meetings(ctx)
    rows: dict[tuple[str, str, str], AttendanceFact] = {}
    for head in HEAD.finditer(ctx.text):
        status = next(s for s, _ in HEADS if head.group(s))
        start, end = list_block(ctx.text, head.end())
        meeting = meeting_for(dated, head.start())
        if meeting is not None and not heading_allows(ctx, meeting, head.start()):
            meeting = None
        if meeting is None or end <= start:
            continue
        if status == "present" and MEMBERS.search(head.group(0)):
            members(ctx, start, end)
        for mention in attendees(ctx, start, end):
            rows.setdefault((meeting.key, mention.key, status), AttendanceFact(
                meeting=meeting.key, actor=mention.key, status=status, evidence=ctx.evidence(head.start(), end)))
    known = {(a.meeting, a.actor, a.status) for a in ctx.attendance}
    ctx.attendance.extend(rows[k] for k in sorted(rows) if k not in known)


# `Aanwezig zijn 139 leden der Kamer, te weten:` over members named by surname only
MEMBERS = re.compile(r"\bleden\b")
# `Van Beuningen`, `Van 't Hof`, `De Groot-Kuipers`, and a first name where two members share a surname (`Lotte van Dam`)
_PARTICLES = r"(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|'t|[Ee]l|[Ll]e|[Ll]a)\s+){0,3}"
SURNAME = re.compile(rf"(?:(?:[A-Z]\.){{1,4}}\s*|[A-ZÀ-Ý][^\W\d_]+\s+(?=[a-z']))?{_PARTICLES}"
                     r"[A-ZÀ-Ý][^\W\d_'’]*(?:['’][^\W\d_]+)?(?:-[A-ZÀ-Ý][^\W\d_]+)*")
MEMBER_SEP = re.compile(r"\s*,\s*|\s+en\s+|[.;]?\s*$")


def members(ctx: Context, start: int, end: int) -> None:
    """Each surname of a members list (`Aarts, Van Beuningen, Bosma en Zwart,`) that names no actor yet is a
    person, the member of that name."""
    from gcmkg.extract.textutil import slug

    pos = start
    while pos < end:
        m = SURNAME.match(ctx.text, pos, end)
        sep = MEMBER_SEP.match(ctx.text, m.end(), end) if m else None
        if not m or not sep or (sep.end() == m.end() and m.end() < end):
            return  # not a plain list of surnames (any more): leave the rest to the mentions
        if not ctx.mentions_in(m.start(), m.end()):
            ctx.add_actor(f"person/{slug(m.group(0))}", m.group(0), "person", m.start(), m.end())
        pos = sep.end()
        if sep.end() == m.end():
            return


def heading_allows(ctx: Context, meeting: Meeting, pos: int) -> bool:
    """A list that stands before every mention of its meeting belongs to it only when the heading above the list
    names no other meeting: `Integraal verslag van de commissievergadering / Aanwezig: ...` is the committee's
    list, not that of the CoorMulti the text later speaks of."""
    if min(a for a, _ in meeting.spans) < pos:
        return True
    from gcmkg.extract.meetings import MEETING_WORD

    head = ctx.text[:pos]
    if not MEETING_WORD.search(head) and not re.search(r"\b[Cc]ommissie\b", head):
        return True
    low = head.lower()
    words = {w for w in re.split(r"[\W_]+", meeting.series.lower()) if len(w) > 2} - {"van", "de", "het", "vergadering"}
    return any(w in low for w in words)


def list_block(text: str, pos: int) -> tuple[int, int]:
    """The list after a heading: its first paragraph (blank lines right after the heading skipped), plus a
    following paragraph that continues it (`en staatssecretaris X.`)."""
    m = re.match(r"\s*", text[pos:])
    start = pos + (m.end() if m else 0)
    brk = STOP.search(text, start)
    end = brk.start() if brk else len(text)
    nxt = re.match(r"\s*\n[ \t]*en\s+[^\n]*", text[end:])
    if nxt and text[end - 1:end] == ",":
        end += nxt.end()
    return start, end


def attendees(ctx: Context, start: int, end: int) -> list:
    """Per item: its persons, else its bodies; never what stands in brackets, parties or countries."""
    brackets = [(m.start() + start, m.end() + start) for m in BRACKETS.finditer(ctx.text[start:end])]
    cuts = [start] + [m.end() for m in ITEM.finditer(ctx.text, start, end)] + [end]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        kept = [m for m in ctx.mentions_in(a, b) if ctx.actors[m.key].kind not in ("party", "country")
                and not any(x <= m.start < y for x, y in brackets)]
        persons = [m for m in kept if ctx.actors[m.key].kind == "person"]
        out += persons or kept
    return out


def meeting_for(dated: list[tuple[int, Meeting]], pos: int) -> Meeting | None:
    before = [m for at, m in dated if at < pos]
    if before:
        return before[-1]
    after = [m for at, m in dated if at >= pos]
    return after[0] if after else None

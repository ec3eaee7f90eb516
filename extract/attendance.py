"""Attendance in running text: who was present, absent, excused, invited or not invited at which meeting.

A clause gives rows when it holds a status cue (extract/attendance_cues.py: `nam deel`,
`was niet aanwezig`, `liet zich verontschuldigen`, `werd niet uitgenodigd`, `ontbrak`,
`was vertegenwoordigd door`, `woonde ... bij`, `voorgezeten door`) and speaks of a
meeting (extract/attendance_refs.py: a date, an ordinal, a series, an anaphor, else the
meeting of the sentence before). Who: the actors the clause names before a subordinate
clause (`omdat ...`), a person rather than the bodies named with them, plus the body a
person acts for (`namens het Verenigd College`). `ik` is the speaker of a record's turn
or the document's author, `mijn kabinet` the author's cabinet, `hij`/`betrokkene` the
person named last, `u` the addressee, `de attaché` the person the document introduces
with that office. `X was vertegenwoordigd door Y`: Y was there, and X too unless X is a
person (a person who sends someone is not there himself).
"""

from __future__ import annotations

import re

from gcmkg.extract import attendance_cues, attendance_refs, scan
from gcmkg.extract.attendance_cues import Cue, cues, states_nothing
from gcmkg.extract.attendance_lists import attendees as _attendees, list_block
from gcmkg.extract.attendance_refs import ALL_OF, MeetingRefs
from gcmkg.extract.attendance_speakers import record_meeting, speaker_at, turns
from gcmkg.extract.context import Context, Meeting, Mention
from gcmkg.extract.dates import find_dates
from gcmkg.extract.models import AttendanceFact
from gcmkg.extract.prefilter import Prefilter
from gcmkg.extract.segment import Sentence
from gcmkg.extract.textutil import slug

NEEDS = ("meetings", "actors")
PRODUCES = ("attendance",)

INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,4}\s*$")
CLAUSE = re.compile(r",\s+(?=(?:hij|zij|en|maar)\b)|\s+maar\s+|;\s*|:\s+")
SUBORDINATE = re.compile(r"(?:,\s*|\s)(?:omdat|doordat|aangezien|zodat|wegens|terwijl|nadat|want|om\s+(?!de\b|het\b))\b")
# `De minister-president stelt dat X ...`, `Ik betreur bovendien dat X ...`: X is who the clause is about
REPORTED = re.compile(r"\b(?:stel|zeg|zei|meld|verklaar|antwoord|schrijf|schreef|betreur|bevestig|vind|vond|weet|wist|"
                      r"begrijp|hoor|vernam|vernemen|lees|las|benadruk|onderstreep|herinner|merk|deel\s+mee|deelt\s+mee)"
                      r"\w*\s+(?:[\w-]+\s+){0,3}?(?:dat\b|:)", re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:hij|zij|betrokkene)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:ik|mij|me)\b", re.IGNORECASE)
SECOND_PERSON = re.compile(r"\b[uU]\b")
OWN_CABINET = re.compile(r"\b[Mm]ijn\s+kabinet\b(?![\w-])")
PURPOSE = re.compile(r"\s*[Oo]m\b[^,;]*?\bte\s+[\w-]+,?")
OPENING = re.compile(r"\s*(?:[Oo]mdat|[Dd]oordat|[Aa]ls|[Ww]anneer|[Ii]ndien|[Nn]adat|[Tt]oen)\b")
WHO_WORD = re.compile(r"\b(?:ik|mij|me|hij|zij|betrokkene|[uU]|mijn)\b", re.IGNORECASE)
IT_SUBJECT = re.compile(r"\s*(?:het|zij|ze)\s+(?:werd|was|is|wordt|werden|waren)\b|\s*(?:(?:en|maar)\s+)?(?:was|is|nam|werd|had|liet)\b",
                        re.IGNORECASE)
ROLE_NOUN = re.compile(r"\b(?:[Dd]e|[Mm]ijn|[Zz]ijn|[Hh]aar)\s+(?P<r>attaché|ambtenaar|vertegenwoordiger|kabinetschef|adviseur"
                       r"|afgevaardigde|ambassadeur|diplomaat|medewerker)\b")
TITLE = re.compile(r"\b[Dd]e\s+(?P<t>minister-president|minister|staatssecretaris)\b(?!\s+(?:van|voor)\b)")
APPOSITION = re.compile(r",\s*(?:de\s+heer\s+|mevrouw\s+|[Mm]r\.\s+)?")
OBJECT_END = re.compile(r"\b(?:welkom|niet\s+uit|uit)\b")
INLINE_ITEM = re.compile(r",\s*(?:en\s+)?(?=(?:de|het|mevrouw)\b|[A-ZÀ-Ý])|\s+en\s+(?=(?:de|het|mevrouw)\b|[A-ZÀ-Ý])")
NAMENS = re.compile(r"\bnamens\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# a body after a preposition is a place or a topic (`in het Vlaams Parlement`, `bij de FOD`), not who attended;
# a country also after `van` and `met` (`de Permanente Vertegenwoordiger van het Verenigd Koninkrijk`)
PREPOSITION = re.compile(r"\b(?:in|naar|uit|te|bij|tegen|over|voor|door|aan|onder|tussen|dan|als|zoals)\s+"
                         r"(?:de\s+|het\s+)?$", re.IGNORECASE)
COUNTRY_PREPOSITION = re.compile(r"\b(?:van|met)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
PLACE_KINDS = ("country", "parliament", "international_organisation", "government", "ministry", "administration")
# `Permanente Vertegenwoordiging van België bij de Verenigde Naties`: a name inside a longer name
INSIDE_NAME = re.compile(r"(?-i:[A-ZÀ-Ý])[\w-]+\s+(?:van|voor|bij)\s+(?:de\s+|het\s+)?$")
OFFICE = re.compile(r"\b(?:minister|staatssecretaris|minister-president|eerste minister)\b", re.IGNORECASE)
REMOTE = re.compile(r"naar|verklaring|delegatie|vergezel|stuur|zend|afvaardig", re.IGNORECASE)
GROUP = re.compile(r"aanwezige\b", re.IGNORECASE)
REPRESENTED_BY = re.compile(r"\bvertegenwoordig(?:d|en)\s+door\b", re.IGNORECASE)
# one look at the words of a clause tells which cues and which meeting-reference patterns may match in it
_CLAUSE_WORDS = Prefilter([*attendance_cues.PATTERNS, *attendance_refs.SCANNED])
_CUES = len(attendance_cues.PATTERNS)
_CUE_BITS = (1 << _CUES) - 1


class _State:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.turns = turns(ctx)
        self.last_person: str | None = None
        self.carried: list[str] = []  # who the last clause with a cue was about
        self.carried_at: tuple[int, int, str | None] | None = None  # a later clause without a cue that names someone
        self.roles: dict[str, str | None] = {}


def extract(ctx: Context) -> None:
    record = record_meeting(ctx)
    refs = MeetingRefs(ctx, record)
    st = _State(ctx)
    refs.turn_starts = [t.start for t in st.turns]
    rows: dict[tuple[str, str, str], AttendanceFact] = {}
    for i, s in enumerate(_sentences(ctx)):
        refs.at_sentence(i)
        question = s.text.rstrip().endswith("?")
        for cs, ce in _clauses(ctx, s.start, s.end):
            clause = ctx.text[cs:ce]
            before = refs.previous(cs)
            may = _CLAUSE_WORDS.mask(clause)
            meetings = refs.resolve(cs, ce, may >> _CUES) if not question else []
            tried = [i for i in range(_CUES) if may >> i & 1] if may & _CUE_BITS else []  # cues with their words here
            found = cues(clause, tried) if tried else []
            if question or not found:
                if ctx.mentions_in(cs, ce) or WHO_WORD.search(clause):
                    st.carried_at = (cs, ce, st.last_person)  # who the next clause may go on about
                _remember(st, cs, ce)
                continue
            subject = _actors(st, cs, ce)
            if not subject and ctx.text[ce:ce + 1] == ":":
                subject = _listed_after(st, ce, s.end)  # `Aan de vergadering namen deel: A, B en C.`
            if not subject and IT_SUBJECT.match(clause):
                subject = _carried(st)  # `hij nam deel ..., en was niet uitgenodigd`, `het werd niet uitgenodigd`
            if subject:
                st.carried_at, st.carried = None, subject
            meetings = meetings or ([] if _other_day(ctx, refs, cs, ce) else refs.fallback(cs))
            sitting = refs.sitting(cs) if not meetings else []
            if _introduces(ctx, clause, ce, found, meetings):
                found = []
            for cue in found:
                if states_nothing(clause, s.text, cue):
                    continue
                # `Alle aanwezige vertegenwoordigers gaan akkoord met ... op de Conferentie`: present where the
                # sentence before says they met, not at what they agree to
                ms = before if GROUP.match(clause, cue.start) else meetings
                if not ms and not REMOTE.search(clause, cue.start, cue.end):
                    ms = sitting  # a record: the sitting itself, unless the cue speaks of going elsewhere
                for key, status in _who(st, cs, ce, cue, subject):
                    for meeting in ms:
                        if not _hosts(ctx, key, meeting):
                            rows.setdefault((meeting.key, key, status), AttendanceFact(
                                meeting=meeting.key, actor=key, status=status, evidence=ctx.evidence(cs, ce)))
            _remember(st, cs, ce)
    ctx.attendance.extend(rows[k] for k in sorted(rows))


def _sentences(ctx: Context) -> list[Sentence]:
    """The sentences, with a break after initials mended: `de Staatssecretaris, L.M. | Teeuwen, deel`."""
    out: list[Sentence] = []
    for s in ctx.sentences:
        if out and _ends_in_initials(out[-1].text):
            out[-1] = Sentence(out[-1].start, s.end, ctx.text[out[-1].start:s.end])
        else:
            out.append(s)
    return out


def _ends_in_initials(text: str) -> bool:
    """INITIALS_END.search(text), tried only where a match can start: at most four initials (8 characters)
    before the whitespace that ends the text (the look-behind still sees the characters before that)."""
    return INITIALS_END.search(text, max(0, scan.space_start(text, len(text)) - 8)) is not None


def _clauses(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    text = ctx.text
    if (text.find(",", start, end) < 0 and text.find(";", start, end) < 0 and text.find(":", start, end) < 0
            and text.find("maar", start, end) < 0):  # every CLAUSE match holds one of these
        return [(start, end)] if end > start else []
    out, prev = [], start
    for m in CLAUSE.finditer(ctx.text, start, end):
        out.append((prev, m.start()))
        prev = m.end()
    out.append((prev, end))
    return [(a, b) for a, b in out if b > a]


def _introduces(ctx: Context, clause: str, ce: int, found: list[Cue], meetings: list[Meeting]) -> bool:
    """`nam deel aan de Coormulti-vergaderingen: hij liet zich ...`: a clause that announces the detail after it."""
    return (len(meetings) > 1 and ctx.text[ce:ce + 1] == ":" and bool(ALL_OF.search(clause))
            and all(c.status == "present" for c in found))


def _carried(st: _State) -> list[str]:
    """Who the clause before was about: computed only when a clause without a subject needs it."""
    if st.carried_at is not None:
        cs, ce, last = st.carried_at
        now, st.last_person = st.last_person, last
        who = _actors(st, cs, ce)
        st.last_person = now
        if who:
            return who
    return st.carried


def _listed_after(st: _State, colon: int, sentence_end: int) -> list[str]:
    """The actors listed after a colon: on the rest of the line, or on the list lines below it."""
    ctx = st.ctx
    if ctx.text[colon + 1:sentence_end].strip():  # `A, de heer B, adviseur bij C, en D`: items, each a name
        cuts = [colon + 1] + [m.end() for m in INLINE_ITEM.finditer(ctx.text, colon + 1, sentence_end)] + [sentence_end]
        return [m.key for a, b in zip(cuts, cuts[1:]) for m in _attendees(ctx, a, b)]
    start, end = list_block(ctx.text, colon + 1)
    return [m.key for m in _attendees(ctx, start, end)]


def _other_day(ctx: Context, refs: MeetingRefs, cs: int, ce: int) -> bool:
    """`was uitgenodigd voor de vergadering van 21 februari` where no meeting was held that day (it was called
    off): the clause speaks of that day, not of the meeting before."""
    if not any(c.isdigit() for c in ctx.text[cs:ce]):
        return False
    days = {m.start for m in refs.dated}
    return any(len(x) == 10 and x not in days for d in find_dates(ctx.text, ctx.date, cs, ce) for x in d.dates)


def _remember(st: _State, cs: int, ce: int) -> None:
    people = [m.key for m in st.ctx.mentions_in(cs, ce) if st.ctx.actors[m.key].kind == "person"]
    if people:
        st.last_person = people[-1]


def _kept(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """The longest mention wins: `kabinetten van de federale regering` hides `federale regering`."""
    return [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                           and (o.end - o.start) > (m.end - m.start) for o in mentions)]


def _actors(st: _State, cs: int, ce: int) -> list[str]:
    """Who the clause is about, before any subordinate clause; persons win over the bodies named with them,
    except a body someone acts for (`namens X`)."""
    ctx = st.ctx
    said = REPORTED.search(ctx.text, cs, ce)
    if said:
        cs = said.end()
    purpose = PURPOSE.match(ctx.text, cs, ce)
    if purpose:  # `Om misverstanden te voorkomen zal Nederland ...`: the main clause follows the infinitive
        cs = purpose.end()
    elif OPENING.match(ctx.text, cs, ce):  # `Omdat ..., nam X deel`: the main clause follows the comma
        comma = ctx.text.find(",", cs, ce)
        cs = comma + 1 if comma > 0 else cs
    sub = SUBORDINATE.search(ctx.text, cs + 1, ce)
    end = sub.start() if sub else ce
    keys: list[str] = []
    acting_for: list[str] = []
    mentions = _kept(ctx, ctx.mentions_in(cs, end))
    for m in mentions:
        if _apposed(ctx, m, mentions):
            continue
        kind = ctx.actors[m.key].kind
        before = ctx.text[max(cs, m.start - 30):m.start]
        if kind == "party" or INSIDE_NAME.search(before):
            continue
        if NAMENS.search(before):
            acting_for.append(m.key)
        elif kind in PLACE_KINDS and PREPOSITION.search(before) or kind == "country" and COUNTRY_PREPOSITION.search(before):
            continue  # `in België`, `bij de FOD Buitenlandse Zaken`: a place, not who attended
        keys.append(m.key)
    clause = ctx.text[cs:end]
    speaker = _first_person(st, cs)
    if FIRST_PERSON.search(clause) and speaker:
        keys.insert(0, speaker)
    if OWN_CABINET.search(clause) and speaker:
        keys.insert(0, _cabinet(ctx, speaker, cs + OWN_CABINET.search(clause).start()))
    if SECOND_PERSON.search(clause) and (addressee := ctx.voice_at(cs)[1]):
        keys.insert(0, addressee)
    for r in TITLE.finditer(clause):
        if not any(ctx.actors[k].kind == "person" for k in keys) and (holder := _title_holder(ctx, r.group("t"))):
            keys.append(holder)
    for r in ROLE_NOUN.finditer(clause):
        holder = _role_holder(st, r.group("r"))
        if holder:
            keys.append(holder)
    if PRONOUN.search(clause) and st.last_person and not any(ctx.actors[k].kind == "person" for k in keys):
        keys.append(st.last_person)
    if any(ctx.actors[k].kind == "person" for k in keys):
        keys = [k for k in keys if ctx.actors[k].kind in ("person", "committee", "cabinet") or k in acting_for]
    return list(dict.fromkeys(keys))


def _apposed(ctx: Context, m: Mention, mentions: list[Mention]) -> bool:
    """`De Minister voor Buitenlandse Handel, mevrouw Hoogerwerf,`: an office followed by the name of its holder
    is one person; the name stands for both."""
    if ctx.actors[m.key].kind != "person":
        return False
    return any(o.start > m.end and ctx.actors[o.key].kind == "person" and o.key != m.key
               and APPOSITION.fullmatch(ctx.text, m.end, o.start) for o in mentions)


def _first_person(st: _State, pos: int) -> str | None:
    inside, speaker = speaker_at(st.turns, pos)
    return speaker if inside else st.ctx.voice_at(pos)[0]


def _cabinet(ctx: Context, person: str, pos: int) -> str:
    """`mijn kabinet`: the cabinet of the minister who writes, named after the office (`kabinet van de Vlaamse
    minister van Welzijn`) or, for a holder of no ministerial office, after the person."""
    office = next((r for r in ctx.actors[person].roles if OFFICE.match(re.sub(r"^(?:[Vv]laams|[Ff]ederaal)\s+", "", r))), None)
    if office:
        office = re.sub(r"^[Vv]laams\s+", "Vlaamse ", office)
        name = f"kabinet van de {office[0].lower() + office[1:] if not office.startswith('Vlaamse') else office}"
    else:
        name = f"kabinet van {ctx.actors[person].name}"
    return ctx.add_actor(f"cabinet/{slug(name)}", name, "cabinet", pos, pos + len("mijn kabinet")).key


def _title_holder(ctx: Context, title: str) -> str | None:
    """`de minister`: the one author or addressee of the document who holds that office."""
    title = title.lower()
    if title in ctx.role_holders:
        return None  # the persons extractor already named its holder in the text
    found = {k for k in ctx.authors + ctx.addressees if k in ctx.actors
             and any(re.search(rf"(?<![\w-]){re.escape(title)}(?![\w-])", r, re.IGNORECASE) for r in ctx.actors[k].roles)}
    return found.pop() if len(found) == 1 else None


def _role_holder(st: _State, role: str) -> str | None:
    """`de attaché`: the one person the document introduces as `<name>, attaché ...` or `attaché <name>`."""
    if role not in st.roles:
        ctx, found = st.ctx, set()
        for a in ctx.persons():
            for s, e in a.spans:
                if re.match(rf",?\s+(?:[\w-]+\s+)?{role}\b", ctx.text[e:e + 60]) or re.search(
                        rf"\b{role}\s*,?\s*(?:de\s+heer\s+|mevrouw\s+)?$", ctx.text[max(0, s - 40):s]):
                    found.add(a.key)
        st.roles[role] = found.pop() if len(found) == 1 else None
    return st.roles[role]


def _who(st: _State, cs: int, ce: int, cue: Cue, subject: list[str]) -> list[tuple[str, str]]:
    """The (actor, status) rows one cue gives."""
    ctx = st.ctx
    if cue.after:  # `voorgezeten door X`, `ik heet X welkom`, `bijgestaan door X`
        close = OBJECT_END.search(ctx.text, cs + cue.end, ce)  # `heet X welkom`, `nodigde X uit`
        objects = _actors(st, cs + cue.end, close.start() if close else ce)
        if ctx.text[cs + cue.start:cs + cue.end].lower() == "voorgezeten door":
            objects = objects[:1]
        return [(k, cue.status) for k in objects]
    by = REPRESENTED_BY.search(ctx.text, cs + cue.start, ce)
    if cue.status == "present" and by:
        represented = _actors(st, cs, by.start())
        deputies = _actors(st, by.end(), ce)
        persons = [k for k in deputies if ctx.actors[k].kind == "person"]
        rows = [(k, "present") for k in (persons or deputies)[:1]]
        return rows + [(k, "present") for k in represented if ctx.actors[k].kind != "person"]
    return [(k, cue.status) for k in subject]


def _hosts(ctx: Context, key: str, meeting: Meeting) -> bool:
    """The place of a meeting, and the body that is the meeting (`werkgroep van het IMC` for `IMC werkgroep`),
    are not among those who attend it."""
    name = ctx.actors[key].name
    words = {w for w in re.findall(r"\w+", name.lower()) if w not in ("de", "het", "van", "der")}
    series = set(re.findall(r"\w+", meeting.series.lower()))
    return (ctx.actors[key].kind not in ("parliament", "person") and (name in meeting.series or (bool(words) and words <= series))
            or (meeting.location is not None and name == meeting.location))

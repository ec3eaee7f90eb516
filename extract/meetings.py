"""Meetings: a meeting mention bound to the day dates that belong to it, with series, place and agenda.

Mentions are meeting words (`Coormulti-vergadering`, `IMC`, `plenaire vergadering`,
`debat`, `hoorzitting`), the named series of extract/series.py (`Algemene
Vergadering van de Verenigde Naties`, `JBZ-Raad`, `het Forum`, `naar Marrakesh`),
a parliament that votes (`De Kamer stemt donderdag`) and talks (`met ... gesproken`).
A date belongs to the mention it is written against: right after it (`vergadering
van 12 september`), right before it (`op 19 december in de Algemene Vergadering`),
or listed after a plural (`vonden vier vergaderingen plaats, namelijk op ...`);
when two mentions compete the closer, more directly joined one wins. A parliamentary
record is itself a meeting on its date; `dit debat` in it refers to that sitting.
A word that has no series of its own (`vergadering`) takes the series named last.
Ordinals follow date order within a series in one document. Days named from the document's
date (`dinsdag`, `vandaag`, `3 oktober` without a year): extract/meeting_days.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from gcmkg.extract import gazetteer, meeting_days, scan, series as known, word_heads
from gcmkg.extract.series import LOCATION, defined_name, plenary_series, record_series, series_of
from gcmkg.extract.context import Context, Meeting
from gcmkg.extract.dates import DateMention, find_dates
from gcmkg.extract.models import Flag
from gcmkg.extract.textutil import slug, squash

NEEDS = ("text", "date", "actors", "documents")
PRODUCES = ("meetings",)

MEETING_WORD = re.compile(
    r"(?P<w>(?<![\w])(?:[Cc]o[oö]r[Mm]ulti(?:-(?:vergadering(?:en)?))?|[Ii]ntergouvernementele [Cc]onferentie|"
    r"(?:VN-)?[Cc]onferentie|IMC-werkgroep|Raadswerkgroep(?:\s+[A-Z][a-z]+(?:\s+en\s+[A-Z][a-z]+)?)?|"
    r"[A-Z][A-Za-z]+-overleg|bilatera(?:al|le)\s+(?:onderhoud|ontmoeting|gesprek|overleg)|(?:voorbereidende )?werkgroep\s+van\s+(?:de|het)\s+IMC|"
    r"(?:de |het )?werkgroep van het IMC|voorbereidende werkgroep|IMC|[Ww]erkgroep|"
    r"[Ii]nterministeri[eë]le\s+[Cc]onferentie|INTERMINISTERI[EË]LE\s+CONFERENTIE|plenaire vergadering|plenaire|"
    r"[Pp]lenumvergadering|PLENUMVERGADERING|[Mm]inisterraad|[Kk]ernkabinet|(?:VN-)?top|stemming|[A-Za-z]*debat|"
    r"rondvraag|vragenuur|kennismakingsgesprek|rondetafelgesprek|[Hh]oorzitting|gedachtewisseling|ontmoeting|bijeenkomst|"
    r"(?:[Aa]lgemeen |nota|wetgevings)overleg|(?<!schriftelijk )overleg|zitting|"
    r"(?<!Algemene )[Vv]ergadering(?:en)?|VERGADERING(?:EN)?|commissievergadering|[a-z]{3,}vergadering(?:en)?)(?![\w]))")
# The word (`\w+` run) a MEETING_WORD match starts with, lower-cased: the first word of each alternative
# (`[Cc]o[oö]r[Mm]ulti-vergadering` starts `coormulti` or `coörmulti`, `(?:VN-)?top` `vn` or `top`,
# `(?:de |het )?werkgroep` `de`, `het` or `werkgroep`), a word ending in `debat` (`[A-Za-z]*debat`) or
# `vergadering(en)` (`evaluatievergadering`), or the word before `-overleg` (`Schengen-overleg`).
# tests/test_scan.py checks this against examples generated from the pattern.
MEETING_FIRST = frozenset({
    "coormulti", "coörmulti", "intergouvernementele", "vn", "conferentie", "imc", "voorbereidende", "werkgroep",
    "de", "het", "interministeriele", "interministeriële", "plenaire", "plenumvergadering", "ministerraad",
    "kernkabinet", "top", "stemming", "rondvraag", "vragenuur", "kennismakingsgesprek", "rondetafelgesprek",
    "hoorzitting", "gedachtewisseling", "ontmoeting", "bijeenkomst", "algemeen", "notaoverleg", "wetgevingsoverleg",
    "overleg", "zitting", "vergadering", "vergaderingen", "commissievergadering", "raadswerkgroep", "bilateraal",
    "bilaterale"})


def meeting_words(text: str):
    """MEETING_WORD.finditer(text), tried only at the words a match can start with (the pattern's look-behind
    makes every match start a word)."""
    if len(text) < scan.INDEXED:
        return MEETING_WORD.finditer(text)
    lower = scan.word_starts_lower(text, MEETING_FIRST)  # without building the text's word index
    starts = scan.all_word_starts(text, lambda w: w.lower() in MEETING_FIRST or w.endswith(
        ("debat", "vergadering", "vergaderingen"))) if lower is None else \
        lower + scan.run_ends(text, ("debat", "vergadering", "vergaderingen"))
    compound = [scan.run_start(text, i) for i in scan.literal_starts(text, ["-overleg"])]
    return scan.finditer_at(MEETING_WORD, text, sorted(set(starts) | set(compound)))


# a parliament that votes on a day: `De Kamer stemt donderdag`, `Over de motie wordt dinsdag gestemd`
VOTE = re.compile(r"\b(?:stemt|stemmen|stemde|stemden|gestemd|gedebatteerd|debatteert|debatteerde|debatteerden)\b")
# a body that convenes: `Het IDO kwam hiervoor twee keer bijeen, op ...`
CONVENE = re.compile(r"\b(?:[Hh]et|[Dd]e)\s+(?P<s>[A-Z][\w-]{1,15})\s+(?:kwam|kwamen|komt|komen|vergaderde|vergaderden)\b"
                     r"[^.;]{0,40}?\b(?:bijeen|samen)\b")
TALK = re.compile(r"\bmet\s+(?:[\w-]+\s+){1,5}?(?:gesproken|overlegd|vergaderd)\b")
PLURAL_LIST = re.compile(r"\b(?:plaats|samen|gehouden|georganiseerd|vergaderd)\b")
HELD_AT = re.compile(r"(?:hadden|vonden)\s+plaats\s+(?:bij|in|op)\s+(?:de |het )?(?P<place>[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)*)")
AGENDA_HEAD = re.compile(r"(?m)^[^\w\n]*Voor\s+(?P<date>\d{1,2}\s+[a-z]+\s+\d{4})\s*$")
AGENDA_ITEM = re.compile(r"(?m)^\s*\d+\)\s*(?P<item>.+?)(?=\n\s*\d+\)|\n[^\w\n]*Voor\s|\n\s*\n\s*[A-Z][^\n]*\n|\Z)", re.S)
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8,
            "negende": 9, "tiende": 10}
NEAR_AFTER, NEAR_BEFORE = 90, 40
# how a date is joined to the mention before it (`vergadering van`, `JBZ-Raad (`) or after it (`op 19 december in de`)
JOINED_AFTER = re.compile(r"[\s,]*(?:(?:van|op|d\.d\.|:)\s*)?(?:de\s+)?\(?\s*")
JOINED_BEFORE = re.compile(r"\s*\)?[\s,]*(?:(?:in|op|tijdens|door|bij|naar|voor|met)\s+)?(?:de\s+|het\s+|een\s+)?")
LISTED_NEXT = re.compile(r"[\s,;•*–-]*(?:(?:en|of|tot|t/m)\s+)?(?:(?:daarna|nadien|vervolgens|opnieuw|nogmaals)\s+)?"
                         r"(?:(?:op|van|de|het)\s+)*")
# `donderdag 29 november, na een stemming`, `op 9 december teruggetrokken en heeft de conferentie`: another day
NOT_OF = re.compile(r"\b(?:na|nadat|sinds)\b|\ben\s+(?:heeft|hebben|had|hadden|is|was|werd|zal|zou)\b")
# a date that dates a text, not a meeting: `(ingezonden 3 december 2018)`, `Vastgesteld 14 december 2018`
DOC_DATE = re.compile(r"(?:\((?:ingezonden|ontvangen)|[Vv]astgesteld|(?m:^[ \t]*Datum[ \t]*:?)|"
                      r"\bopgesteld\b[^.\n]{0,60}\bop)\s*$")
RECORD_DOC_DATE = re.compile(r"(?:\((?:ingezonden|ontvangen)|[Vv]astgesteld|\bopgesteld\b[^.\n]{0,60}\bop)\s*$")
DATELINE_AFTER = re.compile(r"[ \t]*\([A-Z][A-Za-z]{1,11}\)[ \t]*[-–=]")
SUBSECTION = re.compile(r"[A-ZÀ-Ý][\w-]*(?:\s+[\w-]+){0,3}\s*\((?P<date>[^()]{6,30})\)")
DEICTIC = re.compile(r"\b(?:dit|deze)\s+(?:mondeling\s+)?(?:debat|vergadering|overleg|hoorzitting|commissievergadering|"
                     r"plenumvergadering|zitting)\b", re.IGNORECASE)
NAME_TAIL = re.compile(r"(?:\s+(?:[A-ZÀ-Ý][\w-]*|en|\([A-Z]+\)))+")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    word: str
    series: str | None  # None: the series named last (`vergadering`)
    location: str | None = None


def _mentions(ctx: Context) -> list[Mention]:
    text = ctx.text
    found = [Mention(s.start, s.end, text[s.start:s.end], s.series.name,
                     text[s.start:s.end] if s.how == "venue" else None) for s in known.find(text)]
    taken = [(m.start, m.end) for m in found]
    for w in meeting_words(text):
        if not any(a < w.end() and w.start() < b for a, b in taken):
            found.append(Mention(w.start(), w.end(), w.group("w"), "?"))
    taken = [(m.start, m.end) for m in found]
    for c in word_heads.finditer(CONVENE, text):  # tried only at the words they start with
        if not any(a < c.end() and c.start() < b for a, b in taken):
            found.append(Mention(c.start("s"), c.end(), c.group(0), defined_name(text, c.group("s"))))
    for rx in (VOTE, TALK):
        for w in word_heads.finditer(rx, text):
            found.append(Mention(w.start(), w.end(), w.group(0), "vote" if rx is VOTE else "overleg"))
    return sorted(found, key=lambda m: m.start)


def _series(ctx: Context, m: Mention, sentence: str, last: str | None, home: str | None) -> str | None:
    if m.series == "vote":
        parliament = any(h.entry.kind == "parliament" for h in gazetteer.find(sentence, ctx.jurisdiction))
        if parliament or re.search(r"\b(?:Kamer|Parlement|Senaat)\b", sentence) or record_series(ctx):
            return plenary_series(ctx, sentence)
        return None
    if m.series != "?":
        return m.series
    after = re.match(r"\s+(?:IMC\b|[Ii]nterministeri)", ctx.text[m.end:m.end + 30])
    if m.word.lower() == "plenaire" and after:  # `plenaire IMC`: the plenary meeting of the conference
        return known.imc_name(ctx.text)
    found = series_of(ctx, m.word, sentence)
    if found in ("overleg", "debat", "zitting", "bijeenkomst") and last and last.lower().endswith(found):
        return last  # `het overleg` after `het Schengen-overleg`: the same meeting
    if found:
        return found
    w = m.word.lower()
    if "werkgroep" in w:  # a working group of the body named with it or just before it
        near = ctx.text[max(0, m.start - 120):m.start]
        if re.search(r"\bIMC\b|interministeri", near, re.IGNORECASE) or (last or "").startswith("IMC"):
            return "IMC werkgroep"
        return last if last and "werkgroep" in last.lower() else "werkgroep"
    if re.search(r"\bcommissie\b", ctx.text[max(0, m.start - 150):m.start]) and re.search(
            r"\b(?:hun|haar|de|een)\s+$", ctx.text[max(0, m.start - 6):m.start]):
        return "commissie"  # `De leden van de vaste commissie ... hebben tijdens hun vergadering`
    before = ctx.text[max(0, m.start - 12):m.start].lower()
    if home and (re.search(r"\b(?:volgende|vorige)\s+$", before) or not last):
        return home
    return last or "vergadering"  # a meeting of a body the document does not name as such


def extract(ctx: Context) -> None:
    text = ctx.text
    mentions = _mentions(ctx)
    spans = [(m.start, m.end) for m in mentions]
    starts = [m.start for m in mentions]  # mentions are in reading order
    record = record_series(ctx)
    home = record[0] if record else _heading_series(ctx, mentions)
    last: str | None = home
    sentences = ctx.sentences
    called_off: set[str] = set()  # meetings the text says did not take place
    for i, s in enumerate(sentences):
        sentence = squash(s.text)
        # `Morgen stemt de Algemene Vergadering`: a vote by no parliament leaves the day to the body named
        words = [m for m in mentions[bisect_left(starts, s.start):bisect_left(starts, s.end)]  # those in the sentence
                 if m.series != "vote" or _series(ctx, m, sentence, last, home)]
        heading = SUBSECTION.fullmatch(s.text.strip())
        if not words and heading and last in {x.name for x in known.catalogue()}:
            words = [Mention(s.start, s.start + heading.start("date") - 1, s.text, last)]
        if not words:
            continue
        dates = [d for d in find_dates(text, ctx.date, s.start, s.end)
                 if not _owned_elsewhere(ctx, d, spans) and any(len(x) == 10 for x in d.dates)]
        dates += meeting_days.nearby(ctx, s.start, s.end, [(w.start, w.end) for w in words], dates)
        dates = [meeting_days.in_year(ctx, d, s.text) for d in dates]
        dates += _listed_after(ctx, i, words)
        off = meeting_days.cancelled(text, s.start, s.end, find_dates(text, ctx.date, s.start, s.end)) \
            if meeting_days.CANCELLED.search(s.text) else set()
        off_days = [x for d in find_dates(text, ctx.date, s.start, s.end) if (d.start, d.end) in off for x in d.dates] \
            if off else []
        bound: dict[int, list[DateMention]] = {}
        for d in dates:
            w = _nearest(ctx, words, d, sentence, s.text)
            if w is not None:
                bound.setdefault(w, []).append(d)
        for wi, w in enumerate(words):
            name = _series(ctx, w, sentence, last, home)
            if name and w.series != "vote":
                last = name
            called_off.update(f"{slug(name)}/{day}" for day in off_days if name)
            if wi not in bound or not name:
                continue
            for d in bound[wi]:
                days = [x for x in d.dates if len(x) == 10]
                if (d.start, d.end) in off:
                    continue
                if d.is_range and days:
                    _add(ctx, name, days[0], days[-1], w, d)
                else:
                    for day in days:
                        _add(ctx, name, day, meeting_days.long_end(ctx, w.start, w.end, day), w, d)
    if record:
        _record_meeting(ctx, *record)
    for key in called_off:
        ctx.meetings.pop(key, None)
    _ordinals_and_places(ctx)
    _agendas(ctx)


def _heading_series(ctx: Context, mentions: list[Mention]) -> str | None:
    """The series a document's heading names (`INTERMINISTERIËLE CONFERENTIE ... Werkgroep`)."""
    head = re.match(r"\s*(?:[^\n]+\n){0,3}?[^\n]*(?=\n\s*\n|\Z)", ctx.text)
    end = head.end() if head else 0
    name = None
    for m in mentions:
        if m.start < end and m.series != "vote":
            name = _series(ctx, m, squash(ctx.text[:end]), name, None) or name
    return name


def _owned_elsewhere(ctx: Context, d: DateMention, spans: list[tuple[int, int]]) -> bool:
    """`De Morgen van 6 december`, `vraag nr. 85 van 7 december`, `(ingezonden 3 december 2018)`: a date that
    dates a text, not a meeting."""
    before = ctx.text[max(0, d.start - 80):d.start]
    if DOC_DATE.search(before) or DATELINE_AFTER.match(ctx.text, d.end):
        return True  # `BRUSSEL 6/12 (Belga) =`: the dispatch's date
    m = re.search(r"(?P<w>[\w.-]+)\)?\s+(?:van|d\.d\.)\s+$", before)
    if not m:
        return False
    at = d.start - len(before) + m.start("w")
    if m.group("w") in ("plaats", "vindt", "loopt") or d.is_range:  # `vindt plaats van 17 tot 20 mei`, `van 10 tot en
        return False  # met 12 december`: a text is dated on one day
    if any(a <= at < b or a < at + len(m.group("w")) <= b for a, b in spans):
        return False
    # `de IMC Migratie en Integratie van 25 oktober`: the name a mention starts
    return not any(b <= at and NAME_TAIL.fullmatch(ctx.text[b:at + len(m.group("w"))]) for a, b in spans)


def _listed_after(ctx: Context, i: int, words: list[Mention]) -> list[DateMention]:
    """Dates on the lines after `... kwam samen, op:` or under a heading `Vergaderingen van de werkgroep`."""
    sentences = ctx.sentences
    s = sentences[i]
    plural_head = not re.search(r"[.?!]\s*$", s.text) and any(re.search(r"(?:en|EN)$", w.word) for w in words)
    if not (s.text.rstrip().endswith(":") or plural_head):
        return []
    out: list[DateMention] = []
    j = i + 1
    while j < len(sentences) and re.fullmatch(r"[^\w]*[\d/]+", sentences[j].text):
        out += find_dates(ctx.text, ctx.date, sentences[j].start, sentences[j].end)
        j += 1
    return out


def _nearest(ctx: Context, words: list[Mention], d: DateMention, sentence: str, raw: str) -> int | None:
    """The mention a date belongs to: the one it is joined to most directly, else the closest in reach."""
    best: tuple[float, int, int] | None = None  # (score, order, index)
    for i, w in enumerate(words):
        if w.end <= d.start:
            gap = ctx.text[w.end:d.start]
            listed = PLURAL_LIST.search(sentence) and (
                w.word.endswith("en") or re.search(r"\b\w+maal\b|:", sentence)) or raw.rstrip().endswith(":")
            if _other_event_between(ctx, w.end, d.start):
                continue
            if JOINED_AFTER.fullmatch(gap):
                score = 0
            elif len(gap) <= NEAR_AFTER or listed:
                score = len(gap) if not listed else 1 + len(gap) / 10_000  # a listed date: the nearest plural
            else:
                continue
            cand = (score, 0, i)
        elif w.start >= d.end:
            gap = ctx.text[d.end:w.start]
            if NOT_OF.search(gap):
                continue
            if JOINED_BEFORE.fullmatch(gap):
                score = 0
            elif len(gap) <= NEAR_BEFORE:  # `op 11 december en de stemming`: the date closes the phrase before
                score = len(gap) + (NEAR_AFTER if re.search(r"\ben\b|[,;]", gap) else 0)
            else:
                continue
            cand = (score, 1, i)
        else:
            continue
        if best is None or cand < best:
            best = cand
    return best[2] if best else None


def _other_event_between(ctx: Context, start: int, end: int) -> bool:
    """`het debat op 5 december heeft de minister op 7 december een brief gestuurd`: a date after another
    date that is not listed with it (`op 7 en 21 maart, op 2 mei en op 9 oktober`) dates something else."""
    between = [x for x in find_dates(ctx.text, ctx.date, start, end) if any(len(y) == 10 for y in x.dates)]
    return bool(between) and not LISTED_NEXT.fullmatch(ctx.text[between[-1].end:end])


def _add(ctx: Context, series: str, start: str, end: str | None, w: Mention, d: DateMention) -> None:
    key = f"{slug(series)}/{start}"
    m = ctx.meetings.get(key)
    if m is None:
        location = w.location
        if not location and (series.startswith(("stemming", "VN")) or series in {x.name for x in known.catalogue()}):
            stop = d.start if d.start > w.end else w.end + 60
            place = LOCATION.search(ctx.text, w.end, min(w.end + 60, stop))
            location = place.group("place") if place else None
        label = f"{series} {start}" + (f" tot {end}" if end else "")
        m = ctx.meetings[key] = Meeting(key=key, series=series, label=label, start=start, end=end, location=location)
    elif end and not m.end:
        m.end = end
        m.label = f"{series} {start} tot {end}"
    span = (min(w.start, d.start), max(w.end, d.end))
    if span not in m.spans:
        m.spans.append(span)


def _record_meeting(ctx: Context, series: str, date: str) -> None:
    """The sitting a record reports, dated where the record gives its date; `dit debat` refers to it."""
    first = next((d for d in find_dates(ctx.text, ctx.date, 0, min(len(ctx.text), 800)) if date in d.dates), None)
    if first is None or RECORD_DOC_DATE.search(ctx.text[max(0, first.start - 80):first.start]):
        return  # `Vastgesteld 2 april 2030`: the day the report was settled, not the day of the sitting (minutes:
        # `Datum: 20/07/2030` is the day of the meeting)
    _add(ctx, series, date, None, Mention(first.start, first.end, "", series), first)
    meeting = ctx.meetings[f"{slug(series)}/{date}"]
    for m in DEICTIC.finditer(ctx.text):
        meeting.spans.append((m.start(), m.end()))


def _ordinals_and_places(ctx: Context) -> None:
    by_series: dict[str, list[Meeting]] = {}
    for m in ctx.meetings.values():
        if m.start and len(m.start) == 10:
            by_series.setdefault(m.series, []).append(m)
    for series, ms in by_series.items():
        ms.sort(key=lambda m: m.start or "")
        if len(ms) > 1:
            for n, m in enumerate(ms, 1):
                m.ordinal = n
        if len(ms) > 1:
            _held_at(ctx, ms)


def _held_at(ctx: Context, ms: list[Meeting]) -> None:
    """`Alle vergaderingen vonden plaats bij de FOD ...` just after the meetings are listed: their place;
    `De eerste en de derde vergadering vonden plaats ...`: only theirs."""
    first = min(a for m in ms for a, _ in m.spans)
    held = HELD_AT.search(ctx.text, first, first + 800)
    if not held:
        return
    s = ctx.sentence_at(held.start())
    named = [ORDINALS[o] for o in re.findall(r"\b(" + "|".join(ORDINALS) + r")\b", s.text if s else "")]
    place = squash(held.group("place"))
    entry = gazetteer.lookup(place, ctx.jurisdiction)
    for m in ms:
        if not named or m.ordinal in named:
            m.location = m.location or (entry.name if entry else place)


def _agendas(ctx: Context) -> None:
    """`Voor 19 februari 2018` headings with numbered items: the agenda of the meeting of that date."""
    heads = list(AGENDA_HEAD.finditer(ctx.text))
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else min(len(ctx.text), h.end() + 1500)
        day = find_dates(h.group("date"))
        if not day:
            continue
        date = day[0].dates[0]
        target = next((m for m in ctx.meetings.values() if m.start == date), None)
        if target is None:
            same_day = [m for m in ctx.meetings.values() if m.start and m.start[5:] == date[5:]]
            if len(same_day) == 1:
                target = same_day[0]
                ctx.flags.append(Flag(
                    message=f"agenda heading dated {date} matches no meeting; the meetings listed are dated "
                            f"{target.start}: read as the agenda of {target.start}, year not corrected in the source",
                    evidence=ctx.evidence(h.start("date"), h.end("date"))))
        if target is None:
            continue
        for it in AGENDA_ITEM.finditer(ctx.text, h.end(), end):
            item = squash(it.group("item")).rstrip(";. ")
            if item and item not in target.agenda:
                target.agenda.append(item)
        target.spans.append((h.start("date"), h.end("date")))


def ordinal_of(word: str) -> int | None:
    return ORDINALS.get(word.lower())

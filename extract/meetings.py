"""Meetings: a meeting word (`Coormulti-vergadering`, `IMC`, `plenaire vergadering`, `debat`, `ontmoeting`)
bound to the dates that belong to it, with series, place and agenda.

A date belongs to a meeting word when it follows it closely (`vergadering van 12
september 2018`, `debat ..., dat plaatsvond op 20 februari`), precedes it closely
(`bespraken op 29 mei jl. tijdens de rondvraag`), or is listed after a plural meeting
word with `plaats`/`samen` (`Er vonden vier vergaderingen plaats, namelijk op ...`).
Ordinals follow date order within a series in one document.
"""

from __future__ import annotations

import re

from gcmkg.extract import gazetteer
from gcmkg.extract.context import Context, Meeting
from gcmkg.extract.dates import DateMention, find_dates
from gcmkg.extract.models import Flag
from gcmkg.extract.textutil import slug, squash

NEEDS = ("text", "date", "actors")
PRODUCES = ("meetings",)

MEETING_WORD = re.compile(
    r"(?P<w>(?<![\w])(?:[Cc]o[oö]r[Mm]ulti(?:-(?:vergadering(?:en)?))?|[Ii]ntergouvernementele [Cc]onferentie|"
    r"(?:VN-)?[Cc]onferentie|(?:de |het )?werkgroep van het IMC|voorbereidende werkgroep|IMC|"
    r"[Ii]nterministeri[eë]le [Cc]onferentie|plenaire vergadering|plenaire|[Mm]inisterraad|"
    r"(?:VN-)?top|stemming|debat|rondvraag|kennismakingsgesprek|ontmoeting|bijeenkomst|overleg|zitting|"
    r"vergadering(?:en)?|commissievergadering)(?![\w]))")
PLURAL_LIST = re.compile(r"\b(?:plaats|samen|gehouden|georganiseerd|vergaderd)\b")
LOCATION = re.compile(r"\b(?:in|te)\s+(?P<place>(?:New York|Marrakesh|Marrakech|Genève|Brussel|Den Haag|Wenen|Parijs|[A-Z][a-z]+))\b")
HELD_AT = re.compile(r"(?:hadden|vonden)\s+plaats\s+(?:bij|in|op)\s+(?:de |het )?(?P<place>[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)*)")
AGENDA_HEAD = re.compile(r"(?m)^[^\w\n]*Voor\s+(?P<date>\d{1,2}\s+[a-z]+\s+\d{4})\s*$")
AGENDA_ITEM = re.compile(r"(?m)^\s*\d+\)\s*(?P<item>.+?)(?=\n\s*\d+\)|\n[^\w\n]*Voor\s|\n\s*\n\s*[A-Z][^\n]*\n|\Z)", re.S)
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8,
            "negende": 9, "tiende": 10}
NEAR_AFTER, NEAR_BEFORE = 90, 40


def series_of(ctx: Context, word: str, sentence: str) -> str | None:
    w = word.lower()
    if "coormulti" in w or "coörmulti" in w:
        return "CoorMulti"
    if "werkgroep" in w:
        return "IMC werkgroep"
    if w == "imc" or "interministeri" in w:
        m = re.search(r"(?:IMC|Interministeri[eë]le Conferentie)(?:\s*\(IMC\))?\s+(?P<n>[A-Z][a-z]+(?: en [A-Z][a-z]+)?)",
                      ctx.text)
        return f"IMC {m.group('n')}" if m else "IMC"
    if "intergouvernementele" in w or ("conferentie" in w and re.search(r"Marrake[cs]h", sentence)):
        return "Intergouvernementele Conferentie Marrakesh"
    if "plenaire" in w:
        parl = _parliament(ctx, sentence)
        return f"plenaire vergadering {parl}" if parl else "plenaire vergadering"
    if w.endswith("top"):
        return "Algemene Vergadering VN" if "Algemene Vergadering" in sentence else "VN-top"
    if w == "stemming":
        place = LOCATION.search(sentence[sentence.find("stemming"):])
        return f"stemming VN {place.group('place')}" if place and ("VN" in sentence or "pact" in sentence) else "stemming"
    if w in ("rondvraag", "kennismakingsgesprek", "commissievergadering"):
        return "commissie"
    if w == "ontmoeting":
        return "bilateraal"
    if w == "ministerraad":
        return "ministerraad"
    if w in ("debat", "overleg", "zitting", "bijeenkomst"):
        return w
    return None  # `vergadering`: the series of the meeting word before it


def _parliament(ctx: Context, sentence: str) -> str | None:
    for hit in gazetteer.find(sentence, ctx.jurisdiction):
        if hit.entry.kind == "parliament":
            return hit.entry.name
    return None


def _owned_elsewhere(ctx: Context, d: DateMention) -> bool:
    """`De Morgen van 6 december`, `vraag nr. 85 van 7 december`: a date that dates a text, not a meeting."""
    before = ctx.text[max(0, d.start - 40):d.start]
    m = re.search(r"(?P<w>[\w.-]+)\s+(?:van|d\.d\.)\s+$", before)
    return bool(m and not MEETING_WORD.fullmatch(m.group("w")))


def extract(ctx: Context) -> None:
    text = ctx.text
    last_series: str | None = None
    sentences = ctx.sentences
    for i, s in enumerate(sentences):
        words = list(MEETING_WORD.finditer(text, s.start, s.end))
        if not words:
            continue
        dates = [d for d in find_dates(text, ctx.date, s.start, s.end)
                 if not _owned_elsewhere(ctx, d) and any(len(x) == 10 for x in d.dates)]
        # a list of dates on the lines after `... kwam samen, op:`
        j = i + 1
        while s.text.rstrip().endswith(":") and j < len(sentences) and re.fullmatch(r"[^\w]*[\d/]+", sentences[j].text):
            dates += find_dates(text, ctx.date, sentences[j].start, sentences[j].end)
            j += 1
        sentence = squash(s.text)
        bound: dict[int, list[DateMention]] = {}
        for d in dates:
            w = _nearest_word(words, d, sentence, s.text)
            if w is not None:
                bound.setdefault(w, []).append(d)
        for wi, w in enumerate(words):
            series = series_of(ctx, w.group("w"), sentence) or last_series
            if series:
                last_series = series
            if wi not in bound or not series:
                continue
            for d in bound[wi]:
                days = [x for x in d.dates if len(x) == 10]
                if d.is_range and days:
                    _add(ctx, series, days[0], days[-1], w, d, sentence)
                else:
                    for day in d.dates:
                        _add(ctx, series, day, None, w, d, sentence)
    _ordinals_and_places(ctx)
    _agendas(ctx)


def _nearest_word(words: list[re.Match[str]], d: DateMention, sentence: str, raw: str) -> int | None:
    before = [(d.start - w.end(), i) for i, w in enumerate(words) if w.end() <= d.start]
    after = [(w.start() - d.end, i) for i, w in enumerate(words) if w.start() >= d.end]
    if before:
        gap, i = min(before)
        w = words[i].group("w")
        listed = PLURAL_LIST.search(sentence) and (w.endswith("en") or re.search(r"\b\w+maal\b|:", sentence))
        if gap <= NEAR_AFTER or listed or raw.rstrip().endswith(":"):
            return i
    if after:
        gap, i = min(after)
        if gap <= NEAR_BEFORE:
            return i
    return None


def _add(ctx: Context, series: str, start: str, end: str | None, w: re.Match[str], d: DateMention, sentence: str) -> None:
    key = f"{slug(series)}/{start}"
    m = ctx.meetings.get(key)
    if m is None:
        place = LOCATION.search(ctx.text, w.end(), min(w.end() + 60, d.start if d.start > w.end() else w.end() + 60))
        location = place.group("place") if place and series.startswith(("Intergouvernementele", "stemming", "VN")) else None
        label = f"{series} {start}" + (f" tot {end}" if end else "")
        m = ctx.meetings[key] = Meeting(key=key, series=series, label=label, start=start, end=end, location=location)
    span = (min(w.start(), d.start), max(w.end(), d.end))
    if span not in m.spans:
        m.spans.append(span)


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
        held = HELD_AT.search(ctx.text)
        if held and len(ms) > 1:
            place = squash(held.group("place"))
            entry = gazetteer.lookup(place, ctx.jurisdiction)
            for m in ms:
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

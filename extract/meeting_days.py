"""The days a meeting mention gets from the document's own date: `wordt dinsdag gestemd`, `heeft vandaag ...
bijgewoond`, `3 oktober` without a year in a text dated later, `de tweedaagse conferentie`.

A bare weekday is read forward from the document's date in a sentence about what will happen and backward
in one about what happened; a sentence that says both (or neither) gives it no day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from gcmkg.extract.context import Context
from gcmkg.extract.dates import DateMention, find_dates, relative_dates, weekday_dates
from gcmkg.extract.models import Flag

NEAR_DAY = 25  # how far a weekday or `vandaag` may stand from the meeting word it dates
DAYS_LONG = re.compile(r"\b(?P<n>twee|drie|vier|vijf)daagse\b", re.IGNORECASE)
FUTURE = re.compile(r"\b(?:wordt|worden|zal|zullen|stemt|stemmen|volgt|opent|komende|volgende|komt|komen|vergadert|"
                    r"debatteert|bespreekt|beslist|buigt)\b")
# `vorige`, an auxiliary, or a verb of meeting and deciding in the simple past (`debatteerde`, `hield`, `keurde`)
PAST = re.compile(r"\b(?:werd|werden|was|waren|heeft|hebben|had|hadden|vorige|vergaderde|vergaderden|debatteerde|"
                  r"debatteerden|hield|hielden|kwam|kwamen|keurde|keurden|besliste|besloot|besloten|stemde|stemden|"
                  r"nam|namen|sprak|spraken|besprak|bespraken|boog|bogen|verwierp|verwierpen)\b")


def nearby(ctx: Context, start: int, end: int, words: list[tuple[int, int]], dates: list[DateMention]) -> list[DateMention]:
    """`Over de motie wordt dinsdag gestemd`: a bare weekday next to a meeting mention, read forward from the
    document's date in a sentence about what will happen, backward in one about what happened; `vandaag`,
    `gisteren`, `morgen` counted from the document's date."""
    sentence = ctx.text[start:end]
    forward = bool(FUTURE.search(sentence))
    found = relative_dates(ctx.text, ctx.date, start, end)
    if forward != bool(PAST.search(sentence)):
        found += weekday_dates(ctx.text, ctx.date, start, end, forward=forward)
    out = []
    for d in found:
        if any(x.start <= d.start < x.end for x in dates):
            continue
        if any(abs(d.start - b) < NEAR_DAY or abs(a - d.end) < NEAR_DAY for a, b in words):
            out.append(d)
    return out


def in_year(ctx: Context, d: DateMention, sentence: str) -> DateMention:
    """`3 oktober` without a year, in a text dated later: the year the document gives a meeting of that day
    (`kwam samen op 03/10/2030`); else, for what happened (`was ik aanwezig`), the year before the text's date."""
    if not d.yearless or not ctx.date:
        return d
    earlier = sorted({m.start[:4] for m in ctx.meetings.values() if m.start and m.start[4:] == d.dates[0][4:]})
    year = None
    if d.dates[0][:4] in earlier:
        return d
    if earlier:
        year = int(earlier[-1])
        if _year_named(ctx, d.dates[0][:4], max(0, d.start - 300), d.start):
            # `Vergaderkalender 2031` over `3 oktober`: the text names another year, a contradiction to report
            ctx.flags.append(Flag(message=f"the date {ctx.text[d.start:d.end]!r} has no year and is listed under "
                                          f"{d.dates[0][:4]}, but the document dates the meeting of that day in "
                                          f"{year}: read as {year}", evidence=ctx.evidence(d.start, d.end)))
    elif days_after(ctx.date, d.dates[0]) > 60 and PAST.search(sentence) and not FUTURE.search(sentence):
        year = int(d.dates[0][:4]) - 1  # an answer may be written weeks after its question's date, not months
    if year is None:
        return d
    return replace(d, dates=tuple(f"{year:04d}{x[4:]}" for x in d.dates))


def _year_named(ctx: Context, year: str, start: int, end: int) -> bool:
    """A year written on its own (`Vergaderkalender 2031`), not as part of a date, in text[start:end]."""
    dates = find_dates(ctx.text, None, start, end)
    return any(not any(x.start <= m.start() < x.end for x in dates)
               for m in re.compile(rf"(?<![\w/.-]){year}(?![\w/-])").finditer(ctx.text, start, end))


def days_after(ref: str, day: str) -> int:
    if len(ref) != 10 or len(day) != 10:
        return 0
    return (dt.date.fromisoformat(day) - dt.date.fromisoformat(ref)).days


def long_end(ctx: Context, start: int, end: int, day: str) -> str | None:
    """`De tweedaagse Intergouvernementele Conferentie opent maandag 10 december`: the last day."""
    m = DAYS_LONG.search(ctx.text, max(0, start - 30), end)
    if not m:
        return None
    n = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5}[m.group("n").lower()]
    return (dt.date.fromisoformat(day) + dt.timedelta(days=n - 1)).isoformat()


# a meeting that did not take place: `werd afgelast`, `is niet doorgegaan`, `werd uitgesteld`, `geannuleerd`
CANCELLED = re.compile(r"\b(?:afgelast|geannuleerd|geschrapt|afgeblazen|(?:werd|werden|wordt|is|zijn)\s+(?:\w+\s+){0,2}?uitgesteld|"
                       r"uitgesteld|verdaagd|niet\s+(?:door(?:gegaan|gaan)|plaats(?:gevonden|vinden))|"
                       r"(?:ging|gingen|gaat|gaan)\s+(?:\w+\s+){0,3}?niet\s+door|(?:vond|vonden)\s+(?:\w+\s+){0,3}?niet\s+plaats)\b",
                       re.IGNORECASE)
# `werd niet afgelast`, `Indien de vergadering wordt afgelast`: it did take place, or may
NOT_CANCELLED = re.compile(r"\b(?:niet|nooit|geen)\s+(?:\w+\s+)?$|^\s*(?:[Ii]ndien|[Aa]ls|[Mm]ocht|[Zz]ou|[Ww]anneer)\b")
NEW_DAY = re.compile(r"\b(?:tot|naar|op)\s+(?:\w+\s+)?$")


def cancelled(text: str, start: int, end: int, dates: list[DateMention]) -> set[tuple[int, int]]:
    """The spans of the dates in text[start:end] whose meeting did not take place: those before a cancellation
    cue, or after it but not as the new day (`uitgesteld tot 28 februari`)."""
    if text[start:end].rstrip().endswith("?"):
        return set()
    cue = CANCELLED.search(text, start, end)
    if cue is None or NOT_CANCELLED.search(text[start:cue.start()]):
        return set()
    before = sorted((d.start, d.end) for d in dates if d.start < cue.start())
    # the date nearest before the cue, with those listed just before it (`van 24 januari en 7 februari`)
    chain = before[-1:]
    for d in reversed(before[:-1]):
        if not LISTED.fullmatch(text, d[1], chain[0][0]):
            break
        chain.insert(0, d)
    after = [(d.start, d.end) for d in dates if d.start >= cue.end() and not NEW_DAY.search(text, cue.end(), d.start)]
    return set(chain or after[:1])


LISTED = re.compile(r"\s*(?:,|en|of)\s*(?:(?:op|van|die van)\s+)?")

"""Dutch dates in running text: `3 maart 2022`, `3 mrt. 2022`, `03/03/2022`, `03-03-2022`, `7 en 21 maart 2030`,
`29 mei jl.`, and (on request) a bare weekday, `wordt dinsdag gestemd`, or a day named from the document's own
date, `heeft vandaag ... bijgewoond`.

Every mention keeps its offsets. A date without a year takes the year of the
document's own date (the one it was written on), moved back a year when that
would put a `jl.` (last) date after the document. Month-only dates are kept as
`yyyy-mm`. Impossible dates (`31 februari 2018`) are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
_WEEKDAY = r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?"
# a year may carry a glued footnote digit (`20183` = 2018 + note 3)
_YEAR = r"(?P<year>(?:19|20)\d\d)(?:\d(?!\d))?"
_DAYS = r"(?P<days>\d{1,2}(?:\s*(?:,|en|tot en met|tot|-|–|t/m)\s*\d{1,2})*)"
_RANGE = re.compile(r"tot|-|–|t/m")

# `3 dec. 2018`: the short month names of tables and news
_MONTH_ANY = (r"(?P<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
              r"(?:jan|febr|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)(?:\.|\b))")

TEXT_DATE = re.compile(
    rf"\b{_WEEKDAY}{_DAYS}\s+{_MONTH_ANY}(?:\s+{_YEAR}|(?P<jl>\s+(?:jl\.?|jongstleden|ll\.|laatstleden))|\b)",
    re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>(?:19|20)\d\d))?\b(?!/)"
                          r"|\b(?P<d2>\d{1,2})(?P<sep>[.-])(?P<m2>\d{1,2})(?P=sep)(?P<y2>(?:19|20)\d\d)\b(?![.-]\d)")
_DIGIT = re.compile(r"\d")
WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6}
BARE_WEEKDAY = re.compile(r"\b(?P<wd>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b(?!\s*\d)",
                          re.IGNORECASE)
WEEKDAY_PAIR = re.compile(r"\s+(?:en|tot|tot en met|t/m)\s+|\s*[-–]\s*")
# `de 5e jl.`, `de 12de dezer`: a day of the month of the document's date, or of the month before when that day
# is still to come
ORDINAL_DAY = re.compile(r"\b[Dd]e\s+(?P<d>\d{1,2})(?:e|ste|de)\s+(?P<w>jl\.?|jongstleden|ll\.|laatstleden|dezer)(?!\w)")
MONTH_YEAR = re.compile(rf"\b(?:(?:begin|eind|medio|half)\s+)?{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    dates: tuple[str, ...]  # ISO yyyy-mm-dd (or yyyy-mm)
    is_range: bool = False  # `10 en 11 december` of one event, `10 tot 12 mei`
    yearless: bool = False  # `3 oktober`, `10/12`: the year was filled in from the document's date


def iso(year: int, month: int, day: int | None) -> str | None:
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_for(month: int, day: int, ref: str | None, last: bool) -> int | None:
    if not ref:
        return None
    ry, rm, rd = int(ref[:4]), int(ref[5:7]), int(ref[8:10]) if len(ref) >= 10 else 28
    if last and (month, day) > (rm, rd):
        return ry - 1
    return ry


def find_dates(text: str, ref: str | None = None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """All date mentions in text[start:end]; `ref` (ISO) fills in missing years."""
    end = len(text) if end is None else end
    if not _DIGIT.search(text, start, end):  # every date pattern holds a digit (day or year): none, no date
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in TEXT_DATE.finditer(text, start, end):
        month = MONTHS[m.group("month").lower().rstrip(".")]
        days = [int(d) for d in re.findall(r"\d{1,2}", m.group("days"))]
        year = int(m.group("year")) if m.group("year") else _year_for(month, days[-1], ref, bool(m.group("jl")))
        if year is None:
            continue
        dates = tuple(d for d in (iso(year, month, day) for day in days) if d)
        taken.append((m.start(), m.end()))
        if not dates:
            continue  # `31 februari 2018` is not a date
        sep = m.group("days")
        is_range = bool(_RANGE.search(sep)) or (len(days) == 2 and days[1] == days[0] + 1)
        if _RANGE.search(sep) and len(days) == 2:
            dates = (dates[0], dates[-1])
        found.append(DateMention(m.start(), m.end(), dates, is_range, yearless=not m.group("year")))
    for m in NUMERIC_DATE.finditer(text, start, end):
        day, month = int(m.group("d") or m.group("d2")), int(m.group("m") or m.group("m2"))
        if not 1 <= month <= 12:
            continue
        y = m.group("y") or m.group("y2")
        year = int(y) if y else _year_for(month, day, ref, False)
        if year is None:
            continue
        d = iso(year, month, day)
        if d:
            found.append(DateMention(m.start(), m.end(), (d,), yearless=not y))
            taken.append((m.start(), m.end()))
    if ref and len(ref) == 10:
        for m in ORDINAL_DAY.finditer(text, start, end):
            d = _ordinal_day(int(m.group("d")), ref)
            if d:
                found.append(DateMention(m.start(), m.end(), (d,), yearless=True))
                taken.append((m.start(), m.end()))
    for m in MONTH_YEAR.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in taken):
            continue
        d = iso(int(m.group("year")), MONTHS[m.group("month").lower()], None)
        if d:
            found.append(DateMention(m.start(), m.end(), (d,)))
    found.sort(key=lambda x: x.start)
    return found


def _ordinal_day(day: int, ref: str) -> str | None:
    """`de 5e jl.` in a text of `ref`: the 5th of ref's month, or of the month before when ref is earlier."""
    y, m, today = int(ref[:4]), int(ref[5:7]), int(ref[8:10])
    if day > today:
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return iso(y, m, day)


def weekday_dates(text: str, ref: str | None, start: int = 0, end: int | None = None,
                  forward: bool = True) -> list[DateMention]:
    """`wordt dinsdag gestemd`: a weekday without a day is the next such day after the document's date
    (`forward`), or the last one before it; without a document date it is no date."""
    if not ref or len(ref) != 10:
        return []
    day = dt.date.fromisoformat(ref)
    out = []
    for m in BARE_WEEKDAY.finditer(text, start, len(text) if end is None else end):
        delta = (WEEKDAYS[m.group("wd").lower()] - day.weekday()) % 7
        if forward:
            delta = delta or 7
        else:  # `heeft maandag ... aangenomen` in a report of that Monday: the day itself
            delta = -((7 - delta) % 7)
        out.append(DateMention(m.start(), m.end(), ((day + dt.timedelta(days=delta)).isoformat(),)))
    return _weekday_ranges(text, out)


def _weekday_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """`maandag en dinsdag`, `woensdag tot en met vrijdag`: one event over days that follow the first."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if prev and not prev.is_range and WEEKDAY_PAIR.fullmatch(text[prev.end:d.start]):
            first = dt.date.fromisoformat(prev.dates[0])
            gap = (WEEKDAYS[text[d.start:d.end].lower()] - first.weekday()) % 7
            out[-1] = DateMention(prev.start, d.end, (prev.dates[0], (first + dt.timedelta(days=gap)).isoformat()), True)
        else:
            out.append(d)
    return out


RELATIVE_DAY = re.compile(r"\b(?P<w>eergisteren|gisteren|vandaag|morgen|overmorgen)\b", re.IGNORECASE)
_OFFSETS = {"eergisteren": -2, "gisteren": -1, "vandaag": 0, "morgen": 1, "overmorgen": 2}


def relative_dates(text: str, ref: str | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """`heeft vandaag ... bijgewoond`, `morgen stemt de Kamer`: a day counted from the document's own date;
    without a document date it is no date."""
    if not ref or len(ref) != 10:
        return []
    day = dt.date.fromisoformat(ref)
    return [DateMention(m.start(), m.end(), ((day + dt.timedelta(days=_OFFSETS[m.group("w").lower()])).isoformat(),))
            for m in RELATIVE_DAY.finditer(text, start, len(text) if end is None else end)]


def first_date(text: str, ref: str | None = None) -> str | None:
    """The first full date (yyyy-mm-dd) in text."""
    for m in find_dates(text, ref):
        for d in m.dates:
            if len(d) == 10:
                return d
    return None

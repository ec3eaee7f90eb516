"""Which dated meeting a clause speaks of.

In order: a meeting the meetings extractor bound in the clause (`de vergadering van
12 april 2022`); a date in the clause that is a meeting's day (`Op die van 23 maart`);
an ordinal of a series (`de vierde vergadering`, `het eerste`, `de tweede en de derde
vergadering van de werkgroep`, `de twee volgende`); the series as a whole (`op alle drie
de vergaderingen`, `beide bijeenkomsten`, `de vergaderingen`) or what follows
(`de volgende vergaderingen`); anaphora (`die vergadering`, `op die`, `er`, `daaraan`)
for the meeting referred to last; a series or venue named without a date (`op het Forum`,
`naar Marrakesh`, `bij de stemming`) for the one meeting the document dates under that
word. A series word names the series that shares a word with it: `werkgroep` is
`IMC werkgroep`, `Coormulti-vergaderingen` is `CoorMulti`; a word without one
(`vergadering`, `bijeenkomst`) takes the series in focus.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from gcmkg.extract import series as known
from gcmkg.extract.context import Context, Meeting
from gcmkg.extract.dates import find_dates
from gcmkg.extract.meetings import MEETING_WORD, ORDINALS
from gcmkg.extract.prefilter import Prefilter

# an ordinal that counts meetings, not `derde landen`, `de eerste keer`, `het tweede kwartaal`, `een eerste lezing`
ORDINAL = re.compile(r"(?<!\been )(?<!\bten )\b(?P<o>eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|laatste)\b"
                     r"(?!\s+(?:minister|land|landen|lidsta\w*|partij\w*|pijler|lezing|kwarta\w*|week|dag|maand|jaar|keer|"
                     r"plaats|persoon|personen|generatie|fase|lid|alinea|zin|helft|kamer|Kamer|ronde|versie|ontwerp))"
                     r"|\b(?P<n>twee|drie) volgende\b", re.IGNORECASE)
ALL_OF = re.compile(r"\b(?:alle\s+(?:(?:twee|drie|vier|vijf|zes)\s+)?(?:de\s+)?|beide\s+|elk\s+van\s+(?:de|die|deze)\s+|"
                    r"(?:de|die|deze)\s+)(?:[\w-]+-)?(?:vergaderingen|bijeenkomsten|zittingen)\b", re.IGNORECASE)
NEXT_ONES = re.compile(r"\b(?:de|alle)\s+volgende\s+(?:vergaderingen|bijeenkomsten)\b", re.IGNORECASE)
ANAPHOR = re.compile(r"\b(?:die|deze|dat|dit|diezelfde|dezelfde)\s+(?:[\w-]+\s+)?(?:vergadering|bijeenkomst|overleg|zitting|"
                     r"conferentie|top|raad|debat|hoorzitting|agendapunt|gelegenheid)\b|\bop\s+die\b(?!\s+\w+en\b)|"
                     r"\b(?:daaraan|daarbij|daarop|daar)\b|\b(?:was|waren|is|zijn|werd|werden)\s+(?:[\w-]+\s+)?er\b",
                     re.IGNORECASE)
DIGIT = re.compile(r"\d")
PLACE = re.compile(r"\bnaar\s+(?P<p>[A-ZÀ-Ý][\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)?)")
HEADING_DATE = re.compile(r"(?m)^[ \t]*(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?\d{1,2}[\s/]",
                          re.IGNORECASE)
# most clauses hold no ordinal, meeting word or place: these are searched only in those that hold their literals
SCANNED = (ORDINAL, ALL_OF, NEXT_ONES, MEETING_WORD, PLACE)
_SCANNED = Prefilter(SCANNED)
_GENERIC = {"vergadering", "vergaderingen", "bijeenkomst", "bijeenkomsten", "zitting", "overleg", "de", "het", "van", "en"}
_KINDS = {"werkgroep", "raadswerkgroep", "commissie", "forum", "stemming", "debat", "plenaire", "ministerraad"}


def _tokens(text: str) -> set[str]:
    return {t for t in re.split(r"[\W_]+", text.lower()) if len(t) > 2}


class MeetingRefs:
    """Resolves meeting references clause by clause, keeping the meetings in focus."""

    def __init__(self, ctx: Context, record: Meeting | None = None) -> None:
        self.ctx = ctx
        self.dated = sorted((m for m in ctx.meetings.values() if m.start and len(m.start) == 10 and m.spans),
                            key=lambda m: (m.start or "", m.key))
        self.by_series: dict[str, list[Meeting]] = {}
        for m in self.dated:
            self.by_series.setdefault(m.series, []).append(m)
        many = [s for s, ms in self.by_series.items() if len(ms) > 1]
        self.default_series = max(many, key=lambda s: len(self.by_series[s])) if many else None
        self.context = {m.key: self._context(m) for m in self.dated}
        self.spans = sorted(((a, b, m) for m in self.dated for a, b in m.spans), key=lambda x: (x[0], x[1], x[2].key))
        self.span_starts = [a for a, _, _ in self.spans]
        self.longest_span = max((b - a for a, b, _ in self.spans), default=0)
        # `de Raad` needs the `JBZ-Raad` named before it
        self.series_mentions = known.find(ctx.text) if self.dated else []
        self.series_starts = [m.start for m in self.series_mentions]
        self.by_word: dict[str, list[Meeting]] = {}
        self.record = record
        self.focus: list[Meeting] = []
        self.focus_at = -1
        self.sentence = (-1, -1)  # the sentence being read, and the one that set the focus
        self.focus_sentence = -2
        self.last_ordinal = 0
        self.turn_starts: list[int] = []  # where speakers' turns open, in a record
        self.may: int | None = None  # which patterns of _SCANNED the clause being resolved may hold

    def _break(self, a: int, b: int) -> bool:
        """A new paragraph between a and b; in a record, only a new speaker's turn breaks the thread."""
        if self.turn_starts:
            return any(a < t <= b for t in self.turn_starts)
        return bool(re.search(r"\n[ \t]*\n", self.ctx.text[a:b]))

    def _context(self, m: Meeting) -> str:
        out = []
        for a, _ in m.spans:
            s = self.ctx.sentence_at(a)
            out.append(s.text if s else self.ctx.text[a:a + 200])
        return " ".join(out).lower() + " " + m.series.lower() + " " + (m.location or "").lower()

    def resolve(self, cs: int, ce: int, may: int | None = None) -> list[Meeting]:
        """The meetings clause text[cs:ce] speaks of; remembers them as the focus. `may`: the mask
        `Prefilter(SCANNED)` gives for the clause, when the caller has it."""
        if not self.dated:  # nothing to refer to (and so nothing in focus either)
            return []
        self.may = may  # else found when first asked
        refs = self._explicit(cs, ce) or self._counted(cs, ce) or self._named(cs, ce) or self._anaphor(cs, ce)
        if refs:
            self.focus, self.focus_at, self.focus_sentence = refs, ce, self.sentence[0]
        return refs

    def at_sentence(self, index: int) -> None:
        self.sentence = (index, self.focus_sentence)

    def previous(self, pos: int) -> list[Meeting]:
        """The meetings the sentence before named, when it stands in the same paragraph."""
        if self.focus and self.sentence[1] == self.sentence[0] - 1 and not self._break(self.focus_at, pos):
            return self.focus
        return []

    def fallback(self, pos: int) -> list[Meeting]:
        """No reference in the clause: the meeting of the sentences just before (same paragraph)."""
        if self.focus and self.focus_sentence >= self.sentence[0] - 1 and not self._break(self.focus_at, pos):
            self.focus_sentence, self.focus_at = self.sentence[0], pos  # a chain of sentences about one meeting
            return self.focus
        return []

    def sitting(self, pos: int) -> list[Meeting]:
        """In a record, the sitting the section at pos reports."""
        return [self.section(pos)] if self.record is not None else []

    def section(self, pos: int) -> Meeting:
        """The sitting a record reports at pos: its own, or the one a dated heading line above pos opens."""
        best: tuple[int, Meeting] | None = None
        for m in self.dated:
            for a, _ in m.spans:
                line = self.ctx.text.rfind("\n", 0, a) + 1
                if a < pos and HEADING_DATE.match(self.ctx.text, line) and (best is None or a > best[0]):
                    if self.ctx.text[line:a].strip() == "" or re.fullmatch(r"\s*\w+dag\s*", self.ctx.text[line:a]):
                        best = (a, m)
        return best[1] if best and self.record and best[0] > min(a for a, _ in self.record.spans) else self.record

    def _explicit(self, cs: int, ce: int) -> list[Meeting]:
        lo = bisect_left(self.span_starts, cs - self.longest_span)
        refs = [m for a, b, m in self.spans[lo:bisect_left(self.span_starts, ce)] if cs <= a < ce or cs < b <= ce]
        for d in find_dates(self.ctx.text, self.ctx.date, cs, ce) if DIGIT.search(self.ctx.text, cs, ce) else ():
            for day in (x for x in d.dates if len(x) == 10):
                # the meeting of that day, else the one that day falls in (`Migratiedeel (12 oktober)` of 11-12 Oct.)
                refs += [m for m in self.dated if m.start == day] or [
                    m for m in self.dated if m.end and (m.start or "") <= day <= m.end]
        days = {m.start for m in refs}
        refs = [m for m in refs if not (m.end and any(m.start < d <= m.end for d in days if d))]
        return sorted({m.key: m for m in refs}.values(), key=lambda m: (m.start or "", m.key))

    def _series_named(self, clause: str) -> str | None:
        """The series a meeting word in the clause names, by a word they share; None for `vergadering`."""
        best: tuple[int, str] | None = None
        for w in MEETING_WORD.finditer(clause):
            words = _tokens(w.group("w")) - _GENERIC
            for name in self.by_series:
                tokens = _tokens(name)
                if not words or (tokens & _KINDS) - words:
                    continue
                shared = len(words & tokens)
                if shared and (best is None or shared > best[0]):
                    best = (shared, name)
        return best[1] if best else None

    def _series_in_focus(self, clause: str) -> str | None:
        named = self._series_named(clause)
        if named:
            return named
        series = {m.series for m in self.focus if len(self.by_series.get(m.series, [])) > 1}
        return series.pop() if len(series) == 1 else self.default_series

    def _counted(self, cs: int, ce: int) -> list[Meeting]:
        clause = self.ctx.text[cs:ce]
        if not any(self._may(rx, clause) and rx.search(clause) for rx in (ORDINAL, ALL_OF, NEXT_ONES)):
            return []
        series = self._series_in_focus(clause)
        ms = self.by_series.get(series or "", [])
        if len(ms) < 2:
            return []
        if NEXT_ONES.search(clause) and self.focus:
            last = max(m.start or "" for m in self.focus)
            return [m for m in ms if (m.start or "") > last]
        wanted: list[int] = []
        for o in ORDINAL.finditer(clause):
            if o.group("n"):
                count = 2 if o.group("n").lower() == "twee" else 3
                wanted += list(range(self.last_ordinal + 1, self.last_ordinal + 1 + count))
            elif o.group("o").lower() == "laatste":
                wanted.append(len(ms))
            else:
                wanted.append(ORDINALS[o.group("o").lower()])
        if wanted:
            self.last_ordinal = max(wanted)
            return [m for m in ms if m.ordinal in wanted]
        if ALL_OF.search(clause):
            return list(ms)
        return []

    def _named(self, cs: int, ce: int) -> list[Meeting]:
        """A series or venue named without a date: the one meeting of the document it can be. Of several such
        words the last decides; a series with several meetings and none in focus leaves the reference open
        (`bepaald in het overleg CoorMulti. De Vlaamse Regering neemt daaraan deel`: no one meeting)."""
        clause = self.ctx.text[cs:ce]
        first = bisect_left(self.series_starts, cs)
        words = [(m.start - cs, m.series.name) for m in self.series_mentions[first:bisect_left(self.series_starts, ce)]]
        if self._may(MEETING_WORD, clause):
            words += [(w.start(), w.group("w")) for w in MEETING_WORD.finditer(clause)]
        if self._may(PLACE, clause):
            words += [(p.start(), p.group("p")) for p in PLACE.finditer(clause)]
        result: list[Meeting] = []
        for _, word in sorted(words):
            low = re.sub(r"\s+", " ", word).lower()
            if low in _GENERIC or len(low) < 4:
                continue
            cands = self._named_as(low)
            if len(cands) > 1:
                cands = [m for m in cands if m in self.focus] or cands
            if len(cands) > 1:
                series = self._series_named(word)
                if series and len(self.by_series.get(series, [])) > 1:
                    result, self.focus = [], []  # the series as such, not one of its meetings
                    continue
                earlier = sorted((max(a for a, _ in m.spans if a < cs), m.key, m) for m in cands
                                 if any(a < cs for a, _ in m.spans))
                cands = [earlier[-1][2]] if earlier else []
            if len(cands) == 1:
                result = cands
        return result

    def _named_as(self, low: str) -> list[Meeting]:
        """The meetings of the series so named, else those whose sentences use the word (cached per word)."""
        if low not in self.by_word:
            self.by_word[low] = [m for m in self.dated if m.series.lower() == low] or [
                m for m in self.dated if re.search(rf"(?<!\w){re.escape(low)}(?!\w)", self.context[m.key])]
        return self.by_word[low]

    def _may(self, rx: re.Pattern[str], clause: str) -> bool:
        """Whether rx may match in the clause being resolved (it holds one of the literals all matches hold)."""
        if self.may is None:
            self.may = _SCANNED.mask(clause)
        return bool(self.may & _SCANNED.bit[id(rx)])

    def _anaphor(self, cs: int, ce: int) -> list[Meeting]:
        if self.focus and 0 <= cs - self.focus_at < 800 and ANAPHOR.search(self.ctx.text, cs, ce):
            return self.focus
        return []

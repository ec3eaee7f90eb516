"""Whole-text regex scans that try a pattern only where a match can start, with exactly the matches of
`pattern.finditer`.

Python's regex engine jumps ahead quickly only for a pattern that starts with a literal
or a character set; a pattern that starts with `\\b`, a look-behind or a case-insensitive
alternation is tried at every character (2 to 10 MB/s, and most extractors run several
over every document). Most of those patterns can only start at a known word (`de`,
`Ministerie`) or a few characters before a fixed piece of text (`Ministerie van `). So
the candidate places are found first, with one look-up in a per-text index of words or
one `str.find` loop, and the pattern is matched there.

`finditer_at` is exact when the candidates include every place where the pattern can
match: the matches are those of `pattern.finditer(text, pos, endpos)`, in the same order.
Each caller says in a comment why its candidates include every start.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain

_RUN = re.compile(r"\w+")
INDEXED = 2000  # texts at least this long get a word index; shorter ones (sentences) are scanned directly


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int], pos: int = 0,
                endpos: int | None = None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos, endpos)`, given ascending `starts` that include every position where
    `pattern` can match. `finditer` resumes after each match and takes the leftmost next one; trying the
    candidates in order and skipping those inside the last match does the same."""
    end = len(text) if endpos is None else min(endpos, len(text))
    resume = pos
    for p in starts:
        if p < resume:
            continue
        if p > end:
            break
        m = pattern.match(text, p, end)
        if m is None:
            continue
        if m.end() == p:  # an empty match: finditer's rules for what may follow it are its own
            yield from pattern.finditer(text, p, end)
            return
        yield m
        resume = m.end()


def literal_starts(text: str, literals: Iterable[str], back: Iterable[int] = (0,), pos: int = 0,
                   endpos: int | None = None) -> list[int]:
    """Every place `b` characters before an occurrence of one of `literals` (all occurrences, overlapping
    ones too), for each `b` in `back`; ascending, without duplicates, within [pos, endpos]."""
    end = len(text) if endpos is None else endpos
    found: set[int] = set()
    backs = tuple(back)
    for lit in literals:
        i = text.find(lit, pos)
        while i != -1 and i <= end:
            for b in backs:
                if i - b >= pos:
                    found.add(i - b)
            i = text.find(lit, i + 1)
    return sorted(found)


_IS_WORD = re.compile(r"\w")
_IS_SPACE = re.compile(r"\s")


def run_start(text: str, i: int) -> int:
    """Where the `\\w` run that ends just before `i` starts (`i` itself when no word character precedes it)."""
    while i > 0 and _IS_WORD.match(text, i - 1):
        i -= 1
    return i


def space_start(text: str, i: int) -> int:
    """Where the `\\s` run that ends just before `i` starts (`i` itself when no whitespace precedes it)."""
    while i > 0 and _IS_SPACE.match(text, i - 1):
        i -= 1
    return i


def run_starts(text: str, prefixes: Iterable[str] = (), pieces: Iterable[str] = ()) -> list[int]:
    """Starts of the `\\w` runs of text that begin with one of `prefixes`, and of the runs that hold one of
    `pieces` or end just before one (`-arrest`); ascending, without duplicates. A few `str.find` loops:
    cheaper than a word index for a handful of literals."""
    found: set[int] = set()
    for lit in prefixes:
        i = text.find(lit)
        while i != -1:
            if i == 0 or not _IS_WORD.match(text, i - 1):
                found.add(i)
            i = text.find(lit, i + 1)
    for lit in pieces:
        i = text.find(lit)
        while i != -1:
            found.add(run_start(text, i))
            i = text.find(lit, i + 1)
    return sorted(found)


_NOT_AFTER_WORD = re.compile(r"(?<![\w-])")


def stretch_starts(text: str, ends: Iterable[int], stretch: re.Pattern[str]) -> list[int]:
    """The places after no word character or hyphen in the run of `stretch` characters (`[\\w\\s.-]*`) that
    ends at each of `ends`, ascending: where a pattern made of those characters and then a literal found at
    an end (`Jansen (D66)`, `N-VA-fractie`) can start, when it starts after no word character or hyphen."""
    rev, n, out = text[::-1], len(text), set()
    for j in ends:
        k = j - (stretch.match(rev, n - j).end() - (n - j))  # the stretch, read backwards from j
        out.update(m.start() for m in _NOT_AFTER_WORD.finditer(text, k, j))
    return sorted(out)


@lru_cache(maxsize=4)
def _vocabulary(text: str) -> frozenset[str]:
    """The distinct `\\w+` runs of text."""
    return frozenset(_RUN.findall(text))


def _finds(haystack: str, needle: str) -> list[int]:
    out = []
    i = haystack.find(needle)
    while i != -1:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def _is_run_at(text: str, i: int, n: int) -> bool:
    """Whether text[i:i + n] is a whole `\\w+` run: no word character just before or after it."""
    return (i == 0 or not _IS_WORD.match(text, i - 1)) and not _IS_WORD.match(text, i + n)


_SHORT = 5  # runs this short are found by a compiled pattern: as substrings they are too common (`de` in `onderdeel`)


@lru_cache(maxsize=1024)
def _whole_run(run: str) -> re.Pattern[str]:
    """`run` as a whole `\\w+` run. It starts with the literal, so the engine jumps from one occurrence to the
    next; the look-behind then checks that no word character comes before it."""
    return re.compile(f"{re.escape(run)}(?<!\\w{re.escape(run)})(?!\\w)")


def _whole_runs(text: str, run: str) -> list[int]:
    """Starts of `run` in text as a whole `\\w+` run."""
    if len(run) <= _SHORT:
        return [m.start() for m in _whole_run(run).finditer(text)]
    return [i for i in _finds(text, run) if _is_run_at(text, i, len(run))]


@lru_cache(maxsize=2048)
def _occurrences(text: str, run: str) -> tuple[int, ...]:
    """Starts of `run` in text as a whole `\\w+` run."""
    return tuple(_whole_runs(text, run))


def all_word_starts(text: str, keep: Callable[[str], bool]) -> list[int]:
    """Starts of the `\\w+` runs of text for which `keep(run)` holds, ascending."""
    # distinct runs never start at one place: sorting the joined lists (timsort merges the sorted runs) is a merge
    return sorted(chain.from_iterable(_occurrences(text, w) for w in _vocabulary(text) if keep(w)))


_FEW = 64  # up to this many words are looked up directly, without the text's word index (which costs a pass)


def word_starts(text: str, words: Iterable[str]) -> list[int]:
    """Starts of the `\\w+` runs of text that are exactly one of `words`, ascending."""
    wanted = {w for w in words if _RUN.fullmatch(w)}
    if len(wanted) > _FEW:
        runs = _vocabulary(text)
        wanted = {w for w in wanted if w in runs}
    return sorted(chain.from_iterable(_occurrences(text, w) for w in wanted))


def run_ends(text: str, suffixes: Iterable[str]) -> list[int]:
    """Starts of the `\\w+` runs of text that end with one of `suffixes` (each of word characters), ascending."""
    found = {run_start(text, i) for lit in suffixes for i in _finds(text, lit) if not _IS_WORD.match(text, i + len(lit))}
    return sorted(found)


def word_starts_lower(text: str, words: Iterable[str]) -> list[int] | None:
    """Starts of the `\\w+` runs `r` of text with `r.lower()` one of the lower-case `words`, ascending; None when
    lower-casing changes the text's length (`İ`). `lower()` maps each other character on its own (a final `Σ`
    excepted, which no Latin word holds) and keeps word characters word characters (tests/test_scan_extract.py),
    so the runs of the lower-cased copy are those of text, lower-cased."""
    low = _lowered(text)
    if low is None:
        return None
    return sorted(chain.from_iterable(_whole_runs(low, w) for w in set(words) if w == w.lower() and _RUN.fullmatch(w)))


def word_spans(text: str, vocabulary: set[str] | dict[str, object]) -> list[tuple[int, int]]:
    """(start, end) of the `\\w+` runs of text that are in `vocabulary`, by start."""
    return sorted(chain.from_iterable([(p, p + len(w)) for p in _occurrences(text, w)] for w in _vocabulary(text) if w in vocabulary))


try:
    from re._casefix import _EXTRA_CASES  # what re.IGNORECASE matches beyond lower-case equality (`s` and `ſ`)
except ImportError:  # pragma: no cover - a Python without it: no look-ups, every place is tried
    _EXTRA_CASES = None


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """text.lower() when it keeps every character in place (`İ` becomes two); else None."""
    low = text.lower()
    return low if len(low) == len(text) else None


def word_starts_ignorecase(text: str, words: Iterable[str]) -> list[int] | None:
    """Starts of the `\\w+` runs of text that equal one of `words` under re.IGNORECASE, ascending; None when
    that cannot be told from lower-casing, and every place must be tried.

    re.IGNORECASE compares simple lower-case forms, plus a few pairs it treats as the same letter
    (`s` and `ſ`, `i` and `ı`, re._casefix); `str.lower()` gives those simple forms wherever it keeps the
    length (only `İ` changes it; a final `Σ` becomes `ς`, which no Latin letter equals). So in a text whose
    lower-cased copy holds none of the extra letters of the words, a run equals a word under IGNORECASE
    exactly when the lower-cased copy holds the lower-cased word there."""
    low = _lowered(text)
    if low is None or _EXTRA_CASES is None:
        return None
    lowered = {w.lower() for w in words}
    extras = {chr(e) for w in lowered for ch in w for e in _EXTRA_CASES.get(ord(ch), ())}
    if any(e in low for e in extras):
        return None
    # lower() keeps whether a character is a word character (tests/test_scan.py), so the runs of `low` are those of text
    return sorted(i for w in lowered for i in _whole_runs(low, w))


# A cue filter derived from the patterns themselves: the literal text every match must contain.

try:  # the parser of Python's own regex engine (private, so anything unexpected turns the filter off)
    from re import _constants as _C, _parser as _P
except ImportError:  # pragma: no cover - a Python without it: no filter, same results
    _P = None

_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")  # non-ASCII characters IGNORECASE matches to ASCII letters


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """Of several sets that each must hold, the one with the longest shortest member (the most selective)."""
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _required(items, ignorecase: bool) -> frozenset[str] | None:
    """Literals of which every match of the parsed sequence holds at least one; None if there are none."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is _C.LITERAL and not (ignorecase and not chr(av).isascii()):
            run.append(chr(av))
            continue
        close()
        if op is _C.SUBPATTERN:
            _, add, _, sub = av
            if add & _C.SRE_FLAG_IGNORECASE and not ignorecase:
                continue  # a case-insensitive part of a case-sensitive pattern: not used
            found = _required(sub, ignorecase)
        elif op is _C.BRANCH:
            alts = [_required(alt, ignorecase) for alt in av[1]]
            found = None if any(a is None for a in alts) else frozenset().union(*alts)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT)):
            lo, _, sub = av
            found = _required(sub, ignorecase) if lo >= 1 else None
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            found = _required(av, ignorecase)
        else:  # character sets, any character, positions, look-arounds, back-references: nothing required
            found = None
        if found:
            options.append(found)
    close()
    return _best([o for o in options if all(o)])


_FILTERS: dict[int, tuple[re.Pattern[str], tuple[tuple[str, ...], bool] | None]] = {}


def _filter(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], bool] | None:
    """The literals of which every match of `pattern` holds one (lower-cased for an IGNORECASE pattern), or None.
    Kept by the pattern's id (hashing a compiled pattern hashes all its code), with the pattern itself so that
    the id stays its own."""
    hit = _FILTERS.get(id(pattern))
    if hit is not None and hit[0] is pattern:
        return hit[1]
    if len(_FILTERS) > 4096:
        _FILTERS.clear()
    found = _make_filter(pattern)
    _FILTERS[id(pattern)] = (pattern, found)
    return found


def _make_filter(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], bool] | None:
    if _P is None or not isinstance(pattern.pattern, str):
        return None
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    try:
        found = _required(_P.parse(pattern.pattern, pattern.flags), ignorecase)
    except Exception:  # noqa: BLE001 - the private parser changed: no filter, same results
        return None
    if not found:
        return None
    literals = {lit.lower() for lit in found} if ignorecase else set(found)
    # a literal that holds another one adds nothing: a text with it has the shorter one too
    kept = tuple(sorted(lit for lit in literals if not any(o != lit and o in lit for o in literals)))
    return kept, ignorecase


def folds_unseen(text: str) -> bool:
    """Whether text holds a character that re.IGNORECASE matches to an ASCII letter but `lower()` does not
    turn into it (then a lower-cased copy cannot tell where a case-insensitive pattern may match)."""
    return _FOLDS_TO_ASCII.search(text) is not None


def folded_literal_starts(text: str, literals: Iterable[str]) -> list[int] | None:
    """Every place where one of the lower-case ASCII `literals` occurs in text under re.IGNORECASE, ascending;
    None (try everywhere) for a text with a character that IGNORECASE matches to an ASCII letter but
    `lower()` does not (`ſ`, `ı`, `İ`, the Kelvin sign): only those four do, besides the ASCII letters."""
    low = _lowered(text)
    if low is None or _FOLDS_TO_ASCII.search(text):
        return None
    return literal_starts(low, literals)


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` cannot match anywhere in text: text holds none of the literals every match
    holds. (For a case-insensitive pattern the lower-cased text is searched; a text with a character that
    re.IGNORECASE matches to an ASCII letter but `lower()` does not, such as `ſ`, always may match.)"""
    hit = _FILTERS.get(id(pattern))
    f = hit[1] if hit is not None and hit[0] is pattern else _filter(pattern)
    if f is None:
        return True
    literals, ignorecase = f
    if ignorecase:
        global _LAST_LOWERED
        last = _LAST_LOWERED  # one read of one tuple: safe when threads share this module
        if last[0] is not text:  # several patterns are tried on one clause in a row
            last = _LAST_LOWERED = (text, None if _FOLDS_TO_ASCII.search(text) else text.lower())
        if last[1] is None:
            return True
        text = last[1]
    for lit in literals:
        if lit in text:
            return True
    return False


_LAST_LOWERED: tuple[str | None, str | None] = (None, None)  # the last text may_match lower-cased, and that copy


def spans_may_match(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> list[bool] | None:
    """`[may_match(pattern, text[a:b]) for a, b in spans]` for ascending spans that do not overlap (sentences),
    from one `str.find` loop per literal over the whole text; None for a case-insensitive pattern."""
    f = _filter(pattern)
    if f is None:
        return [True] * len(spans)
    literals, ignorecase = f
    if ignorecase:
        return None
    starts = [a for a, _ in spans]
    out = [False] * len(spans)
    for lit in literals:
        i = text.find(lit)
        while i != -1:
            k = bisect_right(starts, i) - 1  # the only span that can hold this occurrence
            if k >= 0 and i + len(lit) <= spans[k][1]:
                out[k] = True
            i = text.find(lit, i + 1)
    return out


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The literals (lower-cased for an IGNORECASE pattern) of which every match holds one; None if unknown."""
    f = _filter(pattern)
    return None if f is None else frozenset(f[0])


def search(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """`pattern.search(text, pos, endpos)`, skipped when text holds none of the literals every match holds."""
    if not may_match(pattern, text):
        return None
    return pattern.search(text, pos) if endpos is None else pattern.search(text, pos, endpos)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped when text holds none of the literals every match holds."""
    return pattern.finditer(text) if may_match(pattern, text) else iter(())

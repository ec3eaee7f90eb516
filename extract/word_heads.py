"""Where a pattern that starts a word can match, read from the pattern itself: the literal text every match
begins with (`\\b(?:stemt|gestemd)\\b`: `stemt`, `gestemd`; `\\b(?:[Hh]et|[Dd]e)\\s+`: `Het`, `het`, `De`, `de`).

Python's regex engine tries such a pattern at every character (its `\\b` or look-behind comes first, so it
cannot jump ahead to a literal). `finditer` tries it only where a word starts with one of those heads, found
with `str.find` (extract/scan.py `run_starts`), with the matches of `pattern.finditer`. A pattern whose
heads cannot be read (a character class of many letters, `\\w*`, case-insensitive) is scanned as before,
so a later edit of a pattern can make it slower but never lose a match. tests/test_scan_extract.py checks
each pattern that uses this against strings generated from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gcmkg.extract import scan

try:  # the parser of Python's own regex engine (private: anything unexpected means no heads, same results)
    from re import _constants as _C, _parser as _P
except ImportError:  # pragma: no cover
    _P = None

_MAX = 256  # more heads than this: keep the shorter ones found so far
_WORD = re.compile(r"\w")


def _heads(items: list) -> tuple[set[str], bool] | None:
    """(heads, whole): every match of the parsed sequence begins with one of `heads`; `whole` when the
    sequence is only literal text, so that each head is a whole match."""
    C = _C
    repeats = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))
    outs = {""}
    for i, (op, av) in enumerate(items):
        if op is C.LITERAL:
            subs, whole, optional = {chr(av)}, True, False
        elif op is C.IN and len(av) <= 8 and all(o is C.LITERAL for o, _ in av):
            subs, whole, optional = {chr(c) for _, c in av}, True, False
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # takes no characters (`\b`, a look-around): the heads are still needed
        else:
            optional = op in repeats and av[0] == 0 and av[1] == 1
            if op is C.SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
                sub = _heads(list(av[3]))
            elif op is C.BRANCH:
                alts = [_heads(list(a)) for a in av[1]]
                sub = None if any(a is None for a in alts) else (set().union(*(a[0] for a in alts)),
                                                                 all(a[1] for a in alts))
            elif op in repeats and av[0] >= 1:  # at least one copy: its heads, and nothing known after it
                sub = _heads(list(av[2]))
                sub = None if sub is None else (sub[0], False)
            elif optional:
                sub = _heads(list(av[2]))
            else:
                sub = None
            if sub is None:
                return outs, False
            subs, whole = sub
            if optional and whole:
                subs = subs | {""}  # left out: what follows goes on the heads
            elif optional:  # left out: the heads of what follows instead
                rest = _heads(list(items[i + 1:]))
                subs = subs | (rest[0] if rest is not None else {""})
        grown = {o + s for o in outs for s in subs}
        if len(grown) > _MAX:
            return outs, False
        outs = grown
        if not whole:
            return outs, False
    return outs, True


def _starts_a_word(item) -> bool:
    """`\\b`, or a look-behind for no word character (`(?<![\\w-])`)."""
    op, av = item
    if op is _C.AT:
        return av is _C.AT_BOUNDARY
    if op is _C.ASSERT_NOT and av[0] == -1:
        inner = list(av[1])
        return len(inner) == 1 and inner[0][0] is _C.IN and (_C.CATEGORY, _C.CATEGORY_WORD) in inner[0][1]
    return False


_CACHE: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]] = {}


def heads(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words every match begins with at the start of a `\\w` run, or None when they cannot be told.

    A match starts a run: the pattern opens with `\\b` or a look-behind for no word character, and each
    head begins with a word character."""
    hit = _CACHE.get(id(pattern))
    if hit is not None and hit[0] is pattern:
        return hit[1]
    found = None
    if _P is not None and isinstance(pattern.pattern, str) and not pattern.flags & re.IGNORECASE:
        try:
            items = list(_P.parse(pattern.pattern, pattern.flags))
            if items and _starts_a_word(items[0]):
                got = _heads(items[1:])
                if got is not None and got[0] and all(h and _WORD.match(h) for h in got[0]):
                    found = tuple(sorted(got[0]))
        except Exception:  # noqa: BLE001 - the private parser changed: no heads, same results
            found = None
    if len(_CACHE) > 1024:
        _CACHE.clear()
    _CACHE[id(pattern)] = (pattern, found)
    return found


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, tried only where a word starts with one of its heads when it has them."""
    found = heads(pattern)
    if found is None:
        return pattern.finditer(text)
    return scan.finditer_at(pattern, text, scan.run_starts(text, found))

"""Which of several patterns may match in a short text (a clause), told at once for all of them.

A clause-by-clause reader tries dozens of patterns on every clause, and most clauses hold the words of none
of them. `extract/scan.py` reads off a pattern's parsed form the literals of which every match holds one;
here every such set is kept (`niet ... deel` needs both words, not only the better one), and a clause is
looked at once for all the literals of all the patterns: a literal without whitespace lies inside one
whitespace-separated token, so each distinct token is checked against all the literals once and remembered.
tests/test_attendance_fast.py checks that no pattern that matches is ever left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import product
from math import prod

from gcmkg.extract import scan
from gcmkg.extract.scan import folds_unseen, required_literals


def _all_required(items, ignorecase: bool) -> list[frozenset[str]]:
    """Sets of literals of which every match of the parsed sequence holds one each, of every set (`_required`
    keeps only the best of them): `niet ... deel` needs both words."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is scan._C.LITERAL and not (ignorecase and not chr(av).isascii()):
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset({"".join(run)}))
            run.clear()
        if op is scan._C.SUBPATTERN:
            if not (av[1] & scan._C.SRE_FLAG_IGNORECASE and not ignorecase):
                out += _all_required(av[3], ignorecase)
        elif op is scan._C.BRANCH:
            out += _either([_all_required(alt, ignorecase) for alt in av[1]])
        elif op in (scan._C.MAX_REPEAT, scan._C.MIN_REPEAT, getattr(scan._C, "POSSESSIVE_REPEAT", scan._C.MAX_REPEAT)):
            out += _all_required(av[2], ignorecase) if av[0] >= 1 else []
        elif op is getattr(scan._C, "ATOMIC_GROUP", None):
            out += _all_required(av, ignorecase)
    return [o for o in out if all(o)]


def _either(alternatives: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """What a match of any one of the alternatives holds: for each way of taking one set of each, their union."""
    if not all(alternatives):
        return []
    if prod(len(a) for a in alternatives) > 64:
        return [frozenset().union(*(scan._best(a) or () for a in alternatives))]
    return list({frozenset().union(*sets) for sets in product(*alternatives)})


def required_sets(pattern: re.Pattern[str], most: int = 6) -> list[frozenset[str]] | None:
    """Up to `most` sets of literals (lower-cased for an IGNORECASE pattern) of which every match holds one
    each: the one `required_literals` gives, then the most selective others (none with a literal shorter
    than 3 characters, which nearly every text holds); None if there are none."""
    first = required_literals(pattern)
    if first is None:
        return None
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    try:
        found = _all_required(scan._P.parse(pattern.pattern, pattern.flags), ignorecase)
    except Exception:  # noqa: BLE001 - the private parser changed: the one set `required_literals` found
        return [first]
    sets = {_kept({lit.lower() for lit in o} if ignorecase else set(o)) for o in found}
    ordered = sorted((o for o in sets if min(map(len, o)) >= 3), key=lambda o: (-min(map(len, o)), len(o), sorted(o)))
    out = [first]
    for o in ordered:  # a set that holds another adds nothing: a text with one of the other's has one of its
        if not any(k <= o for k in out):
            out.append(o)
    return out[:most]


def _kept(literals: set[str]) -> frozenset[str]:
    """A literal that holds another one adds nothing: a text with it has the shorter one too."""
    return frozenset(lit for lit in literals if not any(o != lit and o in lit for o in literals))


class Prefilter:
    """Which of several patterns may match in a text: those of which it holds, for each set of literals every
    match holds one of (`required_sets`), one. The text is lower-cased and so are all the literals (a
    case-sensitive literal in a text is in its lower-cased copy too), then each token is looked up."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)  # kept alive, so that the ids in `bit` stay theirs
        self.bit = {id(p): 1 << i for i, p in enumerate(patterns)}
        self.always = 0  # patterns without a filter
        self.first: dict[int, tuple[int, int]] = {}  # the bit of a pattern's first set -> its bit, all its sets' bits
        self.folded = 0  # the bits of the sets of case-insensitive patterns
        self.in_token: dict[str, int] = {}  # a lower-cased literal without whitespace -> the bits of its sets
        self.other: dict[str, int] = {}  # the other literals
        count = 0
        for p in patterns:
            sets = required_sets(p)
            if sets is None:
                self.always |= self.bit[id(p)]
                continue
            bits = [1 << (count + k) for k in range(len(sets))]
            count += len(sets)
            for bit, literals in zip(bits, sets):
                for lit in map(str.lower, literals):
                    where = self.in_token if lit.split() == [lit] else self.other
                    where[lit] = where.get(lit, 0) | bit
            self.first[bits[0]] = (self.bit[id(p)], sum(bits))
            self.folded |= sum(bits) if p.flags & re.IGNORECASE else 0
        self.firsts = sum(self.first)
        self._tokens: dict[str, int] = {}

    def mask(self, text: str) -> int:
        """The bits (`self.bit[id(pattern)]`) of the patterns that may match somewhere in text."""
        low = text.lower()
        held = self._holds(low)
        if self.folded and folds_unseen(text):  # lower() does not show where IGNORECASE matches: all may
            held |= self.folded
        found = self.always
        firsts = held & self.firsts
        while firsts:  # only the patterns whose first set the text holds
            bit = firsts & -firsts
            firsts ^= bit
            pattern, need = self.first[bit]
            if held & need == need:
                found |= pattern
        return found

    def possible(self, text: str) -> list[int]:
        """The indexes of the patterns that may match somewhere in text, ascending."""
        found = self.mask(text)
        return [i for i in range(len(self.patterns)) if found >> i & 1]

    def _holds(self, low: str) -> int:
        found = 0
        known = self._tokens
        for token in low.split():
            bits = known.get(token)
            if bits is None:
                if len(known) > 100_000:  # a vocabulary that keeps growing: start again
                    known.clear()
                bits = known[token] = self._bits(token, self.in_token)
            found |= bits
        if self.other:
            found |= self._bits(low, self.other)
        return found

    @staticmethod
    def _bits(text: str, literals: dict[str, int]) -> int:
        found = 0
        for lit, bits in literals.items():
            if lit in text:
                found |= bits
        return found

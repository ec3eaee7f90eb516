"""The fast scans of extract/scan.py give exactly the matches of the plain regex scans they replace.

Each pattern that is tried only at some places (its words, its literals) is run both ways over the
seed documents, the invented documents and synthetic texts made of strings generated from the pattern
itself (every alternative, optional parts with and without, in other letter cases and next to word
characters, hyphens and line breaks), so that an alternative added to a pattern without its first word
makes these tests fail. The cue filter (`may_match`) must say yes wherever the pattern matches.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from re import _constants as C, _parser as P

from gcmkg.extract import attendance_cues, document, groups, meetings, organisations, persons, positions, scan, series

ROOT = Path(__file__).parent.parent
REAL = [p.read_text(encoding="utf-8") for d in ("seeds", "tests/docs") for p in sorted((ROOT / d).glob("*.txt"))]
SEPARATORS = [" ", "\n", ", ", "-", "x", "  ", ". ", "\n\n", "(", "’", "é"]
ODD = ["ſ", "ı", "İ", "\u212a", "ς", "Σ"]  # letters re.IGNORECASE folds unlike str.lower()


def _sample(items, rng: random.Random, ignorecase: bool) -> str:
    out = []
    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av)
            out.append(rng.choice([ch, ch.upper(), ch.lower()]) if ignorecase else ch)
        elif op is C.NOT_LITERAL:
            out.append("x" if chr(av) != "x" else "y")
        elif op is C.IN:
            out.append(_one_of(av, rng))
        elif op is C.ANY:
            out.append(rng.choice("x .\n"))
        elif op is C.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng, ignorecase))
        elif op is C.SUBPATTERN:
            out.append(_sample(av[3], rng, ignorecase or bool(av[1] & C.SRE_FLAG_IGNORECASE)))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            n = rng.choice([lo, lo + 1, lo + 2]) if hi >= lo + 2 else rng.choice([lo, min(hi, lo + 1)])
            out.extend(_sample(sub, rng, ignorecase) for _ in range(n))
        elif op is C.ATOMIC_GROUP:
            out.append(_sample(av, rng, ignorecase))
        elif op is C.ASSERT and av[0] == 1:  # a look-ahead (`(?=... niet uit)`): what follows, written out
            out.append(_sample(av[1], rng, ignorecase))
    return "".join(out)


def _one_of(members, rng: random.Random) -> str:
    if any(op is C.NEGATE for op, _ in members):
        return rng.choice(" x")
    op, av = rng.choice(members)
    if op is C.LITERAL:
        return chr(av)
    if op is C.RANGE:
        return chr(rng.choice([av[0], av[1], (av[0] + av[1]) // 2]))
    if op is C.CATEGORY:
        return {C.CATEGORY_DIGIT: "7", C.CATEGORY_SPACE: rng.choice(" \n"), C.CATEGORY_WORD: rng.choice("aZ9ë")}.get(av, "x")
    return "x"


def examples(pattern: re.Pattern[str], n: int = 400, seed: int = 1) -> list[str]:
    """Strings built from the pattern's own parts (look-arounds left out): most of them match it."""
    rng = random.Random(seed)
    tree = P.parse(pattern.pattern, pattern.flags)
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    return [_sample(tree, rng, ignorecase) for _ in range(n)]


def texts_for(pattern: re.Pattern[str], seed: int = 1) -> list[str]:
    """Long texts (word indexes are used from 2,000 characters on) of generated strings between separators."""
    rng = random.Random(seed)
    out = []
    for k in range(6):
        parts = []
        for ex in examples(pattern, 300, seed + k):
            parts.append(rng.choice(SEPARATORS))
            parts.append(ex)
            if k == 5 and rng.random() < 0.1:
                parts.append(rng.choice(ODD))
        text = "".join(parts)
        out.append(text if len(text) >= scan.INDEXED else text + " " * scan.INDEXED)
    return out + REAL


def _same(a, b) -> None:
    assert [(m.span(), m.group()) for m in a] == [(m.span(), m.group()) for m in b]


@pytest.mark.parametrize("i", range(len(organisations.PATTERNS)))
def test_organisation_patterns_at_their_literals(i: int) -> None:
    pattern = organisations.PATTERNS[i][1]
    for text in texts_for(pattern, i):
        _same(scan.finditer_at(pattern, text, organisations._starts(i, text)), pattern.finditer(text))


def test_series_patterns_at_their_words() -> None:
    alias_re, acro_re, _, head_re, venue_re = series._matchers()
    for k, rx in enumerate((alias_re, acro_re, venue_re, head_re)):
        for text in texts_for(rx, 10 + k):
            at = series._starts(text)[k]
            _same(series._scan(rx, text, at), rx.finditer(text))


def test_meeting_words_at_their_words() -> None:
    for text in texts_for(meetings.MEETING_WORD, 20):
        _same(meetings.meeting_words(text), meetings.MEETING_WORD.finditer(text))


def test_title_mentions_at_de() -> None:
    rx = re.compile(r"(?<![\w-])[Dd]e minister-president(?![\w-])", re.IGNORECASE)
    for text in texts_for(rx, 30):
        starts = scan.word_starts_ignorecase(text, ("de",))
        if starts is not None:
            _same(scan.finditer_at(rx, text, starts), rx.finditer(text))


def test_belgian_cues_counted_at_their_literals() -> None:
    for text in texts_for(document._BE, 40):
        at = scan.folded_literal_starts(text, document._BE_FIRST)
        if at is not None:
            _same(scan.finditer_at(document._BE, text, at), document._BE.finditer(text))


@pytest.mark.parametrize("word", ["de", "Comité", "assemblée", "IMC", "sis", "kaki", "ΣΟΣ"])
def test_word_starts_ignorecase_matches_the_regex(word: str) -> None:
    rx = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    rng = random.Random(word)
    pieces = [word, word.upper(), word.lower(), word.title(), "x" + word, word + "x", *ODD, " ", "\n", "-", "é"]
    for _ in range(40):
        text = "".join(rng.choice(pieces) + rng.choice(" -\n") for _ in range(200))
        starts = scan.word_starts_ignorecase(text, (word,))
        if starts is not None:
            assert starts == [m.start() for m in rx.finditer(text)]


def test_word_starts_ignorecase_gives_up_on_folds_it_cannot_see() -> None:
    assert scan.word_starts_ignorecase("ſis and sis " * 200, ("sis",)) is None  # `ſ` folds to `s`
    assert scan.word_starts_ignorecase("İK " * 800, ("ik",)) is None  # `İ` lower-cases to two characters


CUE_PATTERNS = ([p for _, p in positions.STANCE_CUES] + [p for _, _, p in attendance_cues._COMPILED]
                + [groups.GROUP, meetings.MEETING_WORD, positions.OBJECTIVES, positions.PARAGRAPH,
                   positions.ALL_OBJECTIVES, positions.NOT_APPROVED, document.FLEMISH_ANSWER,
                   document.FLEMISH_QUESTION, document.NL_QUESTION, document.BE_QUESTION])


@pytest.mark.parametrize("k", range(len(CUE_PATTERNS)))
def test_cue_filter_never_drops_a_match(k: int) -> None:
    pattern = CUE_PATTERNS[k]
    assert scan.required_literals(pattern), "the filter found no literal every match holds"
    checked = 0
    for ex in examples(pattern, 600, k) + [s for t in REAL for s in re.split(r"(?<=[.?!])\s+", t)]:
        for text in (ex, f"x{ex}x", ex.upper(), ex.lower()):
            if pattern.search(text):
                assert scan.may_match(pattern, text), (pattern.pattern[:60], text)
                checked += 1
    assert checked > 20


def test_cue_filter_says_no_only_without_the_literals() -> None:
    stance = positions.STANCE_CUES[3][1]
    assert not scan.may_match(stance, "Het weer was goed vandaag.")
    assert scan.may_match(stance, "De regering steunt het pact.")
    assert scan.search(stance, "Het weer was goed vandaag.") is None


def test_case_insensitive_filter_sees_folded_letters() -> None:
    rx = re.compile(r"\bsteun\b", re.IGNORECASE)
    assert rx.search("ſteun") and scan.may_match(rx, "ſteun")
    assert scan.may_match(rx, "STEUN") and not scan.may_match(rx, "stern")


def test_finditer_at_after_an_empty_match_is_finditer() -> None:
    rx = re.compile(r"a*")
    text = "baab aaa b"
    _same(scan.finditer_at(rx, text, range(len(text) + 1)), rx.finditer(text))


def test_literal_starts_finds_overlapping_occurrences() -> None:
    assert scan.literal_starts("aaaa", ("aa",)) == [0, 1, 2]
    assert scan.literal_starts("xx kabinet", ("kabinet",), (4, 0)) == [3]  # 4 before it is before the text
    assert scan.literal_starts("het kabinet", ("kabinet",), (4, 0)) == [0, 4]


def test_dates_need_a_digit() -> None:
    from gcmkg.extract import dates
    for rx in (dates.TEXT_DATE, dates.NUMERIC_DATE, dates.MONTH_YEAR):
        for ex in examples(rx, 300):
            if rx.search(ex):
                assert re.search(r"\d", ex)

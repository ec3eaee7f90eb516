"""The extractors' fast paths give exactly the results of the plain regex scans they replace.

Like tests/test_scan.py: each pattern tried only at some places is run both ways over the seed and
invented documents and over texts made of strings generated from the pattern itself, so that an
alternative added to a pattern without its first word makes these tests fail.
"""

from __future__ import annotations

import random
import re

import pytest
from test_scan import REAL, _same, texts_for

from gcmkg.extract import (instruments, layout, load, meetings, organisations, person_starts, persons, scan, targets,
                           word_heads)


def test_instruments_at_their_words() -> None:
    for text in texts_for(instruments.FIND, 50):
        _same(scan.finditer_at(instruments.FIND, text, instruments.starts(text)), instruments.FIND.finditer(text))


def test_run_starts_is_the_regex_definition() -> None:
    rng = random.Random(3)
    pieces = ["stem", "Stem", "xstem", "richtlijn", "EU", "-arrest", "_", "é", " ", "\n", "-", "9", "(", "’"]
    for _ in range(50):
        text = "".join(rng.choice(pieces) for _ in range(300))
        want = sorted({m.start() for m in re.finditer(r"\w+", text) if m.group().startswith(("stem", "EU"))}
                      | {m.start() for m in re.finditer(r"\w+", text) if "ichtlijn" in m.group()}
                      | {re.search(r"\w*\Z", text[:m.start()]).start() for m in re.finditer(r"(?=-arrest)", text)})
        assert scan.run_starts(text, ("stem", "EU"), ("ichtlijn", "-arrest")) == want


def test_person_patterns_at_their_starts() -> None:
    cases = [(persons.PARTY_TAG, person_starts.party_tag),
             (persons.TITLE_NAME, lambda t: person_starts.title_name(t, persons._TITLE_FIRST)),
             (persons.OFFICE, lambda t: person_starts.office(t, persons._OFFICE_FIRST)),
             (persons.UNNAMED_OFFICE, person_starts.after_de), (persons.ROLE_PERSON, person_starts.at_de)]
    for k, (rx, starts) in enumerate(cases):
        found = 0
        for text in texts_for(rx, 60 + k):
            _same(person_starts.finditer(rx, text, starts(text)), rx.finditer(text))
            found += sum(1 for _ in rx.finditer(text))
        assert found > 10, rx.pattern[:40]  # the generated texts hold matches


def test_lower_keeps_word_characters() -> None:
    """scan.word_starts_ignorecase looks for whole runs in the lower-cased copy of a text."""
    import sys
    word = re.compile(r"\w")
    for c in map(chr, range(sys.maxunicode + 1)):
        low = c.lower()
        if len(low) == 1:
            assert bool(word.match(c)) == bool(word.match(low)), hex(ord(c))


@pytest.mark.parametrize("run", ["de", "het", "IMC", "EU", "vergadering", "Raad"])
def test_whole_runs_both_ways(run: str) -> None:
    rng = random.Random(run)
    pieces = [run, run + "x", "x" + run, run.upper(), " ", "\n", "-", "é", "_", "9", run[:1]]
    for _ in range(30):
        text = "".join(rng.choice(pieces) for _ in range(300))
        want = [m.start() for m in re.finditer(r"\w+", text) if m.group() == run]
        assert list(scan._occurrences(text, run)) == want
        assert scan._whole_runs(text, run) == want
        assert [i for i in scan._finds(text, run) if scan._is_run_at(text, i, len(run))] == want


def test_lines_of_splits_at_line_ends_and_form_feeds() -> None:
    for text in ["", "a", "\n", "a\n", "a\fb", "\f", "x\n\fy\n\n", "a\r\nb\f\fc"] + REAL:
        want, page, start = [], 0, 0
        for m in re.finditer(r"[\n\f]", text + "\n"):  # the definition: split at each `\n` and `\f`
            want.append(layout.Line(start, m.start(), text[start:m.start()], page))
            page += m.group() == "\f"
            start = m.end()
        assert layout.lines_of(text) == want


def test_hyphen_breaks_at_hyphens() -> None:
    rx = load._HYPHEN_BREAK
    for text in texts_for(rx, 70):
        _same(scan.finditer_at(rx, text, scan.literal_starts(text, ("-",))), rx.finditer(text))


HEADED = [meetings.VOTE, meetings.TALK, meetings.CONVENE, targets.GCM, targets.GCM_NAMED, targets.GCR,
          organisations.ELIDED, organisations.COMMITTEES]


@pytest.mark.parametrize("k", range(len(HEADED)))
def test_patterns_at_their_heads(k: int) -> None:
    rx = HEADED[k]
    assert word_heads.heads(rx), "no heads: the pattern would be scanned everywhere (slow, not wrong)"
    found = 0
    for text in texts_for(rx, 80 + k):
        _same(word_heads.finditer(rx, text), rx.finditer(text))
        found += sum(1 for _ in rx.finditer(text))
    assert found > 100


@pytest.mark.parametrize(("pattern", "want"), [
    (r"\b(?:stemt|gestemd)\b", ("gestemd", "stemt")),
    (r"\b(?:[Hh]et|[Dd]e)\s+[A-Z]", ("De", "Het", "de", "het")),
    (r"(?<![\w-])(?:[Dd]e )?(?:x|yy)?z", ("De xz", "De yyz", "De z", "de xz", "de yyz", "de z", "xz", "yyz", "z")),
    (r"\b(?:[a-z]+e )?pact", None),  # the optional part may start with any letter
    (r"\bmet\s+\w+", ("met",)),
    (r"\b\w*debat", None), (r"(?i)\bdebat", None), (r"debat\b", None), (r"\b(?i:debat)", None),
    (r"\b(?:-x|y)", None),  # a head that does not start a word
])
def test_heads_read_from_the_pattern(pattern: str, want) -> None:
    assert word_heads.heads(re.compile(pattern)) == want


def test_fractions_in_the_stretch_before_their_literal() -> None:
    rx = organisations.FRACTION
    for text in texts_for(rx, 90):
        at = scan.stretch_starts(text, scan.literal_starts(text, ("-fractie",)), organisations._FRACTION_STRETCH)
        _same(scan.finditer_at(rx, text, at), rx.finditer(text))


def test_sentence_filters_are_may_match_per_sentence() -> None:
    from gcmkg.extract import segment, stance_cues
    patterns = [*(p for _, p in stance_cues.STANCE_CUES), stance_cues.NOT_APPROVED]
    made = [" ".join(texts_for(p, 100 + k)[k % 6][:6000].split("x")) for k, p in enumerate(patterns)]
    checked = 0
    for text in made + REAL:
        sentences = segment.split(text)
        filters = stance_cues.sentence_filters(text, sentences)
        for s, may in zip(sentences, filters):
            assert may == tuple(scan.may_match(p, s.text) for p in patterns)
            assert stance_cues.find_cues(s.text, may) == stance_cues.find_cues(s.text)
            assert stance_cues.sentence_stance(s.text, may) == stance_cues.sentence_stance(s.text)
            checked += any(may)
    assert checked > 200


def test_spans_may_match_gives_up_on_case_insensitive_patterns() -> None:
    rx = re.compile(r"\bsteun\b", re.IGNORECASE)
    assert scan.spans_may_match(rx, "Steun het.", [(0, 10)]) is None
    rx = re.compile(r"\bsteun\b")
    assert scan.spans_may_match(rx, "steun. Niet. xsteun", [(0, 6), (7, 12), (13, 19)]) == [True, False, True]


def test_word_helpers_are_their_definitions() -> None:
    rng = random.Random(11)
    pieces = ["de", "De", "DE", "vergadering", "Vergaderingen", "plenumdebat", "debatx", "_", "9", "é", "ſ", "Σ",
              "ς", "İK", " ", "\n", "-", "(", "’", "overleg"]
    few = {"de", "vergadering", "overleg", "x y", "plenumdebat"}
    many = few | {f"w{i}" for i in range(100)}
    for _ in range(60):
        text = "".join(rng.choice(pieces) for _ in range(400))
        runs = list(re.finditer(r"\w+", text))
        for words in (few, many):
            assert scan.word_starts(text, words) == [m.start() for m in runs if m.group() in words]
        assert scan.run_ends(text, ("debat", "vergadering")) == [
            m.start() for m in runs if m.group().endswith(("debat", "vergadering"))]
        lower = scan.word_starts_lower(text, {"de", "vergaderingen", "overleg", "Raad"})
        if len(text.lower()) == len(text):
            assert lower == [m.start() for m in runs if m.group().lower() in {"de", "vergaderingen", "overleg"}]
        else:
            assert lower is None


def test_series_mentions_handed_out_again_are_the_same() -> None:
    from gcmkg.extract import series
    for text in REAL:
        first = series.find(text)
        first.append(None)  # a caller's own list: changing it changes nothing kept
        assert series.find(text) == series._find(text) == first[:-1]

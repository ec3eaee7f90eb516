"""The fast paths of the attendance extractors give exactly what the plain scans they replace give.

`Prefilter` tells, for a clause, which patterns may match in it (from the literals every match
holds): it must say exactly what `scan.may_match` says pattern by pattern, so it never drops a pattern that
matches. The chair cues and the initials at a sentence's end are tried only where a match can start: the
matches must be those of the plain regex. Texts: the seed and invented documents, and strings generated
from each pattern (tests/test_scan.py), with letters that re.IGNORECASE folds unlike str.lower().
"""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

import pytest
from test_scan import ODD, REAL, _same, examples, texts_for

from gcmkg.extract import attendance, attendance_cues, attendance_refs, attendance_speakers, scan
from gcmkg.extract.prefilter import Prefilter

SENTENCES = [s for t in REAL for s in re.split(r"(?<=[.?!;:,])\s+", t)]
FILTERED = [("cues", attendance_cues._FILTER), ("references", attendance_refs._SCANNED)]


def _variants(pattern: re.Pattern[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for ex in examples(pattern, 80, seed):
        out += [ex, f"de {ex}, x", ex.upper(), f"{rng.choice(ODD)} {ex}", f"{ex}{rng.choice(ODD)}"]
    return out


@pytest.mark.parametrize("name,prefilter", FILTERED)
def test_prefilter_never_drops_a_pattern_that_matches(name: str, prefilter: Prefilter) -> None:
    texts = [t for k, p in enumerate(prefilter.patterns) for t in _variants(p, k)] + SENTENCES
    matched = 0
    for text in texts:
        possible = prefilter.possible(text)
        folded = {i for i in possible if prefilter.patterns[i].flags & re.IGNORECASE}  # others: lower-cased
        assert folded <= {i for i, p in enumerate(prefilter.patterns) if scan.may_match(p, text)}, (name, text)
        for k, pattern in enumerate(prefilter.patterns):
            if pattern.search(text):
                assert k in possible, (name, pattern.pattern[:60], text)
                matched += 1
    assert matched > 100


def test_prefilter_skips_most_clauses() -> None:
    assert attendance_cues.possible("De Kamer stemt donderdag over het Koninkrijk.") == []  # a capital K is no fold
    assert attendance_cues.possible("De Kamer was niet aanwezig.") != []
    assert len(attendance_cues.possible("De ſtaatsſecretaris.")) == len(attendance_cues._COMPILED)  # `ſ` is `s`
    refs = attendance_refs._SCANNED
    assert refs.mask("Over het pact.") == 0
    assert refs.mask("de twee volgende") & refs.bit[id(attendance_refs.ORDINAL)]  # a literal with a space
    assert refs.mask("het IMC") & refs.bit[id(attendance_refs.MEETING_WORD)]
    assert not refs.mask("het overzicht") & refs.bit[id(attendance_refs.MEETING_WORD)]
    not_part = next(i for i, p in enumerate(attendance_cues.PATTERNS) if r"\bniet\s+deelnamen" in p.pattern)
    assert not_part in attendance_cues.possible("Hij nam niet deel.")
    assert not_part not in attendance_cues.possible("Hij nam deel.")  # `niet` and `deel` both needed


def test_cues_with_the_filter_are_the_cues_of_every_pattern() -> None:
    every = list(range(len(attendance_cues._COMPILED)))
    found = 0
    for clause in SENTENCES:
        fast = attendance_cues.cues(clause)
        assert fast == attendance_cues.cues(clause, every), clause
        found += bool(fast)
    assert found > 20


def test_chair_cues_at_their_literals() -> None:
    rx = attendance_speakers.CHAIR
    odd = "Voorzitter: x\n \t Voorzitter :\nxVoorzitter: \tVoorzitter:\nvoorgezeten door mevrouw A"
    for text in texts_for(rx, 50) + [odd, "\n" + odd, " " + odd]:
        _same(attendance_speakers.chair_cues(text), rx.finditer(text))


def test_initials_at_the_end_of_a_sentence() -> None:
    rng = random.Random(7)
    pieces = ["A.", "L.M.", "B.C.D.E.F.", "x", " ", "\n", ".", "Teeuwen", "é.", "A", "ſ"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(3000)]
    for text in texts + SENTENCES:
        assert attendance._ends_in_initials(text) == bool(attendance.INITIALS_END.search(text)), repr(text)
    assert attendance._ends_in_initials("de Staatssecretaris, L.M. ")
    assert not attendance._ends_in_initials("de Staatssecretaris, xL.M. ")


def test_one_clause_filter_for_cues_and_references() -> None:
    """attendance.py looks at a clause once for both: the low bits are the cues', the others the references'."""
    cue_bits = (1 << attendance._CUES) - 1
    texts = [t for k, p in enumerate(attendance_refs.SCANNED) for t in _variants(p, 60 + k)] + SENTENCES
    for text in texts:
        both = attendance._CLAUSE_WORDS.mask(text)
        assert both & cue_bits == attendance_cues._FILTER.mask(text), text
        assert both >> attendance._CUES == attendance_refs._SCANNED.mask(text), text


def test_clauses_of_a_sentence_without_separators() -> None:
    def plain(text: str) -> list[tuple[int, int]]:
        cuts = [0] + [x for m in attendance.CLAUSE.finditer(text) for x in (m.start(), m.end())] + [len(text)]
        return [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
    for text in SENTENCES + ["", "a maar b", "a,  hij", "a; b: c", "Maar toen", "maart 2018"]:
        assert attendance._clauses(SimpleNamespace(text=text), 0, len(text)) == plain(text), text

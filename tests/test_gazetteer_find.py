"""gazetteer.find (a dict look-up per word) finds exactly what one regex alternation of all aliases finds."""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from gcmkg.extract import gazetteer


@lru_cache(maxsize=1)
def _reference() -> re.Pattern[str]:
    """The former matcher: every alias, longest first, in one alternation."""
    _, table = gazetteer._matcher()
    parts = []
    for alias in sorted(table, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in alias.split(" "))
        abbreviation = len(alias) <= 4 and alias.upper() == alias
        parts.append(rf"(?<![\w-]){body}(?![\w-])" if abbreviation else rf"(?<![\w-]){body}(?!\w)")
    return re.compile("|".join(parts))


def _reference_find(text: str, jurisdiction: str | None, start: int, end: int) -> list[gazetteer.Hit]:
    _, table = gazetteer._matcher()
    hits = []
    for m in _reference().finditer(text, start, end):
        surface = re.sub(r"\s+", " ", m.group(0))
        chosen = gazetteer._choose(table[surface], jurisdiction)
        if chosen:
            hits.append(gazetteer.Hit(m.start(), m.end(), chosen, surface))
    return hits


def _aliases() -> list[str]:
    return sorted(gazetteer._matcher()[1])


_piece = st.one_of(
    st.sampled_from(_aliases()),
    st.sampled_from(_aliases()).map(lambda a: a[: max(1, len(a) // 2)]),
    st.sampled_from([a for a in _aliases() if " " in a]).map(lambda a: a.replace(" ", " \n  ", 1)),
    st.sampled_from(["-", " ", "(", ")", ", ", "\n", "x", "é", "1", "_", "VN", "EU", "de "]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_piece, max_size=25).map("".join), st.sampled_from([None, "nl", "be"]), st.data())
def test_find_equals_one_alternation(text: str, jurisdiction: str | None, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert gazetteer.find(text, jurisdiction) == _reference_find(text, jurisdiction, 0, len(text))
    assert gazetteer.find(text, jurisdiction, start, end) == _reference_find(text, jurisdiction, start, end)


def test_abbreviations_are_whole_words() -> None:
    text = "Het VN-migratiepact en de VN, de EU-lidstaten en de EU."
    surfaces = [h.surface for h in gazetteer.find(text, "nl")]
    assert "VN" in surfaces and "EU" in surfaces
    assert all(text[h.end] != "-" for h in gazetteer.find(text, "nl") if h.surface in ("VN", "EU"))

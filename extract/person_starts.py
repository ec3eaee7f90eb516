"""Where the person patterns of extract/persons.py can start, for scan.finditer_at: each is tried only there
instead of at every character. tests/test_scan_extract.py checks each against strings generated from the
pattern and against real documents.

PARTY_TAG is a name, then `(`; a name holds only word characters, spaces, dots, hyphens and apostrophes,
so a match starts in the stretch of those that ends at a `(`, where no word character or hyphen precedes.
TITLE_NAME starts at its title, whose first word (`minister` of `minister-president`, `de` of `de heer`)
is a whole word, or at a party (`CDA-minister`) in the stretch of party characters before the hyphen.
OFFICE starts at `de`, `zijn`, `haar` or the first word of an office (`Minister`), or (a look-behind) right
after `de `; UNNAMED_OFFICE right after `de `; ROLE_PERSON at `de `.
"""

from __future__ import annotations

import re

from gcmkg.extract import scan

_NAME_STRETCH = re.compile(r"[\w\s.'’-]*")
_PARTY_STRETCH = re.compile(r"[\w&\s]*")
DE = ("de ", "De ")


def first_words(alternatives: str, lower: bool = False) -> frozenset[str]:
    """The first word of each alternative of `a b|c-d|e`: {a, c, e}."""
    return frozenset(re.split(r"[\s-]", a)[0].lower() if lower else re.split(r"[\s-]", a)[0]
                     for a in alternatives.split("|"))


def party_tag(text: str) -> list[int]:
    return scan.stretch_starts(text, scan.literal_starts(text, ("(",)), _NAME_STRETCH)


def title_name(text: str, titles_first: frozenset[str]) -> list[int] | None:
    """None: the text has a letter that IGNORECASE folds unlike `lower()`; try everywhere."""
    titles = scan.word_starts_ignorecase(text, titles_first)
    if titles is None:
        return None
    parties = scan.stretch_starts(text, [q - 1 for q in titles if q and text[q - 1] == "-"], _PARTY_STRETCH)
    return sorted(set(titles) | set(parties))


def office(text: str, office_first: frozenset[str]) -> list[int]:
    return sorted(set(scan.word_starts(text, office_first | {"De", "de", "Zijn", "zijn", "Haar", "haar"}))
                  | set(after_de(text)))


def after_de(text: str) -> list[int]:
    return scan.literal_starts(text, DE, (-3,))


def at_de(text: str) -> list[int]:
    return scan.literal_starts(text, DE)


def finditer(rx: re.Pattern[str], text: str, starts: list[int] | None):
    """rx.finditer(text), tried only at `starts` (everywhere for None)."""
    return rx.finditer(text) if starts is None else scan.finditer_at(rx, text, starts)

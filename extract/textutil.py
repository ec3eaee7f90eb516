"""Small text helpers shared by the extractors."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def slug(text: str) -> str:
    """A lower-case ASCII slug for keys and IRIs: `Vlaamse Regering` -> `vlaamse-regering`."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = t.replace("&", " en ")
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t or "x"


def squash(text: str) -> str:
    """Whitespace runs (line breaks too) to single spaces."""
    return _SPACES.sub(" ", text).strip()


def titlecase_name(text: str) -> str:
    """`JAN PEETERS` -> `Jan Peeters`; keeps hyphenated parts: `PIERRE-YVES` -> `Pierre-Yves`."""
    words = []
    for w in squash(text).split(" "):
        words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def strip_accents(text: str) -> str:
    """`Hélène` -> `Helene`: name lists often hold only the unaccented spelling."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))

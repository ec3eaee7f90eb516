"""Sentences with offsets, found by one compiled-regex pass.

A full spaCy pipeline tokenises every character (about 1 MB/s); a sentence
boundary only needs a look at the punctuation, so this splitter is a regex pass
that knows spaCy's Dutch abbreviations (`nr.`, `o.a.`, `m.b.t.`, initials) and
the layout of parliamentary papers (blank lines, numbered and bulleted items).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.nl.tokenizer_exceptions import TOKENIZER_EXCEPTIONS


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into Document.text
    end: int
    text: str


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lower-cased abbreviations (without their final dot) from spaCy's Dutch tokenizer exceptions."""
    extra = {"jl", "nr", "nrs", "vs", "incl", "ca", "resp", "bijv", "zgn"}
    return frozenset({k[:-1].lower() for k in TOKENIZER_EXCEPTIONS if k.endswith(".")} | extra)


# candidate end: . ! ? (plus closing quotes/brackets, and a footnote marker before a capital: `staan»?11 Hoe`),
# then whitespace, then a likely sentence start
_END = re.compile(r"[.!?][\"'”’)»]*(?:\d{1,2}(?=\s+[A-ZÀ-Ý]))?(?=\s+[\"'“‘«(]?[A-ZÀ-Ý0-9])")
# hard breaks: blank lines, and lines that start a list item or a numbered point
_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-–•\uf0b7\uf02d]|\d{1,2}[.)]\s|[a-z]\)\s|Vraag\b|Antwoord\b))")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).rstrip(".").lower()
    if len(word) == 1 and word.isalpha():  # an initial: A.B. de Vries; not the `s` of `programma’s.`
        return m.start() == 0 or text[m.start() - 1] not in "’'`"
    return word in abbreviations()


def split(text: str) -> list[Sentence]:
    """Split text into sentences; offsets are into `text`, whitespace around sentences is dropped."""
    bounds: set[int] = set()
    for m in _BREAK.finditer(text):
        bounds.add(m.start())
    for m in _END.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        bounds.add(m.end())
    out: list[Sentence] = []
    prev = 0
    for b in sorted(bounds) + [len(text)]:
        _append(out, text, prev, b)
        prev = b
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))

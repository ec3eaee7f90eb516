"""Read a source file into a Document: its original text, a cleaned text, and the map between them.

Extractors read the cleaned text: words hyphenated across line breaks joined
(`verschil-\\nlende` reads `verschillende`), page headers, footers and page
numbers taken out, and footnotes (and the first copy of a running header)
moved behind the running text, so a sentence
that runs over a page break reads as one. Every offset the extractors produce
is mapped back through `Document.span` to the original text, so evidence always
points at what the file really says. The original text of a PDF or HTML file is
the text `formats.read` takes from it (see there).
"""

from __future__ import annotations

import hashlib
import re
import stat
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from gcmkg.errors import DocumentError
from gcmkg.extract import formats, layout, scan

# A word broken at the end of a line: lower-case letter, hyphen, line break, lower-case letter.
_HYPHEN_BREAK = re.compile(r"(?<=[a-zà-ÿ])-[ \t]*\r?\n[ \t]*(?=[a-zà-ÿ])")
MAX_BYTES = formats.MAX_FILE_BYTES["txt"]

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Document:
    """A source file's text, cleaned for reading, with offsets back into the original."""

    source: str  # file name
    path: Path
    original: str
    text: str  # cleaned text the extractors read
    sha256: str
    warnings: tuple[str, ...] = ()
    format: str = "txt"  # the format read: txt, pdf or html
    read_as: str = "UTF-8"  # how: the encoding, or the PDF/HTML text extraction
    furniture: tuple[tuple[int, int, str], ...] = ()  # original (start, end, kind) of removed headers, page numbers
    footnotes: Ranges = ()  # original (start, end) of the footnotes read after the running text
    _pieces: tuple[tuple[int, int], ...] = field(default=((0, 0),), repr=False)  # (cleaned start, original start)
    _dropped: Ranges = field(default=(), repr=False)  # original ranges not in the running text
    _hyphens: Ranges = field(default=(), repr=False)  # original ranges of joined hyphen breaks
    _appended: Ranges = field(default=(), repr=False)  # original ranges read after the running text
    _jumps: frozenset[int] = field(default=frozenset(), repr=False)  # cleaned offsets where a footnote is appended

    def orig(self, i: int) -> int:
        """The original offset of cleaned offset `i`."""
        k = bisect_right(self._starts, i) - 1
        cs, os_ = self._pieces[max(k, 0)]
        return os_ + i - cs

    @cached_property
    def _starts(self) -> list[int]:
        return [cs for cs, _ in self._pieces]

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """Original (start, end, quote) for a cleaned span.

        A span that runs from the running text into the footnotes behind it (or
        from one footnote into the next) is cut where the original jumps back.
        """
        s = self.orig(start)
        if end <= start:
            return s, s, ""
        starts = self._starts
        k = max(bisect_right(starts, start) - 1, 0)
        e = s
        while True:
            cs, os_ = self._pieces[k]
            nxt = starts[k + 1] if k + 1 < len(starts) else len(self.text)
            e = os_ + min(end, nxt) - cs
            if end <= nxt or k + 1 >= len(starts) or nxt in self._jumps:
                break
            k += 1
        return s, e, self.original[s:e]

    def normalised(self, start: int, end: int) -> str:
        """What the extractors read of original[start:end]: hyphen breaks joined, furniture and footnotes left out.

        Computed from the removed ranges, not from the offset map, so tests can hold one against the other.
        """
        in_note = any(a <= start < b for a, b in self._appended)
        removed = sorted(self._hyphens + (() if in_note else self._dropped))
        out, pos = [], start
        for a, b in removed:
            a, b = max(a, start), min(b, end)
            if a >= b or b <= pos:
                continue
            out.append(self.original[pos:max(a, pos)])
            pos = b
        out.append(self.original[pos:end])
        return "".join(out)


def _minus(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) without the (sorted, disjoint) holes."""
    out, pos = [], start
    for a, b in holes:
        if b <= pos or a >= end:
            continue
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _hyphen_breaks(original: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Original ranges of hyphen breaks in the text that `ranges` (pieces of the original, in order) spell."""
    joined = "".join(original[a:b] for a, b in ranges)
    ends, acc = [], 0
    for a, b in ranges:
        acc += b - a
        ends.append(acc)
    out = []
    for m in scan.finditer_at(_HYPHEN_BREAK, joined, scan.literal_starts(joined, ("-",))):  # a break starts at its hyphen
        for i in range(m.start(), m.end()):  # a break is a few characters: map each
            k = bisect_right(ends, i)
            a = ranges[k][0] + i - (ends[k] - (ranges[k][1] - ranges[k][0]))
            out.append((a, a + 1))
    return _merge(out)


def clean_text(original: str) -> tuple[str, dict]:
    """The cleaned text and the fields of its offset map (see Document)."""
    lay = layout.find(original)
    body = _minus(0, len(original), list(lay.drops))
    hyphens = _hyphen_breaks(original, body)
    appended = sorted(lay.headers + lay.footnotes)
    for a, b in appended:
        hyphens += _hyphen_breaks(original, [(a, b)])
    hyphens = _merge(hyphens)
    order: list[tuple] = []
    for a, b in body:
        order += _minus(a, b, hyphens)
    jumps: set[int] = set()
    for a, b in appended:
        nl = original.rfind("\n", 0, a)
        nl = nl if nl >= 0 else original.find("\n", b)
        if nl >= 0:
            order += [(nl, nl + 1, True), (nl, nl + 1, True)]  # a blank line before each, of a line end it has
        order += _minus(a, b, hyphens)
    pieces: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    last_end = -1
    for a, b, *jump in order:
        if a >= b:
            continue
        if jump:
            jumps.add(pos)
        if a != last_end or jump:
            pieces.append((pos, a))
        parts.append(original[a:b])
        pos += b - a
        last_end = b
    return "".join(parts), {"_pieces": tuple(pieces) or ((0, 0),), "_dropped": tuple(_merge(list(lay.drops))),
                            "_hyphens": tuple(hyphens), "_jumps": frozenset(jumps), "_appended": tuple(appended), "furniture": lay.furniture, "footnotes": lay.footnotes}


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), else a guessed Western encoding with a warning."""
    src = formats.read(data, name)
    return src.text, list(src.warnings)


def load(path: Path) -> Document:
    """Read one file; raise DocumentError with the file and the reason when it cannot be used."""
    name = path.name
    try:
        if path.is_dir():
            raise DocumentError(name, "a folder, not a file")
        if not stat.S_ISREG(path.stat().st_mode):
            raise DocumentError(name, "not a regular file (a device or a pipe)")
        with path.open("rb") as fh:
            head = fh.read(4096)
            fmt = formats.sniff(head) or "txt"
            limit = formats.MAX_FILE_BYTES[fmt]
            size = max(path.stat().st_size, len(head))
            if size <= limit:
                data = head + fh.read(limit + 1 - len(head))  # never more than the limit, even if the file grows
                size = len(data)
            if size > limit:
                raise DocumentError(name, f"the file is {size / formats.MB:.0f} MB; the limit for {fmt.upper()} "
                                          f"files is {limit // formats.MB} MB: split it")
    except OSError as e:
        raise DocumentError(name, f"cannot read: {e.strerror or e}") from e
    src = formats.read(data, name, path.suffix)
    return from_text(name, src.text, path=path, warnings=list(src.warnings), data=data, format=src.format,
                     read_as=src.read_as)


def from_text(source: str, text: str, *, path: Path | None = None, warnings: list[str] | None = None,
              data: bytes | None = None, format: str = "txt", read_as: str = "UTF-8") -> Document:
    """A Document from text in memory (tests, other loaders)."""
    cleaned, fields = clean_text(text)
    digest = hashlib.sha256(data if data is not None else text.encode("utf-8")).hexdigest()
    return Document(source=source, path=path or Path(source), original=text, text=cleaned, sha256=digest,
                    warnings=tuple(warnings or ()), format=format, read_as=read_as, **fields)

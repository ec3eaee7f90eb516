"""Read a source file into a Document: its original text, a cleaned text, and the map between them.

Extractors read the cleaned text (words hyphenated across line breaks joined,
so `verschil-\\nlende` reads `verschillende`); every offset they produce is
mapped back through `Document.span` to the original file text, so evidence
always points at what the file really says.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from gcmkg.errors import DocumentError

# A word broken at the end of a line: lower-case letter, hyphen, line break, lower-case letter.
_HYPHEN_BREAK = re.compile(r"(?<=[a-zà-ÿ])-[ \t]*\r?\n[ \t]*(?=[a-zà-ÿ])")
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """A source file's text, cleaned for reading, with offsets back into the original."""

    source: str  # file name
    path: Path
    original: str
    text: str  # cleaned text the extractors read
    sha256: str
    warnings: tuple[str, ...] = ()
    _cuts: tuple[int, ...] = field(default=(), repr=False)  # cleaned offsets where text was removed
    _shift: tuple[int, ...] = field(default=(), repr=False)  # characters removed up to that cut

    def orig(self, i: int) -> int:
        """The original offset of cleaned offset `i`."""
        k = bisect_right(self._cuts, i)
        return i + (self._shift[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """Original (start, end, quote) for a cleaned span."""
        s = self.orig(start)
        e = self.orig(end - 1) + 1 if end > start else s
        return s, e, self.original[s:e]


def clean_text(original: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Join hyphenated line breaks; return the cleaned text and the offset map."""
    parts: list[str] = []
    cuts: list[int] = []
    shift: list[int] = []
    pos = 0
    removed = 0
    out_len = 0
    for m in _HYPHEN_BREAK.finditer(original):
        parts.append(original[pos:m.start()])
        out_len += m.start() - pos
        removed += m.end() - m.start()
        cuts.append(out_len)
        shift.append(removed)
        pos = m.end()
    parts.append(original[pos:])
    return "".join(parts), tuple(cuts), tuple(shift)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), else cp1252 with a warning."""
    warnings: list[str] = []
    if b"\x00" in data[:4096]:
        raise DocumentError(name, "binary file (NUL bytes), not text")
    if data.startswith(b"%PDF"):
        raise DocumentError(name, "PDF content; only plain text is read")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warnings.append(f"{name}: not UTF-8, read as cp1252 (guessed)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def load(path: Path) -> Document:
    """Read one file; raise DocumentError with the file and the reason when it cannot be used."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(name, f"file is {size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(name, f"cannot read: {e.strerror or e}") from e
    text, warnings = decode(data, name)
    if not text.strip():
        raise DocumentError(name, "empty file")
    return from_text(name, text, path=path, warnings=warnings, data=data)


def from_text(source: str, text: str, *, path: Path | None = None, warnings: list[str] | None = None,
              data: bytes | None = None) -> Document:
    """A Document from text in memory (tests, other loaders)."""
    cleaned, cuts, shift = clean_text(text)
    digest = hashlib.sha256(data if data is not None else text.encode("utf-8")).hexdigest()
    return Document(source=source, path=path or Path(source), original=text, text=cleaned, sha256=digest,
                    warnings=tuple(warnings or ()), _cuts=cuts, _shift=shift)

"""Page furniture and footnotes: the parts of a printed page that are not its running text.

A PDF page repeats a header or footer (`Tweede Kamer, vergaderjaar 2021–2022,
Aanhangsel 7`), carries a page number, and ends with footnotes; a sentence
that runs over the page break is cut by all three. `find` returns where they
are, as offsets into the original text, so that `load` can take the furniture
out, move the footnotes behind the running text and join the sentence again,
keeping a map back to the original. The first copy of a running header is kept
behind the running text too: it names the parliament and the paper.

Two kinds of input: text with form feeds (`\\f`, one per page, as pypdf's pages
are joined here and as `pdftotext` writes them), where the top and bottom lines
of every page are compared; and text without page marks (copied from a PDF
viewer), where only parliamentary running headers, runs of page numbers and
numbered footnotes are recognised.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from gcmkg.extract import scan

# running headers/footers of Dutch parliamentary papers (Kamerstukken, Aanhangsel, Handelingen)
RUNNING_HEADER = re.compile(
    r"(?:Tweede|Eerste) Kamer(?: der Staten-Generaal)?,? vergaderjaar \d{4}\s*[–-]\s*\d{4}(?:,[^\n]{0,60})?")
PAGE_NUMBER = re.compile(r"[-–—\s]*(?:(?:pagina|blz\.?|page|p\.)\s*)?(\d{1,4})(?:\s*(?:/|van|of)\s*\d{1,4})?[-–—\s]*",
                         re.I)
FOOTNOTE_START = re.compile(r"(\d{1,3})[ \t]+(?=\S)")
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DATE_START = re.compile(rf"\d{{1,3}}[ \t]+(?:en[ \t]+\d{{1,2}}[ \t]+)?(?:{_MONTHS})\b", re.I)
_RULE = re.compile(r"[ \t]*[_\-–—=]{3,}[ \t]*")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
EDGE_LINES = 3  # lines at the top and at the bottom of a page that may be furniture
MAX_FOOTNOTE_STEP = 5  # a footnote number may skip a few (notes on a page that was not copied)


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # excluding the line break
    text: str
    page: int

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Layout:
    """Offsets into the original text: what to take out of the running text, and the footnotes among it."""

    drops: tuple[tuple[int, int], ...] = ()  # ranges removed from the running text (furniture, footnotes, blank lines)
    footnotes: tuple[tuple[int, int], ...] = ()  # each footnote's own text, to be read after the running text
    headers: tuple[tuple[int, int], ...] = ()  # the first copy of each running header, also read after it
    furniture: tuple[tuple[int, int, str], ...] = ()  # each removed header, footer or page number, with its kind


def lines_of(text: str) -> list[Line]:
    """Lines split at `\\n` and at form feeds; a form feed starts a new page."""
    out: list[Line] = []
    start = 0
    for page, chunk in enumerate(text.split("\f")):
        for piece in chunk.split("\n"):
            end = start + len(piece)
            out.append(Line(start, end, piece, page))
            start = end + 1
    return out


def find(text: str) -> Layout:
    """Headers, footers, page numbers and footnotes of a text, as offsets."""
    if len(text) < 2 or not re.search(r"\d", text):
        return Layout()
    lines = lines_of(text)
    paged = lines[-1].page >= 1
    furniture = _paged_furniture(lines) if paged else _plain_furniture(lines)
    notes = _footnotes(text, lines, furniture)
    drops = _drops(lines, furniture, notes)
    first: dict[str, int] = {}
    for i, kind in sorted(furniture.items()):
        if kind == "running header":
            first.setdefault(_key(lines[i].text), i)
    return Layout(drops=tuple(drops),
                  footnotes=tuple((lines[a].start, lines[b].end) for a, b in notes),
                  headers=tuple((lines[i].start, lines[i].end) for i in sorted(first.values())),
                  furniture=tuple((lines[i].start, lines[i].end, kind) for i, kind in sorted(furniture.items())))


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", s)).strip().lower()


def _page_number(s: str) -> int | None:
    m = PAGE_NUMBER.fullmatch(s)
    return int(m.group(1)) if m else None


def _paged_furniture(lines: list[Line]) -> dict[int, str]:
    """Top and bottom lines that repeat across pages, page numbers that count with the pages, running headers."""
    pages: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        if not ln.blank:
            pages.setdefault(ln.page, []).append(i)
    edges = {p: idx[:EDGE_LINES] + idx[-EDGE_LINES:] for p, idx in pages.items()}
    seen: dict[str, dict[int, tuple[int, ...]]] = {}
    numbered: Counter[int] = Counter()
    for p, idx in edges.items():
        for i in idx:
            if len(lines[i].text) <= 150:
                seen.setdefault(_key(lines[i].text), {})[p] = tuple(int(d) for d in re.findall(r"\d+", lines[i].text))
        numbered.update({n - p for n in (_page_number(lines[i].text) for i in idx) if n is not None})
    need = max(2, (len(pages) * 2 + 4) // 5)
    repeated = {key for key, occ in seen.items() if len(occ) >= need and _counts_with_pages(occ)}

    def kind(i: int) -> str | None:
        ln = lines[i]
        n = _page_number(ln.text)
        if n is not None and numbered[n - ln.page] >= 2:
            return "page number"
        if RUNNING_HEADER.fullmatch(ln.text.strip()):
            return "running header"
        if n is None and _key(ln.text) in repeated:
            return "running header"
        return None

    out: dict[int, str] = {}
    for idx in pages.values():
        for seq in (idx[:EDGE_LINES], idx[::-1][:EDGE_LINES]):  # from the page's edge inwards
            for i in seq:
                k = kind(i)
                if k is None:
                    break
                out[i] = k
    return out


def _counts_with_pages(occ: dict[int, tuple[int, ...]]) -> bool:
    """A repeated line's numbers are fixed or count with the pages (`Aanhangsel 11`, `12`, ...), unlike `Vraag 7`."""
    shapes = {len(nums) for nums in occ.values()}
    if len(shapes) != 1:
        return False
    for pos in range(shapes.pop()):
        if len({nums[pos] for nums in occ.values()}) > 1 and len({nums[pos] - p for p, nums in occ.items()}) > 1:
            return False
    return True


def _plain_furniture(lines: list[Line]) -> dict[int, str]:
    """Without page marks: parliamentary running headers and page numbers that count up, each between blank lines."""
    def alone(i: int) -> bool:
        return (i == 0 or lines[i - 1].blank) and (i + 1 == len(lines) or lines[i + 1].blank)

    out: dict[int, str] = {}
    numbers: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        if ln.blank or not alone(i):
            continue
        if RUNNING_HEADER.fullmatch(ln.text.strip()):
            out[i] = "running header"
        elif (n := _page_number(ln.text)) is not None and ln.text.strip().isdigit():
            numbers.append((i, n))
    for (i, n), (j, m) in zip(numbers, numbers[1:]):
        if m == n + 1:
            out[i] = out[j] = "page number"
    return out


def _footnotes(text: str, lines: list[Line], furniture: dict[int, str]) -> list[tuple[int, int]]:
    """Numbered footnotes (`3 Kamerstuk 12 345, nr. 6`) as (first line, last line) index pairs.

    A block of footnotes starts a line with a number one more (or a few more)
    than the note before, each next note counting on. It is taken as footnotes
    when it follows a blank line or a rule and runs to the page break, or when
    the running text before it carries the number as a marker (`Raad2`,
    `pact.3`). A note ends at a blank line (unless its line ends in `-` or
    `:`), at a line that starts with white space (where copied PDF text starts a
    page), at a form feed or at the page's footer.
    """
    notes: list[tuple[int, int]] = []
    last = 0
    i = 0
    while i < len(lines):
        if _note_number(lines[i].text, last) is None or i in furniture:
            i += 1
            continue
        block: list[tuple[int, int, int]] = []
        j, k, at_break = i, last, False
        while j < len(lines) and j not in furniture and lines[j].page == lines[i].page \
                and (n := _note_number(lines[j].text, k)) is not None:
            end, at_break = _footnote_end(lines, furniture, j)
            block.append((j, end, n))
            k, j = n, end + 1
        prev = _previous(lines, furniture, i)
        after_break = prev is None or i - prev > 1 or bool(_RULE.fullmatch(lines[prev].text))
        marked = any(_marked(text, n, lines[a].start) for a, _, n in block)
        if (after_break and (at_break or marked)) or (marked and at_break):
            notes += [(a, b) for a, b, _ in block]
            last, i = k, j
        else:
            i += 1
    return notes


def _note_number(line: str, last: int) -> int | None:
    """The number a footnote line starts with, when it can follow note `last`."""
    m = FOOTNOTE_START.match(line)
    if not m or _DATE_START.match(line):
        return None
    n = int(m.group(1))
    return n if last < n <= last + MAX_FOOTNOTE_STEP else None


def _previous(lines: list[Line], furniture: dict[int, str], i: int) -> int | None:
    """The nearest line before `i` that is neither blank nor furniture."""
    j = i - 1
    while j >= 0 and (lines[j].blank or j in furniture):
        j -= 1
    return j if j >= 0 else None


def _footnote_end(lines: list[Line], furniture: dict[int, str], i: int) -> tuple[int, bool]:
    """The last line of the footnote starting at line `i`, and whether a page break follows it."""
    end = i
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        if ln.page != lines[end].page or j in furniture:
            return end, True
        if ln.blank:
            k = j
            while k < len(lines) and lines[k].blank and lines[k].page == lines[end].page:
                k += 1
            if lines[end].text.rstrip().endswith(("-", ":")) and k < len(lines) and k not in furniture \
                    and lines[k].page == lines[end].page and not lines[k].text[:1].isspace():
                j = k
                continue
            return end, k >= len(lines) or lines[k].page != lines[end].page or k in furniture
        if ln.text[:1].isspace() or FOOTNOTE_START.match(ln.text):
            return end, ln.text[:1].isspace()
        end = j
        j += 1
    return end, True


def _marked(text: str, n: int, before: int) -> bool:
    """Whether the text before carries footnote marker `n`: glued to a word or punctuation, or superscript."""
    window = text[max(0, before - 20000):before]
    sup = str(n).translate(_SUPERSCRIPT)
    if sup in window:
        return True
    # the marker pattern starts with its digits: try it only where they occur (scanning 20,000 characters
    # with a look-behind at every one was a tenth of all loading time)
    marker = re.compile(rf"(?<=[^\W\d_]|[).,;:’”\"?!»]){n}(?!\d)")
    return next(scan.finditer_at(marker, window, scan.literal_starts(window, (str(n),))), None) is not None


def _drops(lines: list[Line], furniture: dict[int, str], notes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Whole lines to take out: furniture and footnotes, with the blank lines around them where that joins text.

    At a page break that cuts a sentence (the next page goes on in lower case)
    the blank lines on both sides go too, so the sentence reads as one; at
    another page break the blank line before the block stays, as a paragraph
    break; a footnote block inside a page keeps the blank line after it.
    """
    out: list[list[int]] = []
    starts = {a for a, _ in notes}
    for a, b in sorted([(i, i) for i in furniture] + list(notes)):
        before = a
        while before > 0 and lines[before - 1].blank:
            before -= 1
        after = b
        while after + 1 < len(lines) and lines[after + 1].blank:
            after += 1
        nxt = after + 1
        follows = lines[nxt] if nxt < len(lines) else None
        at_break = (follows is None or follows.page != lines[b].page or nxt in furniture or nxt in starts
                    or follows.text[:1].isspace() or b in furniture)
        if at_break and follows is not None and follows.text.lstrip()[:1].islower():
            a, b = before, after
        elif at_break:
            b = after
        else:
            a = before
        start = lines[a].start
        end = lines[b + 1].start if b + 1 < len(lines) else lines[b].end
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out if e > s]

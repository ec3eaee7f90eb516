"""File bytes to the text gcmkg reads: plain text in any common encoding, PDF text layers, HTML pages.

The format is taken from the bytes, not the file name, so a PDF saved as `.txt`
is still read as a PDF (with a warning). What gcmkg calls the *original text*
of a file, the text every fact's offsets count characters of, is the result of
`read`: for plain text the decoded file with line ends as `\\n`; for a PDF the
text layer of each page as pypdf extracts it, each page followed by a form feed
(`\\f`); for HTML the text of the page's content, boilerplate (navigation,
header, footer, scripts) left out. `gcmkg text FILE` prints it.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
from dataclasses import dataclass

from gcmkg.errors import DocumentError

MB = 1024 * 1024
MAX_FILE_BYTES = {"txt": 10 * MB, "html": 10 * MB, "pdf": 100 * MB}  # checked before a file is read
MAX_TEXT_CHARS = 5_000_000  # about 2,500 pages; checked after a PDF or HTML file is turned into text
SUFFIXES = {".txt": "txt", ".text": "txt", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html"}

# signatures of files that are not text and not a readable format, with what to tell the researcher
_NOT_READABLE = (
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt file); save it as PDF or plain text"),
    (b"\xd0\xcf\x11\xe0", "a Word 97-2003 (or other Office) file; save it as PDF or plain text"),
    (b"{\\rtf", "an RTF file; save it as PDF or plain text"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"), (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
# encodings a Dutch or Flemish text file that is not UTF-8 is likely to be in
_WESTERN = ["cp1252", "iso8859_15", "latin_1"]
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Source:
    """A file's original text and how it was read."""

    text: str
    format: str  # "txt", "pdf" or "html"
    read_as: str  # e.g. "UTF-8", "cp1252", "PDF text layer (pypdf 7.1.0), 3 pages"
    warnings: tuple[str, ...] = ()


def sniff(data: bytes) -> str | None:
    """The format the bytes are in ("pdf", "html", "txt"), or None when they are binary (see `_why_binary`)."""
    head = data[:4096]
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and not _looks_textual(head)):
        return "pdf"
    if any(head.startswith(bom) for bom, _, _ in _BOMS):
        return "html" if _HTML_START.match(_bom_stripped_ascii(head)) else "txt"
    for magic, _what in _NOT_READABLE:
        if head.startswith(magic):
            return None
    if b"\x00" in head:
        return None
    return "html" if _HTML_START.match(head) else "txt"


def _looks_textual(head: bytes) -> bool:
    return b"\x00" not in head and head.count(b"\n") > 3


def _bom_stripped_ascii(head: bytes) -> bytes:
    for bom, codec, _ in _BOMS:
        if head.startswith(bom):
            try:
                return head.decode(codec, errors="ignore").encode("ascii", errors="ignore")
            except UnicodeError:
                return b""
    return head


def _why_binary(data: bytes) -> str:
    for magic, what in _NOT_READABLE:
        if data.startswith(magic):
            return what
    return "a binary file (NUL bytes), not text"


def read(data: bytes, name: str, suffix: str = "") -> Source:
    """The original text of a file's bytes; raise DocumentError with the reason when it cannot be read."""
    fmt = sniff(data)
    if fmt is None:
        raise DocumentError(name, _why_binary(data))
    warnings = []
    named = SUFFIXES.get(suffix.lower())
    if named and named != fmt:
        warnings.append(f"the content is {fmt.upper()}, the name says .{named}: read as {fmt.upper()}")
    if fmt == "pdf":
        src = pdf_text(data, name)
    elif fmt == "html":
        src = html_text(data, name)
    else:
        text, read_as, guessed = decode(data, name)
        src = Source(text, "txt", read_as, (f"encoding guessed: read as {read_as}",) if guessed else ())
    if len(src.text) > MAX_TEXT_CHARS:
        raise DocumentError(name, f"{len(src.text):,} characters of text; the limit is {MAX_TEXT_CHARS:,}: split the file")
    head = src.text[:65536]
    if len(_CONTROL.findall(head)) > 0.01 * len(head):
        raise DocumentError(name, "a binary file (control characters), not text")
    if not src.text.strip():
        raise DocumentError(name, {"pdf": "no text in the PDF (a scan without a text layer?)",
                                   "html": "no text in the page's content"}.get(fmt, "empty file"))
    return Source(src.text, src.format, src.read_as, tuple(warnings) + src.warnings)


def decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str, bool]:
    """Bytes to text with `\\n` line ends: (text, encoding named for the report, whether it was guessed)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _newlines(data.decode(codec, errors="replace")), label, False
    if declared:
        try:
            return _newlines(data.decode(declared)), declared, False
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return _newlines(data.decode("utf-8")), "UTF-8", False
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    logging.getLogger("charset_normalizer").setLevel(logging.WARNING)
    best = from_bytes(data, cp_isolation=_WESTERN).best()
    if best is None:
        raise DocumentError(name, "not text in a known encoding (tried UTF-8, cp1252, latin-1)")
    return _newlines(str(best)), best.encoding.replace("_", "-"), True


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def pdf_text(data: bytes, name: str) -> Source:
    """The text layer of every page, each page followed by a form feed."""
    import pypdf
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf logs repairs of slightly broken files
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(name, "the PDF is password-protected")
        pages = []
        total = 0
        for page in reader.pages:
            text = _newlines(page.extract_text() or "")
            total += len(text)
            if total > MAX_TEXT_CHARS:
                raise DocumentError(name, f"more than {MAX_TEXT_CHARS:,} characters of text; split the file")
            pages.append(text if text.endswith("\n") or not text else text + "\n")
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            NotImplementedError) as e:
        raise DocumentError(name, f"not a readable PDF, damaged or cut off ({e})") from e
    text = "".join(p + "\f" for p in pages)
    return Source(text, "pdf", f"PDF text layer (pypdf {pypdf.__version__}), {len(pages)} pages")


# elements whose text is never content: code, navigation, page chrome, forms
_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "nav", "header", "footer", "aside",
         "form", "button", "select", "menu", "dialog")
_DROP_ROLES = ("navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary")
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
          "blockquote", "pre", "dl", "figure", "figcaption", "address", "hr", "center"}
_LINE = {"li", "tr", "dt", "dd", "caption", "br"}
_CELL = {"td", "th"}


def html_text(data: bytes, name: str) -> Source:
    """The text of an HTML page's content: <main>, <article> or <body>, boilerplate elements left out."""
    import lxml.html
    from lxml import etree

    m = _META_CHARSET.search(data[:4096])
    text, read_as, guessed = decode(data, name, m.group(1).decode("ascii", "ignore") if m else None)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an XML encoding declaration
    text = _XML_ILLEGAL.sub(" ", text)  # control characters cannot be text in lxml's tree
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise DocumentError(name, f"not a readable HTML page ({e})") from e
    for el in root.xpath("//comment() | //processing-instruction()"):
        _remove(el)
    roles = " or ".join(f"@role='{r}'" for r in _DROP_ROLES)
    for el in root.xpath(" | ".join(f"//{t}" for t in _DROP) + f" | //*[{roles}] | //*[@hidden]"):
        _remove(el)
    parts: list[str | int] = []
    for el in _content(root):
        _walk(el, parts)
        parts.append(_BLOCK_BREAK)
    out = _join(parts)
    warnings = (f"encoding guessed: read as {read_as}",) if guessed else ()
    return Source(out, "html", f"HTML page content (lxml {'.'.join(map(str, etree.LXML_VERSION[:3]))}), "
                  f"boilerplate left out, bytes read as {read_as}", warnings)


def _content(root) -> list:
    """The elements that hold the page's content: its <main>, else its articles, else its body."""
    for xp in ("//main", "//*[@role='main']"):
        found = root.xpath(xp)
        if found:
            return found[:1]
    return root.xpath("//article[not(ancestor::article)]") or root.xpath("//body") or [root]


def _remove(el) -> None:
    """Take an element out, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


_CELL_BREAK, _LINE_BREAK, _BLOCK_BREAK = 1, 2, 3
_BREAKS = {_CELL_BREAK: " ", _LINE_BREAK: "\n", _BLOCK_BREAK: "\n\n"}


def _walk(el, parts: list[str | int]) -> None:
    """The element's text with break marks (cell, line, block) around its elements."""
    tag = el.tag if isinstance(el.tag, str) else ""
    mark = _BLOCK_BREAK if tag in _BLOCK else _LINE_BREAK if tag in _LINE else _CELL_BREAK if tag in _CELL else 0
    if mark:
        parts.append(mark)
    if tag == "pre":
        parts.append(el.text_content())
    else:
        if el.text:
            parts.append(_squash(el.text))
        for child in el:
            _walk(child, parts)
    if mark and tag != "br":
        parts.append(mark)
    if el.tail:
        parts.append(_squash(el.tail))


def _join(parts: list[str | int]) -> str:
    """Text pieces joined; each run of break marks (and white space) becomes the strongest break in it."""
    out: list[str] = []
    pending = 0
    for part in parts:
        if isinstance(part, int):
            pending = max(pending, part)
        elif pending and not part.strip():
            continue
        else:
            if pending and out:
                out[-1] = out[-1].rstrip(" ")
                part = part.lstrip(" ")
                out.append(_BREAKS[pending])
            elif pending:
                part = part.lstrip(" ")
            pending = 0
            out.append(part)
    return re.sub(r" {2,}", " ", "".join(out)).strip() + "\n"


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)

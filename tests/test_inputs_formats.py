"""Formats researchers have: text in any common encoding, PDF text layers, HTML pages; read by content, not name."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from gcmkg.errors import DocumentError
from gcmkg.extract import formats
from gcmkg.extract.load import load
from gcmkg.extract.run import extract_document
from inputs_fixtures import make_pdf

SENTENCE = "De financiële gevolgen van de coördinatie – zegt de minister – zijn “groot”."
QUESTION = ("Vragen van het lid Jansen (VVD) aan de Minister van Buitenlandse Zaken over het migratiepact "
            "(ingezonden 3 maart 2019).")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("data, read_as", [
    (SENTENCE.encode("utf-8"), "UTF-8"),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "UTF-8 with BOM"),
    (SENTENCE.encode("utf-16"), "UTF-16"),
])
def test_unicode_text_is_read_without_a_warning(tmp_path: Path, data: bytes, read_as: str) -> None:
    doc = load(write(tmp_path, "a.txt", data))
    assert doc.original == SENTENCE
    assert doc.read_as == read_as and doc.warnings == () and doc.format == "txt"


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_a_western_single_byte_encoding_is_detected_and_warned_about(tmp_path: Path, codec: str) -> None:
    text = "De financiële gevolgen van de coördinatie zijn groot; de regering ziet één probleem.\n" * 3
    doc = load(write(tmp_path, "a.txt", text.encode(codec)))
    assert doc.original == text
    assert doc.read_as.startswith(("cp1252", "iso8859", "latin"))
    assert doc.warnings == (f"encoding guessed: read as {doc.read_as}",)


def test_windows_line_ends_become_newlines(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "a.txt", b"een\r\ntwee\rdrie\n"))
    assert doc.original == "een\ntwee\ndrie\n"


def test_pdf_text_layer_pages_end_in_form_feeds_and_facts_point_into_it(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "q.pdf", [
        ["Tweede Kamer, vergaderjaar 2018–2019, Aanhangsel 11", "Vragen van het lid Jansen (VVD) aan de Minister van",
         "Buitenlandse Zaken over het migratiepact (ingezonden 3 maart 2019).", "De financiële gevolgen van de verschil-",
         "lende afspraken zijn1", "1 Zie Kamerstuk 12 345, nr. 6.", "1"],
        ["Tweede Kamer, vergaderjaar 2018–2019, Aanhangsel 12", "nog onduidelijk. De minister steunt het pact.", "2"],
    ])
    doc = load(pdf)
    assert doc.format == "pdf" and doc.read_as.startswith("PDF text layer (pypdf") and "2 pages" in doc.read_as
    assert doc.original.count("\f") == 2 and doc.original.endswith("\f")
    # page numbers and the repeated header are out of the running text; the sentence runs over the page break
    assert "De financiële gevolgen van de verschillende afspraken zijn1\nnog onduidelijk." in doc.text
    assert [doc.original[s:e] for s, e, _ in doc.furniture] == [
        "Tweede Kamer, vergaderjaar 2018–2019, Aanhangsel 11", "1",
        "Tweede Kamer, vergaderjaar 2018–2019, Aanhangsel 12", "2"]
    assert [doc.original[s:e] for s, e in doc.footnotes] == ["1 Zie Kamerstuk 12 345, nr. 6."]
    ex = extract_document(doc)
    assert ex.documents and ex.documents[0].date == "2019-03-03"
    for ev in [d.evidence for d in ex.documents] + [e for a in ex.actors for e in a.evidence]:
        assert doc.original[ev.start:ev.end] == ev.quote


def test_a_pdf_named_txt_is_read_as_pdf_with_a_warning(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "q.pdf", [[QUESTION]])
    doc = load(write(tmp_path, "q.txt", pdf.read_bytes()))
    assert doc.format == "pdf"
    assert doc.warnings == ("the content is PDF, the name says .txt: read as PDF",)


def test_a_broken_or_empty_pdf_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"not a readable PDF"):
        load(write(tmp_path, "broken.pdf", b"%PDF-1.7\n1 0 obj <</Type /Catalog>>\n"))
    empty = make_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(DocumentError, match=r"no text in the PDF \(a scan without a text layer\?\)"):
        load(empty)


def test_an_encrypted_pdf_is_read_when_it_opens_without_a_password(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [[QUESTION]])
    for name, password in (("open.pdf", ""), ("locked.pdf", "geheim")):
        writer = PdfWriter(clone_from=PdfReader(plain))
        writer.encrypt(user_password=password, owner_password="eigenaar", algorithm="AES-256")
        writer.write(tmp_path / name)
    assert load(tmp_path / "open.pdf").original == QUESTION + "\n\f"  # permissions only, as many official PDFs
    with pytest.raises(DocumentError, match="locked.pdf: the PDF is password-protected"):
        load(tmp_path / "locked.pdf")


PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="windows-1252"><title>Vragen</title>
<script>var s = "Minister Fout steunt niets";</script><style>p {{color: red}}</style></head>
<body>
<header><a href="/">Tweede Kamer der Staten-Generaal</a><nav><ul><li>Home</li><li>Kamerleden</li></ul></nav></header>
<div role="navigation">Zoeken</div>
<main>
<h1>Schriftelijke vragen</h1>
<p>{question}</p>
<p>De financi&euml;le gevolgen&nbsp;zijn <b>nog</b> onduidelijk.<br>Tweede regel.</p>
<table><tr><td>Jansen</td><td>VVD</td></tr><tr><td>Pietersen</td><td>CDA</td></tr></table>
<aside>Lees ook</aside><!-- verborgen -->
</main>
<footer>Contact | Privacy</footer>
</body></html>
"""


def test_html_keeps_the_content_and_drops_navigation_header_footer_and_scripts(tmp_path: Path) -> None:
    page = PAGE.format(question=QUESTION).replace("financi&euml;le", "financiële").encode("cp1252")
    doc = load(write(tmp_path, "vragen.html", page))
    assert doc.format == "html" and "windows-1252" in doc.read_as and doc.warnings == ()
    assert doc.original == (f"Schriftelijke vragen\n\n{QUESTION}\n\nDe financiële gevolgen zijn nog onduidelijk.\n"
                            "Tweede regel.\n\nJansen VVD\nPietersen CDA\n")
    for boilerplate in ("Home", "Zoeken", "Contact", "Lees ook", "Fout", "color", "verborgen", "Staten-Generaal"):
        assert boilerplate not in doc.original
    ex = extract_document(doc)
    assert ex.documents and ex.documents[0].kind == "written_question"


def test_html_without_main_reads_the_body_and_an_html_page_named_txt_is_read_as_html(tmp_path: Path) -> None:
    page = f"<html><body><nav>Menu</nav><p>{QUESTION}</p></body></html>".encode()
    doc = load(write(tmp_path, "page.txt", page))
    assert doc.format == "html" and doc.original == QUESTION + "\n"
    assert doc.warnings == ("the content is HTML, the name says .txt: read as HTML",)


def test_an_html_page_without_content_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no text in the page's content"):
        load(write(tmp_path, "empty.html", b"<html><body><nav>Menu</nav><script>x()</script></body></html>"))


@pytest.mark.parametrize("data, reason", [
    (b"PK\x03\x04" + b"\x00" * 40, "a ZIP archive (or a .docx/.odt file); save it as PDF or plain text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "a Word 97-2003 (or other Office) file; save it as PDF or plain text"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "a PNG image, not text"),
    (b"abc\x00def" * 20, "a binary file (NUL bytes), not text"),
    (bytes(range(1, 9)) * 200, "a binary file (control characters), not text"),
])
def test_binary_files_are_named_for_what_they_are(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError) as err:
        load(write(tmp_path, "x.txt", data))
    assert err.value.reason == reason and str(err.value) == f"x.txt: {reason}"


def test_text_longer_than_the_limit_is_refused_after_extraction(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(formats, "MAX_TEXT_CHARS", 1000)
    pdf = make_pdf(tmp_path / "long.pdf", [[SENTENCE] * 20])
    with pytest.raises(DocumentError, match=r"more than 1,000 characters of text; split the file"):
        load(pdf)

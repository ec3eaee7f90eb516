"""Fuzzing: random and adversarial bytes and Unicode text through reading, extraction, graph building and
serialisation. No crash, no hang; example counts and sizes are bounded so the suite stays fast (no timing asserts:
an alarm only turns a hang into a failure)."""

from __future__ import annotations

import codecs
import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph

from gcmkg.errors import DocumentError
from gcmkg.extract import formats
from gcmkg.extract.load import from_text
from gcmkg.extract.resolve import resolve
from gcmkg.extract.run import extract_document
from gcmkg.graph.build import build_dataset, merged_graph
from gcmkg.graph.io import trig_bytes, turtle_bytes
from gcmkg.viz.explorer import explorer_html

HANG_SECONDS = 120  # far above any real example; only a loop that never ends reaches it
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# pieces of real parliamentary layout, and the characters that break naive text handling
FRAGMENTS = [
    "Vragen van het lid Jansen (VVD) aan de Minister van Buitenlandse Zaken over het pact (ingezonden 3 maart 2019).",
    "Antwoord van Minister Pietersen (Buitenlandse Zaken) (ontvangen 4 april 2019).", "Vraag 1\n", "Antwoord 1\n",
    "ANTWOORD\nop vraag nr. 85 van 7 december 2018\nvan JAN JANSSENS\n", "BRIEF VAN DE MINISTER VAN JUSTITIE\n",
    "Tweede Kamer, vergaderjaar 2018–2019, Aanhangsel 11\n", "\f", "1 Zie Kamerstuk 34 952, nr. 1.\n", "verschil-\nlende",
    "De CoorMulti-vergadering van 31 februari 2018", "op 5 en 19 februari 2018", "29 mei jl.", "De regering steunt het pact.",
    "Nederland stemde tegen doelstelling 17.", "Aanwezig: Jansen, Pietersen.", "<script>alert(1)</script>", "&amp;",
    "\u200b", "\u200f", "\ufeff", "\u00ad", "e\u0301", "\x00", "\x0b", "\r\n", "\u2028", "😀", "\ud7ff", "ß" * 300, "«", "»",
    "“", "”", "\t", "  ", "\n\n\n", ".", "?", "(", ")", "nr.", "o.a.", "A.B.", "(D66)", "Kamer-", "mr.", "1)", "- ",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(exclude_categories=("Cs",)), max_size=40)),
                min_size=0, max_size=40).map("".join)


@contextmanager
def no_hang():
    def alarm(signum, frame):
        raise AssertionError(f"no result after {HANG_SECONDS} s: a hang")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG parser uses its deprecated API
@FAST
@given(text=TEXT)
def test_adversarial_text_goes_through_extraction_graph_and_serialisation(text: str) -> None:
    with no_hang():
        doc = from_text("fuzz.txt", text)
        ex = extract_document(doc)
        for fact in [d.evidence for d in ex.documents] + [p.evidence for p in ex.positions] + \
                [a.evidence for a in ex.attendance] + [e for a in ex.actors for e in a.evidence]:
            assert doc.original[fact.start:fact.end] == fact.quote
        ds = build_dataset(resolve([ex]))
        merged = merged_graph(ds)
        ttl, trig = turtle_bytes(merged), trig_bytes(ds)
    assert len(Graph().parse(data=ttl, format="turtle")) == len(merged)  # what is written reads back
    Dataset().parse(data=trig, format="trig")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_adversarial_text_makes_an_html_view(text: str) -> None:
    with no_hang():
        ex = extract_document(from_text("fuzz.txt", text))
        page = explorer_html(merged_graph(build_dataset([ex])))
    assert page.startswith(b"<") and page.rstrip().endswith(b">")
    assert page.count(b"<script") == 5  # document text never opens or closes an element


PREFIXES = [b"", b"%PDF-1.4\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"<html><body>",
            b"<!DOCTYPE html><main>", b"PK\x03\x04", b"\xff\xd8\xff", b"{\\rtf1"]


@settings(max_examples=80, deadline=None)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000), suffix=st.sampled_from(["", ".txt", ".pdf", ".html"]))
def test_random_bytes_are_read_or_refused_with_a_reason(prefix: bytes, body: bytes, suffix: str) -> None:
    with no_hang():
        try:
            src = formats.read(prefix + body, "x" + suffix, suffix)
        except DocumentError as e:
            assert e.reason and "\n" not in e.reason
            return
        assert src.text.strip() and src.format in ("txt", "pdf", "html")
        from_text("x", src.text)


TAGS = st.sampled_from(["p", "div", "nav", "header", "footer", "main", "article", "script", "style", "table", "tr", "td",
                        "li", "ul", "br", "pre", "b", "span", "aside", "form", "h1", "section", "svg", "template"])


@st.composite
def markup(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(TAGS)
            attrs = draw(st.sampled_from(["", ' role="navigation"', ' role="main"', " hidden", ' class="x"']))
            parts.append(f"<{tag}{attrs}>{draw(markup(depth + 1))}" + ("" if draw(st.integers(0, 5)) == 0 else f"</{tag}>"))
        else:
            parts.append(draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20))))
    return "".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=markup())
def test_random_html_is_read_or_refused_with_a_reason(page: str) -> None:
    data = ("<html><body>" + page).encode("utf-8", errors="replace")
    with no_hang():
        try:
            src = formats.read(data, "p.html", ".html")
        except DocumentError as e:
            assert e.reason
            return
    assert src.format == "html" and src.text.endswith("\n")

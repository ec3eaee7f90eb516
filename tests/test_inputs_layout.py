"""Normalisation with an offset map: hyphen breaks joined, page furniture out, footnotes behind the running text,
and every offset still pointing into the original text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcmkg.extract.load import Document, from_text, load
from gcmkg.extract.run import extract_document
from gcmkg.extract.segment import split

SEEDS = Path(__file__).parent.parent / "seeds"
HEADER = "Tweede Kamer, vergaderjaar 2018–2019, Aanhangsel {n}"


def evidence_of(ex) -> list:
    out = [d.evidence for d in ex.documents] + [a.evidence for a in ex.attendance] + [p.evidence for p in ex.positions]
    out += [e for a in ex.actors for e in a.evidence] + [e for m in ex.meetings for e in m.evidence]
    return out + [f.evidence for f in ex.flags if f.evidence]


def check_map(doc: Document, spans: list[tuple[int, int]]) -> None:
    """Every cleaned character is the original character it maps to; a span's original text normalises back."""
    for i, ch in enumerate(doc.text):
        assert doc.original[doc.orig(i)] == ch, i
    for a, b in spans:
        s, e, quote = doc.span(a, b)
        assert quote == doc.original[s:e]
        read = doc.normalised(s, e)
        assert doc.text[a:b].startswith(read), (a, b)  # a span into the footnotes is cut where they start


def check_facts(doc: Document) -> None:
    """For every extracted fact: its quote is the original text at its offsets, which normalises to text read."""
    for ev in evidence_of(extract_document(doc)):
        assert ev.quote == doc.original[ev.start:ev.end]
        assert doc.normalised(ev.start, ev.end) in doc.text


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_offsets_map_back_and_every_fact_normalises_to_its_quote(name: str) -> None:
    doc = load(SEEDS / name)
    check_map(doc, [(a, min(a + n, len(doc.text))) for a in range(0, len(doc.text), 97) for n in (1, 40, 400)])
    check_facts(doc)


def test_a_running_header_and_footnotes_stay_out_of_the_sentences() -> None:
    doc = load(SEEDS / "004_caf9aef001c7f7d1.txt")
    sentences = [s.text for s in split(doc.text)]
    assert "Zo ja, waarom en kunt u deze voordelen \n voor Nederland kwantificeren?" in sentences  # over a page break
    assert [s for s in sentences if "Aanhangsel 1" in s] == ["Tweede Kamer, vergaderjaar 2018–2019, Aanhangsel 11"]
    assert [doc.original[s:e] for s, e, _ in doc.furniture] == [HEADER.format(n=11), HEADER.format(n=19)]
    notes = [doc.original[s:e] for s, e in doc.footnotes]
    assert [n.split()[0] for n in notes] == [str(n) for n in range(4, 13)]
    for note in notes:  # each footnote is its own sentence(s), never glued to running text
        assert not [s for s in sentences if note[:25] in s and not s.startswith(note.split()[0] + " ")]
    assert doc.text.index("12 Kamerstuk 34 952, nr. 1") > doc.text.index("Vraag 98")  # behind the running text


def test_a_footnote_inside_a_page_keeps_its_paragraph_break() -> None:
    doc = load(SEEDS / "002_f6a5e121d93e9a46.txt")
    assert [doc.original[s:e].split("\n")[0] for s, e in doc.footnotes] == [
        "1 Zie dossier E180019 op www.europapoort.nl", "2 Samenstelling:",
        "3 T02538 – Toezegging Informeren inzet kabinet bij de onderhandelingen over de definitieve "]
    assert [s.text for s in split(doc.text) if "Van Dooren" in s.text][0].endswith("JBZ-Raad,\nVan Dooren")


def test_numbered_lines_that_are_not_footnotes_stay_where_they_are() -> None:
    text = ("Inleiding\n\n11 december 2018 vond de conferentie plaats.\n\n1 Inleiding\n\nDe tekst gaat verder.\n\n"
            "2 Achtergrond\n\nMeer tekst.\n\n17 en 18 zijn de doelstellingen.\n")
    doc = from_text("t.txt", text)
    assert doc.text == text and doc.footnotes == () and doc.furniture == ()


def test_page_numbers_that_count_up_are_furniture_but_a_lone_number_is_not() -> None:
    text = "811\n\nVragen van het lid.\n\n2\n\nTekst op blad twee.\n\n3\n\nTekst op blad drie.\n"
    doc = from_text("t.txt", text)
    assert [doc.original[s:e] for s, e, _ in doc.furniture] == ["2", "3"]
    assert doc.text.startswith("811\n\nVragen van het lid.")


def test_a_line_repeated_at_page_tops_is_furniture_only_if_its_numbers_count_with_the_pages() -> None:
    body = ["Een regel lopende tekst nummer {}.".format(i) for i in range(60)]
    pages = [f"Vraag {n}\n" + "\n".join(body[p * 20:p * 20 + 20]) + "\n" for p, n in enumerate((7, 3, 12))]
    doc = from_text("t.txt", "\f".join(pages) + "\f")
    assert doc.furniture == ()
    pages = [f"Kamerstuk 34 952, blad {p + 4}\n" + "\n".join(body[p * 20:p * 20 + 20]) + "\n" for p in range(3)]
    doc = from_text("t.txt", "\f".join(pages) + "\f")
    assert [doc.original[s:e] for s, e, _ in doc.furniture] == [f"Kamerstuk 34 952, blad {p + 4}" for p in range(3)]


WORDS = st.sampled_from(["de", "regering", "steunt", "het", "pact", "minister", "verschillende", "Kamer", "migratie",
                         "vergadering", "12", "2018", "Jansen", "(VVD)", "nr.", "é", "coördinatie", "–", "«pact»"])


@st.composite
def paper(draw) -> str:
    """A paper as copied from a PDF: lines, hyphen breaks, page breaks with headers, page numbers and footnotes."""
    paged = draw(st.booleans())
    out: list[str] = []
    note = 0
    for page in range(draw(st.integers(1, 4))):
        if page and paged:
            out.append("\f")
        if page and paged and draw(st.booleans()):
            out.append(HEADER.format(n=page + 10) + "\n")
        for _ in range(draw(st.integers(1, 6))):
            line = " ".join(draw(st.lists(WORDS, min_size=1, max_size=9)))
            if draw(st.integers(0, 3)) == 0:
                line += " verschil-\nlende"
            if draw(st.integers(0, 4)) == 0:
                line += "."
            out.append(line + draw(st.sampled_from(["\n", " \n", "\n\n"])))
        if draw(st.booleans()):
            note += 1
            out[-1] = out[-1].rstrip("\n") + f"{note}\n\n{note} Zie Kamerstuk 34 952, nr. {note}.\n"
        if not paged and page and draw(st.booleans()):
            out.append(f"\n{HEADER.format(n=page + 10)}\n\n\n")
        if paged:
            out.append(f"{page + 1}\n")
        elif draw(st.booleans()):
            out.append(" ")
    return "".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=paper(), data=st.data())
def test_property_offsets_map_back_and_facts_normalise_to_their_quotes(text: str, data) -> None:
    doc = from_text("p.txt", text)
    n = len(doc.text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 200)), max_size=20))
    check_map(doc, [(a, min(n, a + k)) for a, k in spans])
    check_facts(doc)
    for s in split(doc.text):  # a header never sits inside running text
        if "vergaderjaar" in s.text:
            assert s.text.startswith("Tweede Kamer, vergaderjaar"), s.text

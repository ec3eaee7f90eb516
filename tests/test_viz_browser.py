"""The explorer in a real headless chromium: offline, no console errors, the seed meetings on the timeline,
evidence in the panel, linked views, filters, search, and hostile document text that stays text."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcmkg.graph.query import run_query
from gcmkg.pipeline import build, bundled_seeds
from viz_browser import assert_offline_and_clean, browser, click_graph_node, open_explorer, screenshot  # noqa: F401

SEED_MEETING_DATE = "2018-09-12"  # the fourth CoorMulti of seeds/000, to which the Flemish attaché was not invited


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    build([bundled_seeds()], out)
    return out


@pytest.fixture(scope="module")
def seed_page(browser, seed_out):  # noqa: F811
    loaded = open_explorer(browser, seed_out / "graph.html")
    yield loaded
    loaded.page.context.close()


def test_loads_offline_without_errors(seed_page):
    assert_offline_and_clean(seed_page)
    assert seed_page.js("() => gcmkgExplorer.physics") is False
    assert seed_page.js("() => gcmkgExplorer.stabilizations") >= 1
    assert seed_page.js("() => gcmkgExplorer.drawnCount()") > 50
    assert seed_page.js("() => gcmkgExplorer.edgeCount()") > 50
    assert seed_page.js("() => document.querySelectorAll('script').length") == 5
    screenshot(seed_page, "explorer-seeds.png")


def test_timeline_holds_every_seed_meeting_with_its_date(seed_page, seed_out):
    expected = {r["meeting"]: r["start"] for r in run_query("meetings", seed_out / "graph.ttl") if r["start"]}
    assert len(expected) >= 10 and SEED_MEETING_DATE in expected.values()
    shown = seed_page.js("""() => Object.fromEntries([...document.querySelectorAll('#timeline .vis-item .gcm-item')]
                                .filter(e => e.dataset.id.includes('/meeting/')).map(e => [e.dataset.id, [e.dataset.date, e.textContent]]))""")
    assert {m: d for m, (d, _) in shown.items()} == expected
    for meeting, (date, text) in shown.items():
        assert date in text, (meeting, text)


def test_clicking_a_meeting_shows_its_evidence_and_selects_it_in_the_graph(seed_page, seed_out):
    rows = [r for r in run_query("attendance", seed_out / "graph.ttl") if r["start"] == SEED_MEETING_DATE]
    assert rows, "the seeds state who was (not) invited to the meeting"
    meeting = rows[0]["meeting"]
    seed_page.page.locator(f'#timeline .gcm-item[data-id="{meeting}"]').click()
    seed_page.wait_for("() => !document.getElementById('panel').hidden")
    panel = _squash(seed_page.panel_text())
    assert panel.startswith(_squash(rows[0]["meeting_label"]))
    for r in rows:
        assert _squash(r["evidence"]) in panel
        assert r["source"] in panel
        assert _squash(r["actor_label"]) in panel
    assert "not invited" in panel
    assert seed_page.js("() => gcmkgExplorer.network.getSelectedNodes()") == [meeting]
    assert seed_page.js("() => gcmkgExplorer.timeline.getSelection()") == [meeting]
    seed_page.js("() => { document.getElementById('timeline').scrollTop = 0; }")
    seed_page.page.wait_for_timeout(300)
    screenshot(seed_page, "explorer-seeds-meeting.png")
    assert_offline_and_clean(seed_page)


def test_clicking_a_graph_node_selects_it_in_the_timeline(seed_page, seed_out):
    meetings = sorted(r["meeting"] for r in run_query("meetings", seed_out / "graph.ttl") if r["start"])
    target = meetings[-1]
    click_graph_node(seed_page, target)
    seed_page.wait_for(f"() => gcmkgExplorer.timeline.getSelection()[0] === {target!r}")
    assert seed_page.js("() => gcmkgExplorer.network.getSelectedNodes()") == [target]
    assert not seed_page.page.locator("#panel").is_hidden()


def test_clicking_an_edge_shows_the_fact_and_its_quote(seed_page, seed_out):
    row = run_query("positions", seed_out / "graph.ttl")[0]
    edge = seed_page.js(f"""() => gcmkgExplorer.data.edges.find(e => e.type === 'position' && e.from === {row['holder']!r}
                              && e.to === {row['target']!r}).id""")
    seed_page.js(f"() => gcmkgExplorer.network.emit('click', {{nodes: [], edges: [{edge!r}]}})")
    panel = _squash(seed_page.panel_text())
    assert _squash(row["evidence"]) in panel and row["stance"] in panel and row["source"] in panel


def test_search_finds_an_actor_and_opens_it(seed_page, seed_out):
    label = "Bart Somers"
    assert any(r["label"] == label for r in run_query("actors", seed_out / "graph.ttl"))
    seed_page.page.fill("#search", "bart som")
    seed_page.page.locator("#search-results button", has_text=label).first.click()
    assert _squash(seed_page.panel_text()).startswith(label)
    assert "present" in seed_page.panel_text()


def test_filters_hide_a_series_and_a_stance(seed_page):
    page = seed_page.page
    full = seed_page.js("() => gcmkgExplorer.edgeCount()")
    page.locator('#f-series input[data-value="CoorMulti"]').uncheck()
    coormulti = "() => [...document.querySelectorAll('#timeline .gcm-item')].filter(e => e.textContent.includes('CoorMulti')).length"
    seed_page.wait_for(coormulti.replace("() =>", "() => 0 ===") + " && document.querySelectorAll('#timeline .gcm-item').length > 0")
    drawn = seed_page.js("() => gcmkgExplorer.network.body.data.nodes.getIds()")
    assert not any("/meeting/coormulti/" in n for n in drawn)
    before = seed_page.js("() => gcmkgExplorer.edgeCount()")
    page.locator('#f-stances input[data-value="oppose"]').uncheck()
    colours = seed_page.js("() => gcmkgExplorer.network.body.data.edges.get().map(e => e.color.color)")
    assert "#d62728" not in colours and seed_page.js("() => gcmkgExplorer.edgeCount()") < before
    page.click("#f-reset")
    seed_page.wait_for(coormulti)
    assert seed_page.js("() => gcmkgExplorer.edgeCount()") == full
    assert_offline_and_clean(seed_page)


HOSTILE = """ Overleg <script>window.__pwned = 1</script> migratie - Werking <img src=x onerror="window.__pwned = 2">

1. Zat de IMC reeds samen? Wie nam eraan deel?



JAN JANSSENS
VLAAMS MINISTER VAN BINNENLANDS BESTUUR <img src=x onerror="window.__pwned = 3">

ANTWOORD
op vraag nr. 999 van 3 maart 2021
van PIET PIETERS

1. De werkgroep van het IMC <script>window.__pwned = 4</script>, waarin de kabinetten van de betrokken ministers zetelen, kwam al tweemaal samen, op:
 10/02/2021
 24/02/2021

Ik had op 4 maart 2021 een ontmoeting met staatssecretaris <img src=x onerror="window.__pwned = 5"> Karel Klaassen.
"""


def test_injection_document_runs_nothing(browser, tmp_path):  # noqa: F811
    doc = tmp_path / "docs" / "010_injection.txt"
    doc.parent.mkdir()
    doc.write_text(HOSTILE, encoding="utf-8")
    build([doc.parent], tmp_path / "out")
    html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert html.count("<script") == 5 and "<img" not in html
    loaded = open_explorer(browser, tmp_path / "out" / "graph.html")
    try:
        hostile = loaded.js("""() => gcmkgExplorer.data.nodes.filter(n => /<(script|img)/.test(n.label + JSON.stringify(n.facts)))
                                   .map(n => n.id)""")
        assert hostile, "the extractors carried no hostile text into the graph; the test would prove nothing"
        for node in hostile + [i["id"] for i in loaded.js("() => gcmkgExplorer.data.timeline.items")]:
            loaded.js(f"() => gcmkgExplorer.select({node!r}, 'test')")
            loaded.page.wait_for_timeout(50)
        loaded.js("() => { const q = document.getElementById('search'); q.value = 'minister'; q.dispatchEvent(new Event('input')); }")
        assert "<img src=x" in loaded.panel_text() or "<script>" in loaded.panel_text()
        loaded.page.wait_for_timeout(300)
        assert loaded.js("() => window.__pwned") is None
        assert loaded.js("() => document.querySelectorAll('img').length") == 0
        assert loaded.js("() => document.querySelectorAll('script').length") == 5
        assert "<script>" in loaded.page.locator("body").inner_text() or "<img" in loaded.page.locator("body").inner_text()
        assert_offline_and_clean(loaded)
    finally:
        loaded.page.context.close()


def test_hostile_names_series_and_quotes_stay_text(browser, tmp_path):  # noqa: F811
    """Facts made by hand, so that names, series, places and agenda items carry markup the extractors would drop."""
    from gcmkg.extract.models import ActorFact, AttendanceFact, Evidence, Extraction, MeetingFact
    from gcmkg.graph.build import build_dataset
    from gcmkg.viz.explorer import explorer_html

    bad = '<img src=x onerror="window.__pwned = 9"><script>window.__pwned = 10</script></script><!--'
    quote = Evidence(source="x.txt", start=0, end=10, quote=f"quote {bad}")
    ex = Extraction(source="x.txt", sha256="0" * 64,
                    actors=(ActorFact(key="person/x", name=f"Name {bad}", kind="person", aliases=(bad,), roles=(bad,),
                                      evidence=(quote,)),),
                    meetings=(MeetingFact(key="series/2020-01-02", series=f"Series {bad}", label=f"Meeting {bad}",
                                          start="2020-01-02", location=bad, agenda=(bad,), evidence=(quote,)),),
                    attendance=(AttendanceFact(meeting="series/2020-01-02", actor="person/x", status="present", evidence=quote),))
    page = tmp_path / "hostile.html"
    page.write_bytes(explorer_html(build_dataset([ex])))
    loaded = open_explorer(browser, page)
    try:
        loaded.page.locator("#timeline .gcm-item").first.click()
        assert f"Meeting {bad}" in loaded.panel_text() and f"quote {bad}" in loaded.panel_text()
        loaded.js("() => gcmkgExplorer.select('https://w3id.org/gcmkg/actor/person/x', 'test')")
        assert f"Name {bad}" in loaded.panel_text()
        assert f"Series {bad}" in loaded.page.locator("#timeline").inner_text()
        assert f"Series {bad}" in loaded.page.locator("#filters").inner_text()
        loaded.page.fill("#search", "name")
        assert f"Name {bad}" in loaded.page.locator("#search-results").inner_text()
        loaded.page.wait_for_timeout(300)
        assert loaded.js("() => window.__pwned") is None
        assert loaded.js("() => document.querySelectorAll('img').length") == 0
        assert loaded.js("() => document.querySelectorAll('script').length") == 5
        assert_offline_and_clean(loaded)
    finally:
        loaded.page.context.close()

"""The explorer with a 5,000-node graph: the page loads, draws a bounded number of nodes (the rest are
aggregated per kind), turns physics off once stable, and still draws any node the user selects."""

from __future__ import annotations

import pytest

from gcmkg.graph.build import build_dataset
from gcmkg.viz.data import explorer_data
from gcmkg.viz.explorer import render
from viz_browser import assert_offline_and_clean, browser, open_explorer, screenshot  # noqa: F401
from viz_synthetic import synthetic_extractions


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    data = explorer_data(build_dataset(synthetic_extractions()))
    path = tmp_path_factory.mktemp("big") / "big.html"
    path.write_bytes(render(data))
    return data, path


def test_data_of_a_5000_node_graph(big):
    data, path = big
    assert len(data["nodes"]) >= 5000
    assert len(data["timeline"]["items"]) >= 400 and len(data["facets"]["series"]) == 12
    assert path.stat().st_size < 20_000_000


def test_page_stays_bounded_and_settles(browser, big):  # noqa: F811
    data, path = big
    loaded = open_explorer(browser, path)
    try:
        js = loaded.js
        assert js("() => gcmkgExplorer.physics") is False
        limit = js("() => gcmkgExplorer.maxDrawn")
        drawn = js("() => gcmkgExplorer.network.body.data.nodes.get()")
        real = [n for n in drawn if not n["id"].startswith("aggregate:")]
        aggregates = [n for n in drawn if n["id"].startswith("aggregate:")]
        assert len(real) == limit and 0 < len(aggregates) <= 15
        assert sum(n["count"] for n in aggregates) > 1000
        ids = {n["id"] for n in real}
        edges = js("() => gcmkgExplorer.network.body.data.edges.get()")
        assert edges and all(e["from"] in ids and e["to"] in ids for e in edges)
        rendered = js("() => document.querySelectorAll('#timeline .gcm-item').length")
        print('timeline:', rendered, 'items', js("() => document.querySelectorAll('#timeline .vis-cluster').length"), 'clusters')
        assert 0 < rendered <= len(data["timeline"]["items"])
        # a low-degree actor is aggregated, not drawn; selecting it through the search draws and selects it
        hidden = min((n for n in data["nodes"] if n["kind"] == "actor" and n["degree"] == 1 and n["id"] not in ids),
                     key=lambda n: n["id"])
        loaded.page.fill("#search", hidden["label"])
        loaded.page.locator("#search-results button").first.click()
        loaded.wait_for("() => gcmkgExplorer.physics === false")
        assert js("() => gcmkgExplorer.network.getSelectedNodes()") == [hidden["id"]]
        assert js("() => gcmkgExplorer.drawnCount()") <= limit + 1 + len(aggregates)
        assert loaded.panel_text().startswith(hidden["label"])
        screenshot(loaded, "explorer-5000.png")
        assert_offline_and_clean(loaded)
    finally:
        loaded.page.context.close()

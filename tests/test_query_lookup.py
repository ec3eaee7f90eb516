"""Parameters the engine looks up: `VALUES ?param_NAME_iri { UNDEF }` placeholders filled with the nodes a value names.

The rows must be the same with the look-up as without it (the placeholder left as a no-op); the text must show
that the nodes were bound, so a query that stops using them is noticed."""

from __future__ import annotations

import pytest

from gcmkg.graph.query import load_store, named_nodes, prepared_query, query_text, run_query, store_lookup
from test_queries_named import BASE, extraction_c, extraction_d
from test_graph_samples import extraction_a, extraction_b

NK = BASE + "actor/government/nederlands-kabinet"
LOOKED_UP = {"position_timeline": "holder", "stance_changes": "holder", "series_attendance": "series",
             "evidence": "fact"}


@pytest.fixture(scope="module")
def store():
    from gcmkg.graph.build import build_dataset

    return load_store(build_dataset([extraction_a(), extraction_b(), extraction_c(), extraction_d()]))


def _without_lookup(name: str, store, params: dict[str, str]) -> list[dict[str, str]]:
    """The rows when the placeholders stay no-ops: what the query's FILTERs alone select."""
    path = _tmp_query(name)
    return run_query(str(path), None, store=store, params=params)


def _tmp_query(name: str):
    """The shipped text as a .rq file whose placeholders bind another variable, so nothing is looked up."""
    import tempfile
    from pathlib import Path

    text = query_text(name).replace("_iri { UNDEF }", "_iri_off { UNDEF }")  # a no-op on another variable
    path = Path(tempfile.mkdtemp()) / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_parameter_query_has_placeholders() -> None:
    for name, param in LOOKED_UP.items():
        assert f"VALUES ?param_{param}_iri {{ UNDEF }}" in query_text(name), name


def test_named_nodes_by_iri_and_by_label_case_ignored(store) -> None:
    lookup = store_lookup(store)
    assert named_nodes("nederlands KABINET", lookup) == [NK]
    assert named_nodes(NK, lookup) == [NK]
    assert named_nodes("coormulti", lookup) == [BASE + "series/coormulti"]
    assert named_nodes("nobody", lookup) == []
    assert named_nodes("urn:x", lookup) == ["urn:x"]  # an IRI names itself, whether or not the graph holds it


def test_placeholders_are_filled_only_with_a_lookup(store) -> None:
    text = prepared_query("position_timeline", {"holder": "Nederlands kabinet"}, store_lookup(store))
    assert text.count(f"VALUES ?param_holder_iri {{ <{NK}> }}") == 2 and "UNDEF" not in text
    assert 'VALUES ?param_holder { "Nederlands kabinet" }' in text
    assert prepared_query("position_timeline", {"holder": "x"}).count("VALUES ?param_holder_iri { UNDEF }") == 2
    assert "VALUES ?param_holder_iri {  }" in prepared_query("stance_changes", {"holder": "nobody"},
                                                              store_lookup(store))


@pytest.mark.parametrize(("name", "value"), [
    ("position_timeline", "nederlands kabinet"), ("position_timeline", NK), ("position_timeline", "België"),
    ("position_timeline", "nobody"), ("position_timeline", BASE + "series/coormulti"),
    ("stance_changes", "NEDERLANDS KABINET"), ("stance_changes", NK), ("stance_changes", "Hongarije"),
    ("series_attendance", "coormulti"), ("series_attendance", BASE + "series/coormulti"),
    ("series_attendance", "Nederlands kabinet"), ("evidence", NK), ("evidence", "Nederlands kabinet"),
    ("evidence", NK + " "),
])
def test_rows_are_the_same_with_and_without_the_lookup(store, name: str, value: str) -> None:
    params = {LOOKED_UP[name]: value}
    assert run_query(name, None, store=store, params=params) == _without_lookup(name, store, params)


def test_lookup_keeps_rows_the_filter_selects(store) -> None:
    """Not vacuous: the holder named by label and by IRI has rows, and they are those of the whole timeline."""
    rows = run_query("position_timeline", None, store=store, params={"holder": "nederlands kabinet"})
    everything = run_query("position_timeline", None, store=store)
    assert rows and rows == [r for r in everything if r["holder"] == NK]
    assert run_query("position_timeline", None, store=store, params={"holder": NK}) == rows
    evidence = run_query("evidence", None, store=store, params={"fact": NK})
    assert evidence and {r["fact"] for r in evidence} == {NK}

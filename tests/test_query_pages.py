"""Pages of a query's output (`gcmkg query --limit N --after TOKEN`): the same rows in the same order as the whole
output, cut into pages; the fast path (`# page ?VAR:` lines) gives the same pages as cutting the whole output."""

from __future__ import annotations

import itertools
import json

import pytest
from typer.testing import CliRunner

import gcmkg.graph.pages as pages
from gcmkg.cli import app
from gcmkg.graph.pages import ordered, page_key, page_of, query_page
from gcmkg.graph.query import QueryError, format_rows, natural_key, query_names, query_text, run_query

runner = CliRunner()
PAGED = ["actors", "attendance", "co_attendance", "documents", "evidence", "position_timeline", "positions"]


def all_pages(name: str, store, size: int, params=None) -> tuple[list[dict[str, str]], int]:
    rows, token, count = [], None, 0
    while True:
        page = query_page(name, store, params, size, token)
        assert len(page.rows) <= size and (page.next is None or len(page.rows) == size)
        rows += page.rows
        count += 1
        if page.next is None:
            return rows, count
        token = page.next


@pytest.mark.parametrize("small", [1, 2, 32])
def test_lazy_order_is_natural_key_order(monkeypatch, small: int) -> None:
    monkeypatch.setattr(pages, "SMALL", small)
    pieces = ["", "a", "b", "0", "1", "07", "7", "10", "\x00", "٣", "é", "/"]
    values = ["".join(p) for p in itertools.product(pieces, repeat=4)]
    expected = sorted(set(values), key=natural_key)
    assert list(ordered(values)) == expected
    for start in expected[::97]:
        assert list(ordered(values, start)) == expected[expected.index(start):]


def test_paged_queries_declare_a_key_and_placeholders() -> None:
    for name in query_names():
        key = page_key(query_text(name))
        assert (key is not None) == (name in PAGED), name
        if key:
            assert f"VALUES ?{key[0]} {{ UNDEF }}" in query_text(name), name


@pytest.mark.parametrize("size", [1, 7])
@pytest.mark.parametrize("name", query_names())
def test_pages_join_up_to_the_whole_output(seed_build, name: str, size: int) -> None:
    whole = run_query(name, None, store=seed_build.store)
    rows, count = all_pages(name, seed_build.store, size)
    assert rows == whole and count == max(1, -(-len(whole) // size))


def test_fast_pages_equal_cut_pages_and_run_few_nodes(seed_build, monkeypatch) -> None:
    """The `# page` path looks up the page's nodes only: the first page of evidence binds one fact, not all."""
    texts: list[str] = []
    run_text = pages.run_text
    monkeypatch.setattr(pages, "run_text", lambda text, *a: texts.append(text) or run_text(text, *a))
    whole = run_query("evidence", None, store=seed_build.store)
    first = query_page("evidence", seed_build.store, size=1)
    assert first == page_of(whole, 1) and first.rows == whole[:1]
    assert len(texts) == 1 and f"VALUES ?param_fact_iri {{ <{whole[0]['fact']}> }} VALUES ?param_fact_iri" in texts[0]
    second = query_page("evidence", seed_build.store, size=5, after=first.next)
    assert second == page_of(whole, 5, first.next) and second.rows == whole[1:6]


def test_pages_with_a_parameter(seed_build) -> None:
    holder = run_query("position_timeline", None, store=seed_build.store)[0]["holder_label"]
    whole = run_query("position_timeline", None, store=seed_build.store, params={"holder": holder})
    assert whole and all_pages("position_timeline", seed_build.store, 2, {"holder": holder})[0] == whole


def test_bad_tokens_and_sizes() -> None:
    with pytest.raises(QueryError, match="--after x: not a page token"):
        page_of([], 1, "x")
    with pytest.raises(QueryError, match="--limit 0: give a number of rows of 1 or more"):
        page_of([], 0)
    assert page_of([], 3) == pages.Page([], None)


def test_cli_limit_and_after_exact(seed_build) -> None:
    args = ["query", "evidence", "--graph", str(seed_build.ttl), "--format", "csv"]
    rows = run_query("evidence", None, store=seed_build.store)
    assert runner.invoke(app, args).stdout == format_rows(rows, "csv") + "\n"
    first = runner.invoke(app, [*args, "--limit", "2"])
    assert first.exit_code == 0 and first.stdout == format_rows(rows[:2], "csv") + "\n"
    last = rows[1]["fact"]
    token = f"{sum(1 for r in rows[:2] if r['fact'] == last)}:{last}"
    assert first.stderr == f"more rows: --after {token}\n"
    second = runner.invoke(app, [*args, "--limit", "3", "--after", token])
    assert second.stdout == format_rows(rows[2:5], "csv") + "\n"
    tail = runner.invoke(app, [*args, "--limit", str(len(rows)), "--after", token])
    assert tail.stdout == format_rows(rows[2:], "csv") + "\n" and tail.stderr == ""


def test_cli_json_without_limit_keeps_every_row(seed_build) -> None:
    out = runner.invoke(app, ["query", "evidence", "--graph", str(seed_build.ttl), "--format", "json"])
    assert json.loads(out.stdout) == run_query("evidence", None, store=seed_build.store) and out.stderr == ""


def test_cli_page_errors(seed_build) -> None:
    base = ["query", "actors", "--graph", str(seed_build.ttl)]
    for extra, message in [(["--after", "1:x"], "Error: --after needs --limit, the page size: e.g. --limit 100 --after TOKEN"),
                           (["--limit", "0"], "Error: --limit 0: give a number of rows of 1 or more"),
                           (["--limit", "5", "--after", "nope"],
                            "Error: --after nope: not a page token; use the one the previous page printed (M:KEY)")]:
        result = runner.invoke(app, base + extra)
        assert result.exit_code == 2 and result.stderr.strip() == message, result.output

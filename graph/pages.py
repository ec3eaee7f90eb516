"""Pages of a named query's rows: the first rows of a large listing without computing the whole listing.

A page holds `size` rows in the order of the whole output (`run_query`: sorted cell by cell, numbers by
value), and a token that continues after its last row: `M:KEY`, "after the M-th row whose first cell is
KEY". The same token works on every query and stays valid while the graph does not change.

How a page is made quickly: a query may declare its page key, the node its first column shows, with a
comment line `# page ?VAR: PATTERN`, where PATTERN finds every node that can have rows (more do no
harm), and mark with `VALUES ?VAR { UNDEF }` placeholders (no-ops) the groups that should start from
those nodes. The nodes are put in output order, and the query runs for the next few of them at a time
(1, then 2, 4, 8...), with the placeholders preceded by `VALUES ?VAR { <node> ... }`, until the page is
full: the engine looks up those nodes only. A query without `# page` runs whole and is sliced.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from gcmkg.graph.query import (
    QueryError,
    bind_params,
    load_store,
    natural_key,
    query_text,
    run_query,
    run_text,
    store_lookup,
)

FIRST_BATCH = 1  # nodes in the first run of a paged query; each further run takes twice as many
_PAGE_LINE = re.compile(r"#\s*page\s+\?([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+)")
_PREFIX = re.compile(r"^\s*PREFIX\s+[A-Za-z0-9_.-]*:\s*<[^>]*>", re.IGNORECASE | re.MULTILINE)
_LEAD = re.compile(r"\D*")  # the text before the first digit: `natural_key` orders by it first


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, str]]
    next: str | None  # the token of the next page; None when this page ends the output


def page_key(text: str) -> tuple[str, str] | None:
    """The query's `# page ?VAR: PATTERN` line as (VAR, PATTERN), or None."""
    for line in text.splitlines():
        m = _PAGE_LINE.fullmatch(line.strip())
        if m:
            return m.group(1), m.group(2).strip()
    return None


def parse_token(token: str | None) -> tuple[str, int] | None:
    """A page token `M:KEY` as (KEY, M); None for the first page."""
    if token is None:
        return None
    count, sep, key = token.partition(":")
    if not sep or not count.isdigit() or not key:
        raise QueryError(f"--after {token}: not a page token; use the one the previous page printed (M:KEY)")
    return key, int(count)


def graph_page(name_or_path: str, graph: Path, params: Mapping[str, str] | None, size: int,
               after: str | None = None) -> Page:
    """`query_page` on a graph file."""
    _check_size(size)
    parse_token(after)  # a bad token is reported before the graph is loaded
    return query_page(name_or_path, load_store(graph), params, size, after)


def page_of(rows: list[dict[str, str]], size: int, after: str | None = None) -> Page:
    """The page of a query's whole output (rows as `run_query` or `run_remote_query` give them)."""
    _check_size(size)
    return _cut(rows, parse_token(after), size)


def _check_size(size: int) -> None:
    if size < 1:
        raise QueryError(f"--limit {size}: give a number of rows of 1 or more")


def query_page(name_or_path: str, store: ox.Store, params: Mapping[str, str] | None = None, size: int = 100,
               after: str | None = None) -> Page:
    """The `size` rows of a query's output that follow the token `after` (from the first row if None)."""
    _check_size(size)
    start = parse_token(after)
    text = query_text(name_or_path)
    key = page_key(text)
    if key is None:
        rows = run_query(name_or_path, None, store=store, params=params)
        return _cut(rows, start, size)
    var, pattern = key
    prefixes = "\n".join(m.group(0).strip() for m in _PREFIX.finditer(text))
    found = store.query(f"{prefixes}\nSELECT DISTINCT ?{var} WHERE {{ {pattern} }}")
    nodes = ordered([s[0].value for s in found if isinstance(s[0], ox.NamedNode)], start[0] if start else None)
    placeholder = re.compile(rf"VALUES\s+\?{re.escape(var)}\s*\{{\s*UNDEF\s*\}}")
    lookup = store_lookup(store)
    rows: list[dict[str, str]] = []
    batch = FIRST_BATCH
    skip = start[1] if start else 0
    while len(rows) <= skip + size:  # one row more than the page, to know whether another page follows
        chosen = list(itertools.islice(nodes, batch))
        if not chosen:
            break
        values = "VALUES ?" + var + " { " + " ".join(f"<{n}>" for n in chosen) + " } "
        paged = placeholder.sub(lambda m: values + m.group(0), text)  # noqa: B023 - used at once
        rows += run_text(bind_params(paged, name_or_path, params, lookup), name_or_path, store)
        batch *= 2
    return _cut(rows, start, size)


def ordered(nodes: list[str], start: str | None = None) -> Iterator[str]:
    """The nodes in output order (`natural_key`), from `start` on (included), sorted lazily: only as far as the
    nodes taken from the iterator need (the first page of 17,000 facts needs a few of them in full)."""
    first = natural_key(start) if start is not None else None
    items = _lazy(list(set(nodes)), 0)
    if first is not None:
        items = itertools.dropwhile(lambda n: natural_key(n) < first, items)
    return items


_PART = re.compile(r"(\D*)(\d*)", re.DOTALL)
SMALL = 32  # a group this small is sorted in full


def _lazy(nodes: list[str], pos: int) -> Iterator[str]:
    """`nodes`, which agree up to `pos` (a text part starts there), in `natural_key` order.

    natural_key compares a text part, then a number, then the next text part...: the nodes are grouped by the
    text part and number that start at `pos`, the groups put in order (a group without a number ends the node, so
    it comes first), and a large group is ordered the same way from the next text part on, when it is reached."""
    if len(nodes) <= SMALL:
        yield from sorted(nodes, key=natural_key)
        return
    pos = _common_text(nodes, pos)
    groups: dict[str, list[tuple[str, int]]] = {}
    for n in nodes:
        m = _PART.match(n, pos)
        text, digits = m.group(1), m.group(2)
        g = text.replace("\0", "\0\1") + "\0\0"
        if digits:
            d = (digits if digits.isascii() else "".join(str(int(c)) for c in digits)).lstrip("0") or "0"
            g += chr(len(d)) + d
        groups.setdefault(g, []).append((n, m.end()))
    for g in sorted(groups):
        group = groups[g]
        if len(group) == 1:
            yield group[0][0]
        elif len({n[:end] for n, end in group}) > 1:  # the same number written differently (7, 07): sort in full
            yield from sorted((n for n, _ in group), key=natural_key)
        else:
            yield from _lazy([n for n, _ in group], group[0][1])


def _common_text(nodes: list[str], pos: int) -> int:
    """Past the text all `nodes` share from `pos` on, but not into a number (its digits are compared whole)."""
    low, high = min(nodes), max(nodes)  # the common prefix of all is that of the least and the greatest
    end = pos
    while end < len(low) and low[end] == high[end]:
        end += 1
    while end > pos and low[end - 1].isdigit():
        end -= 1
    return end


def _cut(rows: list[dict[str, str]], start: tuple[str, int] | None, size: int) -> Page:
    """The page of `rows` (the whole output, or the output from the token's key on) after the token."""
    offset = 0
    if start is not None:
        key, count = start
        first = natural_key(key)
        column = next(iter(rows[0])) if rows else ""
        offset = next((i for i, r in enumerate(rows) if natural_key(r[column]) >= first), len(rows))
        same = itertools.takewhile(lambda r: r[column] == key, rows[offset:])
        offset += min(count, sum(1 for _ in same))
    page = rows[offset:offset + size]
    if offset + size >= len(rows):
        return Page(page, None)
    column = next(iter(page[0]))
    last = page[-1][column]
    shown = sum(1 for r in rows[:offset + size] if r[column] == last)
    return Page(page, f"{shown}:{last}")

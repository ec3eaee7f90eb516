"""graph.trig and graph.ttl from the builder's sorted lines (graph/build.py), written by pyoxigraph as a stream.

The same lines always give the same bytes: the named graphs come in IRI order,
each graph's triples sorted (rdf:type first, then by predicate and object), and
graph.ttl is the sorted union of all files' lines, merged without holding the
corpus in memory: lines are gathered into runs of at most `RUN_LINES`, each
run sorted and kept compressed, and the runs merged line by line at the end.
pyoxigraph writes prefixed names (gcmkg's prefixes), one subject per block,
`;` between its predicates and `,` between objects of one predicate.
"""

from __future__ import annotations

import gc
import heapq
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice
from typing import BinaryIO

import pyoxigraph as ox

from gcmkg.graph.lines import RDF_TYPE, TYPE_MARK
from gcmkg.graph.namespaces import PREFIXES

RUN_LINES = 1_000_000  # lines per sorted run of the merged graph (about 200 MB before compression)
_BATCH = 20_000  # lines parsed by pyoxigraph at once
_TYPE = f" <{RDF_TYPE}> "
_MARK = f" {TYPE_MARK} "


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while (as it was afterwards).

    Building and writing a corpus's graph makes millions of small objects (lines,
    table entries, explorer rows) and no reference cycles, and every so many new
    objects the collector walks the whole heap again, the extractions included:
    about a third of the CPU time of these steps. Reference counting still frees
    everything as usual."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _distinct_sorted(lines: list[str]) -> list[str]:
    """Sorted, each once. A dict drops the repeats and keeps the order, in which each file's new lines are
    still sorted: sorting then merges these runs (timsort) instead of sorting from scratch."""
    return sorted(dict.fromkeys(lines))


def _text(lines: list[str], graph: str | None = None) -> str:
    """Lines as N-Triples, or as N-Quads in `graph`."""
    end = " .\n" if graph is None else f" <{graph}> .\n"
    return (end.join(lines) + end).replace(_MARK, _TYPE)


def nquads_text(files: Iterable[tuple[str, list[str]]]) -> str:
    """Every file's lines as N-Quads in its named graph (for small graphs: tests, rdflib)."""
    return "".join(_text(lines, graph) for graph, lines in files if lines)


class _Runs:
    """The merged graph's lines, in sorted compressed runs; `merged()` gives them all sorted and distinct."""

    def __init__(self, run_lines: int = RUN_LINES) -> None:
        self.run_lines = run_lines
        self.pending: list[str] = []
        self.runs: list[bytes] = []

    def add(self, lines: list[str]) -> None:
        self.pending.extend(lines)
        if len(self.pending) >= self.run_lines:
            self._spill()

    def _spill(self) -> None:
        lines = _distinct_sorted(self.pending)
        self.pending = []
        self.runs.append(zlib.compress("\n".join(lines).encode("utf-8"), 1))

    def merged(self) -> Iterator[str]:
        if len(self.runs) == 0:
            yield from _distinct_sorted(self.pending)
            return
        if self.pending:
            self._spill()
        last = None
        for line in heapq.merge(*(_run_lines(run) for run in self.runs)):
            if line != last:
                yield line
                last = line


def _run_lines(blob: bytes, chunk: int = 1 << 22) -> Iterator[str]:
    """The lines of one compressed run, decompressed a piece at a time."""
    d = zlib.decompressobj()
    rest = b""
    for i in range(0, len(blob), chunk):
        *whole, rest = (rest + d.decompress(blob[i:i + chunk])).split(b"\n")
        yield from b"\n".join(whole).decode("utf-8").split("\n") if whole else ()
    rest += d.flush()
    if rest:
        yield rest.decode("utf-8")


def _batches(lines: Iterable[str]) -> Iterator[list[str]]:
    it = iter(lines)
    while batch := list(islice(it, _BATCH)):
        yield batch


def write_graphs(files: Iterable[tuple[str, list[str]]], trig: BinaryIO, ttl: BinaryIO,
                 each: Callable[[list[str]], object] | None = None, run_lines: int = RUN_LINES) -> int:
    """Write the named graphs to `trig` and their union to `ttl`, handing the union's lines (graph/lines.py) to
    `each` a batch at a time as they are written (the explorer's table reads them, viz/table.py); return the
    number of triples in the union."""
    runs = _Runs(run_lines)

    def quads() -> Iterator[Iterator[ox.Quad]]:
        for graph, lines in files:
            ox.NamedNode(graph)  # checked here: lenient parsing below does not check IRIs
            runs.add(lines)
            for batch in _batches(lines):
                # lenient (half the time): every line of every graph is in the union, which is parsed strictly below
                yield ox.parse(_text(batch, graph), format=ox.RdfFormat.N_QUADS, lenient=True)

    # chain: pyoxigraph pulls each quad straight from its parser, with no Python frame per quad
    ox.serialize(chain.from_iterable(quads()), trig, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    count = 0

    def triples() -> Iterator[Iterator[ox.Quad]]:
        nonlocal count
        for batch in _batches(runs.merged()):
            count += len(batch)
            if each is not None:
                each(batch)
            yield ox.parse(_text(batch), format=ox.RdfFormat.N_TRIPLES)

    ox.serialize(chain.from_iterable(triples()), ttl, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return count

"""Writing and reading graph files: atomic, byte-identical across runs, with clear errors.

rdflib's Turtle serializer sorts subjects, predicates and objects, so a graph
without blank nodes serialises the same way every time. Its TriG serializer
does not sort the named graphs (they come out of a set, in hash order that
changes with PYTHONHASHSEED), so the TriG writer here sorts them first.
"""

from __future__ import annotations

import io
import os
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer

from gcmkg.graph.build import bind_prefixes, merged_graph


class GraphFileError(Exception):
    """A graph file that is missing, of an unknown format, or not parseable."""


_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld", ".rdf": "xml"}
_DATASET_FORMATS = {"trig", "nquads"}


@contextmanager
def _quiet_rdflib():
    """rdflib 7's own TriG code uses its deprecated ConjunctiveGraph API; that is not our users' concern."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


class _BoundPrefixesFirst:
    """Prefixed names only where a bound namespace can give one, found without rdflib's namespace trie.

    rdflib asks its namespace manager for a prefixed name of every IRI; for an
    IRI outside the bound namespaces the manager files the IRI's namespace (for
    `.../annotation/0011a8...` that is `.../annotation/0011`) in a trie that it
    then scans linearly, so serialising is quadratic in the number of such
    namespaces (30,000 triples of hash-named nodes took 100 s). An IRI that no
    bound namespace begins is written in full by rdflib anyway, so it is
    answered here at once; any other goes through rdflib as before, and the
    output is byte for byte the same.
    """

    def _bound(self) -> tuple[str, ...]:
        if not hasattr(self, "_bound_namespaces"):
            self._bound_namespaces = tuple(str(ns) for _, ns in self.store.namespaces())
        return self._bound_namespaces

    def get_pname(self, uri, gen_prefix: bool = True):  # noqa: ANN001, ANN201 - rdflib's signature
        if isinstance(uri, URIRef) and not gen_prefix and not str.startswith(uri, self._bound()):
            return None
        return super().get_pname(uri, gen_prefix)


class _TurtleSerializer(_BoundPrefixesFirst, TurtleSerializer):
    """rdflib's Turtle serializer, in linear time."""


class _SortedTrigSerializer(_BoundPrefixesFirst, TrigSerializer):
    """rdflib's TriG serializer with the named graphs in IRI order, in linear time."""

    def __init__(self, store: Dataset) -> None:
        super().__init__(store)
        self.contexts.sort(key=lambda g: str(g.identifier))


def turtle_bytes(graph: Graph) -> bytes:
    """The graph as Turtle, deterministically."""
    buf = io.BytesIO()
    _TurtleSerializer(graph).serialize(buf, encoding="utf-8")
    return buf.getvalue()


def trig_bytes(ds: Dataset) -> bytes:
    """The dataset as TriG, one block per named graph, graphs in IRI order."""
    buf = io.BytesIO()
    with _quiet_rdflib():
        _SortedTrigSerializer(ds).serialize(buf, encoding="utf-8")
    return buf.getvalue()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> Path:
    """Write to a temp file in the same folder, fsync, then rename over `path`: never a half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; a graph file is as readable as any other
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)  # make the rename itself durable
    return path


class AtomicFiles:
    """Several files made at once: each is written to a temp file beside it and renamed into place only
    when all of them are complete, so a build that fails midway leaves the previous files as they were.
    Nothing is held in memory: a corpus's graph files are hundreds of MB.

        with AtomicFiles([out / "a.ttl", out / "b.trig"]) as fh:
            fh["a.ttl"].write(...)
    """

    def __init__(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.temps: dict[str, str] = {}
        self.handles: dict[str, BinaryIO] = {}

    def __enter__(self) -> dict[str, BinaryIO]:
        try:
            for path in self.paths:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
                self.temps[path.name] = tmp
                os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; an output is as readable as any other file
                self.handles[path.name] = os.fdopen(fd, "wb")
        except BaseException:
            self._discard()
            raise
        return self.handles

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None:
            self._discard()
            return
        try:
            for fh in self.handles.values():
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()
            for path in self.paths:
                os.replace(self.temps[path.name], path)
                del self.temps[path.name]
        except BaseException:
            self._discard()
            raise
        for folder in {p.parent for p in self.paths}:
            _fsync_dir(folder)

    def _discard(self) -> None:
        for fh in self.handles.values():
            fh.close()
        for tmp in self.temps.values():
            Path(tmp).unlink(missing_ok=True)
        self.temps.clear()


def _fsync_dir(folder: Path) -> None:
    """Make renames in `folder` durable; not possible on every platform."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def write_graph_files(ds: Dataset, out_dir: Path) -> dict[str, Path]:
    """graph.ttl (all named graphs merged) and graph.trig (one graph per source file)."""
    out_dir = Path(out_dir)
    return {
        "ttl": write_atomic(out_dir / "graph.ttl", turtle_bytes(merged_graph(ds))),
        "trig": write_atomic(out_dir / "graph.trig", trig_bytes(ds)),
    }


def _format_of(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_FORMATS))
        raise GraphFileError(f"{path}: unknown graph file type {path.suffix!r} (known: {known})")
    return fmt


def load_dataset(path: Path) -> Dataset:
    """A TriG or N-Quads file with its named graphs (a triples file lands in the default graph)."""
    path = Path(path)
    fmt = _format_of(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such file")
    ds = Dataset()
    bind_prefixes(ds)
    try:
        with _quiet_rdflib():
            ds.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many types; the caller needs the file and the reason
        raise GraphFileError(f"{path}: not valid {fmt}: {err}") from err
    return ds


def load_graph(path: Path) -> Graph:
    """A graph file as one plain graph; the named graphs of TriG or N-Quads are merged."""
    path = Path(path)
    fmt = _format_of(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such file")
    if fmt in _DATASET_FORMATS:
        return merged_graph(load_dataset(path))
    graph = Graph()
    bind_prefixes(graph)
    try:
        graph.parse(path, format=fmt)
    except Exception as err:
        raise GraphFileError(f"{path}: not valid {fmt}: {err}") from err
    return graph

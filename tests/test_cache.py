"""Incremental builds: unchanged documents come from the cache, with the same output as a fresh build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import gcmkg.cache as cache_module
import gcmkg.extract.run as run
import gcmkg.pipeline as pipeline
import gcmkg.graph.build as graph_build
from gcmkg.cache import ExtractionCache
from gcmkg.pipeline import build, bundled_seeds, extract_all

OUTPUTS = ("graph.ttl", "graph.trig", "graph.html", "report.json")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """Three seeds (small ones, to keep the test quick) in a folder of their own."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for p in sorted(bundled_seeds().glob("*.txt"), key=lambda p: p.stat().st_size)[:3]:
        shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the extractors run on."""
    seen: list[str] = []
    real = pipeline.extract_document

    def counting(doc):
        seen.append(doc.source)
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_document", counting)
    return seen


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def test_second_build_reads_the_cache_and_writes_the_same(docs: Path, tmp_path: Path, calls: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    build([docs], tmp_path / "a", cache_dir=cache)
    assert len(calls) == 3
    first = _outputs(tmp_path / "a")

    calls.clear()
    build([docs], tmp_path / "b", cache_dir=cache)  # another out folder: graph built again, from cached facts
    assert calls == []
    assert _outputs(tmp_path / "b") == first

    build([docs], tmp_path / "fresh", cache_dir=None)
    assert _outputs(tmp_path / "fresh") == first

    def no_graph(*args, **kwargs):
        raise AssertionError("nothing changed: the graph must not be built again")

    monkeypatch.setattr(graph_build, "GraphBuilder", no_graph)
    calls.clear()
    result = build([docs], tmp_path / "a", cache_dir=cache)  # same inputs, same out folder: kept as is
    assert calls == []
    assert _outputs(tmp_path / "a") == first
    assert sorted(p.name for p in result.outputs.values()) == sorted(OUTPUTS)
    assert len(result.extractions) == 3


def test_changed_document_is_extracted_again(docs: Path, tmp_path: Path, calls: list[str]) -> None:
    cache = tmp_path / "cache"
    build([docs], tmp_path / "out", cache_dir=cache)
    changed = sorted(docs.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nDe minister steunt het pact.\n", encoding="utf-8")

    calls.clear()
    build([docs], tmp_path / "out", cache_dir=cache)
    assert calls == [changed.name]
    build([docs], tmp_path / "fresh", cache_dir=None)
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "fresh")


def test_edited_output_is_written_again(docs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build([docs], tmp_path / "out", cache_dir=cache)
    before = _outputs(tmp_path / "out")
    (tmp_path / "out" / "graph.ttl").write_text("tampered", encoding="utf-8")
    build([docs], tmp_path / "out", cache_dir=cache)
    assert _outputs(tmp_path / "out") == before


def test_unreadable_entry_is_a_miss(docs: Path, tmp_path: Path, calls: list[str]) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    paths = sorted(docs.glob("*.txt"))
    extract_all(paths, cache=cache)
    for entry in (tmp_path / "cache" / "extractions").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    calls.clear()
    again = ExtractionCache(tmp_path / "cache")
    result = extract_all(paths, cache=again)
    assert len(calls) == 3 and again.hits == 0
    assert [e.source for e in result.extractions] == [p.name for p in paths]


def test_key_depends_on_name_content_and_version(docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sorted(docs.glob("*.txt"))[0]
    key = ExtractionCache(tmp_path).key(path)
    renamed = path.with_name("other.txt")
    shutil.copy(path, renamed)
    assert ExtractionCache(tmp_path).key(renamed) != key
    monkeypatch.setattr(cache_module, "EXTRACTOR_VERSION", run.EXTRACTOR_VERSION + "-next")
    assert ExtractionCache(tmp_path).key(path) != key
    monkeypatch.undo()
    path.write_bytes(path.read_bytes() + b" ")
    assert ExtractionCache(tmp_path).key(path) != key
    assert ExtractionCache(tmp_path).key(tmp_path / "missing.txt") is None


def test_failed_document_is_reported_on_every_build(docs: Path, tmp_path: Path) -> None:
    (docs / "empty.txt").write_text("  \n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = build([docs], tmp_path / "out", cache_dir=cache)
    second = build([docs], tmp_path / "out", cache_dir=cache)
    assert first.errors == second.errors and "empty.txt" in second.errors


def test_unwritable_cache_does_not_stop_a_build(docs: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    result = build([docs], tmp_path / "out", cache_dir=blocked)
    assert not result.errors and len(result.extractions) == 3

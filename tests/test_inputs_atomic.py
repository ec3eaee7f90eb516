"""Nothing half-written: every output goes through write_atomic, a build that fails leaves the previous outputs as
they were, and a rerun writes byte-identical files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gcmkg import pipeline
from gcmkg.graph import io as graph_io
from gcmkg.graph import write as graph_write
from gcmkg.viz import explorer
from inputs_fixtures import make_pdf

SEEDS = Path(__file__).parent.parent / "seeds"
FIRST, SECOND = SEEDS / "003_622f5c5420c89e62.txt", SEEDS / "002_f6a5e121d93e9a46.txt"


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    pipeline.build([FIRST], out)
    return out


def test_every_output_is_renamed_into_place_from_a_whole_temp_file(tmp_path: Path, monkeypatch) -> None:
    renamed: list[tuple[str, str]] = []
    real = graph_io.os.replace

    def replace(src, dst):
        renamed.append((Path(src).name, Path(dst).name))
        real(src, dst)

    monkeypatch.setattr(graph_io.os, "replace", replace)
    out = tmp_path / "out"
    result = pipeline.build([FIRST], out)
    written = [dst for _, dst in renamed]
    assert sorted(written) == sorted(pipeline.OUTPUTS) == sorted(p.name for p in out.iterdir())
    assert all(src.startswith(f".{dst}.") and src.endswith(".tmp") for src, dst in renamed)
    assert sorted(p.name for p in result.outputs.values()) == sorted(pipeline.OUTPUTS)


@pytest.mark.parametrize("where", ["graph", "html"])
def test_a_build_that_fails_midway_leaves_the_previous_outputs_intact(built: Path, monkeypatch, where: str) -> None:
    before = snapshot(built)

    def boom(*args, **kwargs):
        raise RuntimeError("interrupted")

    if where == "graph":
        monkeypatch.setattr(graph_write, "write_graphs", boom)
    else:
        monkeypatch.setattr(explorer, "explorer_html", boom)
    with pytest.raises(RuntimeError, match="interrupted"):
        pipeline.build([SECOND], built)
    assert snapshot(built) == before


def test_a_write_that_fails_leaves_whole_files_and_no_temp_files(built: Path, monkeypatch) -> None:
    before = snapshot(built)
    calls = []
    real_replace = graph_io.os.replace

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(graph_io.os, "replace", replace)
    with pytest.raises(pipeline.UsageError, match="cannot write the outputs: No space left on device"):
        pipeline.build([SECOND], built)
    after = snapshot(built)
    assert sorted(after) == sorted(before)  # no .tmp file left behind
    monkeypatch.undo()
    fresh = built.parent / "fresh"
    pipeline.build([SECOND], fresh)
    new = snapshot(fresh)
    for name in after:  # each file is either the whole old one or the whole new one
        assert after[name] in (before[name], new[name]), name


def test_a_rerun_of_mixed_formats_writes_byte_identical_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(FIRST, src / FIRST.name)
    make_pdf(src / "q.pdf", [["Vragen van het lid Jansen (VVD) aan de Minister van Buitenlandse Zaken over het",
                              "migratiepact (ingezonden 3 maart 2019)."]])
    (src / "p.html").write_text("<html><body><nav>Menu</nav><p>De minister steunt het pact.</p></body></html>")
    pipeline.build([src], tmp_path / "a")
    pipeline.build([src], tmp_path / "b")
    first, second = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert sorted(first) == sorted(pipeline.OUTPUTS)
    assert first == second

"""A build that lets its extractions go while the graph is written (as `gcmkg build` does, to hold less of a
corpus in memory) writes the same four files and reports the same as one that keeps them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from gcmkg.cli import app
from gcmkg.pipeline import OUTPUTS, build

DOCS = Path(__file__).parent / "docs"


def test_letting_the_extractions_go_changes_no_output(tmp_path: Path) -> None:
    kept = build([DOCS], tmp_path / "kept")
    gone = build([DOCS], tmp_path / "gone", keep_extractions=False)
    for name in OUTPUTS:
        assert (tmp_path / "kept" / name).read_bytes() == (tmp_path / "gone" / name).read_bytes(), name
    assert kept.extractions and gone.extractions == []
    assert gone.extracted == kept.extracted == len(kept.extractions) > 10
    assert gone.report() == kept.report()
    assert gone.problems() == kept.problems() and gone.exit_code() == kept.exit_code()


def test_the_cli_still_counts_the_files_it_extracted(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(DOCS), "--out", str(tmp_path / "out"), "--no-cache"])
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    extracted = [name for name, doc in report["documents"].items() if doc["sha256"]]
    assert len(extracted) > 10 and f"{len(extracted)} files: " in result.output
    actors = report["totals"]["actors"]
    assert f"{actors} actors" in result.output

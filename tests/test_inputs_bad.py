"""Bad input: one clear line per file naming it and the reason, the other documents still read, every problem in
report.json, exit codes 0 / 1 (--strict: warnings too) / 2."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gcmkg import pipeline
from gcmkg.cli import app
from gcmkg.extract import formats
from gcmkg.extract.dates import find_dates
from gcmkg.extract.load import from_text
from gcmkg.extract.run import extract_document
from inputs_fixtures import make_pdf

SEED = Path(__file__).parent.parent / "seeds" / "003_622f5c5420c89e62.txt"
runner = CliRunner()


def build(*args: str) -> tuple[int, list[str], dict]:
    """Run `gcmkg build`; its exit code, its Error/Warning lines, and the report it wrote."""
    out = Path(args[-1])
    result = runner.invoke(app, ["build", *args[:-1], "--out", str(out)])
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(("Error:", "Warning:"))]
    report = json.loads((out / "report.json").read_text(encoding="utf-8")) if (out / "report.json").exists() else {}
    return result.exit_code, lines, report


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder as researchers have them: one good paper and every kind of bad file."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED, d / SEED.name)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\n \t\n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "report.pdf").write_bytes(b"%PDF-1.4\nnot really\n")
    (d / "scan.txt").write_bytes(make_pdf(tmp_path / "scan.pdf", [["Vragen van het lid Jansen (VVD)."]]).read_bytes())
    (d / "notes.txt").write_text("Boodschappen: brood, melk, kaas.\n")
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (d / ".DS_Store").write_bytes(b"\x00\x00")
    (d / "sub").mkdir()
    os.symlink(d / "loop.txt", d / "loop.txt")  # unreadable even for root: too many levels of symbolic links
    return d


def test_a_folder_of_mixed_files_gives_one_line_per_problem_and_still_reads_the_good_one(mixed: Path,
                                                                                        tmp_path: Path) -> None:
    code, lines, report = build(str(mixed), str(tmp_path / "out"))
    assert code == 1
    assert lines == [
        "Error: binary.txt: a binary file (NUL bytes), not text",
        "Error: blank.txt: empty file",
        "Error: empty.txt: empty file",
        "Error: loop.txt: cannot read: Too many levels of symbolic links",
        "Error: report.pdf: not a readable PDF, damaged or cut off (Stream has ended unexpectedly)",
        "Warning: notes.txt: no facts found (no document header, actor, meeting or position recognised)",
        "Warning: photo.png: skipped: not a .txt, .pdf or .html file",
        "Warning: scan.txt: the content is PDF, the name says .txt: read as PDF",
    ]
    assert report["failed"] == ["binary.txt", "blank.txt", "empty.txt", "loop.txt", "report.pdf"]
    assert [(p["file"], p["level"]) for p in report["problems"]] == [
        (ln.split(": ")[1], ln.split(":")[0].lower()) for ln in lines]
    good = report["documents"][SEED.name]
    assert good["errors"] == [] and good["warnings"] == [] and good["counts"]["actors"] > 0
    assert good["format"] == "txt" and good["read_as"] == "UTF-8"
    assert report["documents"]["scan.txt"]["format"] == "pdf"
    assert "form feed" in report["offsets"]


def test_strict_fails_on_warnings_and_all_fine_is_zero(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    shutil.copy(SEED, tmp_path / "a" / SEED.name)
    assert build(str(tmp_path / "a"), str(tmp_path / "o1"))[:2] == (0, [])
    assert build("--strict", str(tmp_path / "a"), str(tmp_path / "o2"))[:2] == (0, [])
    (tmp_path / "a" / "x.txt").write_bytes("Geen feiten in d\xe9ze tekst, alleen één zin.\n".encode("cp1252"))
    code, lines, report = build(str(tmp_path / "a"), str(tmp_path / "o3"))
    assert code == 0 and lines == ["Warning: x.txt: encoding guessed: read as cp1252",
                                   "Warning: x.txt: no facts found (no document header, actor, meeting or position "
                                   "recognised)"]
    assert build("--strict", str(tmp_path / "a"), str(tmp_path / "o4"))[0] == 1


def test_usage_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path / "nothere.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and result.stderr.strip() == f"Error: {tmp_path / 'nothere.txt'}: no such file or folder"
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["build", str(tmp_path / "empty"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and result.stderr.strip() == f"Error: {tmp_path / 'empty'}: no .txt, .pdf or .html files to read"
    (tmp_path / "file").write_text("x")
    result = runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path / "file")])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(f"Error: {tmp_path / 'file'}: exists and is not a folder; choose another --out")
    result = runner.invoke(app, ["build", "--no-such-option"])
    assert result.exit_code == 2


def test_a_missing_file_next_to_a_good_one_fails_that_file_only(tmp_path: Path) -> None:
    code, lines, report = build(str(SEED), str(tmp_path / "gone.txt"), str(tmp_path / "o"))
    assert code == 1 and lines == [f"Error: {tmp_path / 'gone.txt'}: no such file or folder"]
    assert report["documents"][SEED.name]["counts"]["actors"] > 0


def test_two_files_with_one_name_cannot_both_be_sources(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        shutil.copy(SEED, tmp_path / d / SEED.name)
    code, lines, _ = build(str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "o"))
    assert code == 1
    assert lines == [f"Error: {tmp_path / 'b' / SEED.name}: the same file name as {tmp_path / 'a' / SEED.name}; "
                     "rename one of them"]


def test_a_permission_denied_file_is_one_error(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "locked.txt"
    p.write_text("tekst")
    real_open = Path.open

    def deny(self, *a, **k):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", deny)
    outcome = pipeline.process(p)
    assert outcome.error == "cannot read: Permission denied" and outcome.extraction is None


def test_a_50_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "big.txt"
    line = b"De minister steunt het pact niet, zegt de Kamer in een lange zin zonder einde.\n"
    with big.open("wb") as fh:
        for _ in range(50 * formats.MB // (len(line) * 1000) + 1):
            fh.write(line * 1000)
    assert big.stat().st_size >= 50 * formats.MB
    reads: list[int] = []
    real_read = formats.read
    monkeypatch.setattr(formats, "read", lambda data, *a: reads.append(len(data)) or real_read(data, *a))
    code, lines, report = build(str(big), str(SEED), str(tmp_path / "o"))
    assert code == 1
    assert lines == ["Error: big.txt: the file is 50 MB; the limit for TXT files is 10 MB: split it"]
    assert reads == [SEED.stat().st_size]  # the big file's bytes were never read in
    assert report["documents"][SEED.name]["counts"]["actors"] > 0


def test_a_device_or_pipe_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = pipeline.process(fifo)  # reading a pipe nobody writes to would wait for ever
    assert outcome.error == "not a regular file (a device or a pipe)"


def test_impossible_dates_are_not_dates_and_make_no_facts() -> None:
    assert find_dates("op 31 februari 2018 en 30 februari 2019") == []
    assert [m.dates for m in find_dates("op 29 februari 2020")] == [("2020-02-29",)]
    text = ("De CoorMulti-vergadering van 31 februari 2018 ging over het pact. "
            "De vertegenwoordiger van de Vlaamse Regering was aanwezig op de vergadering van 31 februari 2018.\n")
    ex = extract_document(from_text("d.txt", text))
    dates = {m.start for m in ex.meetings} | {p.date for p in ex.positions} | {d.date for d in ex.documents}
    assert not any(d and d.startswith("2018-02-3") for d in dates)
    assert all(m.start is None for m in ex.meetings)


def test_text_with_markup_is_read_as_text_and_quotes_stay_exact(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    marked = "<p><b>Let op:</b> &amp; <i>kopie</i></p>\n" + text.replace("\n\n", "\n<br/>\n", 3)
    p = tmp_path / "markup.txt"
    p.write_text(marked, encoding="utf-8")
    outcome = pipeline.process(p)
    assert outcome.error is None and outcome.format == "txt"
    ex = outcome.extraction
    assert ex.actors
    for a in ex.actors:
        for ev in a.evidence:
            assert marked[ev.start:ev.end] == ev.quote


def test_gcmkg_text_prints_the_original_text_that_offsets_count(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "q.pdf", [["Vragen van het lid Jansen (VVD)."], ["Tweede blad."]])
    result = runner.invoke(app, ["text", str(pdf)])
    assert result.exit_code == 0 and result.stdout == "Vragen van het lid Jansen (VVD).\n\fTweede blad.\n\f"
    result = runner.invoke(app, ["text", str(tmp_path / "nothere.pdf")])
    assert result.exit_code == 2 and result.stderr.strip() == f"Error: {tmp_path / 'nothere.pdf'}: no such file"
    (tmp_path / "e.txt").write_text("")
    result = runner.invoke(app, ["text", str(tmp_path / "e.txt")])
    assert result.exit_code == 1 and result.stderr.strip() == "Error: e.txt: empty file"

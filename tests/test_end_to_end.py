"""The whole pipeline on the bundled seeds, through the real CLI: build, SHACL, the JSON query contract,
and recall/precision per fact type against the hand-made gold in tests/gold/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gcmkg.cli import app
from gcmkg.evaluate import FACT_TYPES, score_rows
from gcmkg.graph.io import load_graph
from gcmkg.graph.validate import validate
from test_graph_query import COLUMNS

GOLD = Path(__file__).parent / "gold"
SEEDS = Path(__file__).parent.parent / "seeds"
# Floors, raised as extraction improves; the minimum is 0.70 for both.
# issue 3's targets: recall >= 0.95 and precision >= 0.90 for every fact type on the seeds
RECALL = {"documents": 1.0, "actors": 0.95, "meetings": 1.0, "attendance": 0.95, "positions": 0.95}
PRECISION = {"documents": 1.0, "actors": 0.95, "meetings": 1.0, "attendance": 0.95, "positions": 0.90}
KINDS = {
    "documents": {"written_question", "answer", "letter", "report", "plenary_record", "committee_record", "news", "other"},
    "actors": {"person", "government", "ministry", "administration", "cabinet", "parliament", "committee", "party",
               "country", "international_organisation", "civil_society", "other"},
}
ISO = re.compile(r"^$|^\d{4}-\d{2}-\d{2}$")
runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds-out")
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def rows(built: Path) -> dict[str, list[dict]]:
    out = {}
    for name in FACT_TYPES:
        result = runner.invoke(app, ["query", name, "--graph", str(built / "graph.ttl"), "--format", "json"])
        assert result.exit_code == 0, result.output
        out[name] = json.loads(result.stdout)
    return out


def test_build_writes_the_four_outputs_and_a_report_per_document(built: Path) -> None:
    for name in ("graph.ttl", "graph.trig", "graph.html", "report.json"):
        assert (built / name).stat().st_size > 0, name
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    assert sorted(report["documents"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert report["failed"] == []
    for doc in report["documents"].values():
        assert doc["counts"]["documents"] >= 1 and doc["counts"]["actors"] >= 1


def test_built_graph_conforms_to_the_shapes(built: Path) -> None:
    result = validate(load_graph(built / "graph.ttl"))
    assert result.conforms, "\n".join(result.violations[:10])


@pytest.mark.parametrize("name", FACT_TYPES)
def test_json_rows_have_exactly_the_contract_keys(rows: dict[str, list[dict]], name: str) -> None:
    assert rows[name], f"{name}: no rows on the seeds"
    for row in rows[name]:
        assert list(row) == COLUMNS[name]
        assert all(isinstance(v, str) for v in row.values()), row
        assert row["source"] in {p.name for p in SEEDS.glob("*.txt")}
        for key in ("date", "start", "end"):
            if key in row:
                assert ISO.match(row[key]), row
        if name in KINDS:
            assert row["kind"] in KINDS[name], row
        if name == "attendance":
            assert row["status"] in {"present", "absent", "excused", "invited", "not_invited"}
            assert row["evidence"]
        if name == "positions":
            assert row["stance"] in {"support", "oppose", "conditional", "undecided"}
            assert row["objective"] == "" or 1 <= int(row["objective"]) <= 23
            assert row["evidence"]


@pytest.mark.parametrize("name", FACT_TYPES)
def test_recall_and_precision_hold_against_the_gold(rows: dict[str, list[dict]], name: str) -> None:
    score = score_rows(GOLD, rows)[name]
    assert score.recall >= RECALL[name], f"{name} recall {score.recall:.2f}; missed:\n" + "\n".join(score.missed)
    assert score.precision >= PRECISION[name], (f"{name} precision {score.precision:.2f}; extra:\n"
                                                + "\n".join(score.unmatched))


def test_same_input_gives_byte_identical_files(built: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.trig", "graph.html", "report.json"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_eval_prints_one_line_per_fact_type() -> None:
    result = runner.invoke(app, ["eval", "--gold", str(GOLD)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].split() == ["fact", "type", "gold", "found", "recall", "system", "right", "precision"]
    assert [line.split()[0] for line in lines[1:]] == list(FACT_TYPES)


# The invented test documents (tests/docs, see its README) stand for documents gcmkg has never seen:
# these floors hold what generalises today so that no change makes it worse; the targets are higher.
UNSEEN_RECALL = {"documents": 0.95, "actors": 0.80, "meetings": 0.95, "attendance": 0.75, "positions": 0.50}
UNSEEN_PRECISION = {"documents": 0.95, "actors": 0.92, "meetings": 0.95, "attendance": 0.92, "positions": 0.68}


@pytest.fixture(scope="module")
def unseen_scores():
    from gcmkg.evaluate import evaluate

    docs = Path(__file__).parent / "docs"
    errors: dict[str, str] = {}
    scores = evaluate(Path(__file__).parent / "docs_gold", [docs], errors)
    assert not errors, errors
    return scores


@pytest.mark.parametrize("name", FACT_TYPES)
def test_unseen_documents_hold_their_floors(unseen_scores, name: str) -> None:
    score = unseen_scores[name]
    assert score.recall >= UNSEEN_RECALL[name], f"{name} recall {score.recall:.2f}"
    assert score.precision >= UNSEEN_PRECISION[name], f"{name} precision {score.precision:.2f}"

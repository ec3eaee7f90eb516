"""Extraction on several processes or a Dask cluster gives the same output as on one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gcmkg.errors import UsageError
from gcmkg.parallel import map_files
from gcmkg.pipeline import build, bundled_seeds, process

OUTPUTS = ("graph.ttl", "graph.trig", "graph.html", "report.json")


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and a file that cannot be read as text, so errors travel too."""
    folder = tmp_path_factory.mktemp("docs")
    for p in sorted(bundled_seeds().glob("*.txt")):
        shutil.copy(p, folder / p.name)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


@pytest.fixture(scope="module")
def serial(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("serial")
    result = build([docs], out, workers=1)
    assert "binary.txt" in result.errors
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def test_processes_give_the_same_output(docs: Path, serial: dict[str, bytes], tmp_path: Path) -> None:
    result = build([docs], tmp_path, workers=2)
    assert {name: (tmp_path / name).read_bytes() for name in OUTPUTS} == serial
    assert list(result.errors) == ["binary.txt"]


def test_dask_cluster_gives_the_same_output(docs: Path, serial: dict[str, bytes], tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster:
        result = build([docs], tmp_path, scheduler=cluster.scheduler_address)
        paths = sorted(docs.glob("*.txt"), reverse=True)
        in_order = [o.name for o in map_files(process, paths, scheduler=cluster.scheduler_address)]
        assert "remote" in cluster.scheduler.task_prefixes  # the files were extracted on the cluster
    assert in_order == [p.name for p in paths]
    assert {name: (tmp_path / name).read_bytes() for name in OUTPUTS} == serial
    assert list(result.errors) == ["binary.txt"]


def test_outcomes_keep_input_order(docs: Path) -> None:
    paths = sorted(docs.glob("*.txt"), reverse=True)
    assert [o.name for o in map_files(process, paths, workers=2)] == [p.name for p in paths]


def test_unreachable_scheduler_is_a_usage_error(docs: Path) -> None:
    with pytest.raises(UsageError, match="--scheduler tcp://127.0.0.1:9: cannot connect"):
        map_files(process, sorted(docs.glob("*.txt")), scheduler="tcp://127.0.0.1:9")


def test_address_without_port_is_a_usage_error(docs: Path) -> None:
    with pytest.raises(UsageError, match="--scheduler nonsense: .*port"):
        map_files(process, sorted(docs.glob("*.txt")), scheduler="nonsense")


def test_workers_must_be_positive(docs: Path) -> None:
    with pytest.raises(UsageError, match="--workers 0"):
        map_files(process, sorted(docs.glob("*.txt")), workers=0)

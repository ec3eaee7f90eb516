"""Shared fixtures: the bundled seeds built once per test session (extraction takes most of a test run)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset


@dataclass(frozen=True)
class SeedBuild:
    """The seeds through the real pipeline: the dataset, its files on disk and a loaded query store."""

    dataset: Dataset
    out: Path  # graph.ttl, graph.trig, graph.html, report.json
    store: ox.Store

    @property
    def ttl(self) -> Path:
        return self.out / "graph.ttl"

    @property
    def trig(self) -> Path:
        return self.out / "graph.trig"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> SeedBuild:
    """Build the seeds once; tests must not change the files (copy them first)."""
    from gcmkg.graph.build import build_dataset
    from gcmkg.graph.query import load_store
    from gcmkg.pipeline import build, bundled_seeds

    out = tmp_path_factory.mktemp("seed-build")
    result = build([bundled_seeds()], out)
    assert not result.errors, result.errors
    return SeedBuild(dataset=build_dataset(result.extractions), out=out, store=load_store(out / "graph.ttl"))

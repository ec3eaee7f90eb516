"""The one way through: files in, extractions, a graph, and the four output files out.

Each document is extracted on its own; one that fails becomes an entry in the
report and the others go on. Outputs are written atomically, so an interrupted
build leaves the previous ones intact.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from pydantic import ValidationError

from gcmkg.errors import DocumentError, UsageError
from gcmkg.extract.models import Extraction, validation_lines
from gcmkg.extract.resolve import resolve
from gcmkg.extract.run import EXTRACTOR_VERSION, extract_path

READABLE = {".txt"}


@dataclass
class BuildResult:
    extractions: list[Extraction] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # file name -> reason
    outputs: dict[str, Path] = field(default_factory=dict)

    def report(self) -> dict:
        docs = {}
        for ex in self.extractions:
            docs[ex.source] = {"sha256": ex.sha256, "counts": ex.counts(),
                               "warnings": [f.message for f in ex.flags], "errors": []}
        for name, reason in self.errors.items():
            docs[name] = {"sha256": None, "counts": {}, "warnings": [], "errors": [reason]}
        totals: dict[str, int] = {}
        for ex in self.extractions:
            for k, v in ex.counts().items():
                totals[k] = totals.get(k, 0) + v
        return {"extractor_version": EXTRACTOR_VERSION, "documents": dict(sorted(docs.items())),
                "totals": totals, "failed": sorted(self.errors)}


def bundled_seeds() -> Path:
    return Path(str(files("gcmkg.seeds")))


def collect(paths: Sequence[Path]) -> list[Path]:
    """Files named, and the readable files inside folders named, in a stable order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(q for q in p.iterdir() if q.is_file() and q.suffix.lower() in READABLE)
        elif p.exists():
            out.append(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return out


def extract_all(paths: Iterable[Path], progress: Callable[[str], None] | None = None) -> BuildResult:
    result = BuildResult()
    for p in paths:
        if progress:
            progress(p.name)
        try:
            result.extractions.append(extract_path(p))
        except DocumentError as e:
            result.errors[p.name] = e.reason
        except ValidationError as e:
            result.errors[p.name] = "invalid fact: " + "; ".join(validation_lines(e))
    return result


def build(paths: Sequence[Path], out_dir: Path, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Extract every document, build the graph, write graph.ttl, graph.trig, graph.html and report.json."""
    from gcmkg.graph.build import build_dataset, merged_graph
    from gcmkg.graph.io import write_atomic, write_graph_files
    from gcmkg.viz.view import html_bytes

    result = extract_all(collect(paths), progress)
    result.extractions = resolve(result.extractions)  # one key per actor across documents
    ds = build_dataset(result.extractions)
    result.outputs = write_graph_files(ds, out_dir)
    merged = merged_graph(ds)
    result.outputs["html"] = write_atomic(out_dir / "graph.html", html_bytes(merged))
    report = json.dumps(result.report(), indent=2, ensure_ascii=False, sort_keys=False).encode("utf-8") + b"\n"
    result.outputs["report"] = write_atomic(out_dir / "report.json", report)
    return result

"""The one way through: files in, extractions, a graph, and the four output files out.

Each document is read and extracted on its own; one that fails becomes an
entry in the report and the others go on. Every output is made in memory
first and then written atomically (temp file, rename), so a build that fails
halfway leaves the previous outputs as they were.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from pydantic import ValidationError

from gcmkg.cache import ExtractionCache
from gcmkg.errors import EXIT_DOCUMENTS_FAILED, EXIT_OK, DocumentError, Problem, UsageError
from gcmkg.extract.formats import SUFFIXES
from gcmkg.extract.models import Extraction, validation_lines
from gcmkg.extract.resolve import resolve
from gcmkg.extract.run import EXTRACTOR_VERSION, extract_document
from gcmkg.parallel import map_files

READABLE = set(SUFFIXES)
OUTPUTS = ("graph.ttl", "graph.trig", "graph.html", "report.json")
OFFSETS = ("Evidence offsets count characters of each file's original text: for plain text the decoded file "
           "with line ends as \\n; for PDF the text layer of each page (pypdf), each page followed by a form feed; "
           "for HTML the text of the page's content without navigation, header, footer and scripts. "
           "`gcmkg text FILE` prints it.")


@dataclass
class Outcome:
    """What became of one file: its extraction, or the reason it has none; and any warnings."""

    name: str
    extraction: Extraction | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    format: str | None = None
    read_as: str | None = None


@dataclass
class BuildResult:
    extractions: list[Extraction] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # file name -> reason
    outputs: dict[str, Path] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)  # file name -> warnings about reading it
    inputs: dict[str, dict[str, str | None]] = field(default_factory=dict)  # file name -> format, read_as
    let_go: int = 0  # extractions that write_outputs let go once the graph builder had them (keep_extractions=False)
    kept_report: dict | None = None  # report() as it was before they went

    def add(self, o: Outcome) -> None:
        self.inputs[o.name] = {"format": o.format, "read_as": o.read_as}
        if o.warnings:
            self.warnings.setdefault(o.name, []).extend(o.warnings)
        if o.extraction is not None:
            self.extractions.append(o.extraction)
        if o.error is not None:
            self.errors[o.name] = o.error

    def problems(self) -> list[Problem]:
        """Every error and warning, errors first, each in file-name order."""
        out = [Problem(name, "error", reason) for name, reason in sorted(self.errors.items())]
        out += [Problem(name, "warning", w) for name, ws in sorted(self.warnings.items()) for w in ws]
        return out

    def exit_code(self, strict: bool = False) -> int:
        """0 when all is fine, 1 when a document failed (with `strict`, also when anything was warned about)."""
        return EXIT_DOCUMENTS_FAILED if self.errors or (strict and self.warnings) else EXIT_OK

    @property
    def extracted(self) -> int:
        """How many files have an extraction (also after write_outputs let them go)."""
        return len(self.extractions) + self.let_go

    def report(self) -> dict:
        if self.kept_report is not None:
            return self.kept_report
        docs = {}
        for ex in self.extractions:
            own = set(self.warnings.get(ex.source, []))
            docs[ex.source] = {**self.inputs.get(ex.source, {}), "sha256": ex.sha256, "counts": ex.counts(),
                               "warnings": list(self.warnings.get(ex.source, [])),
                               "flags": [f.message for f in ex.flags if f.message not in own], "errors": []}
        for name, reason in self.errors.items():
            docs[name] = {**self.inputs.get(name, {}), "sha256": None, "counts": {},
                          "warnings": list(self.warnings.get(name, [])), "flags": [], "errors": [reason]}
        totals: dict[str, int] = {}
        for ex in self.extractions:
            for k, v in ex.counts().items():
                totals[k] = totals.get(k, 0) + v
        # files skipped in a folder were never documents: they are only in "problems"
        return {"extractor_version": EXTRACTOR_VERSION, "offsets": OFFSETS, "documents": dict(sorted(docs.items())),
                "totals": totals, "failed": sorted(self.errors),
                "problems": [{"file": p.file, "level": p.level, "reason": p.reason} for p in self.problems()]}


def bundled_seeds() -> Path:
    return Path(str(files("gcmkg.seeds")))


def collect(paths: Sequence[Path], problems: list[Problem] | None = None) -> list[Path]:
    """Files named, and the readable files inside folders named, in a stable order.

    With a `problems` list, a missing path or a file in a folder that is not
    .txt, .pdf or .html goes there (an error, a warning) instead of stopping
    everything; without one, a missing path raises UsageError.
    """
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for q in sorted(p.iterdir()):
                if q.is_dir():
                    continue  # subfolders are not read
                if q.suffix.lower() in READABLE:
                    out.append(q)
                elif problems is not None and not q.name.startswith((".", "__")):  # .DS_Store, __init__.py
                    problems.append(Problem(q.name, "warning", "skipped: not a .txt, .pdf or .html file"))
        elif p.exists() or p.is_symlink():
            out.append(p)
        elif problems is None:
            raise UsageError(f"{p}: no such file or folder")
        else:
            problems.append(Problem(str(p), "error", "no such file or folder"))
    return out


def process(path: Path) -> Outcome:
    """Read and extract one file; never raises for a bad file, the reason goes into the outcome."""
    from gcmkg.extract.load import load

    name = path.name
    try:
        doc = load(path)
    except DocumentError as e:
        return Outcome(name, error=e.reason)
    warnings = tuple(doc.warnings)
    try:
        ex = extract_document(doc)
    except ValidationError as e:
        return Outcome(name, error="invalid fact: " + "; ".join(validation_lines(e)), warnings=warnings,
                       format=doc.format, read_as=doc.read_as)
    except DocumentError as e:
        return Outcome(name, error=e.reason, warnings=warnings, format=doc.format, read_as=doc.read_as)
    if not any(ex.counts().values()):
        warnings += ("no facts found (no document header, actor, meeting or position recognised)",)
    return Outcome(name, extraction=ex, warnings=warnings, format=doc.format, read_as=doc.read_as)


def extract_all(paths: Iterable[Path], progress: Callable[[str], None] | None = None, *, workers: int = 1,
                scheduler: str | None = None, cache: ExtractionCache | None = None) -> BuildResult:
    """Read and extract every file, in order: from the cache where it holds the file's content, else on
    `workers` processes or the Dask `scheduler` (gcmkg.parallel); new extractions go into the cache."""
    result = BuildResult()
    seen: dict[str, Path] = {}
    todo: list[Path] = []
    plan: list[tuple[Path, Outcome | str | None]] = []  # an outcome from the cache, an error, or None: extract
    for p in paths:
        if p.name in seen:  # evidence names a source by its file name, so two files cannot share one
            plan.append((p, f"the same file name as {seen[p.name]}; rename one of them"))
            continue
        seen[p.name] = p
        hit = cache.get(p) if cache else None
        plan.append((p, Outcome(p.name, extraction=hit[0], **hit[1]) if hit else None))
        if hit is None:
            todo.append(p)
    fresh = map_files(process, todo, workers, scheduler)
    for p, planned in plan:
        if progress:
            progress(p.name)
        if isinstance(planned, str):
            result.errors[str(p)] = planned
            continue
        outcome = planned or next(fresh)
        if cache and planned is None and outcome.extraction is not None and outcome.error is None:
            cache.put(p, outcome.extraction, {"warnings": list(outcome.warnings), "format": outcome.format,
                                              "read_as": outcome.read_as})
        result.add(outcome)
    return result


def build(paths: Sequence[Path], out_dir: Path, progress: Callable[[str], None] | None = None,
          base_iri: str | None = None, *, workers: int = 1, scheduler: str | None = None,
          cache_dir: Path | None = None, keep_extractions: bool = True) -> BuildResult:
    """Extract every document, build the graph, write graph.ttl, graph.trig, graph.html and report.json.
    `base_iri` replaces https://w3id.org/gcmkg/ in the data's IRIs (see graph/iris.py).
    With `keep_extractions=False` the result's extractions are let go while the graph is written (a
    corpus's take hundreds of MB); its `extracted` count and `report()` stay as they were.

    With `cache_dir`, unchanged documents are not extracted again, and when nothing changed since the
    last build into `out_dir` its outputs are kept as they are (gcmkg.cache)."""
    from gcmkg.graph.iris import base_problem

    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir}: exists and is not a folder; choose another --out")
    if base_iri and (problem := base_problem(base_iri)):
        raise UsageError(f"--base-iri {base_iri}: {problem}")
    problems: list[Problem] = []
    found = collect(paths, problems)
    if not found and all(p.level == "error" for p in problems):
        missing = [f"{p.file}: {p.reason}" for p in problems]
        raise UsageError("; ".join(missing) if missing else
                         f"{', '.join(map(str, paths))}: no .txt, .pdf or .html files to read")
    cache = ExtractionCache(cache_dir) if cache_dir else None
    result = extract_all(found, progress, workers=workers, scheduler=scheduler, cache=cache)
    # besides the files and the code, the outputs depend on these:
    notes = [("base-iri", base_iri or "")] + [(p.file, p.level, p.reason) for p in problems]
    build_key = cache.build_key(found, notes) if cache else None
    for p in problems:
        if p.level == "error":
            result.errors[p.file] = p.reason
        else:
            result.warnings.setdefault(p.file, []).append(p.reason)
    result.extractions = resolve(result.extractions)  # one key per actor across documents
    if cache and (current := cache.outputs_current(build_key, out_dir)):
        result.outputs = current
        return result
    result.outputs = write_outputs(out_dir, result, base_iri, keep_extractions=keep_extractions)
    if cache:
        cache.record_outputs(build_key, out_dir, result.outputs)
    return result


def write_outputs(out_dir: Path, result: BuildResult, base_iri: str | None = None, *,
                  keep_extractions: bool = True) -> dict[str, Path]:
    """Make graph.ttl, graph.trig, graph.html and report.json from the extractions, each straight into a
    temp file, and rename them into place only once all of them are made (graph.io.AtomicFiles).
    With `keep_extractions=False`, each extraction is let go as soon as the graph builder has taken it
    (result.extractions is then empty; result.extracted and result.report() are kept)."""
    from gcmkg.graph.build import GraphBuilder
    from gcmkg.graph.io import AtomicFiles
    from gcmkg.graph.write import collector_paused, write_graphs
    from gcmkg.viz.explorer import explorer_html
    from gcmkg.viz.table import Table

    keys = {"graph.ttl": "ttl", "graph.trig": "trig", "graph.html": "html", "report.json": "report"}
    summary = result.report()
    report = json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=False).encode("utf-8") + b"\n"
    with collector_paused():  # millions of small objects, no cycles (graph/write.py)
        builder = GraphBuilder(base_iri) if base_iri else GraphBuilder()
        if keep_extractions:
            for ex in result.extractions:
                builder.add(ex)
        else:  # the list is emptied as the builder takes each (it keeps what it needs, compressed)
            extractions, result.extractions = result.extractions, []
            result.kept_report, result.let_go = summary, result.let_go + len(extractions)
            extractions.reverse()
            while extractions:
                builder.add(extractions.pop())
        table = Table()  # what the explorer reads of the merged graph
        try:
            with AtomicFiles([out_dir / name for name in OUTPUTS]) as out:
                write_graphs(builder.files(), out["graph.trig"], out["graph.ttl"], table.add_lines)
                out["graph.html"].write(explorer_html(table.add_reference()))
                out["report.json"].write(report)
        except OSError as e:
            raise UsageError(f"{out_dir}: cannot write the outputs: {e.strerror or e}") from e
    return {keys[name]: out_dir / name for name in OUTPUTS}

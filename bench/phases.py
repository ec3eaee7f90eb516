"""One scale, measured in a process of its own (so that its peak memory is its own).

Everything is timed in the same process and the same minutes, so the ratios to
spaCy's blank Dutch tokenizer and to a compiled-regex pass hold even when the
machine is busy with other work: all three are slowed alike. Every step is
timed twice: wall-clock seconds (`NAME_s`) and the CPU seconds of this process
(`NAME_cpu_s`, time.process_time), which a loaded machine inflates much less.
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# one pass of a compiled regex over every text: what the cheapest possible first step costs
CUE_REGEX = re.compile(
    r"\b(?:\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
    r"|vergader\w*|aanwezig\w*|afwezig\w*|steun\w*|stem\w*|[A-Z][a-z]+ \([A-Z][\w&-]+\))")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float], name: str) -> dict[str, float]:
    """The wall-clock seconds since `start` as NAME_s, the CPU seconds of this process as NAME_cpu_s."""
    wall, cpu = _clock()
    return {f"{name}_s": wall - start[0], f"{name}_cpu_s": cpu - start[1]}


@contextmanager
def timed(r: dict, name: str) -> Iterator[None]:
    """r[NAME_s] and r[NAME_cpu_s]: the block's wall-clock and CPU seconds."""
    start = _clock()
    yield
    r.update(_since(start, name))


def baselines(texts: list[str]) -> dict[str, float]:
    """Seconds (wall and CPU) for spaCy's blank Dutch tokenizer and for one regex pass over all texts."""
    import spacy

    nlp = spacy.blank("nl")
    r: dict[str, float] = {}
    with timed(r, "tokenizer"):
        r["tokens"] = sum(len(nlp.tokenizer(text)) for text in texts)
    with timed(r, "regex"):
        r["regex_hits"] = sum(len(CUE_REGEX.findall(text)) for text in texts)
    return r


def pipeline(paths: list[Path], out: Path) -> dict[str, float]:
    """The build of gcmkg.pipeline.build, step by step, each step timed (one process, no cache).

    RDF: every extraction into the builder (graph/build.py); serialise: graph.trig and graph.ttl written
    (graph/write.py, which also fills the table the explorer reads, viz/table.py); explorer: graph.html;
    write: report.json and the renames (gcmkg.graph.io.AtomicFiles)."""
    from gcmkg.extract.load import load
    from gcmkg.extract.resolve import resolve
    from gcmkg.extract.run import extract_document
    from gcmkg.graph.build import GraphBuilder
    from gcmkg.graph.io import AtomicFiles
    from gcmkg.graph.write import collector_paused, write_graphs
    from gcmkg.pipeline import OUTPUTS
    from gcmkg.viz.explorer import explorer_html
    from gcmkg.viz.table import Table

    r: dict[str, float] = {}
    with timed(r, "load"):
        docs = [load(p) for p in paths]
    with timed(r, "extract"):
        extractions = resolve([extract_document(d) for d in docs])
    del docs
    r["peak_mb_extracted"] = _peak_mb()
    with collector_paused():  # as gcmkg.pipeline.write_outputs does
        with timed(r, "rdf"):
            builder = GraphBuilder()
            for ex in extractions:
                builder.add(ex)
        with AtomicFiles([out / name for name in OUTPUTS]) as fh:
            with timed(r, "serialise"):
                table = Table()
                r["triples"] = write_graphs(builder.files(), fh["graph.trig"], fh["graph.ttl"], table.add_lines)
            with timed(r, "explorer"):
                html = explorer_html(table.add_reference())
            start = _clock()
            fh["graph.html"].write(html)
            fh["report.json"].write(b"{}\n")
        r.update(_since(start, "write"))  # the renames included
    sizes = {name: (out / name).stat().st_size / 1e6 for name in ("graph.ttl", "graph.trig", "graph.html")}
    r.update(ttl_mb=sizes["graph.ttl"], trig_mb=sizes["graph.trig"], html_mb=sizes["graph.html"])
    r["peak_mb"] = _peak_mb()
    return r


def workers(paths: list[Path], n: int) -> float:
    """Seconds to read and extract all files on n processes (gcmkg.parallel, as `gcmkg build --workers n`)."""
    from gcmkg.pipeline import extract_all

    t = time.perf_counter()
    extract_all(paths, workers=n)
    return time.perf_counter() - t


def builds(paths: list[Path], out: Path) -> dict[str, float]:
    """A full build through gcmkg.pipeline.build with an empty cache, the same again with nothing changed,
    and again after one file changed (wall-clock and CPU seconds of each)."""
    from gcmkg.pipeline import build

    cache = out / ".cache"
    shutil.rmtree(cache, ignore_errors=True)
    r: dict[str, float] = {}
    for label in ("full_build", "unchanged_rebuild"):
        with timed(r, label):
            build(paths, out, cache_dir=cache)
    original = paths[0].read_bytes()
    try:
        paths[0].write_bytes(original + b"\nDe minister steunt het pact.\n")
        with timed(r, "one_changed_rebuild"):
            build(paths, out, cache_dir=cache)
    finally:
        paths[0].write_bytes(original)
    return r


def measure(corpus: Path, out: Path, worker_counts: list[int], rebuilds: bool) -> dict:
    paths = sorted(corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    result: dict = {"files": len(paths), "mb": sum(p.stat().st_size for p in paths) / 1e6}
    result.update(baselines(texts))
    del texts
    result.update(pipeline(paths, out))
    for n in worker_counts:
        result[f"extract_workers_{n}_s"] = workers(paths, n)
    if rebuilds:
        result.update(builds(paths, out))
    result["peak_mb_all"] = _peak_mb()
    return result


if __name__ == "__main__":  # python -m bench.phases CORPUS OUT WORKERS REBUILDS
    corpus, out, counts, rebuilds = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
    print(json.dumps(measure(corpus, out, [int(n) for n in counts.split(",") if n], rebuilds)))

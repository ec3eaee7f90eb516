"""Peak memory of a real build (`gcmkg build --workers N`, no cache), in a process of its own.

    .venv/bin/python -m bench.corpus bench/work/corpus-1000x --copies 1000      # 5,000 files, 110 MB
    .venv/bin/python -m bench.memory bench/work/corpus-1000x bench/work/out-1000x --workers 2

The steps are those of gcmkg.pipeline.build: read and extract every file (on N
worker processes), resolve, then graph.trig, graph.ttl, graph.html and
report.json (gcmkg.pipeline.write_outputs, letting each extraction go once the
graph builder has it, as `gcmkg build` does). Prints one JSON line: wall-clock
seconds per step (`_s`), CPU seconds of the build process (`_cpu_s`) and of the
worker processes (`workers_cpu_s`), the build process's peak resident memory
after each step, and the largest worker's peak (ru_maxrss, Linux).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measure(corpus: Path, out: Path, workers: int) -> dict[str, float]:
    from gcmkg.extract.resolve import resolve
    from gcmkg.pipeline import collect, extract_all, write_outputs

    paths = collect([corpus])
    r: dict[str, float] = {"files": len(paths), "mb": sum(p.stat().st_size for p in paths) / 1e6, "workers": workers}
    t, cpu = time.perf_counter(), time.process_time()
    result = extract_all(paths, workers=workers)
    result.extractions = resolve(result.extractions)
    r["extract_s"], r["extract_cpu_s"] = time.perf_counter() - t, time.process_time() - cpu
    r["workers_cpu_s"] = _cpu_s(resource.RUSAGE_CHILDREN)  # the worker processes, ended by now
    r["peak_mb_after_extract"] = _peak_mb()
    t, cpu = time.perf_counter(), time.process_time()
    outputs = write_outputs(out, result, keep_extractions=False)  # as `gcmkg build` does
    r["graph_files_s"], r["graph_files_cpu_s"] = time.perf_counter() - t, time.process_time() - cpu
    r["peak_mb"] = _peak_mb()
    r["worker_peak_mb"] = _peak_mb(resource.RUSAGE_CHILDREN)
    r.update({f"{k}_mb": p.stat().st_size / 1e6 for k, p in outputs.items()})
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    print(json.dumps(measure(a.corpus, a.out, a.workers)))


if __name__ == "__main__":
    main()

"""gcmkg's benchmark: a synthetic corpus at several scales, timed step by step, and the named queries at ~1M triples.

    .venv/bin/python -m bench.run --scale 1,100            # about 0.1 and 11 MB
    .venv/bin/python -m bench.run --scale 1,100,1000       # and 110 MB (takes long)

Prints a Markdown report (the figures in BENCHMARKS.md come from it) and
writes every number as JSON to bench/work/results.json. Each scale runs in a
process of its own, so its peak memory is its own. Speed is measured here,
never in the tests.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench import corpus
from bench.queries import oxigraph, rdflib_engine

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("load", "extract", "rdf", "serialise", "explorer", "write")  # gcmkg.pipeline.build's, as bench/phases.py times them
TARGETS = {"pipeline_vs_tokenizer": 1.0, "extract_mb_s": 0.3, "pipeline_mb_s": 1.0, "query_ms": 200,
           "peak_mb_110": 4096, "unchanged_share": 0.05}


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_mb": mem, "python": platform.python_version(),
            "platform": platform.platform(), "load_avg_start": os.getloadavg()}


def run_scale(copies: int, work: Path, workers: list[int], rebuilds: bool) -> dict:
    folder = work / f"corpus-{copies}x"
    t = time.perf_counter()
    files, size = corpus.write(folder, copies)
    print(f"[{copies}x] corpus: {files} files, {size / 1e6:.1f} MB ({time.perf_counter() - t:.0f} s)", file=sys.stderr)
    out = work / f"out-{copies}x"
    cmd = [sys.executable, "-m", "bench.phases", str(folder), str(out), ",".join(map(str, workers)), "1" if rebuilds else "0"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"[{copies}x] failed:\n{done.stderr[-3000:]}")
    r = json.loads(done.stdout.strip().splitlines()[-1])
    r["copies"] = copies
    r["graph_file"] = str(out / "graph.ttl")
    r["pipeline_cpu_s"] = sum(r[f"{step}_cpu_s"] for step in STEPS)
    r["pipeline_vs_tokenizer_cpu"] = r["pipeline_cpu_s"] / r["tokenizer_cpu_s"]
    print(f"[{copies}x] end to end, CPU time: pipeline {r['pipeline_cpu_s']:.1f} s / blank tokenizer "
          f"{r['tokenizer_cpu_s']:.1f} s = {r['pipeline_vs_tokenizer_cpu']:.2f}", file=sys.stderr)
    print(f"[{copies}x] {json.dumps(r)}", file=sys.stderr)
    return r


def query_graph(scales: list[dict], target: int, work: Path) -> Path:
    """A graph of about `target` triples: a measured scale's if one is within 25%, else one built for it."""
    best = min(scales, key=lambda r: abs(r["triples"] - target))
    if abs(best["triples"] - target) <= 0.25 * target:
        return Path(best["graph_file"])
    per_copy = best["triples"] / best["copies"]
    copies = max(1, math.ceil(target / per_copy))
    folder, out = work / f"corpus-{copies}x", work / f"out-{copies}x"
    if not (out / "graph.ttl").exists():
        from gcmkg.pipeline import build

        corpus.write(folder, copies)
        print(f"[queries] building a {copies}x graph for ~{target} triples", file=sys.stderr)
        build([folder], out, workers=os.cpu_count() or 1, cache_dir=out / ".cache")
    return out / "graph.ttl"


def _mb_s(mb: float, s: float) -> str:
    return f"{mb / s:.2f}" if s else "-"


def report(m: dict, scales: list[dict], queries: dict | None, command: str) -> str:
    lines = [f"Command: `{command}`", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_mb'] / 1024:.0f} GB RAM, Python {m['python']}, "
             f"{m['platform']}; load average {m['load_avg_start'][0]:.1f} at the start, "
             f"{m.get('load_avg_end', (0,))[0]:.1f} at the end (other work shared the machine).", ""]
    head = ["scale", "files", "MB", "load s", "extract s", "RDF s", "serialise s", "explorer s", "write s", "total s",
            "extract MB/s", "pipeline MB/s", "docs/s per core", "tokenizer s (MB/s)", "regex s (MB/s)",
            "pipeline/tokenizer", "extract/tokenizer", "pipeline/regex", "peak MB", "triples", "HTML MB"]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in scales:
        extract = r["load_s"] + r["extract_s"]
        total = extract + r["rdf_s"] + r["serialise_s"] + r["explorer_s"] + r["write_s"]
        r.update(total_s=total, extraction_s=extract)
        row = [f"{r['copies']}x", r["files"], f"{r['mb']:.1f}", f"{r['load_s']:.1f}", f"{r['extract_s']:.1f}",
               f"{r['rdf_s']:.1f}", f"{r['serialise_s']:.1f}", f"{r['explorer_s']:.1f}", f"{r['write_s']:.1f}",
               f"{total:.1f}", _mb_s(r["mb"], extract), _mb_s(r["mb"], total), f"{r['files'] / extract:.1f}",
               f"{r['tokenizer_s']:.1f} ({_mb_s(r['mb'], r['tokenizer_s'])})",
               f"{r['regex_s']:.2f} ({_mb_s(r['mb'], r['regex_s'])})",
               f"{total / r['tokenizer_s']:.2f}", f"{extract / r['tokenizer_s']:.2f}", f"{total / r['regex_s']:.0f}",
               f"{r['peak_mb']:.0f}", r["triples"], f"{r['html_mb']:.1f}"]
        lines.append("| " + " | ".join(map(str, row)) + " |")
    lines += ["", "CPU seconds of the process (time.process_time), which a loaded machine inflates less than the "
                  "wall clock; the end-to-end figure is the whole pipeline's CPU time over the blank tokenizer's:", "",
              "| scale | " + " | ".join(f"{step} CPU s" for step in STEPS) + " | pipeline CPU s | tokenizer CPU s "
              "| regex CPU s | extraction / tokenizer | after extraction / tokenizer | **pipeline / tokenizer** |",
              "|" + "---|" * (len(STEPS) + 7)]
    for r in scales:
        tok, extraction = r["tokenizer_cpu_s"], r["load_cpu_s"] + r["extract_cpu_s"]
        row = [f"{r['copies']}x", *(f"{r[f'{step}_cpu_s']:.1f}" for step in STEPS), f"{r['pipeline_cpu_s']:.1f}",
               f"{tok:.1f}", f"{r['regex_cpu_s']:.2f}", f"{extraction / tok:.2f}",
               f"{(r['pipeline_cpu_s'] - extraction) / tok:.2f}", f"**{r['pipeline_vs_tokenizer_cpu']:.2f}**"]
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "| scale | extraction, 1 process s | " + " | ".join(
        f"{n} workers s (speed-up)" for n in _worker_counts(scales)) + " | full build s | unchanged rebuild s (share) | one file changed s |",
        "|" + "---|" * (5 + len(_worker_counts(scales)))]
    for r in scales:
        cells = [f"{r['copies']}x", f"{r['extraction_s']:.1f}"]
        for n in _worker_counts(scales):
            s = r.get(f"extract_workers_{n}_s")
            cells.append(f"{s:.1f} ({r['extraction_s'] / s:.2f}x)" if s else "-")
        if "full_build_s" in r:
            cells += [f"{r['full_build_s']:.1f} ({r['full_build_cpu_s']:.1f} CPU)",
                      f"{r['unchanged_rebuild_s']:.2f} ({r['unchanged_rebuild_s'] / r['full_build_s']:.1%}; "
                      f"CPU {r['unchanged_rebuild_cpu_s'] / r['full_build_cpu_s']:.1%})",
                      f"{r['one_changed_rebuild_s']:.1f} ({r['one_changed_rebuild_cpu_s']:.1f} CPU)"]
        else:
            cells += ["-", "-", "-"]
        lines.append("| " + " | ".join(cells) + " |")
    if queries:
        ox, rl = queries["oxigraph"], queries["rdflib"]
        lines += ["", f"Named queries on {queries['graph']} ({ox['quads']} triples with the reference files; "
                      f"pyoxigraph load {ox['load_s']:.1f} s, rdflib load {_s(rl.get('load_s'))}):", "",
                  "| query | rows | pyoxigraph ms: run_query median (min) | pyoxigraph engine alone ms | rdflib ms |",
                  "|---|---|---|---|---|"]
        for name, q in ox["queries"].items():
            r = rl["queries"].get(name)
            rd = ("-" if r is None else f"fails: {r['error']}" if "error" in r
                  else f"> {r['over_s']:.0f} s" if r["ms"] is None else f"{r['ms']:.0f}")
            engine = f"{q['engine_ms']:.0f}" if "engine_ms" in q else "-"
            lines.append(f"| {name} | {q['rows']} | {q['median_ms']:.0f} ({q['min_ms']:.0f}) | {engine} | {rd} |")
    return "\n".join(lines)


def _s(v: object) -> str:
    return f"{v:.0f} s" if isinstance(v, (int, float)) else str(v)


def _worker_counts(scales: list[dict]) -> list[int]:
    return sorted({int(k.split("_")[2]) for r in scales for k in r if k.startswith("extract_workers_")})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", default="1,100", help="copies of the seeds, comma-separated (1 = the seeds)")
    ap.add_argument("--workers", default="2", help="worker counts to time extraction with, besides 1")
    ap.add_argument("--query-triples", type=int, default=1_000_000, help="size of the graph the queries run on")
    ap.add_argument("--rdflib-timeout", type=float, default=60, help="seconds before an rdflib query is stopped")
    ap.add_argument("--no-queries", action="store_true")
    ap.add_argument("--no-rebuilds", action="store_true", help="skip the full/unchanged/changed builds")
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "work", help="corpora and outputs go here")
    a = ap.parse_args()
    command = "python -m bench.run " + " ".join(sys.argv[1:])
    m = machine()
    a.work.mkdir(parents=True, exist_ok=True)
    workers = [int(n) for n in a.workers.split(",") if n]
    scales = [run_scale(int(c), a.work, workers, not a.no_rebuilds) for c in a.scale.split(",")]
    queries = None
    if not a.no_queries:
        graph = query_graph(scales, a.query_triples, a.work)
        print(f"[queries] {graph}", file=sys.stderr)
        queries = {"graph": str(graph.relative_to(ROOT)) if graph.is_relative_to(ROOT) else str(graph),
                   "oxigraph": oxigraph(graph)}
        print(f"[queries] oxigraph {json.dumps(queries['oxigraph'])}", file=sys.stderr)
        queries["rdflib"] = rdflib_engine(graph, a.rdflib_timeout)
    m["load_avg_end"] = os.getloadavg()
    text = report(m, scales, queries, command)
    (a.work / "results.json").write_text(json.dumps({"command": command, "machine": m, "scales": scales,
                                                     "queries": queries}, indent=1), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

"""CPU seconds of each extraction step over a corpus: load, then each extractor of the registry.

    python -m bench.steps CORPUS_DIR

Timed with `time.process_time` around each step (no profiler overhead), after one warm-up document,
so that one-time imports and data loading are left out. Run old and new code alternately in the
same minutes to compare them on a shared machine.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from gcmkg.extract import load as loader
from gcmkg.extract.context import Context
from gcmkg.extract.registry import EXTRACTORS
from gcmkg.extract.run import extract_document, freeze


def main(corpus: Path) -> None:
    paths = sorted(corpus.glob("*.txt"))
    t = time.process_time()
    docs = [loader.load(p) for p in paths]
    steps: Counter[str] = Counter({"load": time.process_time() - t})
    extract_document(docs[0])
    for doc in docs:
        t = time.process_time()
        ctx = Context.of(doc)
        steps["sentences (Context.of)"] += time.process_time() - t
        for ex in EXTRACTORS:
            t = time.process_time()
            ex.run(ctx)
            steps[ex.name] += time.process_time() - t
        t = time.process_time()
        freeze(ctx)
        steps["freeze"] += time.process_time() - t
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    total = sum(steps.values())
    print(f"{mb:.2f} MB, {len(docs)} documents: {total:.2f} CPU s, {mb / total:.3f} MB/s")
    for name, secs in steps.most_common():
        print(f"{secs:7.2f}  {name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

"""graph/write.py and the builder's lines: the files pyoxigraph writes hold the same graph as build_dataset,
are byte-identical however the work is split (runs, input order, hash seed), escape hostile text, and
AtomicFiles leaves the previous files when a build fails."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from gcmkg.extract.models import ActorFact, Evidence, Extraction
from gcmkg.graph.build import GraphBuilder, build_dataset, graph_lines, merged_graph
from gcmkg.graph.io import AtomicFiles
from gcmkg.graph.write import write_graphs
from test_graph_build import assert_isomorphic
from test_graph_samples import sample_extractions

BASE = "https://w3id.org/gcmkg/"


def written(extractions: list[Extraction], run_lines: int = 400_000) -> tuple[bytes, bytes, int, list]:
    trig, ttl, batches = io.BytesIO(), io.BytesIO(), []
    n = write_graphs(graph_lines(extractions), trig, ttl, batches.append, run_lines=run_lines)
    return trig.getvalue(), ttl.getvalue(), n, [t for batch in batches for t in batch]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG parser
def test_files_hold_the_graph_build_dataset_gives() -> None:
    trig, ttl, n, handed = written(sample_extractions())
    ds = build_dataset(sample_extractions())
    merged = merged_graph(ds)
    assert n == len(merged) == len(handed) > 400
    assert_isomorphic(Graph().parse(data=ttl, format="turtle"), merged)
    loaded = Dataset()
    loaded.parse(data=trig, format="trig")
    for g in ds.graphs():
        if len(g):
            assert_isomorphic(loaded.graph(g.identifier), g)


def test_merging_many_small_runs_gives_the_same_bytes() -> None:
    whole = written(sample_extractions())
    assert written(sample_extractions(), run_lines=7)[:3] == whole[:3]
    assert written(list(reversed(sample_extractions())), run_lines=50)[:3] == whole[:3]


def test_turtle_is_readable_prefixed_and_type_first() -> None:
    _, ttl, _, _ = written(sample_extractions())
    text = ttl.decode("utf-8")
    assert "@prefix gcm: <https://w3id.org/gcmkg/ontology#> ." in text
    vr = f"<{BASE}actor/government/vlaamse-regering> a gcm:Actor"
    assert vr in text  # rdf:type comes first in a subject's block
    subjects = [line.split(" ", 1)[0] for line in text.splitlines() if line.startswith("<")]
    assert subjects == sorted(subjects) and len(subjects) == len(set(subjects))  # one block per subject, in order


def test_hostile_literals_survive_the_round_trip() -> None:
    nasty = 'a "quote" \\ back\nnew line\r\ttab \x01 ctrl \u2028 sep """ and \'\'\' é'
    ev = Evidence(source="x.txt", start=0, end=len(nasty), quote=nasty)
    ex = Extraction(source="x.txt", sha256="0" * 64,
                    actors=(ActorFact(key="person/x", name=nasty, kind="person", evidence=(ev,)),))
    trig, ttl, _, _ = written([ex])
    g = Graph().parse(data=ttl, format="turtle")
    assert {str(o) for o in g.objects(URIRef(f"{BASE}actor/person/x"))} >= {nasty}
    assert_isomorphic(g, merged_graph(build_dataset([ex])))


def test_byte_identical_across_hash_seeds() -> None:
    script = ("import io, sys; sys.path.insert(0, {tests!r}); from test_graph_samples import sample_extractions;"
              "from gcmkg.graph.build import graph_lines; from gcmkg.graph.write import write_graphs;"
              "a, b = io.BytesIO(), io.BytesIO(); write_graphs(graph_lines(sample_extractions()), a, b, run_lines=40);"
              "sys.stdout.buffer.write(a.getvalue() + b'#####' + b.getvalue())").format(tests=str(Path(__file__).parent))
    outputs = {subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, check=True).stdout for seed in ("1", "777")}
    trig, ttl, _, _ = written(sample_extractions())
    assert outputs == {trig + b"#####" + ttl}


def test_one_extraction_per_file() -> None:
    builder = GraphBuilder()
    builder.add(sample_extractions()[0])
    with pytest.raises(ValueError, match="two extractions of the same file"):
        builder.add(sample_extractions()[0])


def test_atomic_files_all_or_nothing(tmp_path: Path) -> None:
    paths = [tmp_path / "a.ttl", tmp_path / "b.trig"]
    with AtomicFiles(paths) as fh:
        fh["a.ttl"].write(b"old a")
        fh["b.trig"].write(b"old b")
    with pytest.raises(RuntimeError), AtomicFiles(paths) as fh:
        fh["a.ttl"].write(b"new a")
        raise RuntimeError("interrupted")
    assert [p.read_bytes() for p in paths] == [b"old a", b"old b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.trig"]  # no temp file left
    umask = os.umask(0)
    os.umask(umask)
    assert paths[0].stat().st_mode & 0o777 == 0o666 & ~umask


def test_collector_paused_puts_the_collector_back_as_it_was() -> None:
    import gc

    from gcmkg.graph.write import collector_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a failed build")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # whoever turned it off keeps it off
    finally:
        gc.enable()


@pytest.mark.parametrize("line", ["<http://x.org/a b> <http://x.org/p> <http://x.org/o>",
                                  "<relative> <http://x.org/p> <http://x.org/o>",
                                  '<http://x.org/a> <http://x.org/p> "x"^^<no-scheme>'])
def test_an_invalid_iri_still_stops_the_writing(line: str) -> None:
    """The named graphs are parsed leniently, the union strictly: every line is checked once."""
    good = "<http://x.org/a> <http://x.org/p> <http://x.org/o>"
    with pytest.raises(SyntaxError):
        write_graphs([(f"{BASE}graph/a", [good]), (f"{BASE}graph/b", sorted([good, line]))], io.BytesIO(), io.BytesIO())
    with pytest.raises(ValueError):
        write_graphs([("graph b", [good])], io.BytesIO(), io.BytesIO())


def test_lit_writes_every_character_as_pyoxigraph_does() -> None:
    """lit() leaves text that needs no escape to Python; the rest to pyoxigraph: the same N-Triples either way."""
    import random

    import pyoxigraph as ox

    from gcmkg.graph.lines import lit

    code_points = [*range(0x3000), *range(0xFFF0, 0x10100), *range(0x3000, 0x110000, 97)]
    chars = [chr(cp) for cp in code_points if not 0xD800 <= cp <= 0xDFFF]
    assert [c for c in chars if lit(c) != str(ox.Literal(c))] == []
    rng = random.Random(3)
    texts = ["".join(rng.choices(chars[:300] + chars[-5:], k=rng.randint(0, 40))) for _ in range(2000)]
    dt = "http://www.w3.org/2001/XMLSchema#date"
    assert [t for t in texts if lit(t) != str(ox.Literal(t)) or lit(t, dt) != f"{ox.Literal(t)}^^<{dt}>"] == []


@pytest.mark.parametrize("plain_bytes", [0, 20_000])
def test_files_held_compressed_give_the_same_bytes(monkeypatch, plain_bytes: int) -> None:
    """The builder holds the first files' lines as text and the rest compressed: no difference in the output."""
    from gcmkg.graph import build

    whole = written(sample_extractions())
    monkeypatch.setattr(build, "PLAIN_BYTES", plain_bytes)
    builder = GraphBuilder()
    for ex in sample_extractions():
        builder.add(ex)
    kinds = {type(held) for held in builder.build.files.values()}
    assert kinds == ({bytes} if plain_bytes == 0 else {str, bytes})
    assert written(sample_extractions())[:3] == whole[:3]

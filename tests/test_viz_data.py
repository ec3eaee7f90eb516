"""The explorer's data and page, without a browser: the seed graph's meetings, attendance and evidence,
escaping of hostile text, the CSP, byte-identical output, the vendored files and the `gcmkg viz` command."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gcmkg.cli import app
from gcmkg.extract.models import ActorFact, AttendanceFact, Evidence, Extraction, MeetingFact
from gcmkg.graph.build import build_dataset, merged_graph
from gcmkg.graph.query import run_query
from gcmkg.pipeline import build, bundled_seeds
from gcmkg.viz.data import explorer_data
from gcmkg.viz.explorer import data_json, explorer_html

VIZ = Path(str(files("gcmkg.viz")))


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    build([bundled_seeds()], out)
    return out


@pytest.fixture(scope="module")
def seed_data(seed_out) -> dict:
    return explorer_data(seed_out / "graph.ttl")


def page_data(html: bytes) -> dict:
    m = re.search(rb'<script type="application/json" id="gcmkg-data">(.*?)</script>', html, re.S)
    assert m, "no data element"
    return json.loads(m.group(1))


def test_timeline_holds_the_seed_meetings_with_their_iso_dates(seed_data, seed_out):
    items = {i["id"]: i for i in seed_data["timeline"]["items"] if i["kind"] == "meeting"}
    expected = {r["meeting"]: r for r in run_query("meetings", seed_out / "graph.ttl")}
    assert {m: i["date"] for m, i in items.items()} == {m: r["start"] for m, r in expected.items() if r["start"]}
    assert "2018-09-12" in {i["date"] for i in items.values()}  # the fourth CoorMulti of seeds/000
    for m, i in items.items():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", i["start"]) and i["start"] <= i["end"]
        assert i["group"] == expected[m]["series"]
    assert set(seed_data["timeline"]["groups"]) == {i["group"] for i in seed_data["timeline"]["items"]}


def test_attendees_by_status_and_their_evidence_match_the_attendance_query(seed_data, seed_out):
    rows = run_query("attendance", seed_out / "graph.ttl")
    items = {i["id"]: i for i in seed_data["timeline"]["items"]}
    evidence = seed_data["evidence"]
    edges = {(e["from"], e["to"], e["value"]): e for e in seed_data["edges"] if e["type"] == "attendance"}
    assert len(edges) == len({(r["actor"], r["meeting"], r["status"]) for r in rows})
    for r in rows:
        e = edges[(r["actor"], r["meeting"], r["status"])]
        assert (r["source"], r["evidence"]) in {(evidence[k]["file"], evidence[k]["quote"]) for k in e["evidence"]}
        if r["start"]:
            assert r["actor"] in items[r["meeting"]]["attendees"][r["status"]]


def test_positions_documents_and_nodes(seed_data, seed_out):
    nodes = {n["id"]: n for n in seed_data["nodes"]}
    positions = run_query("positions", seed_out / "graph.ttl")
    edges = {(e["from"], e["to"], e["value"]) for e in seed_data["edges"] if e["type"] == "position"}
    assert {(r["holder"], r["target"], r["stance"]) for r in positions} == edges
    docs = run_query("documents", seed_out / "graph.ttl")
    assert {r["document"] for r in docs} == {n for n, v in nodes.items() if v["kind"] == "document"}
    dated = {r["document"]: r["date"] for r in docs if r["date"]}
    assert {i["id"]: i["date"] for i in seed_data["timeline"]["items"] if i["kind"] == "document"} == dated
    authors = {(e["from"], e["to"]) for e in seed_data["edges"] if e["type"] == "author"}
    assert authors and all(nodes[a]["kind"] == "actor" and nodes[d]["kind"] == "document" for a, d in authors)
    for n in seed_data["nodes"]:
        assert n["label"] and n["size"] >= 10 and n["degree"] >= 0
    assert max(n["size"] for n in seed_data["nodes"]) == 40
    for e in seed_data["edges"]:
        assert e["from"] in nodes and e["to"] in nodes
    for f, doc_ids in seed_data["sources"].items():
        assert all(nodes[d]["kind"] == "document" for d in doc_ids)
    assert seed_data["facets"]["date_min"] <= "2018-09-12" <= seed_data["facets"]["date_max"]


BAD = '</script><script>alert(1)</script><img src=x onerror="alert(2)"><!-- & \u2028'


def hostile_graph():
    quote = Evidence(source="x.txt", start=0, end=5, quote=f"said {BAD}")
    ex = Extraction(source="x.txt", sha256="0" * 64,
                    actors=(ActorFact(key="person/x", name=f"X {BAD}", kind="person", evidence=(quote,)),),
                    meetings=(MeetingFact(key="s/2020-05", series=BAD, label=BAD, start="2020-05", evidence=(quote,)),),
                    attendance=(AttendanceFact(meeting="s/2020-05", actor="person/x", status="invited", evidence=quote),))
    return merged_graph(build_dataset([ex]))


def test_hostile_text_is_escaped_in_the_page_and_survives_as_data():
    graph = hostile_graph()
    html = explorer_html(graph)
    text = html.decode("utf-8")
    assert text.count("<script") == 5 and text.count("</script>") == 5
    segment = text.split('id="gcmkg-data">')[1].split("</script>")[0]
    assert "<" not in segment and ">" not in segment and "&" not in segment and "\\u003cscript\\u003ealert(1)" in segment
    assert "<img" not in text and "<!--" not in text
    data = page_data(html)
    assert data == json.loads(json.dumps(explorer_data(graph)))
    assert BAD in {n["label"] for n in data["nodes"]} and f"said {BAD}" in {e["quote"] for e in data["evidence"]}
    assert data["timeline"]["items"][0]["start"] == "2020-05-01" and data["timeline"]["items"][0]["end"] == "2020-05-31"
    assert re.search(r"[<>&]", data_json(data)) is None


def test_csp_allows_only_the_pages_own_scripts(seed_out):
    html = (seed_out / "graph.html").read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp and "unsafe-inline'" in csp.split("style-src")[1]
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 4
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "http://" not in csp and "https://" not in csp


def test_page_script_never_writes_html():
    js = (VIZ / "templates" / "explorer.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "title:"):
        assert sink not in js, sink


def test_same_graph_same_bytes_across_files_and_processes(seed_out, tmp_path):
    ttl = explorer_html(seed_out / "graph.ttl")
    assert ttl == explorer_html(seed_out / "graph.trig") == (seed_out / "graph.html").read_bytes()
    out = tmp_path / "v.html"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", "from gcmkg.cli import app; app()", "viz", "--graph",
                             str(seed_out / "graph.trig"), "-o", str(out)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == ttl


def test_vendored_files_are_the_ones_the_readme_names():
    readme = (VIZ / "vendor" / "README.md").read_text(encoding="utf-8")
    for name in ("vis-network.min.js", "vis-timeline-graph2d.min.js"):
        digest = hashlib.sha256((VIZ / "vendor" / name).read_bytes()).hexdigest()
        assert re.search(rf"`{re.escape(name)}`.*`{digest}`", readme), name
    licences = {p.name for p in (VIZ / "vendor" / "licenses").iterdir()}
    assert {"vis-network.LICENSE-MIT", "vis-timeline.LICENSE-MIT", "moment.LICENSE"} <= licences


def test_viz_command_errors_are_one_line(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["viz", "--graph", str(tmp_path / "none.ttl"), "-o", str(tmp_path / "x.html")])
    assert missing.exit_code == 2 and missing.output.strip().startswith("Error: ") and "gcmkg build" in missing.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    broken = runner.invoke(app, ["viz", "--graph", str(bad), "-o", str(tmp_path / "x.html")])
    assert broken.exit_code == 2 and broken.output.count("\n") == 1 and f"Error: {bad}: not valid turtle" in broken.output
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    folder = runner.invoke(app, ["viz", "--graph", str(empty), "-o", str(tmp_path)])
    assert folder.exit_code == 2 and "is a folder" in folder.output
    ok = runner.invoke(app, ["viz", "--graph", str(empty), "-o", str(tmp_path / "empty.html")])
    assert ok.exit_code == 0, ok.output
    assert page_data((tmp_path / "empty.html").read_bytes())["nodes"] == []

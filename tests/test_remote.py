"""gcmkg push and gcmkg query --endpoint against a real triple store: an Oxigraph server (PyPI `oxigraph`, in the
test extra) that the test starts on a free loopback port and stops. Remote rows must equal local rows."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gcmkg.cli import app
from gcmkg.errors import RemoteError
from gcmkg.graph.query import query_names, run_query
from gcmkg.graph.remote import push_graph, run_remote_query

GRAPH_IRI = "https://data.example.org/gcm/graph"
runner = CliRunner()


def _oxigraph() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    assert found, "the oxigraph server binary is missing: pip install -e '.[test]' installs it"
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A running Oxigraph server with an empty store; yields its base URL, stops it afterwards."""
    port = _free_port()
    proc = subprocess.Popen([_oxigraph(), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2).read()
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"oxigraph did not start: {proc.stderr.read().decode()[:500]}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def pushed(oxigraph, seed_build) -> str:
    result = runner.invoke(app, ["push", "--graph", str(seed_build.ttl), "--endpoint", f"{oxigraph}/store"])
    assert result.exit_code == 0, result.output
    assert f"{len(seed_build.store)} triples -> default graph" in result.output
    return oxigraph


@pytest.mark.parametrize("name", query_names())
def test_remote_rows_equal_local_rows(pushed, seed_build, name: str) -> None:
    assert run_remote_query(name, f"{pushed}/query") == run_query(name, None, store=seed_build.store)


def test_remote_rows_with_parameters(pushed, seed_build) -> None:
    params = {"series": "CoorMulti"}
    remote = run_remote_query("series_attendance", f"{pushed}/query", params)
    assert remote and remote == run_query("series_attendance", None, store=seed_build.store, params=params)


def test_cli_query_endpoint_prints_what_the_local_query_prints(pushed, seed_build) -> None:
    for fmt in ("json", "csv", "table"):
        remote = runner.invoke(app, ["query", "attendance", "--endpoint", f"{pushed}/query", "--format", fmt])
        local = runner.invoke(app, ["query", "attendance", "--graph", str(seed_build.ttl), "--format", fmt])
        assert remote.exit_code == 0 and remote.stdout == local.stdout


def test_push_replaces_and_named_graphs_stay_apart(pushed, seed_build) -> None:
    """Pushing again replaces the graph (no duplicates); graph.trig pushed to a named graph gives the same rows."""
    again = push_graph(seed_build.ttl, f"{pushed}/store")
    assert again.triples == len(seed_build.store)
    result = runner.invoke(app, ["push", "--graph", str(seed_build.trig), "--endpoint", f"{pushed}/store",
                                 "--graph-iri", GRAPH_IRI])
    assert result.exit_code == 0, result.output
    for name in ("meetings", "positions"):
        assert run_remote_query(name, f"{pushed}/query", graph_iri=GRAPH_IRI) == \
            run_query(name, None, store=seed_build.store)
    total = _count(f"{pushed}/query")
    assert total == str(len(seed_build.store))  # the default graph: pushed twice, held once


def _count(endpoint: str) -> str:
    import json
    import urllib.parse

    url = endpoint + "?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())["results"]["bindings"][0]["n"]["value"]


def test_unreachable_and_refusing_endpoints_are_one_error_line(pushed, seed_build) -> None:
    closed = f"http://127.0.0.1:{_free_port()}"
    result = runner.invoke(app, ["push", "--graph", str(seed_build.ttl), "--endpoint", f"{closed}/store"])
    assert result.exit_code == 2 and result.output.startswith(f"Error: {closed}/store?default: cannot connect")
    result = runner.invoke(app, ["query", "actors", "--endpoint", f"{pushed}/nothing"])
    assert result.exit_code == 2 and result.output.startswith(f"Error: {pushed}/nothing: HTTP 404")
    with pytest.raises(RemoteError, match="not an http"):
        run_remote_query("actors", "ftp://example.org/sparql")

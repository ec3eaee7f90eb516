"""gcmkg serve: the SPARQL 1.1 Protocol endpoint, started on a free loopback port (in a thread, and as the CLI
in a subprocess), asked the way clients ask."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gcmkg.graph.query import query_description, query_names, query_text, run_query
from gcmkg.graph.remote import run_remote_query
from gcmkg.graph.serve import accepted_formats, make_server

GCMKG = str(Path(sys.executable).parent / "gcmkg")  # the installed console script
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
MEETINGS = ("PREFIX gcm: <https://w3id.org/gcmkg/ontology#> "
            "SELECT ?m WHERE { ?m a gcm:Meeting } ORDER BY ?m LIMIT 3")
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 7000^3 rows: never in 2 s


@pytest.fixture(scope="module")
def endpoint(seed_build):
    server, pool = make_server(seed_build.ttl, port=0, timeout=2.0, workers=1, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()
    pool.close()


def get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    return _open(req)


def post(url: str, body: bytes, ctype: str, accept: str | None = None) -> tuple[int, str, bytes]:
    headers = {"Content-Type": ctype, **({"Accept": accept} if accept else {})}
    return _open(urllib.request.Request(url, data=body, method="POST", headers=headers))


def _open(req: urllib.request.Request) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def sparql_get(endpoint: str, query: str, **params: str) -> str:
    return f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": query, **params})


def test_binds_to_loopback_by_default(endpoint) -> None:
    assert endpoint.startswith("http://127.0.0.1:")


def test_page_offers_every_named_query(endpoint) -> None:
    status, ctype, body = get(endpoint + "/")
    assert status == 200 and ctype.startswith("text/html")
    page = body.decode("utf-8")
    for name in query_names():
        assert f'action="/query/{name}"' in page
        assert query_description(name).split(": ", 1)[1].replace("'", "&#x27;") in page
    assert '<input name="series"' in page  # a declared parameter gets a field


def test_get_and_both_posts_give_the_same_json(endpoint, seed_build) -> None:
    expected = len(seed_build.store)
    answers = [get(sparql_get(endpoint, COUNT)),
               post(endpoint + "/sparql", urllib.parse.urlencode({"query": COUNT}).encode(),
                    "application/x-www-form-urlencoded"),
               post(endpoint + "/sparql", COUNT.encode(), "application/sparql-query")]
    for status, ctype, body in answers:
        assert status == 200 and ctype == "application/sparql-results+json"
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(expected)


@pytest.mark.parametrize("accept, ctype", [
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),  # a browser: the default
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),  # q-values count
])
def test_result_format_by_accept_header(endpoint, accept: str, ctype: str) -> None:
    status, got, body = get(sparql_get(endpoint, MEETINGS), accept)
    assert status == 200 and got.split(";")[0] == ctype
    meetings = [r["m"] for r in run_query_text(endpoint, MEETINGS)]
    text = body.decode("utf-8")
    if ctype == "text/csv":
        assert text.splitlines() == ["m", *meetings]
    elif ctype == "text/tab-separated-values":
        assert text.splitlines() == ["?m", *(f"<{m}>" for m in meetings)]
    elif ctype.endswith("xml"):
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        assert [u.text for u in ET.fromstring(body).iterfind(".//r:uri", ns)] == meetings


def run_query_text(endpoint: str, query: str) -> list[dict[str, str]]:
    _, _, body = get(sparql_get(endpoint, query))
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]


@pytest.mark.parametrize("fmt, ctype", [("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                                        ("xml", "application/sparql-results+xml"),
                                        ("json", "application/sparql-results+json")])
def test_result_format_by_parameter(endpoint, fmt: str, ctype: str) -> None:
    status, got, _ = get(sparql_get(endpoint, MEETINGS, format=fmt), "application/sparql-results+json")
    assert status == 200 and got.split(";")[0] == ctype


def test_construct_gives_a_graph(endpoint) -> None:
    query = "CONSTRUCT { ?m a <https://w3id.org/gcmkg/ontology#Meeting> } WHERE { ?m a <https://w3id.org/gcmkg/ontology#Meeting> }"
    status, ctype, body = get(sparql_get(endpoint, query))
    assert status == 200 and ctype.startswith("text/turtle") and b"ontology#Meeting" in body
    status, ctype, body = get(sparql_get(endpoint, query), "application/n-triples")
    assert status == 200 and ctype == "application/n-triples"
    assert all(line.endswith(" .") for line in body.decode().splitlines())
    status, _, _ = get(sparql_get(endpoint, query, format="csv"))
    assert status == 406


@pytest.mark.parametrize("how", ["form-update", "sparql-update", "query-is-update", "get-update"])
def test_updates_are_refused(endpoint, seed_build, how: str) -> None:
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    if how == "form-update":
        status, _, body = post(endpoint + "/sparql", urllib.parse.urlencode({"update": update}).encode(),
                               "application/x-www-form-urlencoded")
    elif how == "sparql-update":
        status, _, body = post(endpoint + "/sparql", update.encode(), "application/sparql-update")
    elif how == "query-is-update":
        status, _, body = get(sparql_get(endpoint, "PREFIX ex: <http://example.org/> " + update))
    else:
        status, _, body = get(f"{endpoint}/sparql?" + urllib.parse.urlencode({"update": update}))
    assert status == 403 and b"read-only" in body
    assert run_query_text(endpoint, COUNT)[0]["n"] == str(len(seed_build.store))


def test_bad_requests_are_clear(endpoint) -> None:
    status, _, body = get(sparql_get(endpoint, "SELECT ?x WHERE { ?x }"))
    assert status == 400 and body.startswith(b"Not a valid SPARQL query")
    assert get(endpoint + "/nothing")[0] == 404
    assert get(endpoint + "/query/no_such_query")[0] == 404
    assert get(f"{endpoint}/sparql")[0] == 400
    assert post(endpoint + "/sparql", b"x", "text/plain")[0] == 415
    status, _, body = get(sparql_get(endpoint, COUNT, **{"default-graph-uri": "http://example.org/g"}))
    assert status == 400 and b"default-graph-uri" in body


def test_a_query_over_the_time_limit_is_stopped_and_the_endpoint_goes_on(endpoint, seed_build) -> None:
    status, _, body = get(sparql_get(endpoint, SLOW))
    assert status == 503 and b"time limit of 2 s" in body
    assert run_query_text(endpoint, COUNT)[0]["n"] == str(len(seed_build.store))  # a fresh worker answers


def test_named_query_pages_print_what_gcmkg_query_prints(endpoint, seed_build) -> None:
    status, ctype, body = get(f"{endpoint}/query/meetings_per_year?format=json")
    assert status == 200 and ctype.startswith("application/json")
    assert json.loads(body) == run_query("meetings_per_year", seed_build.ttl)
    status, _, body = get(f"{endpoint}/query/series_attendance?format=json&series=CoorMulti")
    assert json.loads(body) == run_query("series_attendance", seed_build.ttl, params={"series": "CoorMulti"})
    status, _, body = get(f"{endpoint}/query/attendance?format=csv&nope=1")
    assert status == 400 and b"unknown parameter nope" in body
    status, ctype, body = get(f"{endpoint}/query/questions")
    assert status == 200 and ctype.startswith("text/plain") and body.startswith(b"number")


@pytest.mark.parametrize("name", query_names())
def test_every_named_query_over_the_protocol_equals_the_local_rows(endpoint, seed_build, name: str) -> None:
    """gcmkg query NAME --endpoint on gcmkg's own endpoint: rows as the local run makes them."""
    assert run_remote_query(name, f"{endpoint}/sparql") == run_query(name, None, store=seed_build.store)
    assert query_text(name)  # (the named query exists in the package)


def test_accept_header_parsing() -> None:
    assert accepted_formats("text/csv;q=0.2, application/sparql-results+xml;q=0.9", None) == ["xml", "csv"]
    assert accepted_formats("text/turtle", None) == ["turtle"]
    assert accepted_formats(None, None) == [] and accepted_formats("*/*", "TSV") == ["tsv"]


def test_cli_serve_in_a_subprocess_answers_and_stops_on_sigterm(seed_build) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([GCMKG, "serve", "--graph", str(seed_build.ttl), "--port", "0",
                             "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:\d+/sparql", line)
        assert m, line + proc.stderr.read()
        status, _, body = get(m.group(0) + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert proc.returncode == 0


def test_cli_serve_on_a_missing_graph_is_one_error_line(tmp_path) -> None:
    proc = subprocess.run([GCMKG, "serve", "--graph", str(tmp_path / "none.ttl")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.strip() == f"Error: {tmp_path / 'none.ttl'}: no such file"

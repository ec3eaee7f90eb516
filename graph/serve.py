"""`gcmkg serve`: a read-only SPARQL 1.1 Protocol endpoint over a built graph, with a page of the named queries.

    GET  /                      the page: every named query, a form to run any query
    GET  /sparql?query=...      SPARQL 1.1 Protocol query via GET
    POST /sparql                ... via POST (form field `query`, or a body of type application/sparql-query)
    GET  /query/NAME?format=csv a named query as `gcmkg query NAME` prints it (table, csv, json); other
                                parameters bind the query's declared ones (/query/series_attendance?series=CoorMulti)

Results come as JSON, XML, CSV or TSV (graphs of CONSTRUCT/DESCRIBE as Turtle, N-Triples, RDF/XML or
JSON-LD), chosen by the Accept header or a `format` parameter. Updates are refused (403). Queries run in
worker processes, each with its own copy of the graph, so a query over the time limit is stopped by ending
its worker (pyoxigraph cannot cancel a query) and a fresh worker takes its place.
"""

from __future__ import annotations

import html
import multiprocessing as mp
import queue
import signal
import sys
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from gcmkg.errors import UsageError
from gcmkg.graph.io import GraphFileError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_BODY = 1_000_000  # bytes of a POSTed query
RESULT_FORMATS = {  # format parameter -> (pyoxigraph format, media type)
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPH_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "xml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
_MEDIA = {  # Accept media type -> format parameter, for results and for graphs
    "application/sparql-results+json": ("json", None), "application/json": ("json", "jsonld"),
    "application/sparql-results+xml": ("xml", None), "application/xml": ("xml", "xml"), "text/xml": ("xml", "xml"),
    "text/csv": ("csv", None), "text/tab-separated-values": ("tsv", None),
    "text/turtle": (None, "turtle"), "application/n-triples": (None, "nt"), "text/plain": ("csv", "nt"),
    "application/rdf+xml": (None, "xml"), "application/ld+json": (None, "jsonld"),
}
NAMED_FORMATS = {"table": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
                 "json": "application/json; charset=utf-8"}


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


def _text(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def accepted_formats(accept: str | None, format_param: str | None) -> list[str]:
    """Format names in the client's order of preference: the `format` parameter first, then the Accept header."""
    if format_param:
        return [format_param.lower()]
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=") and _is_float(p[2:])), 1.0)
        if q > 0 and media:
            ranked.append((-q, i, media.lower()))
    out = []
    for _, _, media in sorted(ranked):
        for name in _MEDIA.get(media, ()):
            if name and name not in out:
                out.append(name)
    return out


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def execute(store: ox.Store, query: str, formats: list[str]) -> Reply:
    """One SPARQL query on the store, serialised in the first acceptable format (JSON or Turtle by default)."""
    try:
        result = store.query(query)
    except SyntaxError as err:
        if _is_update(query):
            return _text(403, "This endpoint is read-only: SPARQL updates are refused.")
        return _text(400, f"Not a valid SPARQL query: {err}")
    if isinstance(result, ox.QueryTriples):
        name = next((f for f in formats if f in GRAPH_FORMATS), None if formats else "turtle")
        table = GRAPH_FORMATS
    else:
        name = next((f for f in formats if f in RESULT_FORMATS), None if formats else "json")
        table = RESULT_FORMATS
    if name is None:
        return _text(406, f"None of the requested formats fits this query; use one of {', '.join(table)}.")
    fmt, media = table[name]
    return Reply(200, media, result.serialize(format=fmt))


def _is_update(text: str) -> bool:
    """Whether the text parses as a SPARQL update (parsed only, never run)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # noqa: BLE001 - any parse failure means: not an update
        return False
    return True


def execute_named(store: ox.Store, name: str, params: dict[str, str], fmt: str) -> Reply:
    """A named query as `gcmkg query NAME --format FMT` prints it."""
    from gcmkg.graph.query import QueryError, format_rows, query_names, run_query

    if name not in query_names():
        return _text(404, f"No named query {name!r}; available: {', '.join(query_names())}")
    if fmt not in NAMED_FORMATS:
        return _text(400, f"format={fmt}: use table, csv or json")
    try:
        rows = run_query(name, None, store=store, params=params)
    except QueryError as err:
        return _text(400, str(err))
    return Reply(200, NAMED_FORMATS[fmt], (format_rows(rows, fmt) + "\n").encode("utf-8"))  # type: ignore[arg-type]


def _worker_main(graph: str, conn) -> None:
    """A worker process: load the graph once, then answer requests until the pipe closes."""
    from gcmkg.graph.query import load_store

    try:
        store = load_store(Path(graph))
    except (GraphFileError, OSError) as err:
        conn.send(("error", str(err)))
        return
    conn.send(("ready", len(store)))
    while True:
        try:
            kind, *args = conn.recv()
        except EOFError:
            return
        reply = execute(store, *args) if kind == "sparql" else execute_named(store, *args)
        conn.send(reply)


class _Worker:
    def __init__(self, ctx, graph: Path) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(str(graph), child), daemon=True)
        self.proc.start()
        child.close()
        status, detail = self.conn.recv()
        if status != "ready":
            self.stop()
            raise GraphFileError(detail)
        self.triples: int = detail

    def stop(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


class QueryPool:
    """Worker processes that each hold the graph; a request waits for a free one, at most `timeout` seconds run."""

    def __init__(self, graph: Path, workers: int = 2, timeout: float = 30.0) -> None:
        self.graph, self.timeout = Path(graph), timeout
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(max(1, workers)):
            self._add(_Worker(self._ctx, self.graph))
        self.triples = self._all[0].triples

    def _add(self, worker: _Worker) -> None:
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def run(self, request: tuple) -> Reply:
        worker = self._idle.get()
        worker.conn.send(request)
        if worker.conn.poll(self.timeout):
            try:
                reply = worker.conn.recv()
            except EOFError:
                reply = _text(500, "The query worker stopped unexpectedly.")
            else:
                self._idle.put(worker)
                return reply
        else:
            reply = _text(503, f"The query took longer than the time limit of {self.timeout:g} s and was stopped.")
        with self._lock:
            self._all.remove(worker)
        worker.stop()
        self._add(_Worker(self._ctx, self.graph))
        return reply

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for w in workers:
            w.stop()


def page() -> bytes:
    """The HTML page: the named queries with their questions, each runnable, and a free query form."""
    from gcmkg.graph.query import query_description, query_names, query_params, query_text

    items = []
    for name in query_names():
        question = html.escape(query_description(name).split(": ", 1)[-1])
        params = query_params(name)
        inputs = "".join(f'<label>{html.escape(p)} <input name="{html.escape(p)}" placeholder="{html.escape(d)}">'
                         f"</label> " for p, d in params.items())
        links = " ".join(f'<button name="format" value="{f}">{f}</button>' for f in NAMED_FORMATS)
        items.append(
            f'<li><form action="/query/{name}" method="get"><b>{name}</b>: {question}<br>{inputs}{links}'
            f"</form><details><summary>SPARQL</summary><pre>{html.escape(query_text(name))}</pre></details></li>")
    example = html.escape(query_text("meetings_per_year"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gcmkg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}li{{margin:.8em 0}}
pre{{background:#f4f4f4;padding:.5em;overflow:auto}}textarea{{width:100%;height:12em;font-family:monospace}}
button{{margin-right:.3em}}</style></head><body>
<h1>gcmkg SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 Protocol endpoint at <code>/sparql</code> (GET or POST). Results as JSON, XML, CSV or TSV
(Accept header or <code>format=</code>). Named queries at <code>/query/NAME?format=table|csv|json</code>, with
cells as <code>gcmkg query</code> prints them.</p>
<h2>Named queries</h2><ul>{"".join(items)}</ul>
<h2>Any query</h2>
<form action="/sparql" method="post"><textarea name="query">{example}</textarea><br>
<select name="format"><option>json</option><option>csv</option><option>tsv</option><option>xml</option></select>
<button>Run</button></form>
<p>The named queries join several values in one cell with U+001F; <code>/query/NAME</code> and
<code>gcmkg query</code> turn that into "; ".</p>
</body></html>
""".encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    pool: QueryPool
    page_bytes: bytes
    server_version = "gcmkg-sparql/1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path == "/" and "query" not in params:
            self._send(Reply(200, "text/html; charset=utf-8", self.page_bytes))
        elif url.path in ("/", "/sparql"):
            self._sparql(params)
        elif url.path.startswith("/query/"):
            self._named(url.path[len("/query/"):], params)
        else:
            self._send(_text(404, "Not found. The endpoint is /sparql; the page of named queries is /."))

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/", "/sparql"):
            self._send(_text(404, "Not found. POST queries to /sparql."))
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(_text(413, f"A query of more than {MAX_BODY} bytes is refused."))
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            self._send(_text(403, "This endpoint is read-only: SPARQL updates are refused."))
            return
        if ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/x-www-form-urlencoded":
            for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        else:
            self._send(_text(415, "POST a form (application/x-www-form-urlencoded) or application/sparql-query."))
            return
        self._sparql(params)

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._send(_text(403, "This endpoint is read-only: SPARQL updates are refused."))
        elif len(params.get("query", [])) != 1:
            self._send(_text(400, "Give exactly one `query` parameter."))
        elif params.get("default-graph-uri") or params.get("named-graph-uri"):
            self._send(_text(400, "This endpoint holds one default graph; default-graph-uri and named-graph-uri "
                                  "are not supported."))
        else:
            formats = accepted_formats(self.headers.get("Accept"), (params.get("format") or [None])[0])
            self._send(self.pool.run(("sparql", params["query"][0], formats)))

    def _named(self, name: str, params: dict[str, list[str]]) -> None:
        fmt = (params.pop("format", None) or ["table"])[0]
        values = {k: v[0] for k, v in params.items() if v and v[0] != ""}
        self._send(self.pool.run(("named", urllib.parse.unquote(name), values, fmt)))

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_server(graph: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                workers: int = 2, quiet: bool = False) -> tuple[ThreadingHTTPServer, QueryPool]:
    """A server bound to host:port (port 0: a free one) and its worker pool; the caller serves and closes both."""
    graph = Path(graph)
    if not graph.is_file():
        raise GraphFileError(f"{graph}: no such file")
    pool = QueryPool(graph, workers=workers, timeout=timeout)
    handler = type("Handler", (_Handler,), {"pool": pool, "page_bytes": page()})
    if quiet:
        handler.log_message = lambda self, *a: None  # type: ignore[method-assign]
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as err:
        pool.close()
        raise UsageError(f"{host}:{port}: cannot listen: {err.strerror or err}") from None
    server.daemon_threads = True
    return server, pool


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(graph: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0, workers: int = 2,
          announce: Callable[[str], None] = print) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server, pool = make_server(graph, host, port, timeout, workers)
    if host not in LOOPBACK:
        announce(f"Warning: listening on {host}: anyone who can reach this machine on port {port} can query the graph")
    try:
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as Ctrl-C does: workers ended, port freed
    except ValueError:  # not the main thread: the caller stops it
        pass
    try:
        h, p = server.server_address[:2]
        announce(f"Serving {graph} ({pool.triples} triples) read-only at http://{h}:{p}/sparql "
                 f"(named queries: http://{h}:{p}/); time limit {timeout:g} s; Ctrl-C stops")
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        pool.close()

"""A graph in a real triple store: push it over the SPARQL 1.1 Graph Store HTTP Protocol, query it over the
SPARQL 1.1 Protocol. Oxigraph server, Apache Jena Fuseki, GraphDB and Virtuoso all speak both.

Push sends what `gcmkg query` queries locally: the data (named graphs merged) and the reference files
(ontology, vocabularies, objectives), as one graph that replaces what the target graph held (HTTP PUT).
A remote named query is the same text as a local one, and its JSON results become rows exactly as
gcmkg.graph.query makes them, so remote rows equal local rows.
Credentials, when a store needs them, go in the URL (https://user:password@host/...), sent as HTTP Basic.
"""

from __future__ import annotations

import base64
import json
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from gcmkg.errors import RemoteError
from gcmkg.graph.query import cell_text, load_store, prepared_query, sort_rows

TIMEOUT = 300.0  # seconds for one HTTP request; a big push takes a while


@dataclass(frozen=True)
class PushResult:
    triples: int
    target: str  # the graph IRI, or "default graph"
    url: str  # the request URL, without credentials


def _split_credentials(url: str) -> tuple[str, dict[str, str]]:
    """The URL without user:password, and the Authorization header they make."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteError(f"{url}: not an http(s) URL")
    if parts.username is None:
        return url, {}
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    token = base64.b64encode(f"{urllib.parse.unquote(parts.username)}:"
                             f"{urllib.parse.unquote(parts.password or '')}".encode()).decode()
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc)), {"Authorization": f"Basic {token}"}


def _with_params(url: str, params: Mapping[str, str | None]) -> str:
    """`url` with query parameters added; None makes a bare key (`?default`)."""
    extra = "&".join(urllib.parse.quote(k) if v is None else urllib.parse.urlencode({k: v}) for k, v in params.items())
    return url + ("&" if urllib.parse.urlsplit(url).query else "?") + extra


def _request(req: urllib.request.Request, what: str, timeout: float) -> bytes:
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) checked above
            return resp.read()
    except urllib.error.HTTPError as err:
        body = err.read().decode("utf-8", "replace").strip().splitlines()
        raise RemoteError(f"{what}: HTTP {err.code} {err.reason}" + (f": {body[0][:300]}" if body else "")) from None
    except urllib.error.URLError as err:
        raise RemoteError(f"{what}: cannot connect: {err.reason}") from None
    except TimeoutError:
        raise RemoteError(f"{what}: no answer within {timeout:.0f} s") from None


def push_graph(graph: Path, endpoint: str, graph_iri: str | None = None, timeout: float = TIMEOUT) -> PushResult:
    """Replace the endpoint's default graph (or the named graph `graph_iri`) with the graph file and the
    reference files. `endpoint` is the store's Graph Store Protocol URL, e.g. http://localhost:7878/store."""
    url, headers = _split_credentials(endpoint)
    store = load_store(Path(graph))
    target = {"graph": graph_iri} if graph_iri else {"default": None}
    put_url = _with_params(url, target)
    with tempfile.TemporaryFile() as body:
        store.dump(body, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        size = body.tell()
        body.seek(0)
        req = urllib.request.Request(put_url, data=body, method="PUT", headers={
            **headers, "Content-Type": "application/n-triples", "Content-Length": str(size)})
        _request(req, put_url, timeout)
    return PushResult(triples=len(store), target=graph_iri or "default graph", url=put_url)


def run_remote_query(name_or_path: str, endpoint: str, params: Mapping[str, str] | None = None,
                     graph_iri: str | None = None, timeout: float = TIMEOUT) -> list[dict[str, str]]:
    """Rows of a named query or .rq file run on a SPARQL endpoint (e.g. http://localhost:7878/query),
    as run_query makes them locally. With `graph_iri`, that graph is the query's default graph."""
    def select(query: str) -> tuple[list[str], list[dict]]:
        return _select(endpoint, query, graph_iri, timeout)

    def lookup(query: str) -> list[str]:  # the nodes a parameter value names, looked up on the same endpoint
        columns, bindings = select(query)
        return [b[columns[0]]["value"] for b in bindings if b.get(columns[0], {}).get("type") == "uri"]

    columns, bindings = select(prepared_query(name_or_path, params, lookup))
    return sort_rows([{c: cell_text(b[c]["value"]) if c in b else "" for c in columns} for b in bindings])


def _select(endpoint: str, query: str, graph_iri: str | None, timeout: float) -> tuple[list[str], list[dict]]:
    """The variables and bindings of a SELECT query run on a SPARQL endpoint."""
    url, headers = _split_credentials(endpoint)
    form = {"query": query}
    if graph_iri:
        form["default-graph-uri"] = graph_iri
    req = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode("utf-8"), method="POST", headers={
        **headers, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "Accept": "application/sparql-results+json"})
    body = _request(req, url, timeout)
    try:
        results = json.loads(body)
        return results["head"]["vars"], results["results"]["bindings"]
    except (ValueError, KeyError, TypeError):
        raise RemoteError(f"{url}: the answer is not SPARQL JSON results of a SELECT query") from None

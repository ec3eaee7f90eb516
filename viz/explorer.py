"""The explorer: one self-contained HTML file with a timeline and a relation graph of a built graph.

Everything is inlined (vis-timeline and vis-network from viz/vendor, the page's
own script and style from viz/templates), so the file works with no network.
Document text reaches the page only as JSON inside a non-executable
<script type="application/json"> with <, > and & escaped, and the page puts it
into the DOM with textContent; a Content-Security-Policy that allows only the
page's own scripts (by hash) and no network is the second line of defence.
Same graph in, same bytes out: the data is sorted and nothing depends on time.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from rdflib import Graph

from gcmkg.errors import UsageError
from gcmkg.graph.io import GraphFileError, write_atomic
from gcmkg.viz.data import explorer_data
from gcmkg.viz.table import Table

# The two standalone vis.js builds both extend window.vis; each keeps its own DataSet class.
_SEPARATE = "window.visTimeline = window.vis; window.vis = undefined;"
_MARKER = re.compile(r"\{\{(\w+)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _resource(*parts: str) -> str:
    return files("gcmkg.viz").joinpath(*parts).read_text(encoding="utf-8")


def data_json(data: dict[str, Any]) -> str:
    """JSON that is safe inside a <script> element: no <, > or & can end it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render(data: dict[str, Any]) -> bytes:
    """The page for explorer data (see viz/data.py)."""
    scripts = {
        "vis_timeline": _resource("vendor", "vis-timeline-graph2d.min.js"),
        "vis_separate": _SEPARATE,
        "vis_network": _resource("vendor", "vis-network.min.js"),
        "explorer_js": _resource("templates", "explorer.js"),
    }
    for name, text in scripts.items():
        if "</script" in text.lower():
            raise ValueError(f"{name} contains </script and cannot be inlined")
    csp = ("default-src 'none'; script-src " + " ".join(_script_hash(t) for t in scripts.values())
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
    parts = {**scripts, "csp": csp, "css": _resource("templates", "explorer.css"), "data": data_json(data)}
    page = _MARKER.sub(lambda m: parts[m.group(1)], _resource("templates", "explorer.html"))  # one pass: inserted text is not rescanned
    return page.encode("utf-8")


def explorer_html(graph: Graph | Path | Table) -> bytes:
    """The explorer page for a graph, a graph file (Turtle, TriG, N-Triples, N-Quads) or a viz.table.Table
    that also holds the reference files."""
    return render(explorer_data(graph))


def write_explorer(graph_file: Path, out: Path) -> Path:
    """Draw a built graph file into `out` (written atomically)."""
    if not graph_file.is_file():
        raise UsageError(f"{graph_file}: no such file; build one with: gcmkg build --out out")
    if out.is_dir():
        raise UsageError(f"{out}: is a folder; give a file name such as {out / 'graph.html'}")
    try:
        page = explorer_html(graph_file)
    except GraphFileError as err:
        raise UsageError(str(err)) from err
    try:
        return write_atomic(out, page)
    except OSError as err:
        raise UsageError(f"{out}: cannot write: {err.strerror or err}") from err

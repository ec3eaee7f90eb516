"""gcmkg's command line: thin typer commands over the library functions."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from gcmkg.errors import GcmkgError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Dutch parliamentary documents in, a knowledge graph of actors, meetings, attendance and "
                       "positions out.\n\nExample: gcmkg build seeds/ --out out && "
                       "gcmkg query attendance --graph out/graph.ttl")


def _fail(e: GcmkgError) -> typer.Exit:
    typer.echo(f"Error: {e}", err=True)
    return typer.Exit(e.exit_code)


@app.command()
def build(paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (.txt, .pdf, .html); default: the bundled seeds.")] = None,
          out: Annotated[Path, typer.Option("--out", "-o", help="Folder for graph.ttl, graph.trig, graph.html, report.json.")] = Path("out"),
          strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on any warning too (a guessed encoding, a skipped file, a file without facts).")] = False,
          base_iri: Annotated[str | None, typer.Option("--base-iri", help="Base of the data's IRIs (ending in / or #), e.g. https://data.example.org/gcm/; default https://w3id.org/gcmkg/.")] = None,
          workers: Annotated[int, typer.Option("--workers", "-w", help="Extract on this many processes (same output as 1).")] = 1,
          scheduler: Annotated[str | None, typer.Option("--scheduler", help="Extract on a Dask cluster, e.g. tcp://10.0.0.5:8786.")] = None,
          cache: Annotated[Path | None, typer.Option("--cache", help="Folder that keeps extractions between builds; default OUT/.gcmkg-cache.")] = None,
          no_cache: Annotated[bool, typer.Option("--no-cache", help="Extract every document again and keep nothing.")] = False) -> None:
    """Build the knowledge graph from documents.

    Each unreadable file gets one line, `Error: <file>: <reason>`, and the others
    are still read. Exit code 0: all read; 1: some file failed (with --strict:
    or was warned about); 2: wrong use (no such folder, --out is a file).

    Unchanged documents are not extracted again (see --cache).

    Example: gcmkg build seeds/ --out out --workers 2
    """
    from gcmkg.cache import CACHE_DIR_NAME
    from gcmkg.pipeline import build as run_build
    from gcmkg.pipeline import bundled_seeds

    try:
        if base_iri and not base_iri.endswith(("/", "#")):
            raise UsageError(f"--base-iri {base_iri}: must end with / or #")
        result = run_build(paths or [bundled_seeds()], out, progress=lambda name: typer.echo(f"extracting {name}", err=True),
                           base_iri=base_iri, workers=workers, scheduler=scheduler,
                           cache_dir=None if no_cache else cache or out / CACHE_DIR_NAME, keep_extractions=False)
    except GcmkgError as e:
        raise _fail(e) from None
    for problem in result.problems():
        typer.echo(problem.line(), err=True)
    totals = result.report()["totals"]
    typer.echo(f"{result.extracted} files: " + ", ".join(f"{v} {k}" for k, v in totals.items())
               + f" -> {out}/graph.ttl, graph.trig, graph.html, report.json", err=True)
    raise typer.Exit(result.exit_code(strict))


@app.command()
def text(file: Annotated[Path, typer.Argument(help="A .txt, .pdf or .html file.")],
         read: Annotated[bool, typer.Option("--read", help="Print the text the extractors read instead: hyphen breaks joined, page headers and numbers out, footnotes at the end.")] = False) -> None:
    """Print a file's original text: the text that evidence offsets count characters of.

    Example: gcmkg text paper.pdf > paper.txt
    """
    from gcmkg.extract.load import load

    if not file.exists() and not file.is_symlink():
        raise _fail(UsageError(f"{file}: no such file"))
    try:
        doc = load(file)
    except GcmkgError as e:
        raise _fail(e) from None
    for w in doc.warnings:
        typer.echo(f"Warning: {doc.source}: {w}", err=True)
    typer.echo(doc.text if read else doc.original, nl=False)


@app.command()
def query(name: Annotated[str, typer.Argument(help="A named query (documents, actors, meetings, attendance, positions, series_attendance, ...: see the README) or a .rq file.")],
          graph: Annotated[Path, typer.Option("--graph", "-g", help="A built graph (graph.ttl).")] = Path("out/graph.ttl"),
          format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
          param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE for a parameter the query declares (its '# param' lines); repeatable.")] = None,
          endpoint: Annotated[str | None, typer.Option("--endpoint", help="Run on this SPARQL endpoint instead of --graph, e.g. http://localhost:7878/query.")] = None,
          graph_iri: Annotated[str | None, typer.Option("--graph-iri", help="With --endpoint: the named graph to query (as given to gcmkg push).")] = None,
          limit: Annotated[int | None, typer.Option("--limit", "-n", help="Only this many rows: a page of the output, in the same order. Without it: all rows.")] = None,
          after: Annotated[str | None, typer.Option("--after", help="With --limit: the next page, after the token the previous page printed ('more rows: --after TOKEN', on stderr).")] = None) -> None:
    """Run a named competency query or a SPARQL file on a built graph or a SPARQL endpoint.

    Examples: gcmkg query positions --graph out/graph.ttl --format csv;
    gcmkg query series_attendance --param series=CoorMulti;
    gcmkg query evidence --limit 100 (then --limit 100 --after TOKEN for the next 100);
    gcmkg query attendance --endpoint http://localhost:7878/query
    """
    from gcmkg.graph.io import GraphFileError, load_graph
    from gcmkg.graph.query import QueryError, format_rows, parse_params, run_query
    from gcmkg.graph.pages import graph_page, page_of
    from gcmkg.graph.remote import run_remote_query

    try:
        if format not in ("table", "csv", "json"):
            raise UsageError(f"--format {format}: use table, csv or json")
        if after is not None and limit is None:
            raise UsageError("--after needs --limit, the page size: e.g. --limit 100 --after TOKEN")
        params = parse_params(param)
        page = None
        if endpoint:
            rows = run_remote_query(name, endpoint, params, graph_iri)
            if limit is not None:
                page = page_of(rows, limit, after)
        else:
            if not graph.exists():
                raise UsageError(f"{graph}: no such file; build one with: gcmkg build --out out")
            if limit is not None:
                page = graph_page(name, graph, params, limit, after)
            else:
                rows = run_query(name, graph, params=params)
        typer.echo(format_rows(page.rows if page else rows, format))
        if page and page.next:
            typer.echo(f"more rows: --after {shlex.quote(page.next)}", err=True)
    except GcmkgError as e:
        raise _fail(e) from None
    except (GraphFileError, QueryError) as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(2) from None


@app.command()
def viz(graph: Annotated[Path, typer.Option("--graph", "-g", help="A built graph: graph.ttl or graph.trig.")] = Path("out/graph.ttl"),
        out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("out/graph.html")) -> None:
    """Draw a built graph as one offline HTML page: a timeline of meetings and documents, a relation graph,
    and the evidence of every fact.

    Example: gcmkg viz --graph out/graph.trig -o explorer.html
    """
    from gcmkg.viz.explorer import write_explorer

    try:
        written = write_explorer(graph, out)
    except GcmkgError as e:
        raise _fail(e) from None
    typer.echo(f"-> {written}", err=True)


@app.command()
def serve(graph: Annotated[Path, typer.Option("--graph", "-g", help="A built graph (graph.ttl or graph.trig).")] = Path("out/graph.ttl"),
          host: Annotated[str, typer.Option("--host", help="Address to listen on; the default lets only this machine in.")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="Port to listen on (0: any free port).")] = 7878,
          timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run before it is stopped.")] = 30.0,
          workers: Annotated[int, typer.Option("--workers", help="Queries that can run at the same time (each worker holds a copy of the graph).")] = 2) -> None:
    """Serve a built graph as a read-only SPARQL endpoint, with a page of the named queries.

    Example: gcmkg serve --graph out/graph.ttl --port 7878, then open http://127.0.0.1:7878/
    """
    from gcmkg.graph.io import GraphFileError
    from gcmkg.graph.serve import serve as run_serve

    try:
        run_serve(graph, host, port, timeout, workers, announce=lambda line: typer.echo(line))
    except GcmkgError as e:
        raise _fail(e) from None
    except GraphFileError as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(2) from None


@app.command()
def push(endpoint: Annotated[str, typer.Option("--endpoint", help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph), http://localhost:3030/ds/data (Fuseki).")],
         graph: Annotated[Path, typer.Option("--graph", "-g", help="A built graph (graph.ttl or graph.trig).")] = Path("out/graph.ttl"),
         graph_iri: Annotated[str | None, typer.Option("--graph-iri", help="Named graph to replace; default: the store's default graph.")] = None) -> None:
    """Load a built graph into a triple store (replacing that graph there), to query it with --endpoint.

    Example: gcmkg push --graph out/graph.ttl --endpoint http://localhost:7878/store
    """
    from gcmkg.graph.io import GraphFileError
    from gcmkg.graph.remote import push_graph

    try:
        result = push_graph(graph, endpoint, graph_iri)
    except GcmkgError as e:
        raise _fail(e) from None
    except GraphFileError as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"{result.triples} triples -> {result.target} at {result.url}", err=True)


@app.command()
def export(out: Annotated[Path, typer.Option("--out", "-o", help="File to write, e.g. out/gcmkg.jsonld; void.ttl (and for JSON-LD context.jsonld) go beside it.")],
           graph: Annotated[Path, typer.Option("--graph", "-g", help="A built graph; graph.trig keeps one named graph per source file in TriG.")] = Path("out/graph.ttl"),
           format: Annotated[str, typer.Option("--format", "-f", help="turtle, trig, nt or jsonld.")] = "turtle",
           base_iri: Annotated[str | None, typer.Option("--base-iri", help="Move the data's IRIs under this base (ending in / or #), e.g. https://data.example.org/gcm/.")] = None,
           title: Annotated[str | None, typer.Option("--title", help="Dataset title for void.ttl.")] = None,
           publisher: Annotated[str | None, typer.Option("--publisher", help="Publisher's name for void.ttl.")] = None,
           license: Annotated[str | None, typer.Option("--license", help="Licence IRI for void.ttl; default CC BY 4.0.")] = None,
           endpoint_url: Annotated[str | None, typer.Option("--endpoint-url", help="Public SPARQL endpoint of the data, for void.ttl.")] = None,
           download_url: Annotated[str | None, typer.Option("--download-url", help="Where the exported file will be downloadable, for void.ttl.")] = None) -> None:
    """Export a built graph for a data portal: Turtle, TriG, N-Triples or JSON-LD, with a VoID and DCAT-AP description.

    Example: gcmkg export --graph out/graph.trig --format jsonld --out portal/gcmkg.jsonld --base-iri https://data.example.org/gcm/
    """
    from dataclasses import replace

    from gcmkg.graph.export import EXPORT_FORMATS, DatasetInfo, export_graph
    from gcmkg.graph.io import GraphFileError

    given = {"title": title, "publisher": publisher, "license": license, "endpoint": endpoint_url,
             "download_url": download_url}
    try:
        if format not in EXPORT_FORMATS:
            raise UsageError(f"--format {format}: use {', '.join(EXPORT_FORMATS)}")
        if base_iri and not base_iri.endswith(("/", "#")):
            raise UsageError(f"--base-iri {base_iri}: must end with / or #")
        if not graph.exists():
            raise UsageError(f"{graph}: no such file; build one with: gcmkg build --out out")
        info = replace(DatasetInfo(), **{k: v for k, v in given.items() if v is not None})
        result = export_graph(graph, format, out, base_iri, info)  # type: ignore[arg-type]
    except GcmkgError as e:
        raise _fail(e) from None
    except GraphFileError as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(2) from None
    extra = f", {result.context}" if result.context else ""
    typer.echo(f"{result.triples} triples under {result.base_iri} -> {result.out}, {result.description}{extra}", err=True)


@app.command()
def docs(out: Annotated[Path, typer.Option("--out", "-o", help="Markdown file to write.")] = Path("docs/ontology.md")) -> None:
    """Write the ontology reference (classes, properties, vocabularies, objectives, SHACL shapes) as Markdown.

    Example: gcmkg docs --out docs/ontology.md
    """
    from gcmkg.graph.docs import write_docs

    try:
        typer.echo(f"-> {write_docs(out)}", err=True)
    except OSError as e:
        typer.echo(f"Error: {out}: cannot write: {e.strerror or e}", err=True)
        raise typer.Exit(2) from None


@app.command("eval")
def eval_(gold: Annotated[Path, typer.Option("--gold", help="Folder of gold JSON files (tests/gold).")],
          paths: Annotated[list[Path] | None, typer.Argument(help="Documents; default: the bundled seeds.")] = None,
          misses: Annotated[bool, typer.Option("--misses", help="Also list gold facts not found and extra rows.")] = False,
          ) -> None:
    """Precision and recall per fact type against gold files.

    Example: gcmkg eval --gold tests/gold --misses
    """
    from gcmkg.evaluate import evaluate, format_scores
    from gcmkg.pipeline import bundled_seeds

    if not gold.is_dir():
        typer.echo(f"Error: {gold}: no such folder", err=True)
        raise typer.Exit(2)
    try:
        errors: dict[str, str] = {}
        typer.echo(format_scores(evaluate(gold, paths or [bundled_seeds()], errors), misses=misses))
        for name, reason in sorted(errors.items()):
            typer.echo(f"Error: {name}: {reason}", err=True)
    except GcmkgError as e:
        raise _fail(e) from None


def main() -> None:
    """The console script: an unexpected failure is one `Error:` line (exit 1), not a traceback;
    GCMKG_DEBUG=1 shows the traceback for a bug report."""
    import os
    import sys

    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Error: interrupted; outputs of a build are written only when complete", err=True)
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 - the last line of defence for researchers
        if os.environ.get("GCMKG_DEBUG"):
            raise
        typer.echo(f"Error: internal error ({type(e).__name__}: {e}); rerun with GCMKG_DEBUG=1 and report it", err=True)
        sys.exit(1)

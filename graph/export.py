"""`gcmkg export`: a built graph in the formats data portals take, under a base IRI of your own, with a VoID and
DCAT-AP description of the dataset.

Formats: Turtle, TriG (one named graph per source file when the input is graph.trig), N-Triples (lines sorted)
and JSON-LD (compacted with gcmkg's prefixes as context; the context is also written as its own file, for
others to reuse). Every output is byte-identical for the same input.

Base IRI: the data's IRIs (actor/, meeting/, attendance/, ... see graph/iris.py) are rewritten from the base the
graph was built with to `base_iri`, so they can point at a server you run; the ontology, the vocabularies and
the GCM's objectives keep their own IRIs (https://w3id.org/gcmkg/ontology#, .../id/).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal as TypingLiteral

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, VOID, XSD

from gcmkg.graph.build import bind_prefixes
from gcmkg.graph.io import GraphFileError, _format_of, _quiet_rdflib, load_graph, trig_bytes, turtle_bytes, write_atomic
from gcmkg.graph.query import _OX_FORMATS as _OX_FORMATS_NAMED
from gcmkg.graph.iris import DEFAULT_BASE, Iris
from gcmkg.graph.namespaces import GCM, ID, ONTOLOGY_IRI, PREFIXES, SHAPES

ExportFormat = TypingLiteral["turtle", "trig", "nt", "jsonld"]
EXPORT_FORMATS: tuple[str, ...] = ("turtle", "trig", "nt", "jsonld")
_OX_FORMATS = {suffix: fmt for suffix, (fmt, _) in _OX_FORMATS_NAMED.items()}
_FIXED = (str(ONTOLOGY_IRI), str(ID), str(SHAPES))  # never rewritten
_EU = "http://publications.europa.eu/resource/authority/"
_FILE_TYPES = {"turtle": ("RDF_TURTLE", "text/turtle"), "trig": ("RDF_TRIG", "application/trig"),
               "nt": ("RDF_N_TRIPLES", "application/n-triples"), "jsonld": ("JSON_LD", "application/ld+json")}
_CLASSES = ("Document", "Actor", "Meeting", "MeetingSeries", "Attendance", "Position", "Flag", "SourceFile")
_REUSED = ("http://www.w3.org/ns/org#", "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/prov#",
           "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#", "https://schema.org/",
           "http://www.w3.org/ns/oa#", "http://data.vlaanderen.be/ns/besluit#", "http://data.vlaanderen.be/ns/mandaat#")


@dataclass(frozen=True)
class DatasetInfo:
    """What a portal shows about the dataset; every field can be set from the command line."""

    title: str = "gcmkg knowledge graph"
    description: str = ("Actors, meetings, attendance and positions on the UN Global Compact for Migration, extracted "
                        "from parliamentary and government documents; every fact linked to the words that state it.")
    publisher: str = "gcmkg"
    license: str = "http://creativecommons.org/licenses/by/4.0/"
    endpoint: str | None = None  # a SPARQL endpoint serving the data
    download_url: str | None = None  # where the exported file will be published
    keywords: tuple[str, ...] = field(default=("migration", "Global Compact for Migration", "parliament", "GCM"))


@dataclass(frozen=True)
class ExportResult:
    out: Path
    description: Path
    context: Path | None
    triples: int
    base_iri: str


def graph_base(graph: Graph) -> str:
    """The base IRI a graph was built with, read off its source-file nodes ({base}source/{file})."""
    for s in sorted(graph.subjects(RDF.type, GCM.SourceFile)):
        head, sep, _ = str(s).rpartition("source/")
        if sep:
            return head
    return DEFAULT_BASE


def _quads_base(quads: list[ox.Quad]) -> str:
    for q in sorted(str(q.subject.value) for q in quads if q.predicate == _OX_TYPE and q.object == _OX_SOURCE):
        head, sep, _ = q.rpartition("source/")
        if sep:
            return head
    return DEFAULT_BASE


_OX_TYPE = ox.NamedNode(str(RDF.type))
_OX_SOURCE = ox.NamedNode(str(GCM.SourceFile))


def read_quads(path: Path) -> list[ox.Quad]:
    """The graph file's quads, parsed by pyoxigraph (named graphs kept; a triples file is in the default graph)."""
    fmt = _OX_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:  # JSON-LD, RDF/XML: through rdflib
        data = load_graph(path).serialize(format="nt", encoding="utf-8")
        return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    if not Path(path).is_file():
        raise GraphFileError(f"{path}: no such file")
    try:
        return list(ox.parse(path=path, format=fmt))
    except (SyntaxError, OSError, UnicodeDecodeError) as err:
        raise GraphFileError(f"{path}: not valid {_format_of(Path(path))}: {err}") from err


def rebase_quads(quads: list[ox.Quad], new: str) -> list[ox.Quad]:
    """The quads with their data IRIs (and named-graph names) moved from the graph's base to `new`."""
    Iris(new)  # checks that it ends in / or #
    old = _quads_base(quads)
    cache: dict[str, ox.NamedNode] = {}

    def move(term):
        if not isinstance(term, ox.NamedNode):
            return term
        text = term.value
        if text.startswith(old) and not text.startswith(_FIXED):
            if text not in cache:
                cache[text] = ox.NamedNode(new + text[len(old):])
            return cache[text]
        return term

    return [ox.Quad(move(q.subject), q.predicate, move(q.object), move(q.graph_name)) for q in quads]


def to_dataset(quads: list[ox.Quad]) -> Dataset:
    """The quads as an rdflib Dataset, for rdflib's writers."""
    ds = Dataset()
    bind_prefixes(ds)
    with _quiet_rdflib():
        ds.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    return ds


def to_graph(quads: list[ox.Quad]) -> Graph:
    """The quads' triples, named graphs merged, as an rdflib Graph."""
    g = Graph()
    bind_prefixes(g)
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return g


def jsonld_context() -> dict:
    """gcmkg's prefixes as a JSON-LD context."""
    return {"@context": dict(sorted(PREFIXES.items()))}


def jsonld_bytes(graph: Graph) -> bytes:
    """Compacted JSON-LD, nodes in IRI order and keys sorted, so the same graph gives the same bytes."""
    doc = json.loads(graph.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True))
    nodes = doc.get("@graph", [doc] if "@id" in doc else [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    body = {"@context": jsonld_context()["@context"], "@graph": sorted(nodes, key=lambda n: n.get("@id", ""))}
    return (json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def nt_bytes(quads: list[ox.Quad]) -> bytes:
    """N-Triples, named graphs merged, lines sorted."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    lines = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8").splitlines()
    return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")


def serialize(quads: list[ox.Quad], fmt: ExportFormat) -> bytes:
    """The quads in `fmt`; rdflib writes Turtle, TriG and JSON-LD, as for graph.ttl and graph.trig."""
    if fmt == "trig":
        return trig_bytes(to_dataset(quads))
    if fmt == "nt":
        return nt_bytes(quads)
    merged = to_graph(quads)
    if fmt == "turtle":
        return turtle_bytes(merged)
    if fmt == "jsonld":
        return jsonld_bytes(merged)
    raise ValueError(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")


@dataclass(frozen=True)
class Stats:
    """VoID's numbers for a set of triples."""

    triples: int
    subjects: int
    properties: int
    classes: int
    members: dict[str, list[str]]  # gcm class name -> its instances' IRIs, sorted

    @classmethod
    def of(cls, triples: set[ox.Triple]) -> Stats:
        typed = [(t.subject.value, t.object.value) for t in triples if t.predicate == _OX_TYPE]
        members = {n: sorted({s for s, o in typed if o == str(GCM[n])}) for n in _CLASSES}
        return cls(len(triples), len({t.subject for t in triples if isinstance(t.subject, ox.NamedNode)}),
                   len({t.predicate for t in triples}), len({o for _, o in typed}), members)


def describe(stats: Stats, base: str, fmt: ExportFormat, file_name: str, info: DatasetInfo) -> Graph:
    """VoID statistics and a DCAT-AP record of the dataset, its distribution and its endpoint (if any)."""
    g = Graph()
    bind_prefixes(g)
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    ds, dist, pub = URIRef(base + "dataset"), URIRef(f"{base}dataset/{fmt}"), URIRef(base + "dataset/publisher")
    add = g.add
    for t in (VOID.Dataset, DCAT.Dataset):
        add((ds, RDF.type, t))
    add((ds, DCTERMS.title, Literal(info.title, lang="en")))
    add((ds, DCTERMS.description, Literal(info.description, lang="en")))
    add((ds, DCTERMS.license, URIRef(info.license)))
    add((ds, DCTERMS.publisher, pub))
    add((pub, RDF.type, FOAF.Agent))
    add((pub, FOAF.name, Literal(info.publisher)))
    add((ds, DCTERMS.conformsTo, ONTOLOGY_IRI))
    add((ds, DCTERMS.language, URIRef(_EU + "language/NLD")))
    add((ds, DCAT.theme, URIRef(_EU + "data-theme/GOVE")))
    for kw in info.keywords:
        add((ds, DCAT.keyword, Literal(kw, lang="en")))
    add((ds, VOID.uriSpace, Literal(base)))
    for vocab in (str(ONTOLOGY_IRI), *_REUSED):
        add((ds, VOID.vocabulary, URIRef(vocab)))
    add((ds, VOID.triples, Literal(stats.triples, datatype=XSD.integer)))
    add((ds, VOID.distinctSubjects, Literal(stats.subjects, datatype=XSD.integer)))
    add((ds, VOID.properties, Literal(stats.properties, datatype=XSD.integer)))
    add((ds, VOID.classes, Literal(stats.classes, datatype=XSD.integer)))
    for name in _CLASSES:
        members = [URIRef(m) for m in stats.members[name]]
        part = URIRef(f"{base}dataset/class/{name}")
        add((ds, VOID.classPartition, part))
        add((part, VOID["class"], GCM[name]))
        add((part, VOID.entities, Literal(len(members), datatype=XSD.integer)))
        if members and name in ("Actor", "Meeting", "Attendance", "Position"):
            add((ds, VOID.exampleResource, members[0]))
    add((ds, DCAT.distribution, dist))
    add((dist, RDF.type, DCAT.Distribution))
    add((dist, DCTERMS.title, Literal(f"{info.title} ({file_name})", lang="en")))
    add((dist, DCTERMS.license, URIRef(info.license)))
    add((dist, DCTERMS.format, URIRef(_EU + "file-type/" + _FILE_TYPES[fmt][0])))
    add((dist, DCAT.mediaType, URIRef("https://www.iana.org/assignments/media-types/" + _FILE_TYPES[fmt][1])))
    download = info.download_url or None
    add((dist, DCAT.accessURL, URIRef(download or info.endpoint or base)))
    if download:
        add((dist, DCAT.downloadURL, URIRef(download)))
        add((ds, VOID.dataDump, URIRef(download)))
    if info.endpoint:
        service = URIRef(base + "dataset/sparql")
        add((ds, VOID.sparqlEndpoint, URIRef(info.endpoint)))
        add((service, RDF.type, DCAT.DataService))
        add((service, DCTERMS.title, Literal(f"{info.title}: SPARQL endpoint", lang="en")))
        add((service, DCAT.endpointURL, URIRef(info.endpoint)))
        add((service, DCAT.servesDataset, ds))
        add((service, DCTERMS.license, URIRef(info.license)))
        add((dist, DCAT.accessService, service))
    return g


def export_graph(graph: Path, fmt: ExportFormat, out: Path, base_iri: str | None = None,
                 info: DatasetInfo = DatasetInfo()) -> ExportResult:
    """Write `out` in `fmt`, void.ttl (VoID + DCAT-AP) beside it, and for JSON-LD context.jsonld."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
    quads = read_quads(Path(graph))
    if base_iri:
        quads = rebase_quads(quads, base_iri)
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    base = _quads_base(quads)
    out = Path(out)
    write_atomic(out, serialize(quads, fmt))
    context = None
    if fmt == "jsonld":
        context = write_atomic(out.parent / "context.jsonld",
                               (json.dumps(jsonld_context(), indent=1, sort_keys=True) + "\n").encode("utf-8"))
    stats = Stats.of(triples)
    description = write_atomic(out.parent / "void.ttl", turtle_bytes(describe(stats, base, fmt, out.name, info)))
    return ExportResult(out=out, description=description, context=context, triples=stats.triples, base_iri=base)

"""Extractions in, RDF out: one named graph per source file, each fact with its evidence.

Everything a file states goes into that file's named graph, so the dataset
keeps who-said-what; the same key in several files is one node, so the merged
graph joins them. Every fact node is the oa:hasBody of one oa:Annotation per
Evidence, whose target is the quoted span of the source file, and is
prov:wasDerivedFrom that file, which is what the per-source queries use.

A corpus makes millions of triples, so they are not held as rdflib objects:
each file's triples are N-Triples lines (`<s> <p> <o>`, rdf:type written `<>`
so that it sorts first), sorted and kept (zlib-compressed once they take much memory) until every file is
in; then the canonical labels and the dangling-reference flags, which need all
files, are added and the files come out in graph-IRI order (`files()`), for
graph/write.py to serialise. `build_dataset` gives the same quads as an rdflib
Dataset, for small graphs (tests, evaluation).
"""

from __future__ import annotations

import re
import sys
import warnings
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rdflib import Dataset, Graph
from rdflib.namespace import NamespaceManager

from gcmkg.extract.models import ActorFact, DocumentFact, Evidence, Extraction, MeetingFact, PositionFact
from gcmkg.graph.iris import DEFAULT_BASE, Iris, key_problem
from gcmkg.graph.lines import DCTERMS, FOAF, GCM, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, Build, FileLines, Lit, lit
from gcmkg.graph.namespaces import (
    ACTORKIND,
    ACTORKIND_CLASS,
    DOCKIND,
    DOCKIND_CLASS,
    GCM_INSTRUMENT,
    GCR_INSTRUMENT,
    PREFIXES,
    STANCE,
    STATUS,
    objective_iri,
    paragraph_iri,
)

_GCM_NAMES = {"gcm", "global compact for migration", "global compact for safe, orderly and regular migration"}
_GCR_NAMES = {"gcr", "global compact on refugees", "global compact for refugees"}
_OBJECTIVE_TARGET = re.compile(r"gcm\s+(?:objective|doelstelling)\s+(\d+)")
_PARAGRAPH_TARGET = re.compile(r"gcm\s+(?:paragraph|paragraaf|par\.?|§)\s*(\d+[a-z]?)")
_PARAGRAPH_REF = re.compile(r"(\d+)([a-z]?)")
_OBJECTIVE_PARAGRAPHS = range(17, 40)  # paragraphs 17..39 hold objectives 1..23, see ontology/objectives.ttl
PLAIN_BYTES = 256 << 20  # the builder holds this much of the files' lines as text, the rest compressed
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f]+")


@dataclass
class _File(FileLines):
    """Collecting one source file's triples."""

    targets: set[str] = field(default_factory=set)  # evidence spans already written

    def check_key(self, what: str, key: str) -> str:
        """A key that breaks the contract still gets a (percent-encoded) IRI, and a flag saying so."""
        if problem := key_problem(key):
            _add_flag(self, f"{what} {problem}")
        return key

    def ref(self, what: str, key: str) -> str:
        """An actor or meeting referred to by key; checked at the end for a description."""
        self.check_key(what, key)
        iri = self.iris.actor(key) if what == "actor" else self.iris.meeting(key)
        self.build.refs.add((self.source, what, iri, key))
        return iri


def bind_prefixes(graph: Graph) -> None:
    """Bind gcmkg's prefixes, and only those: serialisations are readable, never invent ns1, ns2,
    and the Turtle writer does not try 30 unused rdflib prefixes on every IRI (a third faster)."""
    graph.namespace_manager = NamespaceManager(graph, bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


class GraphBuilder:
    """Add extractions one by one (any order), then read each file's sorted lines with `files()`."""

    def __init__(self, base_iri: str = DEFAULT_BASE) -> None:
        self.build = Build(Iris(base_iri))
        self.plain_bytes = 0  # held as text so far; the files after PLAIN_BYTES are held compressed

    def add(self, ex: Extraction) -> None:
        if ex.source in self.build.files:
            raise ValueError(f"{ex.source}: two extractions of the same file")
        f = _File(self.build, ex.source, self.build.iris.source(ex.source))
        _add_source(f, ex.source, ex.sha256)
        for doc in ex.documents:
            _add_document(f, doc)
        for actor in ex.actors:
            _add_actor(f, actor)
        for meeting in ex.meetings:
            _add_meeting(f, meeting)
        for att in ex.attendance:
            _add_attendance(f, att.meeting, att.actor, att.status, att.evidence)
        for pos in ex.positions:
            _add_position(f, pos)
        for flag in ex.flags:
            _add_flag(f, flag.message, flag.evidence)
        text = "\n".join(sorted(f.lines))
        if self.plain_bytes < PLAIN_BYTES:  # compressing costs a tenth of these steps' time: only when it must
            self.plain_bytes += sys.getsizeof(text)
            self.build.files[ex.source] = text
        else:
            self.build.files[ex.source] = zlib.compress(text.encode("utf-8"), 1)

    def files(self) -> Iterator[tuple[str, list[str]]]:
        """(named graph IRI, the file's sorted, distinct lines) for every file, in graph-IRI order.
        The labels and flags that need all files are added here; the builder is spent afterwards."""
        build, extra = self.build, defaultdict(set)
        for source, node, label in _pref_labels(build):
            extra[source].add(f"<{node}> <{SKOS.prefLabel}> {lit(label)}")
        for f in _dangling_ref_flags(build):
            extra[f.source] |= f.lines
        order = sorted((build.iris.graph(source), source) for source in build.files)
        for graph, source in order:
            held = build.files.pop(source)
            lines = (held if type(held) is str else zlib.decompress(held).decode("utf-8")).split("\n")
            yield graph, sorted(set(lines) | extra[source]) if extra[source] else lines


def graph_lines(extractions: Iterable[Extraction], base_iri: str = DEFAULT_BASE) -> Iterator[tuple[str, list[str]]]:
    """Every file's graph IRI and sorted lines (see GraphBuilder); the input order does not matter."""
    builder = GraphBuilder(base_iri)
    for ex in extractions:
        builder.add(ex)
    return builder.files()


def build_dataset(extractions: Sequence[Extraction], base_iri: str = DEFAULT_BASE) -> Dataset:
    """One named graph per source file ({base}graph/{file}), as an rdflib Dataset (for small graphs)."""
    from gcmkg.graph.write import nquads_text

    ds = Dataset()
    bind_prefixes(ds)
    with warnings.catch_warnings():  # rdflib's own N-Quads parser uses its deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(data=nquads_text(graph_lines(extractions, base_iri)), format="nquads")
    return ds


def merged_graph(ds: Dataset) -> Graph:
    """The union of all named graphs, as one plain graph (for Turtle, SHACL and queries)."""
    merged = Graph()
    bind_prefixes(merged)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def _date(value: str) -> Lit:
    """yyyy-mm-dd is an xsd:date, yyyy-mm (month only) an xsd:gYearMonth."""
    return lit(value, XSD.date if len(value) == 10 else XSD.gYearMonth)


def _add_source(f: _File, filename: str, sha256: str | None) -> str:
    src = f.iris.source(filename)
    f.add(src, RDF.type, GCM.SourceFile)
    f.add(src, DCTERMS.identifier, lit(filename))
    if sha256:
        f.add(src, GCM.sha256, lit(sha256))
    return src


def _evidence(f: _File, body: str, ev: Evidence) -> None:
    """One oa:Annotation: body = the fact, target = the quoted span of the source file."""
    src = _add_source(f, ev.source, None) if ev.source != f.source else f.src
    target = f.iris.evidence(ev.source, ev.start, ev.end, ev.quote)
    ann = f.iris.annotation(body, ev.source, ev.start, ev.end, ev.quote)
    f.add(ann, RDF.type, OA.Annotation)
    f.add(ann, OA.hasBody, body)
    f.add(ann, OA.hasTarget, target)
    f.add(body, PROV.wasDerivedFrom, src)
    if target in f.targets:  # one span is often the evidence of several facts: its triples are there
        return
    f.targets.add(target)
    quote_sel, pos_sel = f"{target}/quote", f"{target}/position"
    f.add(target, RDF.type, OA.SpecificResource)
    f.add(target, OA.hasSource, src)
    f.add(target, OA.hasSelector, quote_sel)
    f.add(target, OA.hasSelector, pos_sel)
    f.add(quote_sel, RDF.type, OA.TextQuoteSelector)
    f.add(quote_sel, OA.exact, lit(ev.quote))
    f.add(pos_sel, RDF.type, OA.TextPositionSelector)
    f.add(pos_sel, OA.start, lit(ev.start, XSD.nonNegativeInteger))
    f.add(pos_sel, OA.end, lit(ev.end, XSD.nonNegativeInteger))


def _add_document(f: _File, doc: DocumentFact) -> None:
    node = f.iris.document(f.check_key("document", doc.key))
    f.add(node, RDF.type, GCM.Document)
    f.add(node, RDF.type, DOCKIND_CLASS[doc.kind])
    f.add(node, GCM.documentKind, DOCKIND[doc.kind])
    if doc.number:
        f.add(node, DCTERMS.identifier, lit(doc.number))
    if doc.date:
        f.add(node, DCTERMS.date, _date(doc.date))
    if doc.title:
        f.add(node, DCTERMS.title, lit(doc.title))
    for key in doc.authors:
        f.add(node, DCTERMS.creator, f.ref("actor", key))
    for key in doc.addressees:
        f.add(node, SCHEMA.recipient, f.ref("actor", key))
    if doc.parliament:
        f.add(node, DCTERMS.publisher, f.ref("actor", doc.parliament))
    f.add(node, DCTERMS.source, f.src)
    _evidence(f, node, doc.evidence)


def _add_actor(f: _File, actor: ActorFact) -> None:
    node = f.iris.actor(f.check_key("actor", actor.key))
    f.build.described.add(node)
    f.add(node, RDF.type, GCM.Actor)
    f.add(node, RDF.type, ACTORKIND_CLASS[actor.kind])
    f.add(node, GCM.actorKind, ACTORKIND[actor.kind])
    f.label(node, actor.name)
    if actor.kind == "person":
        f.add(node, FOAF.name, lit(actor.name))
    for alias in actor.aliases:
        if alias != actor.name:
            f.add(node, SKOS.altLabel, lit(alias))
    for role in actor.roles:
        _add_role(f, node, actor, role)
    if actor.party:
        party = f.ref("actor", actor.party)
        f.add(node, GCM.party, party)
        f.add(node, ORG.memberOf, party)
    for key in actor.member_of:
        f.add(node, ORG.memberOf, f.ref("actor", key))
    for iri in actor.same_as:
        if _IRI.fullmatch(iri):
            f.add(node, OWL.sameAs, iri)
        else:
            _add_flag(f, f"actor {actor.key}: same_as {iri!r} is not an IRI; left out", actor.evidence[0])
    for ev in actor.evidence:
        _evidence(f, node, ev)


def _add_role(f: _File, node: str, actor: ActorFact, role: str) -> None:
    """A role as org:Membership -> org:Role, so that each source's roles keep their own evidence."""
    membership, role_node = f.iris.membership(actor.key, role), f.iris.role(role)
    f.add(membership, RDF.type, ORG.Membership)
    f.add(membership, ORG.member, node)
    f.add(membership, ORG.role, role_node)
    f.add(role_node, RDF.type, ORG.Role)
    f.add(role_node, RDFS.label, lit(role))
    f.add(role_node, PROV.wasDerivedFrom, f.src)
    for ev in actor.evidence:
        _evidence(f, membership, ev)


def _add_meeting(f: _File, meeting: MeetingFact) -> None:
    node = f.iris.meeting(f.check_key("meeting", meeting.key))
    f.build.described.add(node)
    f.add(node, RDF.type, GCM.Meeting)
    f.label(node, meeting.label)
    series = f.iris.series(meeting.series)
    f.add(series, RDF.type, GCM.MeetingSeries)
    f.label(series, meeting.series)
    f.add(series, PROV.wasDerivedFrom, f.src)
    f.add(node, SCHEMA.superEvent, series)
    if meeting.start:
        f.add(node, SCHEMA.startDate, _date(meeting.start))
    if meeting.end:
        f.add(node, SCHEMA.endDate, _date(meeting.end))
    if meeting.location:
        f.add(node, SCHEMA.location, lit(meeting.location))
    for item in meeting.agenda:
        f.add(node, GCM.agendaItem, lit(item))
    if meeting.ordinal is not None:
        f.add(node, GCM.ordinal, lit(meeting.ordinal, XSD.integer))
    for ev in meeting.evidence:
        _evidence(f, node, ev)


def _add_attendance(f: _File, meeting_key: str, actor_key: str, status: str, ev: Evidence) -> None:
    meeting, actor = f.ref("meeting", meeting_key), f.ref("actor", actor_key)
    node = f.iris.attendance(meeting_key, actor_key, status)
    f.add(node, RDF.type, GCM.Attendance)
    f.add(node, GCM.meeting, meeting)
    f.add(node, GCM.actor, actor)
    f.add(node, GCM.status, STATUS[status])
    if status == "present":
        f.add(meeting, SCHEMA.attendee, actor)  # the shortcut most consumers look for
    _evidence(f, node, ev)


def _add_position(f: _File, pos: PositionFact) -> None:
    holder = f.ref("actor", pos.holder)
    target, objective, paragraph = _resolve_target(f, pos)
    node = f.iris.position(pos.holder, pos.target, pos.objective, pos.paragraph, pos.stance, pos.date)
    f.add(node, RDF.type, GCM.Position)
    f.add(node, GCM.holder, holder)
    f.add(node, GCM.target, target)
    f.add(node, GCM.stance, STANCE[pos.stance])
    if objective is not None:
        f.add(node, GCM.objective, objective_iri(objective))
    if paragraph is not None:
        f.add(node, GCM.paragraph, paragraph_iri(paragraph))
    if pos.date:
        f.add(node, DCTERMS.date, _date(pos.date))
    _evidence(f, node, pos.evidence)


def _resolve_target(f: _File, pos: PositionFact) -> tuple[str, int | None, str | None]:
    """The target string as a node; the objective and paragraph it implies if the extractor left them out."""
    text = " ".join(pos.target.split())
    low = text.lower()
    implied: int | None = None
    paragraph = _add_paragraph(f, pos.paragraph, pos) if pos.paragraph else None
    if m := _OBJECTIVE_TARGET.fullmatch(low):
        implied = int(m.group(1))
        target = objective_iri(implied) if 1 <= implied <= 23 else None
        if target is None:
            _add_flag(f, f"position target {text!r} names no GCM objective (1..23)", pos.evidence)
            implied = None
    elif m := _PARAGRAPH_TARGET.fullmatch(low):
        paragraph = paragraph or _add_paragraph(f, m.group(1), pos)
        target = paragraph_iri(paragraph) if paragraph else None
    elif low in _GCM_NAMES:
        target = GCM_INSTRUMENT
    elif low in _GCR_NAMES:
        target = GCR_INSTRUMENT
    else:
        target = None
    if target is None:
        target = f.iris.instrument(text)
        f.add(target, RDF.type, GCM.Instrument)
        f.label(target, text)
        f.add(target, PROV.wasDerivedFrom, f.src)
    if implied is None and paragraph and int(_PARAGRAPH_REF.fullmatch(paragraph).group(1)) in _OBJECTIVE_PARAGRAPHS:
        implied = int(_PARAGRAPH_REF.fullmatch(paragraph).group(1)) - 16
    if pos.objective is not None and implied is not None and pos.objective != implied:
        _add_flag(f, f"position target {text!r} implies objective {implied}, not {pos.objective}", pos.evidence)
    return target, pos.objective if pos.objective is not None else implied, paragraph


def _add_paragraph(f: _File, ref: str, pos: PositionFact) -> str | None:
    """A paragraph or action point (33c) of the GCM; 17..39 are in objectives.ttl already."""
    ref = ref.strip().lower()
    m = _PARAGRAPH_REF.fullmatch(ref)
    if not m:
        _add_flag(f, f"GCM paragraph {ref!r} is not a paragraph number such as 33 or 33c; left out", pos.evidence)
        return None
    number, letter = m.groups()
    if letter or int(number) not in _OBJECTIVE_PARAGRAPHS:
        node = paragraph_iri(ref)
        f.add(node, RDF.type, GCM.Paragraph)
        f.add(node, SKOS.notation, lit(ref))
        f.add(node, RDFS.label, lit(f"GCM paragraph {ref}"))
        f.add(node, DCTERMS.isPartOf, paragraph_iri(number) if letter else GCM_INSTRUMENT)
        f.add(node, PROV.wasDerivedFrom, f.src)
        if letter:
            _add_paragraph(f, number, pos)
    return ref


def _add_flag(f: _File, message: str, ev: Evidence | None = None) -> None:
    node = f.iris.flag(f.source, message, *((ev.source, ev.start, ev.end, ev.quote) if ev else ()))
    f.add(node, RDF.type, GCM.Flag)
    f.add(node, RDFS.comment, lit(message))
    f.add(node, PROV.wasDerivedFrom, f.src)
    if ev is not None:
        _evidence(f, node, ev)


def _pref_labels(build: Build) -> Iterator[tuple[str, str, str]]:
    """One skos:prefLabel per node: the longest label (ties: first in code-point order),
    put in the graph of the first source file that states it. Yields (source, node, label)."""
    for node, labels in build.labels.items():
        label = min(labels, key=lambda t: (-len(t), t))
        yield min(labels[label]), node, label


def _dangling_ref_flags(build: Build) -> Iterator[_File]:
    """A key that no file describes gets a flag in each file that refers to it (SHACL reports it too)."""
    for source, what, iri, key in sorted(build.refs):
        if iri not in build.described:
            f = _File(build, source, build.iris.source(source))
            _add_flag(f, f"{what} {key} is referred to, but no source file describes it")
            yield f

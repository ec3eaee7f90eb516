"""Extract all facts from one document: run the registry in order, then freeze the result into models."""

from __future__ import annotations

from pathlib import Path

from gcmkg.errors import DocumentError
from gcmkg.extract import load as loader
from gcmkg.extract.context import MAX_EVIDENCE_PER_ACTOR, Context
from gcmkg.extract.load import Document
from gcmkg.extract.models import ActorFact, Extraction, Flag, MeetingFact
from gcmkg.extract.registry import EXTRACTORS

EXTRACTOR_VERSION = "3"


def extract_document(doc: Document) -> Extraction:
    """All facts of one loaded document."""
    ctx = Context.of(doc)
    for ex in EXTRACTORS:
        try:
            ex.run(ctx)
        except Exception as e:  # a bug on one document must not stop the others
            raise DocumentError(doc.source, f"extractor {ex.name} failed ({type(e).__name__}: {e}); "
                                            "please report this with the document") from e
    return freeze(ctx)


def extract_path(path: Path) -> Extraction:
    return extract_document(loader.load(path))


def freeze(ctx: Context) -> Extraction:
    actors = []
    for a in sorted(ctx.actors.values(), key=lambda a: a.key):
        spans = sorted(a.spans)[:MAX_EVIDENCE_PER_ACTOR]
        actors.append(ActorFact(
            key=a.key, name=a.name, kind=a.kind, aliases=tuple(sorted(a.aliases)), roles=tuple(a.roles),
            party=a.party, member_of=tuple(a.member_of), same_as=a.same_as,
            evidence=tuple(ctx.evidence(s, e) for s, e in spans)))
    meetings = []
    for m in sorted(ctx.meetings.values(), key=lambda m: m.key):
        meetings.append(MeetingFact(
            key=m.key, series=m.series, label=m.label, start=m.start, end=m.end, location=m.location,
            agenda=tuple(m.agenda), ordinal=m.ordinal,
            evidence=tuple(ctx.evidence(s, e) for s, e in sorted(m.spans)[:MAX_EVIDENCE_PER_ACTOR])))
    warnings = tuple(Flag(message=w) for w in ctx.doc.warnings)
    return Extraction(source=ctx.doc.source, sha256=ctx.doc.sha256, documents=tuple(ctx.documents),
                      actors=tuple(actors), meetings=tuple(meetings), attendance=tuple(ctx.attendance),
                      positions=tuple(ctx.positions), flags=tuple(ctx.flags) + warnings)

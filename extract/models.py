"""Typed facts: what every extractor produces, each with the evidence that states it.

The models are strict (unknown fields are an error) and frozen (a fact, once
made, does not change under the resolver's feet). Their vocabularies are the
ones of the gold format (tests/gold/SCHEMA.md), so that extraction, graph and
evaluation speak the same words.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DocKind = Literal[
    "written_question", "answer", "letter", "report", "plenary_record", "committee_record", "news", "other"
]
ActorKind = Literal[
    "person", "government", "ministry", "administration", "cabinet", "parliament", "committee",
    "party", "country", "international_organisation", "civil_society", "other",
]
Status = Literal["present", "absent", "excused", "invited", "not_invited"]
Stance = Literal["support", "oppose", "conditional", "undecided"]

DOC_KINDS: tuple[str, ...] = DocKind.__args__  # type: ignore[attr-defined]
ACTOR_KINDS: tuple[str, ...] = ActorKind.__args__  # type: ignore[attr-defined]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
STANCES: tuple[str, ...] = Stance.__args__  # type: ignore[attr-defined]

ISODate = str  # yyyy-mm-dd, or yyyy-mm for a month-only date
DATE_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(Strict):
    """Where a fact is stated: the source file and character offsets into its original text."""

    source: str = Field(description="file name of the source document")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str = Field(min_length=1, description="the original text between start and end")

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("end lies before start")
        return self


class DocumentFact(Strict):
    """One document inside a source file (a question and its answer are two)."""

    key: str
    kind: DocKind
    number: str | None = None
    date: ISODate | None = Field(default=None, pattern=DATE_PATTERN)
    title: str | None = None
    authors: tuple[str, ...] = ()  # actor keys
    addressees: tuple[str, ...] = ()  # actor keys
    parliament: str | None = None  # actor key
    evidence: Evidence


class ActorFact(Strict):
    """A person or organisation the document names, merged over its mentions."""

    key: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    party: str | None = None  # actor key of the party
    member_of: tuple[str, ...] = ()  # actor keys
    same_as: tuple[str, ...] = ()  # IRIs, e.g. Wikidata
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class MeetingFact(Strict):
    """A meeting (or a conference, plenary sitting, vote) with its date, place and agenda."""

    key: str
    series: str
    label: str
    start: ISODate | None = Field(default=None, pattern=DATE_PATTERN)
    end: ISODate | None = Field(default=None, pattern=DATE_PATTERN)
    location: str | None = None
    agenda: tuple[str, ...] = ()
    ordinal: int | None = None
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class AttendanceFact(Strict):
    """An actor's status at a meeting: present, absent, excused, invited, not_invited."""

    meeting: str  # meeting key
    actor: str  # actor key
    status: Status
    evidence: Evidence


class PositionFact(Strict):
    """A stance of a holder on the compact, one of its objectives or paragraphs, or another instrument."""

    holder: str  # actor key
    target: str  # "GCM", "GCR", "GCM objective N", "GCM paragraph NNx" or a named instrument
    objective: int | None = Field(default=None, ge=1, le=23)
    paragraph: str | None = None
    stance: Stance
    date: ISODate | None = Field(default=None, pattern=DATE_PATTERN)
    evidence: Evidence


class Flag(Strict):
    """A data-quality observation: a contradiction or oddity in the source, reported, not fixed."""

    message: str
    evidence: Evidence | None = None


class Extraction(Strict):
    """Everything extracted from one source file."""

    source: str
    sha256: str
    documents: tuple[DocumentFact, ...] = ()
    actors: tuple[ActorFact, ...] = ()
    meetings: tuple[MeetingFact, ...] = ()
    attendance: tuple[AttendanceFact, ...] = ()
    positions: tuple[PositionFact, ...] = ()
    flags: tuple[Flag, ...] = ()

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "actors": len(self.actors),
            "meetings": len(self.meetings),
            "attendance": len(self.attendance),
            "positions": len(self.positions),
        }


def validation_lines(err: ValidationError) -> list[str]:
    """A pydantic error as readable `[field] message` lines."""
    lines = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "model"
        lines.append(f"[{loc}] {e['msg']}")
    return lines

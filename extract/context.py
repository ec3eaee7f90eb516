"""What the extractors share while they read one document: the text, its sentences and the actors found so far."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from gcmkg.extract.load import Document
from gcmkg.extract.models import Evidence
from gcmkg.extract.segment import Sentence, split

MAX_EVIDENCE_PER_ACTOR = 3


@dataclass
class Actor:
    """An actor being assembled from its mentions in one document."""

    key: str
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    party: str | None = None
    member_of: list[str] = field(default_factory=list)
    same_as: tuple[str, ...] = ()
    spans: list[tuple[int, int]] = field(default_factory=list)  # cleaned-text spans of its mentions


@dataclass(frozen=True)
class Mention:
    """An actor named at a place in the text."""

    start: int
    end: int
    key: str


@dataclass
class Meeting:
    key: str
    series: str
    label: str
    start: str | None
    end: str | None = None
    location: str | None = None
    agenda: list[str] = field(default_factory=list)
    ordinal: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Context:
    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    jurisdiction: str | None = None  # "nl" or "be"
    date: str | None = None  # the document's own date, for `jl.` and day-month dates
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    role_holders: dict[str, str] = field(default_factory=dict)  # lower-cased role -> person key
    authors: list[str] = field(default_factory=list)  # keys of who writes (for `ik`, `wij`)
    addressees: list[str] = field(default_factory=list)  # keys of who is addressed (for `u`)
    speaker_org: str | None = None  # the government that answers/writes
    speaker_orgs: list[tuple[int, int, str]] = field(default_factory=list)  # span of a letter, its government
    voices: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)  # span, author, addressee
    meetings: dict[str, Meeting] = field(default_factory=dict)
    documents: list = field(default_factory=list)
    attendance: list = field(default_factory=list)
    positions: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    # mentions sorted by start, for mentions_in: (the list indexed, how many of it, starts, mentions)
    _by_start: tuple[list[Mention], int, list[int], list[Mention]] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, doc: Document) -> Context:
        return cls(doc=doc, sentences=split(doc.text))

    @property
    def text(self) -> str:
        return self.doc.text

    def evidence(self, start: int, end: int) -> Evidence:
        s, e, quote = self.doc.span(start, end)
        return Evidence(source=self.doc.source, start=s, end=e, quote=quote)

    def add_actor(self, key: str, name: str, kind: str, start: int, end: int, *, alias: str | None = None,
                  role: str | None = None, party: str | None = None, member_of: str | None = None,
                  same_as: tuple[str, ...] = ()) -> Actor:
        a = self.actors.get(key)
        if a is None:
            a = self.actors[key] = Actor(key=key, name=name, kind=kind, same_as=same_as)
        if alias and alias != a.name:
            a.aliases.add(alias)
        if role and role not in a.roles:
            a.roles.append(role)
        if party and not a.party:
            a.party = party
        if member_of and member_of not in a.member_of and member_of != key:
            a.member_of.append(member_of)
        if (start, end) not in a.spans:
            a.spans.append((start, end))
        self.mentions.append(Mention(start, end, key))
        return a

    def add_implied(self, key: str, name: str, kind: str, start: int, end: int,
                    same_as: tuple[str, ...] = ()) -> str:
        """An actor the text implies without naming it (the government that answers `Antwoord van
        Minister X`), with the span that implies it as evidence but no mention, so no sentence holds it."""
        if key not in self.actors:
            self.actors[key] = Actor(key=key, name=name, kind=kind, same_as=same_as, spans=[(start, end)])
        return key

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions of current actors within [start, end], by start (ties in the order they were found)."""
        starts, ordered = self._mention_index()
        actors = self.actors
        return [m for m in ordered[bisect_left(starts, start):bisect_right(starts, end)]
                if m.end <= end and m.key in actors]

    def _mention_index(self) -> tuple[list[int], list[Mention]]:
        """Mentions sorted by start; scanning them all for every sentence made extraction quadratic.
        `mentions` only grows by appending or is replaced as a whole (when actors merge)."""
        index = self._by_start
        if index is not None and index[0] is self.mentions and index[1] == len(self.mentions):
            return index[2], index[3]
        if index is not None and index[0] is self.mentions:
            starts, ordered = index[2], index[3]
            for m in self.mentions[index[1]:]:
                at = bisect_right(starts, m.start)
                starts.insert(at, m.start)
                ordered.insert(at, m)
        else:
            ordered = sorted(self.mentions, key=lambda m: m.start)
            starts = [m.start for m in ordered]
        self._by_start = (self.mentions, len(self.mentions), starts, ordered)
        return starts, ordered

    def sentence_at(self, pos: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None

    def speaker_org_at(self, pos: int) -> str | None:
        """The government that speaks at a place: the writer's government inside a letter of a
        report that holds several, else the document's."""
        for start, end, org in self.speaker_orgs:
            if start <= pos < end:
                return org
        return self.speaker_org

    def voice_at(self, pos: int) -> tuple[str | None, str | None]:
        """Who writes (`ik`) and who is addressed (`u`) at a place in the text."""
        for start, end, author, addressee in self.voices:
            if start <= pos < end:
                return author, addressee
        return (self.authors[0] if self.authors else None, self.addressees[0] if self.addressees else None)

    def persons(self) -> list[Actor]:
        return [a for a in self.actors.values() if a.kind == "person"]


def words(text: str) -> str:
    """Whitespace-squashed text for matching across line breaks."""
    return re.sub(r"\s+", " ", text)

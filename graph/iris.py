"""IRI minting: one place that decides what every node of the data graph is called.

No blank nodes: every node gets an IRI derived from its key or from a hash of
its content, so the same input always gives the same graph, byte for byte, and
the same fact stated in two files lands on the same node.

Scheme (base defaults to https://w3id.org/gcmkg/):
  {base}actor/{key}  {base}meeting/{key}  {base}document/{key}   keys from the extractors
                            (percent-encoded, and flagged by the builder, if they break the key pattern)
  {base}source/{file}       a source file        {base}graph/{file}   its named graph
  {base}series/{slug}       a meeting series     {base}instrument/{slug}  another instrument
  {base}role/{slug}-{hash}  an org:Role          {base}membership/{hash}  an org:Membership
  {base}attendance/{hash}   {base}position/{hash}  {base}flag/{hash}
  {base}annotation/{hash}   {base}evidence/{hash} (+ /quote, /position selectors)
  {base}dataset             the dataset's VoID/DCAT-AP record (+ /class/..., /{format}), written by gcmkg export

gcmkg export --base-iri (graph/export.py) moves every IRI under {base} to another base, except the
ontology and the reference resources under https://w3id.org/gcmkg/id/, which keep theirs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox

DEFAULT_BASE = "https://w3id.org/gcmkg/"
KEY_PATTERN = re.compile(r"[a-z0-9-]+(/[a-z0-9-]+)*")
_HASH_LEN = 16  # 64 bits: no collision in any corpus this project will see


def digest(*parts: object) -> str:
    """A short, stable hash of the parts (unlike hash(), the same in every process)."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_HASH_LEN]


def slug(text: str, max_len: int = 60) -> str:
    """ASCII, lower-case, hyphenated form of a name; case and accent variants share one slug."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if not s:
        return digest(text)
    if len(s) > max_len:
        s = s[:max_len].rstrip("-") + "-" + digest(text)[:8]
    return s


def key_problem(key: str) -> str | None:
    """Why a key breaks the contract ([a-z0-9-]+ segments joined by /), or None if it keeps to it."""
    if KEY_PATTERN.fullmatch(key):
        return None
    return f"key {key!r} does not match {KEY_PATTERN.pattern}"


def key_path(key: str) -> str:
    """The key as an IRI path: unchanged when it keeps to the contract, percent-encoded otherwise,
    so that a bad key still gives a valid IRI (the builder flags it) instead of failing the build."""
    return key if KEY_PATTERN.fullmatch(key) else quote(key, safe="/")


def base_problem(base: str) -> str | None:
    """Why `base` cannot be the base of the data's IRIs, or None."""
    if not base.endswith(("/", "#")):
        return "must end with / or #"
    try:
        ox.NamedNode(base)
    except ValueError:
        return "not an absolute IRI, e.g. https://data.example.org/gcm/"
    return None


@dataclass(frozen=True)
class Iris:
    """IRI factory for one base IRI; IRIs as plain strings (the builder makes hundreds of thousands)."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if problem := base_problem(self.base):
            raise ValueError(f"base IRI {self.base!r}: {problem}")

    def _iri(self, *path: str) -> str:
        return self.base + "/".join(path)

    def actor(self, key: str) -> str:
        return self._iri("actor", key_path(key))

    def meeting(self, key: str) -> str:
        return self._iri("meeting", key_path(key))

    def document(self, key: str) -> str:
        return self._iri("document", key_path(key))

    def source(self, filename: str) -> str:
        return self._iri("source", quote(filename, safe=""))

    def graph(self, filename: str) -> str:
        return self._iri("graph", quote(filename, safe=""))

    def series(self, name: str) -> str:
        return self._iri("series", slug(name))

    def instrument(self, name: str) -> str:
        return self._iri("instrument", slug(name))

    def role(self, label: str) -> str:
        # Exact wording matters for a role ("minister" vs "Minister van ..."), so hash it in.
        return self._iri("role", f"{slug(label, 48)}-{digest(label)[:8]}")

    def membership(self, actor_key: str, role_label: str) -> str:
        return self._iri("membership", digest(actor_key, role_label))

    def attendance(self, meeting_key: str, actor_key: str, status: str) -> str:
        return self._iri("attendance", digest(meeting_key, actor_key, status))

    def position(self, *content: object) -> str:
        return self._iri("position", digest(*content))

    def flag(self, source: str, message: str, *evidence: object) -> str:
        return self._iri("flag", digest(source, message, *evidence))

    def annotation(self, body: str, source: str, start: int, end: int, quote_: str) -> str:
        return self._iri("annotation", digest(body, source, start, end, quote_))

    def evidence(self, source: str, start: int, end: int, quote_: str) -> str:
        return self._iri("evidence", digest(source, start, end, quote_))

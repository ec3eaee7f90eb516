"""Incremental builds: a document that has not changed is not extracted again.

An extraction is stored as JSON under a key made of the file's name, the
SHA-256 of its bytes, EXTRACTOR_VERSION and a fingerprint of the extractor
code and data files (so an edited extractor never serves stale facts, even
before its version is bumped). A build is recorded too: when no input and no
code changed and the output files are still the ones it wrote, the graph is
not built and written again.

Layout: DIR/extractions/<2 hex>/<key>.json (a JSON line of what was noted
reading the file, then the Extraction as JSON) and DIR/builds/<key of build and OUT>.json, where
DIR is OUT/.gcmkg-cache unless `--cache DIR` says otherwise. Deleting DIR is
always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from pydantic import ValidationError

from gcmkg.extract.formats import MAX_FILE_BYTES
from gcmkg.extract.models import Extraction
from gcmkg.extract.run import EXTRACTOR_VERSION
from gcmkg.parallel import regular_file_size

CACHE_DIR_NAME = ".gcmkg-cache"
_EXTRACTOR_PACKAGES = ("gcmkg.extract",)
_BUILD_PACKAGES = ("gcmkg", "gcmkg.extract", "gcmkg.graph", "gcmkg.viz", "gcmkg.ontology")
_CODE_SUFFIXES = {".py", ".json", ".tsv", ".md", ".ttl", ".rq", ".html", ".js", ".css", ".txt"}


@lru_cache(maxsize=None)
def code_fingerprint(packages: tuple[str, ...]) -> str:
    """SHA-256 over the source and data files of the packages (sub-folders included)."""
    h = hashlib.sha256()
    for package in packages:
        root = Path(str(files(package)))
        for path in sorted(root.rglob("*")):
            if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                h.update(f"{package}/{path.relative_to(root).as_posix()}\0".encode())
                h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _file_sha256(path: Path) -> str | None:
    if regular_file_size(path) is None:  # never open a device or a pipe
        return None
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def _write_atomic(path: Path, data: bytes) -> None:
    """Temp file and rename: a reader never sees half an entry (no fsync: a lost entry is only a miss).
    A cache that cannot be written (a full disk, a read-only folder) does not stop a build: it only misses."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ExtractionCache:
    """Extractions by content, and the record of the last build of each set of inputs."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._keys: dict[Path, str | None] = {}
        self.hits = 0
        self.misses = 0

    def key(self, path: Path) -> str | None:
        """The cache key of a file (None if it cannot be read: then it is not cached)."""
        if path not in self._keys:
            size = regular_file_size(path)
            digest = _file_sha256(path) if size is not None and size <= max(MAX_FILE_BYTES.values()) else None
            self._keys[path] = None if digest is None else hashlib.sha256(
                "\0".join([EXTRACTOR_VERSION, code_fingerprint(_EXTRACTOR_PACKAGES), path.name, digest]).encode()
            ).hexdigest()
        return self._keys[path]

    def _entry(self, key: str) -> Path:
        return self.root / "extractions" / key[:2] / f"{key}.json"

    def get(self, path: Path) -> tuple[Extraction, dict] | None:
        """The stored extraction of this file's content and what was noted reading it (warnings, format,
        read_as), or None; an unreadable entry counts as absent."""
        key = self.key(path)
        if key is None:
            return None
        try:
            meta_line, _, body = self._entry(key).read_bytes().partition(b"\n")
            meta = json.loads(meta_line)
            extraction = Extraction.model_validate_json(body)
            meta = {"warnings": tuple(meta["warnings"]), "format": meta["format"], "read_as": meta["read_as"]}
        except (OSError, ValidationError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return extraction, meta

    def put(self, path: Path, extraction: Extraction, meta: dict) -> None:
        """Store an extraction; `meta` (JSON-able: warnings, format, read_as) comes back with it."""
        key = self.key(path)
        if key is not None:
            head = json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8")
            _write_atomic(self._entry(key), head + b"\n" + extraction.model_dump_json().encode("utf-8"))

    def build_key(self, paths: Sequence[Path], notes: Iterable[tuple[str, ...]] = ()) -> str | None:
        """One key for a build of these inputs (and notes about the inputs, such as skipped files) with this
        code; None if an input cannot be read."""
        keys = [self.key(p) for p in paths]
        if any(k is None for k in keys):
            return None
        h = hashlib.sha256(code_fingerprint(_BUILD_PACKAGES).encode())
        for k in keys:
            h.update(f"\0{k}".encode())
        h.update(json.dumps(list(notes), ensure_ascii=False).encode("utf-8"))
        return h.hexdigest()

    def _record(self, build_key: str, out_dir: Path) -> Path:
        """One record per build key and output folder."""
        name = hashlib.sha256(f"{build_key}\0{Path(out_dir).resolve()}".encode()).hexdigest()
        return self.root / "builds" / f"{name}.json"

    def outputs_current(self, build_key: str | None, out_dir: Path) -> dict[str, Path] | None:
        """The outputs of an earlier build of the same inputs and code, if they are in out_dir unchanged."""
        if build_key is None:
            return None
        try:
            record = json.loads(self._record(build_key, out_dir).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if record.get("out") != str(Path(out_dir).resolve()):
            return None
        outputs = {}
        for name, (file, digest) in record["outputs"].items():
            path = Path(out_dir) / file
            if _file_sha256(path) != digest:
                return None
            outputs[name] = path
        return outputs

    def record_outputs(self, build_key: str | None, out_dir: Path, outputs: Mapping[str, Path]) -> None:
        if build_key is None:
            return
        record = {"out": str(Path(out_dir).resolve()),
                  "outputs": {name: [p.name, _file_sha256(p)] for name, p in sorted(outputs.items())}}
        _write_atomic(self._record(build_key, out_dir), json.dumps(record, indent=1).encode("utf-8"))

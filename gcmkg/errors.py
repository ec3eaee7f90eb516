"""Errors in one place: values the CLI renders once as `Error: ...` with an exit code.

Exit codes: 0 every document was read, 1 some document failed (or, with
`--strict`, something was only read with a warning), 2 the command was called
in a way that cannot work.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_DOCUMENTS_FAILED = 1
EXIT_USAGE = 2


class GcmkgError(Exception):
    """An error a researcher can act on; `str()` is the one line the CLI prints."""

    exit_code = EXIT_USAGE


class DocumentError(GcmkgError):
    """One source document could not be read or processed; the others go on."""

    exit_code = EXIT_DOCUMENTS_FAILED

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UsageError(GcmkgError):
    """A command was called in a way that cannot work (missing path, unknown query)."""

    exit_code = EXIT_USAGE


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file: an error (the file was not used) or a warning (it was, with a doubt)."""

    file: str
    level: str  # "error" or "warning"
    reason: str

    def line(self) -> str:
        """The one line the CLI prints: `Error: <file>: <reason>` or `Warning: <file>: <reason>`."""
        return f"{self.level.capitalize()}: {self.file}: {self.reason}"


class RemoteError(GcmkgError):
    """A triple store or SPARQL endpoint that cannot be reached, or that refuses a request."""

    exit_code = EXIT_USAGE

"""Errors in one place: values the CLI renders once as `Error: ...` with an exit code."""

from __future__ import annotations

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

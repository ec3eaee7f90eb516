"""The one list of extractors, in the order they run; each declares what it needs and produces."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from gcmkg.extract import attendance, attendance_lists, attendance_speakers, document, groups, meetings, organisations, persons, positions
from gcmkg.extract.context import Context


@dataclass(frozen=True)
class Extractor:
    name: str
    run: Callable[[Context], None]
    needs: tuple[str, ...]
    produces: tuple[str, ...]


def _entry(name: str, module: ModuleType) -> Extractor:
    return Extractor(name, module.extract, module.NEEDS, module.PRODUCES)


EXTRACTORS: tuple[Extractor, ...] = (
    _entry("document", document),
    _entry("organisations", organisations),
    _entry("groups", groups),
    _entry("persons", persons),
    _entry("meetings", meetings),
    _entry("attendance", attendance),
    _entry("attendance lists", attendance_lists),
    _entry("attendance speakers", attendance_speakers),
    _entry("positions", positions),
)

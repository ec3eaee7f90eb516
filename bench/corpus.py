"""A synthetic corpus of seed-like documents, for measuring gcmkg at scale.

Each seed document (seeds/*.txt) is a template. Copy 0 of every seed is the
seed itself; every further copy varies, consistently within the copy:

- person names: each person of the gold files (tests/gold/*.json) becomes a
  person drawn from a pool of Dutch first and last names (the `deduce`
  package's lists), in every surface form (`Jan Bakker`, `JAN BAKKER`,
  `Bakker`, `J.A. Bakker`); the pool is small enough that persons recur
  across documents, as ministers and members do in a real corpus;
- dates: years move by the same number of years, days of month by the same
  few days (day lists such as `5 en 19 februari` stay ordered), so meetings,
  questions and answers get other dates and other keys;
- numbers: question and paper numbers (`nr. 85`, a number alone on a line);
- parties: party tags such as `(D66)` get another party of the same country.

The text around them (the layout, the cue words, the length) stays, so the
extractors do the same kind of work on every copy. Generation is seeded:
the same scale gives the same files, byte for byte.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
_INTERFIX = {"van", "de", "der", "den", "ten", "ter", "te", "het", "in", "'t"}
_ROLE_WORDS = re.compile(r"^(?:Minister|Staatssecretaris|Voorzitter|Secretaris|SGVN)\b|^[a-z]")


@dataclass(frozen=True)
class Person:
    first: str | None  # None: the gold file knows only the surname (or initials)
    surname: str


@lru_cache(maxsize=1)
def _deduce_names() -> tuple[list[str], list[str]]:
    base = files("deduce") / "data/lookup/src/names"
    first = [n for n in (base / "lst_first_name/items.txt").read_text(encoding="utf-8").split("\n")
             if re.fullmatch(r"[A-Z][a-z]{2,11}", n)]
    last = [n for n in (base / "lst_surname/items.txt").read_text(encoding="utf-8").split("\n")
            if re.fullmatch(r"[A-Z][a-z]{3,13}", n)]
    return sorted(set(first)), sorted(set(last))


def _gold_persons(stem: str) -> list[Person]:
    """Named persons (not offices) of one seed's gold file."""
    path = GOLD / f"{stem}.json"
    if not path.exists():
        return []
    out = []
    for actor in json.loads(path.read_text(encoding="utf-8"))["actors"]:
        name = actor["name"]
        if actor["kind"] != "person" or _ROLE_WORDS.search(name):
            continue
        name = re.sub(r"^(?:[A-Z]\.)+\s*", "", name)  # initials stay as they are in the text
        parts = name.split()
        if len(parts) > 1 and parts[0][0].isupper() and parts[0].lower() not in _INTERFIX and parts[1][0].isupper():
            out.append(Person(parts[0], " ".join(parts[1:])))
        else:
            out.append(Person(None, name))
    return out


def _surname_forms(surname: str) -> set[str]:
    """`Van Dijk` is also written `van Dijk` after initials or a first name."""
    forms = {surname}
    words = surname.split()
    if len(words) > 1 and words[0].lower() in _INTERFIX:
        forms.add(" ".join([words[0].lower(), *words[1:]]))
    return forms


@lru_cache(maxsize=None)
def _party_names() -> dict[str, list[str]]:
    data = json.loads((files("gcmkg.extract.data") / "parties.json").read_text(encoding="utf-8"))
    by_country: dict[str, list[str]] = {}
    for e in data["entries"]:
        by_country.setdefault(e["country"], []).append(e["name"])
    return by_country


class Variation:
    """One copy's consistent changes to one seed text."""

    def __init__(self, rng: random.Random, persons: list[Person], pool: list[Person]) -> None:
        self.rng = rng
        self.years = rng.choice([y for y in range(-4, 5) if y])
        self.days = rng.randint(-2, 2)
        self.names: dict[str, str] = {}
        for p, new in zip(persons, rng.sample(pool, len(persons))):  # distinct persons stay distinct
            if p.first:
                self.names[f"{p.first} {p.surname}"] = f"{new.first} {new.surname}"
            for form in _surname_forms(p.surname):
                self.names.setdefault(form, new.surname)
        for old, new in list(self.names.items()):
            self.names.setdefault(old.upper(), new.upper())
        parties = _party_names()
        self.party_of = {name: country for country, names in parties.items() for name in names}
        self.party_map = {name: rng.choice(parties[country]) for name, country in self.party_of.items()}

    def apply(self, text: str) -> str:
        if self.names:
            alternatives = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
            text = re.sub(rf"(?<![\w-])(?:{alternatives})(?![\w-])", lambda m: self.names[m.group(0)], text)
        month = "|".join(MONTHS)
        text = re.sub(rf"\b(?P<days>\d{{1,2}}(?:(?:\s*,\s*|\s+en\s+|\s*[-–]\s*)\d{{1,2}})*)(?P<sp>\s+)(?P<month>{month})\b",
                      self._days, text)
        text = re.sub(r"(?<![\w/.-])(?:19[5-9]\d|20[0-4]\d)(?![\w])", lambda m: str(int(m.group(0)) + self.years), text)
        text = re.sub(r"\b(nr\.\s*)(\d{1,5})\b", lambda m: m.group(1) + str(self.rng.randint(1, 3000)), text)
        text = re.sub(r"(?m)^([ \t]*)(\d{2,5})([ \t]*)$", lambda m: f"{m.group(1)}{self.rng.randint(10, 3000)}{m.group(3)}", text)
        parties = "|".join(re.escape(p) for p in sorted(self.party_map, key=len, reverse=True))
        return re.sub(rf"\((?P<p>{parties})(?P<end>[,)])", lambda m: f"({self.party_map[m.group('p')]}{m.group('end')}", text)

    def _days(self, m: re.Match[str]) -> str:
        def shift(d: re.Match[str]) -> str:
            day = int(d.group(0))
            return str(day + self.days) if 1 <= day + self.days <= 28 and day <= 28 else d.group(0)

        return re.sub(r"\d+", shift, m.group("days")) + m.group("sp") + m.group("month")


def person_pool(copies: int, seed: int = 0) -> list[Person]:
    """Persons to draw from: grows with the corpus, so that names recur as they do in a parliament."""
    first, last = _deduce_names()
    rng = random.Random(f"pool-{seed}")
    return [Person(rng.choice(first), rng.choice(last)) for _ in range(max(200, 20 * copies))]


def documents(copies: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, text) of `copies` copies of every seed; copy 0 is the seeds themselves."""
    seeds = sorted(SEEDS.glob("*.txt"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds}
    persons = {stem: _gold_persons(stem) for stem in texts}
    pool = person_pool(copies, seed)
    for copy in range(copies):
        for stem, text in texts.items():
            if copy:
                text = Variation(random.Random(f"{seed}-{copy}-{stem}"), persons[stem], pool).apply(text)
            yield f"{copy:05d}_{stem}.txt", text


def write(out: Path, copies: int, seed: int = 0) -> tuple[int, int]:
    """Write the corpus into `out` (reused when it is already complete); return (files, bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = out / ".complete"
    if stamp.exists() and stamp.read_text() == f"{copies} {seed}\n":
        paths = sorted(out.glob("*.txt"))
        return len(paths), sum(p.stat().st_size for p in paths)
    for old in out.glob("*.txt"):
        old.unlink()
    n = size = 0
    for name, text in documents(copies, seed):
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        n += 1
        size += len(data)
    stamp.write_text(f"{copies} {seed}\n")
    return n, size


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Write a synthetic corpus of seed-like documents.")
    ap.add_argument("out", type=Path)
    ap.add_argument("--copies", type=int, default=100, help="copies of every seed (1 = the seeds only)")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    n, size = write(a.out, a.copies, a.seed)
    print(f"{n} files, {size / 1e6:.1f} MB in {a.out}")

"""Precision and recall per fact type against gold files (tests/gold/SCHEMA.md), through the named queries.

The matching follows the gold format's rules: documents by number, date and an
author; actors by name or alias; meetings by start date (undated gold meetings are
judged for precision only); attendance by meeting date, status and actor;
positions by holder, stance and target (objective number, GCM or GCR).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

FACT_TYPES = ("documents", "actors", "meetings", "attendance", "positions")
_STOP = {"de", "het", "van", "der", "den", "een", "en", "voor", "bij", "op", "in", "the", "of", "la", "le"}


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    system: int = 0
    correct: int = 0
    missed: list[str] = field(default_factory=list)  # gold facts not found, `doc: fact`
    unmatched: list[str] = field(default_factory=list)  # system rows that match no gold fact

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else (1.0 if not self.gold else 0.0)


def norm(s: object) -> str:
    t = unicodedata.normalize("NFKD", "" if s is None else str(s))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", t)).strip()


def same_name(label: str, names: list[str]) -> bool:
    sl = norm(label)
    if not sl:
        return False
    st = {t for t in sl.split() if t not in _STOP and len(t) > 1}
    for n in names:
        nn = norm(n)
        if not nn:
            continue
        if sl == nn or (len(nn) >= 4 and re.search(rf"\b{re.escape(nn)}\b", sl)):
            return True
        if len(sl) >= 4 and re.search(rf"\b{re.escape(sl)}\b", nn) and len(sl) >= 0.6 * len(nn):
            return True
        nt = {t for t in nn.split() if t not in _STOP and len(t) > 1}
        if nt and st and len(nt & st) / max(len(nt), len(st)) >= 0.75:
            return True
        if SequenceMatcher(None, sl, nn).ratio() >= 0.88:
            return True
    return False


def _date(v: object) -> str:
    m = re.search(r"\d{4}-\d{2}-\d{2}", str(v or ""))
    return m.group(0) if m else ""


def _target(target: object, objective: object) -> tuple:
    if objective not in (None, "", "null"):
        try:
            return ("objective", int(float(str(objective))))
        except ValueError:
            pass
    t = norm(target)
    m = re.search(r"objective (\d+)|doelstelling (\d+)", t)
    if m:
        return ("objective", int(m.group(1) or m.group(2)))
    if re.search(r"\bgcr\b|refugee|vluchteling", t):
        return ("GCR",)
    if re.search(r"\bgcm\b|migration|migratie|marrakesh|compact", t):
        return ("GCM",)
    return ("other", t)


def _names(gold: dict, ref: str) -> list[str]:
    for a in gold.get("actors", []):
        cand = [a["name"], *a.get("aliases", [])]
        if any(norm(ref) == norm(c) for c in cand):
            return cand + [ref]
    return [ref]


def _gold_line(q: str, g: dict) -> str:
    if q == "actors":
        return f"{g['name']} ({g.get('kind')})"
    if q == "meetings":
        return f"{g.get('series')} {g.get('start')}"
    if q == "attendance":
        return f"{g['actor']} {g['status']} {g['meeting']}"
    if q == "positions":
        return f"{g['holder']} {g['stance']} {g.get('target')}"
    return f"{g.get('kind')} {g.get('number')} {g.get('date')}"


def _row_line(q: str, r: dict) -> str:
    keys = {"actors": ("label", "kind"), "meetings": ("series", "start", "label"),
            "attendance": ("actor_label", "status", "start", "series"),
            "positions": ("holder_label", "stance", "target_label"), "documents": ("kind", "number", "date")}[q]
    return " | ".join(str(r.get(k) or "") for k in keys)


def score_rows(gold_dir: Path, rows: dict[str, list[dict]], only: set[str] | None = None) -> dict[str, Score]:
    """Scores per fact type for query rows (as `gcmkg query NAME --format json` prints them)."""
    scores = {q: Score() for q in FACT_TYPES}
    by_src: dict[str, dict[str, list[dict]]] = {q: {} for q in FACT_TYPES}
    for q in FACT_TYPES:
        for r in rows.get(q, []):
            by_src[q].setdefault(Path(str(r.get("source", ""))).stem, []).append(r)
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        key = Path(gold.get("doc", path.name)).stem
        if only is not None and key not in only:
            continue
        dates = {m["id"]: _date(m.get("start")) for m in gold.get("meetings", [])}
        _score_documents(scores["documents"], gold, by_src["documents"].get(key, []), key)
        _score_matches(scores["actors"], gold.get("actors", []), by_src["actors"].get(key, []), key, "actors",
                       lambda g, s: same_name(s.get("label", ""), [g["name"], *g.get("aliases", [])]))
        ms = by_src["meetings"].get(key, [])
        dated = [m for m in gold.get("meetings", []) if _date(m.get("start"))]
        undated = [m for m in gold.get("meetings", []) if not _date(m.get("start"))]
        hit = _score_matches(scores["meetings"], dated, ms, key, "meetings",
                             lambda g, s: _date(s.get("start")) == _date(g["start"]))
        _credit(scores["meetings"], key, "meetings", ms, hit, lambda s: not _date(s.get("start")) and any(
            same_name(f"{s.get('label', '')} {s.get('series', '')}", [m.get("label") or "", m.get("series") or ""])
            for m in undated))
        att = by_src["attendance"].get(key, [])
        gold_att = [x for x in gold.get("attendance", []) if dates.get(x["meeting"])]
        hit = _score_matches(scores["attendance"], gold_att, att, key, "attendance", lambda g, s: (
            _date(s.get("start")) == dates[g["meeting"]] and norm(s.get("status")).replace(" ", "_") == g["status"]
            and same_name(s.get("actor_label", ""), _names(gold, g["actor"]))))
        loose = [x for x in gold.get("attendance", []) if not dates.get(x["meeting"])]
        _credit(scores["attendance"], key, "attendance", att, hit, lambda s: not _date(s.get("start")) and any(
            norm(s.get("status")).replace(" ", "_") == x["status"]
            and same_name(s.get("actor_label", ""), _names(gold, x["actor"])) for x in loose))
        hit = _score_matches(scores["positions"], gold.get("positions", []), by_src["positions"].get(key, []),
                             key, "positions",
                       lambda g, s: norm(s.get("stance")) == g["stance"]
                       and same_name(s.get("holder_label", ""), _names(gold, g["holder"]))
                       and (_target(g.get("target"), g.get("objective"))[0] == "other"
                            or _target(s.get("target_label") or s.get("target"), s.get("objective"))
                            == _target(g.get("target"), g.get("objective"))))
        _credit(scores["positions"], key, "positions", by_src["positions"].get(key, []), hit, lambda s: False)
    return scores


def _score_matches(score: Score, gold: list[dict], system: list[dict], doc: str, q: str, match) -> set[int]:
    score.gold += len(gold)
    score.system += len(system)
    hit: set[int] = set()
    for g in gold:
        found = [i for i, s in enumerate(system) if match(g, s)]
        if found:
            score.found += 1
            hit.update(found)
        else:
            score.missed.append(f"{doc}: {_gold_line(q, g)}")
    score.correct += len(hit)
    if q in ("actors", "documents"):
        score.unmatched += [f"{doc}: {_row_line(q, s)}" for i, s in enumerate(system) if i not in hit]
    return hit


def _credit(score: Score, doc: str, q: str, system: list[dict], hit: set[int], right) -> None:
    """Rows that match no dated gold fact are right when `right` says so (undated facts); the rest are listed."""
    for i, s in enumerate(system):
        if i in hit:
            continue
        if right(s):
            score.correct += 1
        else:
            score.unmatched.append(f"{doc}: {_row_line(q, s)}")


def _score_documents(score: Score, gold: dict, system: list[dict], doc: str) -> None:
    score.gold += len(gold.get("documents", []))
    score.system += len(system)
    used: set[int] = set()
    for d in gold.get("documents", []):
        for i, s in enumerate(system):
            if i in used:
                continue
            if ((not d.get("number") or norm(d["number"]) in norm(s.get("number")))
                    and (not d.get("date") or _date(d["date"]) == _date(s.get("date")))
                    and (not d.get("authors") or any(same_name(str(s.get("authors", "")), [a]) for a in d["authors"]))):
                used.add(i)
                score.found += 1
                break
        else:
            score.missed.append(f"{doc}: {_gold_line('documents', d)}")
    score.correct += len(used)
    score.unmatched += [f"{doc}: {_row_line('documents', s)}" for i, s in enumerate(system) if i not in used]


def evaluate(gold_dir: Path, paths: list[Path], errors: dict[str, str] | None = None) -> dict[str, Score]:
    """Extract `paths`, build the graph in memory, run the named queries and score them against `gold_dir`.
    Documents that fail are left out of the graph (their gold counts as missed) and put in `errors`."""
    from gcmkg.extract.resolve import resolve
    from gcmkg.graph.build import build_dataset, merged_graph
    from gcmkg.graph.query import load_store, run_query
    from gcmkg.pipeline import collect, extract_all

    files = collect(paths)
    result = extract_all(files)
    if errors is not None:
        errors.update(result.errors)
    graph = merged_graph(build_dataset(resolve(result.extractions)))
    store = load_store(graph)
    rows = {q: run_query(q, graph, store=store) for q in FACT_TYPES}
    return score_rows(gold_dir, rows, only={p.stem for p in files})


def format_scores(scores: dict[str, Score], misses: bool = False) -> str:
    """The score table; with `misses`, the gold facts not found and the rows that match no gold fact."""
    lines = [f"{'fact type':<11} {'gold':>5} {'found':>6} {'recall':>7} {'system':>7} {'right':>6} {'precision':>9}"]
    for q, s in scores.items():
        lines.append(f"{q:<11} {s.gold:>5} {s.found:>6} {s.recall:>7.2f} {s.system:>7} {s.correct:>6} {s.precision:>9.2f}")
    if misses:
        for q, s in scores.items():
            lines += [f"missed {q}: {m}" for m in s.missed]
            lines += [f"extra {q}: {m}" for m in s.unmatched]
    return "\n".join(lines)

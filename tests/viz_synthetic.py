"""A large invented corpus for the explorer's scale test: extractions with thousands of actors.

Names, dates and quotes are generated (random.Random with a fixed seed), so the
corpus is the same on every run. It goes through the real graph builder.
"""

from __future__ import annotations

import random

from gcmkg.extract.models import (
    ActorFact,
    AttendanceFact,
    DocumentFact,
    Evidence,
    Extraction,
    MeetingFact,
    PositionFact,
)

KINDS = ("person", "person", "person", "government", "ministry", "administration", "committee", "party", "country")
STATUSES = ("present", "present", "invited", "absent", "excused", "not_invited")
STANCES = ("support", "oppose", "conditional", "undecided")


def _ev(source: str, k: int, quote: str) -> Evidence:
    return Evidence(source=source, start=k * 100, end=k * 100 + len(quote), quote=quote)


def synthetic_extractions(actors: int = 4700, meetings: int = 180, files: int = 60, seed: int = 0) -> list[Extraction]:
    """`files` extractions sharing `actors` actors and `meetings` meetings in 12 series over six years."""
    rnd = random.Random(seed)
    actor_keys = [f"{KINDS[i % len(KINDS)]}/actor-{i:05d}" for i in range(actors)]
    series = [f"Series {chr(65 + s)}" for s in range(12)]
    meeting_info = []
    for m in range(meetings):
        s = series[m % len(series)]
        date = f"{2015 + rnd.randrange(6)}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}"
        meeting_info.append((f"series-{chr(97 + m % 12)}/{date}-{m:03d}", s, date))
    out = []
    for f in range(files):
        source = f"{f:03d}_synthetic.txt"
        k = 0
        mine = actor_keys[f::files]
        acts = []
        for key in mine:
            k += 1
            acts.append(ActorFact(key=key, name=f"Actor {key.split('-')[-1]} {key.split('/')[0]}", kind=key.split("/")[0],
                                  roles=(f"role {rnd.randrange(40)}",) if rnd.random() < 0.1 else (),
                                  evidence=(_ev(source, k, f"mention of actor {key}"),)))
        meets, atts, poss = [], [], []
        for key, s, date in meeting_info[f::files]:
            k += 1
            meets.append(MeetingFact(key=key, series=s, label=f"{s} {date}", start=date,
                                     evidence=(_ev(source, k, f"the meeting of {date}"),)))
            for a in rnd.sample(mine, min(len(mine), 12)):
                k += 1
                atts.append(AttendanceFact(meeting=key, actor=a, status=rnd.choice(STATUSES),
                                           evidence=_ev(source, k, f"{a} at {key}")))
        for a in rnd.sample(mine, min(len(mine), 30)):
            k += 1
            n = rnd.randrange(1, 24)
            poss.append(PositionFact(holder=a, target=f"GCM objective {n}", objective=n, stance=rnd.choice(STANCES),
                                     evidence=_ev(source, k, f"{a} on objective {n}")))
        docs = []
        for d in range(4):
            k += 1
            date = f"{2015 + rnd.randrange(6)}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}"
            docs.append(DocumentFact(key=f"synthetic/{f:03d}-{d}", kind="letter", number=f"{f}-{d}", date=date,
                                     title=f"Letter {f}-{d}", authors=(mine[d],), addressees=(mine[-1 - d],),
                                     evidence=_ev(source, k, f"letter {f}-{d}")))
        out.append(Extraction(source=source, sha256=f"{f:064d}", documents=tuple(docs), actors=tuple(acts),
                              meetings=tuple(meets), attendance=tuple(atts), positions=tuple(poss)))
    return out

"""Positions: who supports, opposes, conditionally supports or has not decided on the compact,
one of its 23 objectives, one of its paragraphs, or another instrument (a motion, a resolution).

A sentence with a stance cue (extract/stance_cues.py: `in lijn met`, `steunen`, `trokken zich terug`,
`niet voornemens`, `voor zover`, `onthield zich`) and a target (extract/targets.py: `doelstellingen 16,
17 en 18`, `paragraaf 15`, `het GCM`, `het pact`; extract/instruments.py: `de motie-X c.s.`) gives a
position of the actors that are its subject: named before the cue, inside it (`stemden Polen en
Tsjechië tegen`), after a passive (`gesteund door X`), in the sentence before for `Deze ...`, or in a
record the speaker's party for `mijn fractie` / `wij` (extract/turns.py); else the government that
writes. In written questions an answer takes the targets of its question, and an answer without a
stance verb is the government's stance on the provision asked about (extract/answers.py). A
question states no position of the asker. A vote on a motion is a position on the motion, and the
house that adopts or rejects it holds one too.
"""

from __future__ import annotations

import re

from gcmkg.extract import answers, attendance_lists, groups, instruments, scan, stance_cues, turns, word_heads
from gcmkg.extract import targets as about
from gcmkg.extract.stance_cues import NOT_APPROVED, STANCE_CUES  # noqa: F401  (tests and scans look them up here)
from gcmkg.extract.targets import ALL_OBJECTIVES, OBJECTIVES, PARAGRAPH  # noqa: F401
from gcmkg.extract.instruments import Instrument
from gcmkg.extract.segment import Sentence
from gcmkg.extract.answers import Block
from gcmkg.extract.context import Context
from gcmkg.extract.models import PositionFact

NEEDS = ("actors", "documents")
PRODUCES = ("positions",)

# `1) Bespreking van de Belgische steun voor ...`: an agenda item announces a discussion, not a stance
AGENDA_ITEM = re.compile(r"^\s*(?:\d{1,2}[).]|[-•\uf0b7*])\s*(?:(?:de\s+)?(?:motie|amendement|voorstel)\b|Bespreking|Stand van zaken|Voorbereiding|Planning|Overzicht|"
                         r"Toelichting|Presentatie|Varia|Rondvraag|Goedkeuring van het verslag)\b")
ALSO = re.compile(r",?\s+(?:evenals|net als|net zoals|alsook|en ook)\b(?:\s+onder\s+meer)?")
HOLDER_KINDS = ("government", "country", "international_organisation", "person", "party", "parliament", "other")


# a sentence whose subject points back (`Deze komt overeen met ...`) takes holders from the sentence before
ANAPHOR = re.compile(r"^\s*(?:Deze|Dit|Die|Dat)\b(?:\s+[a-zà-ÿ-]+)?\s+(?:is|zijn|was|waren|komt|komen|sluit|sluiten|"
                     r"wordt|worden|werd|werden|staat|staan|gaat|gaan|past|passen|spoort|sporen)\b")


# a vote decides on the item put to the vote, which the sentence need not name
VOTE = re.compile(r"\b(?:stemde|stemden|tegengestemd|gestemd|onthouden|onth(?:ield|ielden|oudt|ouden)|aangenomen|verworpen|neemt|nam|namen)\b")


def _instrument_targets(instr: list[Instrument], s: Sentence, before: Sentence | None,
                        vote: bool) -> list[tuple[str, int | None, str | None]]:
    """The motions, resolutions or directives a sentence without a compact reference speaks of: those it
    names; the one of the sentence before for `daartoe`; for a vote, the last one named before it."""
    named = instruments.in_span(instr, s.start, s.end)
    if not named and before is not None and instruments.BACK.search(s.text):
        named = instruments.in_span(instr, before.start, before.end)
    if not named and vote:
        named = [i for i in instr if s.start - 2000 <= i.start < s.start][-1:]
    return list(dict.fromkeys((i.label, None, None) for i in named))


# a compact named after its body (`het VN Global Compact`) does not make that body a holder
TITLE_AFTER = re.compile(r"^\s*-?\s*(?:Global Compact|[Mm]igratiepact|[Vv]luchtelingencompact|[Cc]ompact|-conferentie|"
                         r"conferentie)")


# `Benelux-aanpak`, `EU-voorstel`: the actor is part of a compound word, not the subject
# `in de CoorMulti goedgekeurd`, `tijdens de JBZ-Raad`: where something happened, not who holds a stance
WHERE = re.compile(r"\b(?:[Ii]n|[Oo]p|[Tt]ijdens|[Bb]innen|[Vv]ia)\s+(?:de\s+|het\s+)?$")
AFTER_OTHERS = re.compile(r"^\s*(?:[A-ZÀ-Ý/ -]{3,40}\s[-–]\s+)?(?:Na|Net als|Zoals)\s+(?P<list>[^.;:]{3,160}?)\s+\w+\s+(?:nu\s+|dan\s+)?ook\b")
# a relative clause between commas: what it names is not the subject
ASIDE = re.compile(r",\s*(?:dat|die|wat|waar\w+)\b[^,.;:]{3,150},")
# `Mijnheer de eerste minister, ...`: the one spoken to
VOCATIVE = re.compile(r"\b(?:[Mm]ijnheer|[Mm]evrouw|[Gg]eachte|[Bb]este)\s+(?:de\s+)?$")
COMPOUND = re.compile(r"-(?!fractie|leden)[a-zà-ÿ]")


def extract(ctx: Context) -> None:
    rows: dict[tuple, PositionFact] = {}
    said: list[tuple[int, str, int | None, str | None]] = []  # where a sentence gave a position: (start, holder, ...)
    blocks = answers.blocks(ctx)
    date = ctx.date
    about_gcm = sum(1 for _ in word_heads.finditer(about.GCM, ctx.text)) >= 3  # tried only at its words
    named = about.compacts(ctx.text)
    prev_targets: list[tuple[str, int | None, str | None]] = []
    quotes = [(m.start(), m.end()) for m in QUOTE.finditer(ctx.text)]
    instr = instruments.find(ctx.text)
    spoken = turns.turns(ctx)
    prev = None
    for s, may in zip(ctx.sentences, stance_cues.sentence_filters(ctx.text, ctx.sentences)):  # may: which cues can match
        before, prev = prev, s
        own = about.targets(s.text)
        found = None if AGENDA_ITEM.match(s.text) else stance_cues.sentence_stance(s.text, may)
        if not found:
            prev_targets = own or prev_targets
            continue
        question = s.text.rstrip().endswith("?") or _in_question_block(blocks, s.start)
        speaker = _quoted_speaker(ctx, quotes, s.start)
        stance, cs, ce, hs, he = found
        targets = own
        compact = about.compact_in(named, s.start, s.end, s.text)
        if own and compact and about.names_compact_first(s.text, ce):
            targets = [(compact, None, None), *own]  # `steunt het pact, maar met een voorbehoud bij doelstelling 15`
        vote = VOTE.search(s.text, cs, ce) is not None
        if not targets and (compact is None or (vote and about.compact_in(named, s.start, s.start + ce, s.text[:ce]) is None)):
            targets = _instrument_targets(instr, s, before, vote)  # `Wij hebben tegengestemd, omdat dit pact ...`
        if not targets and prev_targets and re.search(r"\b(?:[Dd]ie|[Dd]eze|daarin|[Aa]lle doelstellingen)\b", s.text):
            targets = prev_targets  # `Die zijn gescreend`, `Alle doelstellingen die daarin staan`
        prev_targets = own or prev_targets
        back = before if before is not None and ANAPHOR.match(s.text) else None
        if not targets:
            q = _question_for(ctx, blocks, s.start)
            targets = about.targets(q) if q is not None else []
        if not targets and back is not None and compact is None:
            targets = about.named_compact(named, back)  # `Tijdens de consultaties over de GCR ... Deze komt overeen met`
        if not targets:
            if compact is not None:
                targets = [(compact, None, None)]
            elif _qa_answer(blocks, s.start) or about_gcm:
                recent = [k for p, k in named if s.start - 1500 <= p < s.start]
                targets = [(recent[-1] if recent else "GCM", None, None)]
        if not targets:
            continue
        turn = turns.at(spoken, s.start)
        lo = max(s.start, turn.body) if turn else s.start  # a turn's heading `De heer X (PVV):` holds nothing
        inner = _holders(ctx, s.start + hs, s.start + he, question, fallback=False) if hs >= 0 else []
        related = _relative_holder(ctx, s, cs) if hs < 0 else None
        if related == []:
            continue  # `Een land dat het pact niet onderschrijft, ...`: no one in particular
        holders = inner or related or _source(ctx, lo, s.start + cs, question) or \
            _holders(ctx, lo, s.start + cs, question, fallback=False)
        if not holders and turn and not question:  # `Mijn fractie heeft nog geen standpunt`, `ik onthield mij`
            holders = turns.speakers_holders(turn, ctx.text[lo:min(s.end, s.start + ce + 12)])
        first = s.start
        if not holders and back is not None:  # `De EU vertolkt de inbreng. Deze komt overeen met ...`
            holders = _holders(ctx, back.start, back.end, question, fallback=False, states_only=True)
            first = back.start if holders else first
        if not holders:  # `Het pact wordt gesteund door X en Y`, `de landen die zich onthielden, waren X en Y`
            holders = _holders(ctx, s.start + ce, s.end, question, fallback=False, states_only=True)
        if not holders:
            holders = _holders(ctx, s.start, s.start + cs, question)
        if speaker and not question and holders == [_speaker(ctx, s.start)]:
            holders = [speaker]  # `Hij antwoordde toen: “... sporen volledig met het Vlaamse beleid”`
        pairs = [(h, stance) for h in holders]
        for later, a, b in stance_cues.later_cues(s.text, ce, may):  # `X steunt het, met uitzondering van Y, dat het verwerpt`
            others = _holders(ctx, s.start + a, s.start + b, question, fallback=False)
            if not others and later == "conditional":  # `steunt het pact, maar met een voorbehoud bij ...`
                pairs = [(h, "conditional" if st == "support" else st) for h, st in pairs]
            pairs += [(h, later) for h in others if (h, later) not in pairs]
        also = ALSO.search(s.text, max([ce, *(b for _, _, b, _, _ in stance_cues.find_cues(s.text, may))]))
        if also:  # `Nederland stemde voor, evenals België en Spanje`: the last stance goes on
            last = pairs[-1][1] if pairs else stance
            pairs += [(h, last) for h in _holders(ctx, s.start + also.end(), s.end, question, fallback=False)
                      if (h, last) not in pairs]
        after = AFTER_OTHERS.match(s.text)
        if after and pairs:  # `Na de VS en Hongarije trekt nu ook Slowakije zich terug`: they did so first
            pairs += [(h, pairs[0][1]) for h in _holders(ctx, s.start + after.start("list"), s.start + after.end("list"),
                                                          question, fallback=False, states_only=True)
                      if (h, pairs[0][1]) not in pairs]
        for holder, stance in pairs:
            speaker = holder == _speaker(ctx, s.start)
            for label, objective, paragraph in targets:
                key = (holder, label, stance)
                said.append((s.start, holder, objective, paragraph))
                rows.setdefault(key, PositionFact(
                    holder=holder, target=label, objective=objective, paragraph=paragraph, stance=stance,
                    date=date if speaker else None, evidence=ctx.evidence(first, s.end)))
    _answer_positions(ctx, blocks, rows, said)
    _verdicts(ctx, instr, rows)
    _vote_lists(ctx, instr, rows)
    ctx.positions.extend(rows[k] for k in sorted(rows))


# `zodat zij is verworpen`, `Het voorstel van resolutie wordt aangenomen`: the house decides
VERDICT = re.compile(r"\b(?:(?:is|wordt|werd|zijn|worden|werden)\s+(?:\w+\s+){0,3}?(?P<v>aangenomen|verworpen)|"
                     r"(?P<a>neemt|nam|namen|nemen)\s+(?:\S+\s+){1,8}?aan)\b")


def _verdicts(ctx: Context, instr: list[Instrument], rows: dict[tuple, PositionFact]) -> None:
    """The parliament of a record adopts (support) or rejects (oppose) the motion or resolution a
    sentence names."""
    house = next((d.parliament for d in ctx.documents if d.parliament), None)
    houses = [k for k, a in ctx.actors.items() if a.kind == "parliament"]
    house = house or (houses[0] if len(houses) == 1 else None)  # a record of one parliament
    if house is None or house not in ctx.actors:
        return
    for s in ctx.sentences:
        m = VERDICT.search(s.text)
        named = instruments.in_span(instr, s.start, s.end) if m else []
        if not named or s.text.rstrip().endswith("?"):
            continue
        stance = "oppose" if m.group("v") == "verworpen" else "support"
        label = named[-1].label
        rows.setdefault((house, label, stance), PositionFact(
            holder=house, target=label, objective=None, paragraph=None, stance=stance, date=ctx.date,
            evidence=ctx.evidence(s.start, s.end)))


# a Belgian roll call: `Hebben voorgestemd:` / `Hebben tegengestemd:` / `Hebben zich onthouden:` over the members
ROLL_CALL = re.compile(r"(?:Hebben|Heeft)\s+(?:(?P<support>voor\s?gestemd)|(?P<oppose>tegen\s?gestemd)|"
                       r"(?P<undecided>zich\s+onthouden))[ \t]*:?[ \t]*\n?")
ROLL_END = re.compile(r"\n[ \t]*\n[ \t]*(?=\S)(?![^\n]*\([\w&. -]{1,15}\)[.;]?[ \t]*(?:\n|$))|\n[ \t]*(?=(?:Hebben|Heeft)\s)")


def _vote_lists(ctx: Context, instr: list[Instrument], rows: dict[tuple, PositionFact]) -> None:
    """Each member a roll call lists takes the stance of the list on the item put to the vote: the
    instrument named last before it."""
    for m in scan.finditer(ROLL_CALL, ctx.text):
        if ctx.text[ctx.text.rfind("\n", 0, m.start()) + 1:m.start()].strip():
            continue  # a list heading starts its line
        stance = m.lastgroup or ""
        voted = [i for i in instr if m.start() - 4000 <= i.start < m.start()][-1:]
        if not voted:
            continue
        stop = ROLL_END.search(ctx.text, m.end())
        end = stop.start() if stop else min(len(ctx.text), m.end() + 2000)
        end = m.end() + len(ctx.text[m.end():end].rstrip())
        start = m.end() + len(ctx.text[m.end():end]) - len(ctx.text[m.end():end].lstrip())
        attendance_lists.members(ctx, start, end)  # `Hebben tegengestemd: Mertens, Wauters en Peeters.`
        for who in ctx.mentions_in(m.end(), end):
            if ctx.actors[who.key].kind != "person":
                continue
            rows.setdefault((who.key, voted[0].label, stance), PositionFact(
                holder=who.key, target=voted[0].label, objective=None, paragraph=None, stance=stance,
                date=ctx.date, evidence=ctx.evidence(m.start(), end)))


def _answer_positions(ctx: Context, blocks: list[Block], rows: dict[tuple, PositionFact],
                      said: list[tuple[int, str, int | None, str | None]]) -> None:
    """The government's stance on a provision a question points at, from an answer that has no stance
    verb on it (see extract/answers.py)."""
    for b in blocks:
        holder = _speaker(ctx, b.start)
        if b.kind != "Antwoord" or holder is None:
            continue
        q = answers.question_for(ctx, blocks, b)
        targets = [t for t in about.targets(q) if t[1] is not None or t[2] is not None] if q else []
        here = {(o, p) for at, h, o, p in said if h == holder and b.start <= at < b.end}
        missing = [t for t in targets if (t[1], t[2]) not in here and t[1] not in {o for o, _ in here}]
        found = answers.answer_stance(ctx, b) if missing else None
        if not found:
            continue
        stance, s, e = found
        for label, objective, paragraph in missing:
            rows.setdefault((holder, label, stance), PositionFact(
                holder=holder, target=label, objective=objective, paragraph=paragraph, stance=stance,
                date=ctx.date, evidence=ctx.evidence(s, e)))


QUOTE = re.compile(r"“[^”]{20,}”", re.S)
SAID = re.compile(r"\b(?:antwoordde|antwoordt|stelt|stelde|zei|zegt|verklaarde|verklaart|citeer\w* ik het volgende)\b[^“]{0,20}:?\s*$")


def _quoted_speaker(ctx: Context, quotes: list[tuple[int, int]], pos: int) -> str | None:
    """The person who says a quotation introduced by `X antwoordde:` / `Hij stelt:`."""
    for a, b in quotes:
        if a <= pos < b and SAID.search(ctx.text[max(0, a - 60):a]):
            people = [m.key for m in ctx.mentions_in(max(0, a - 2500), a) if ctx.actors[m.key].kind == "person"
                      and not any(qa <= m.start < qb for qa, qb in quotes)]  # not someone named inside a quote
            return people[-1] if people else None
    return None


def _holders(ctx: Context, start: int, cue: int, question: bool, fallback: bool = True,
             states_only: bool = False) -> list[str]:
    """The actors in text[start:cue] that can hold a position; else the government that speaks."""
    keys = []
    asides = [(r.start() + start, r.end() + start) for r in ASIDE.finditer(ctx.text[start:cue])]
    for m in ctx.mentions_in(start, cue):
        a = ctx.actors[m.key]
        if any(a0 <= m.start < b0 for a0, b0 in asides):
            continue  # `Oostenrijk, dat het voorzitterschap van de EU bekleedt, maakte bekend`
        if TITLE_AFTER.match(ctx.text[m.end:m.end + 30]) or COMPOUND.match(ctx.text, m.end) or \
                VOCATIVE.search(ctx.text, max(0, m.start - 25), m.start) or \
                WHERE.search(ctx.text, max(0, m.start - 20), m.start):
            continue
        if a.kind in HOLDER_KINDS and m.key not in keys:
            keys.append(m.key)
    states = [k for k in keys if ctx.actors[k].kind in ("country", "government", "international_organisation")
              or (ctx.actors[k].kind == "other" and groups.is_group(ctx.actors[k].name))]
    if states or states_only:
        keys = states
    if question:  # only what a question reports of others, never the asker's or addressee's own stance
        return [k for k in keys if ctx.actors[k].kind == "country"]
    org = _speaker(ctx, start)
    if not keys and org and fallback:
        keys = [org]
    if org and any(ctx.actors[k].kind == "person" for k in keys):
        keys = [k if ctx.actors[k].kind != "person" else org for k in keys]
    return list(dict.fromkeys(keys))


# the cue stands in a relative clause: `Hongarije, dat het GCM niet steunt` (Hungary), `een land dat ...` (no one)
RELATIVE = re.compile(r"\b(?:dat|die)\s+[^,;:.?!]*$")
INDEFINITE = re.compile(r"\b(?:[Ee]en|[Ee]lk|[Ii]eder|[Gg]een)\s+(?:[\w-]+\s+)?[\w-]+\s*$")
# `volgens de federale regering ...`: the source holds what follows
SOURCE = re.compile(r"\b[Vv]olgens\s+(?:de\s+|het\s+)?")


def _relative_holder(ctx: Context, s: Sentence, cs: int) -> list[str] | None:
    """The actor a relative clause holding the cue is about; [] for an indefinite one; None if the cue
    is in no relative clause."""
    head = s.text[:cs]
    m = RELATIVE.search(head) if "dat" in head or "die" in head else None
    if not m:
        return None
    if INDEFINITE.search(s.text, max(0, m.start() - 40), m.start()):
        return []
    comma = re.search(r",\s*$", head[:m.start()])
    if not comma:
        return None
    at = s.start + comma.start()
    near = [x for x in ctx.mentions_in(max(s.start, at - 160), at) if ctx.actors[x.key].kind in HOLDER_KINDS]
    if not near or ctx.text[near[-1].end:at].strip():
        return None
    chain = [near[-1]]  # `Polen en Hongarije, die het pact niet steunen`
    for x in reversed(near[:-1]):
        if not LISTED.fullmatch(ctx.text, x.end, chain[0].start):
            break
        chain.insert(0, x)
    return list(dict.fromkeys(x.key for x in chain))


LISTED = re.compile(r"\s*(?:,|en)\s*(?:de\s+|het\s+)?")


def _source(ctx: Context, start: int, cue: int, question: bool) -> list[str]:
    """The actors a `volgens X` before the cue names, right after `volgens`."""
    found = None
    for m in SOURCE.finditer(ctx.text, start, cue):
        found = m
    if found is None:
        return []
    first = next(iter(ctx.mentions_in(found.end(), cue)), None)
    if first is None or first.start > found.end() + 2:
        return []
    end = first.end
    more = re.match(r"\s+en\s+(?:de\s+|het\s+)?", ctx.text[end:cue])
    if more:
        nxt = next(iter(ctx.mentions_in(end + more.end(), cue)), None)
        end = nxt.end if nxt is not None and nxt.start == end + more.end() else end
    return _holders(ctx, found.start(), end, question, fallback=False)


def _in_question_block(blocks: list[Block], pos: int) -> bool:
    b = answers.containing(blocks, pos)
    return b is not None and b.kind == "Vraag"


def _speaker(ctx: Context, pos: int) -> str | None:
    """The government that writes at `pos`, when it is an actor of the document."""
    org = ctx.speaker_org_at(pos)
    return org if org in ctx.actors else None


def _qa_answer(blocks: list[Block], pos: int) -> bool:
    b = answers.containing(blocks, pos)
    return b is not None and b.kind == "Antwoord"


def _question_for(ctx: Context, blocks: list[Block], pos: int) -> str | None:
    b = answers.containing(blocks, pos)
    return answers.question_for(ctx, blocks, b) if b is not None and b.kind == "Antwoord" else None

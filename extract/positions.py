"""Positions: who supports, opposes, conditionally supports or has not decided on the compact,
one of its 23 objectives, one of its paragraphs, or another instrument.

A sentence with a stance cue (`in lijn met`, `steunen`, `trokken zich terug`,
`niet voornemens`, `voor zover`, `onthield zich`) and a target (`doelstellingen 16,
17 en 18`, `de 23 doelstellingen`, `paragraaf 15`, `Marrakesh-33c`, `het GCM`) gives
a position of the actors that are its subject, or of the government that writes.
In parliamentary questions with numbered answers, an answer takes the targets of
its question. A question itself states no position of the asker.
"""

from __future__ import annotations

import re

from gcmkg.extract.context import Context
from gcmkg.extract.models import PositionFact

NEEDS = ("actors", "documents")
PRODUCES = ("positions",)

STANCE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("undecided", re.compile(r"\b(?:onthield\w* zich|onthouding|nog geen standpunt|beraadt zich|nog geen beslissing|"
                             r"nog niet beslist|wordt nog bestudeerd)\b")),
    ("oppose", re.compile(r"\b(?:niet\s+(?:meer\s+)?(?:te\s+)?(?:willen\s+)?(?:steunen|ondersteunen|onderschrijven)|"
                          r"trok\w*\s+(?:het\s+)?zich\s+(?:\w+\s+)?terug|\w*\s*teruggetrokken|trekt zich terug|"
                          r"niet\s+(?:te\s+gaan\s+)?(?:tekenen|ondertekenen)|stemde\w* tegen|verwerp\w*|wees\s+\w+\s+af|"
                          r"afgeraden|niet voornemens|geen voornemens|geen plannen|indruisten tegen)\b", re.S)),
    ("conditional", re.compile(r"\b(?:voor zover|in zoverre|mits|onder (?:de )?voorwaarde|langs de lijnen van|"
                               r"met behoud van|standpuntverklaring|passen (?:veelal|grotendeels)|niet\s+(?:aan\s+)?in\s+de\s+weg)\b")),
    ("support", re.compile(r"\b(?:steun\w*|ondersteun\w*|onderschrij\w+|in lijn (?:met|zijn)|spor(?:en|t)\s+(?:\w+\s+)?met|"
                           r"verenigbaar|akkoord|goedkeur\w*|(?:kan|kon|konden|kunnen)\s+(?:\w+\s+){0,2}zich\s+(?:\w+\s+){0,4}vinden|voorstander|stemde\w* voor|"
                           r"scha(?:rt|ren)\s+zich\s+achter|achter\s+(?:deze|dit|het)\s+\w+\s+scharen|komt\s+(?:\w+\s+){0,2}overeen|"
                           r"komen\s+(?:\w+\s+){0,2}overeen|dient het .{0,30}belang|hecht\w*\s+.{0,20}aan|erkent het belang|"
                           r"beschouwt het .{0,40}als|is hier al op gericht|biedt\s+(?:\w+\s+){1,3}al\s+aan|kent\s+\w+\s+al)\b", re.S)),
]
ANSWER_YES = re.compile(r"^\s*(?:Antwoord\s+[\d ,t/men–-]+\s*)?Ja\b[.,]?")
ANSWER_YES_IF = re.compile(r"^\s*(?:Antwoord\s+[\d ,t/men–-]+\s*)?Ja,\s+(?:voor zover|mits|indien)")
OBJECTIVES = re.compile(r"\bdoelstelling(?:en)?\s+(?P<list>\d{1,2}[a-z]?(?:\s*(?:,|en)\s*\d{1,2}[a-z]?)*)", re.I)
ALL_OBJECTIVES = re.compile(r"\b(?:de|alle)\s+23\s+(?:\w+\s+)?doelstellingen\b")
PARAGRAPH = re.compile(r"\b(?:paragraaf|punt|Marrakesh-)\s?(?P<n>\d{1,2})(?P<l>[a-z])?\b", re.I)
GCM = re.compile(r"\b(?:GCM|[Mm]igratiepact|[Ii]mmigratiepact|Global Compact (?:for|on|voor|over) (?:Safe|Veilige|Migration|"
                 r"[Mm]igratie|gereguleerde)|het pact|het [Cc]ompact|Marrakesh-pact)")
GCR = re.compile(r"\b(?:GCR|[Vv]luchtelingencompact|Global Compact (?:on|for|voor|over) (?:Refugees|[Vv]luchtelingen|gedeelde))")
# `1) Bespreking van de Belgische steun voor ...`: an agenda item announces a discussion, not a stance
AGENDA_ITEM = re.compile(r"^\s*(?:\d{1,2}[).]|[-•\uf0b7*])\s*(?:Bespreking|Stand van zaken|Voorbereiding|Planning|Overzicht|"
                         r"Toelichting|Presentatie|Varia|Rondvraag|Goedkeuring van het verslag)\b")
QA_BLOCK = re.compile(r"(?m)^(?P<kind>Vraag|Antwoord)\s+(?P<nr>\d+(?:[^\n]{0,20}))\s*$")
HOLDER_KINDS = ("government", "country", "international_organisation", "person", "party", "parliament", "other")


def _targets(text: str) -> list[tuple[str, int | None, str | None]]:
    """(target label, objective, paragraph) for every compact reference in a text."""
    out: list[tuple[str, int | None, str | None]] = []
    if ALL_OBJECTIVES.search(text):
        out += [(f"GCM objective {n}", n, None) for n in range(1, 24)]
    for m in OBJECTIVES.finditer(text):
        for item in re.findall(r"\d{1,2}[a-z]?", m.group("list")):
            n = int(re.match(r"\d+", item).group(0))
            if n <= 23 and item.isdigit():
                out.append((f"GCM objective {n}", n, None))
            elif 17 <= n <= 39:  # `doelstelling 33c` means paragraph 33c
                out.append((f"GCM paragraph {item}", n - 16, item))
    for m in PARAGRAPH.finditer(text):
        n = int(m.group("n"))
        item = f"{n}{m.group('l') or ''}"
        out.append((f"GCM paragraph {item}", n - 16 if 17 <= n <= 39 else None, item))
    return list(dict.fromkeys(out))


# approval that did not happen is not a position: `werd noch door X, noch namens X goedgekeurd`
NOT_APPROVED = re.compile(r"\b(?:noch|niet)\b[^.;]{0,80}?\b(?:goedgekeurd|aanvaard|ondertekend)\b", re.S)
# a compact named after its body (`het VN Global Compact`) does not make that body a holder
TITLE_AFTER = re.compile(r"^\s*-?\s*(?:Global Compact|[Mm]igratiepact|[Vv]luchtelingencompact|[Cc]ompact|-conferentie|"
                         r"conferentie)")


def _cues(text: str) -> list[tuple[str, int, int]]:
    """Every stance cue in reading order; where cues overlap (`niet te willen steunen` holds `steunen`),
    the one listed first in STANCE_CUES wins."""
    found: list[tuple[str, int, int]] = []
    for stance, pattern in STANCE_CUES:
        for m in pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for _, a, b in found):
                found.append((stance, m.start(), m.end()))
    return sorted(found, key=lambda c: c[1])


def _stance(text: str) -> tuple[str, int, int] | None:
    if NOT_APPROVED.search(text):
        return None
    if ANSWER_YES_IF.match(text):
        return "conditional", 0, min(len(text), 60)
    cues = _cues(text)
    if cues:
        return cues[0]
    if ANSWER_YES.match(text):
        return "support", 0, 3
    return None


def extract(ctx: Context) -> None:
    rows: dict[tuple, PositionFact] = {}
    blocks = _qa_blocks(ctx)
    date = ctx.date
    about_gcm = len(GCM.findall(ctx.text)) >= 3
    prev_targets: list[tuple[str, int | None, str | None]] = []
    quotes = [(m.start(), m.end()) for m in QUOTE.finditer(ctx.text)]
    for s in ctx.sentences:
        question = s.text.rstrip().endswith("?") or _in_question_block(blocks, s.start)
        speaker = _quoted_speaker(ctx, quotes, s.start)
        own = _targets(s.text)
        found = None if AGENDA_ITEM.match(s.text) else _stance(s.text)
        if not found:
            prev_targets = own or prev_targets
            continue
        stance, cs, ce = found
        targets = own
        if not targets and prev_targets and re.search(r"\b(?:[Dd]ie|[Dd]eze|daarin|[Aa]lle doelstellingen)\b", s.text):
            targets = prev_targets  # `Die zijn gescreend`, `Alle doelstellingen die daarin staan`
        prev_targets = own or prev_targets
        if not targets:
            q = _question_for(ctx, blocks, s.start)
            targets = _targets(q) if q is not None else []
        if not targets:
            if GCR.search(s.text):
                targets = [("GCR", None, None)]
            elif GCM.search(s.text) or _qa_answer(blocks, s.start) or about_gcm:
                targets = [("GCM", None, None)]
        if not targets:
            continue
        holders = _holders(ctx, s.start, s.start + cs, question)
        if speaker and not question and holders == [ctx.speaker_org]:
            holders = [speaker]  # `Hij antwoordde toen: “... sporen volledig met het Vlaamse beleid”`
        pairs = [(h, stance) for h in holders]
        for later, a, b in _later_cues(s.text, ce):  # `X steunt het, met uitzondering van Y, dat het verwerpt`
            pairs += [(h, later) for h in _holders(ctx, s.start + a, s.start + b, question, fallback=False)
                      if (h, later) not in pairs]
        for holder, stance in pairs:
            speaker = holder == ctx.speaker_org
            for label, objective, paragraph in targets:
                key = (holder, label, stance)
                rows.setdefault(key, PositionFact(
                    holder=holder, target=label, objective=objective, paragraph=paragraph, stance=stance,
                    date=date if speaker else None, evidence=ctx.evidence(s.start, s.end)))
    ctx.positions.extend(rows[k] for k in sorted(rows))


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


def _later_cues(text: str, after: int) -> list[tuple[str, int, int]]:
    """Further cues in the sentence, each with the span of text before it that names its holders."""
    spans, prev = [], after
    for stance, a, b in _cues(text):
        if a >= after:
            spans.append((stance, prev, a))
            prev = b
    return spans


def _holders(ctx: Context, start: int, cue: int, question: bool, fallback: bool = True) -> list[str]:
    """The actors before the cue that can hold a position; else the government that speaks."""
    keys = []
    for m in ctx.mentions_in(start, cue):
        a = ctx.actors[m.key]
        if TITLE_AFTER.match(ctx.text[m.end:m.end + 30]):
            continue
        if a.kind in HOLDER_KINDS and m.key not in keys:
            keys.append(m.key)
    states = [k for k in keys if ctx.actors[k].kind in ("country", "government", "international_organisation")]
    if states:
        keys = states
    if question:  # only what a question reports of others, never the asker's or addressee's own stance
        return [k for k in keys if ctx.actors[k].kind == "country"]
    if not keys and ctx.speaker_org and fallback:
        keys = [ctx.speaker_org]
    if ctx.speaker_org and any(ctx.actors[k].kind == "person" for k in keys) and ctx.speaker_org in ctx.actors:
        keys = [k if ctx.actors[k].kind != "person" else ctx.speaker_org for k in keys]
    return list(dict.fromkeys(keys))


def _qa_blocks(ctx: Context) -> list[tuple[str, int, int, str]]:
    heads = list(QA_BLOCK.finditer(ctx.text))
    out = []
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(ctx.text)
        out.append((h.group("kind"), h.start(), end, h.group("nr").strip()))
    return out


def _in_question_block(blocks: list[tuple[str, int, int, str]], pos: int) -> bool:
    return any(k == "Vraag" and a <= pos < b for k, a, b, _ in blocks)


def _qa_answer(blocks: list[tuple[str, int, int, str]], pos: int) -> bool:
    return any(k == "Antwoord" and a <= pos < b for k, a, b, _ in blocks)


def _question_for(ctx: Context, blocks: list[tuple[str, int, int, str]], pos: int) -> str | None:
    for i, (k, a, b, nr) in enumerate(blocks):
        if k == "Antwoord" and a <= pos < b:
            for k2, a2, b2, nr2 in reversed(blocks[:i]):
                if k2 == "Vraag":
                    return ctx.text[a2:b2]
    return None

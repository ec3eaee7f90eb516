"""Numbered questions and answers (`Vraag 12` / `Antwoord 12`), and the stance an answer takes as a whole.

In written parliamentary questions about the compact, a question often points at a provision (`zie punt
23h`) and the answer describes the government's policy on it without a stance verb: `In Nederland is dit
uitgesloten`, `Deze inzet richt zich uitsluitend op deze twee groepen`. Such an answer is the government's
position on that provision: conditional when the answer restricts or qualifies (`uitsluitend`, `voor
zover`, `laat onverlet`, `in strijd met`), support when it says the own policy already does it. An
answer that only refers elsewhere (`Zie het antwoord op vraag 4`, `Kortheidshalve verwijst het kabinet
naar ...`) or that speaks of nothing the government does states no position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmkg.extract.context import Context

QA_BLOCK = re.compile(r"(?m)^[ \t]*(?P<kind>Vraag|Antwoord)\s+(?P<nr>\d+(?:[^\n]{0,20}))\s*$")


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace(" ", r"\s+"), re.S | re.I)


# only a pointer to another answer or document
REFERS_ONLY = _words(r"^\s*(?:(?:Nee|Ja)[.,]\s*)?(?:zie\b|kortheidshalve\b|voor het antwoord\b|ik verwijs\b|"
                     r"(?:het kabinet|de regering) verwijst\b|verwezen wordt\b)")
# the answer qualifies or limits what the provision asks
RESTRICTS = _words(r"\b(?:uitsluitend|alleen (?:als|indien|wanneer|voor|aan de orde|toegankelijk)|in brede zin|"
                   r"laat onverlet|in strijd met|niet toegestaan|niet wenselijk|geen sprake van|niet bindend|"
                   r"houdt (?:\w+ ){0,2}rekening met|met inachtneming van|tenzij|mits|voor zover|in zoverre|"
                   r"onder (?:de )?voorwaarde|binnen (?:de )?(?:wettelijke )?kaders)\b")
# the answer speaks of what the answering government itself does or holds
OWN = _words(r"\b(?:het kabinet|de regering|wij|ik|onze|ons land|(?:in|door|voor) (?:Nederland|België|Vlaanderen)|"
             r"Nederland (?:kent|heeft|zet|doet|deelt|is)|(?:Nederlandse|Belgische|Vlaamse) (?:beleid|wet\w*|overheid|"
             r"autoriteiten|praktijk)|(?:huidige|eigen|nationale) beleid)\b")
# boilerplate that frames the provision, not the government's view of it
FRAME = _words(r"^\s*(?:Antwoord[^\n]*\n\s*)?Het gaat hier\b[^.]*\bvrijwillige\b[^.]*\.")


@dataclass(frozen=True)
class Block:
    kind: str  # "Vraag" or "Antwoord"
    start: int
    end: int
    number: str


def blocks(ctx: Context) -> list[Block]:
    heads = list(QA_BLOCK.finditer(ctx.text))
    return [Block(h.group("kind"), h.start(), heads[i + 1].start() if i + 1 < len(heads) else len(ctx.text),
                  h.group("nr").strip()) for i, h in enumerate(heads)]


def containing(bs: list[Block], pos: int) -> Block | None:
    return next((b for b in bs if b.start <= pos < b.end), None)


def question_for(ctx: Context, bs: list[Block], answer: Block) -> str | None:
    """The text of the question block that comes before an answer block."""
    i = bs.index(answer)
    q = next((b for b in reversed(bs[:i]) if b.kind == "Vraag"), None)
    return ctx.text[q.start:q.end] if q else None


def answer_stance(ctx: Context, block: Block) -> tuple[str, int, int] | None:
    """(stance, start, end of the sentence that shows it) for an answer without stance verbs, or None."""
    text = ctx.text[block.start:block.end]
    body = re.sub(r"^\s*Antwoord[^\n]*\n", "", text)
    if REFERS_ONLY.match(body):
        return None
    sentences = [s for s in ctx.sentences if block.start <= s.start < block.end
                 and not FRAME.match(s.text) and not QA_BLOCK.fullmatch(s.text.strip())]
    for s in sentences:
        if RESTRICTS.search(s.text):
            return "conditional", s.start, s.end
    own = next((s for s in sentences if OWN.search(s.text)), None)
    return ("support", own.start, own.end) if own else None

"""Document metadata: which documents a file holds (question, answer, letter, report), their numbers,
dates, authors and addressees, read from the way parliaments lay them out.

Flemish written questions: the question, then the minister's name and office in
capitals, then `ANTWOORD op vraag nr. N van <date> van <ASKER>`. Dutch Aanhangsel:
`Vragen van het lid X (Party) aan de <office> ... (ingezonden <date>)` and
`Antwoord van <office> X ... (ontvangen <date>)`. Letters: `BRIEF VAN DE <OFFICE>`,
`Aan de <addressee>`, `Den Haag, <date>`, and a signature (`<Office>,` then a name).
"""

from __future__ import annotations

import re

from gcmkg.extract import persons
from gcmkg.extract.context import Context
from gcmkg.extract.dates import first_date
from gcmkg.extract.models import DocumentFact
from gcmkg.extract.textutil import slug, squash

NEEDS = ("text",)
PRODUCES = ("documents", "jurisdiction", "date", "authors", "addressees")

_BE = re.compile(r"Vlaams(?:e)? Parlement|Vlaamse Regering|vraag nr\.|Kamer van volksvertegenwoordigers|FOD ")
_NL = re.compile(r"Staten-Generaal|Tweede Kamer|Eerste Kamer|Kamerstuk|Aanhangsel|Handelingen II|Den Haag|Staatssecretaris van")

FLEMISH_ANSWER = re.compile(
    r"(?P<head>(?:^|\n)(?P<name>[A-ZÀ-Ý][A-ZÀ-Ý' .-]+[A-ZÀ-Ý])[ \t]*\n(?P<office>[A-ZÀ-Ý][^\n]*(?:\n[A-ZÀ-Ý][A-ZÀ-Ý ,&-]+)*)\s*\n)?"
    r"\s*ANTWOORD\s*\n\s*op vraag nr\.\s*(?P<nr>\d+)\s+van\s+(?P<date>\d{1,2}\s+\w+\s+\d{4})\s*\n\s*van\s+(?P<asker>[A-ZÀ-Ý][A-ZÀ-Ý' .-]+[A-ZÀ-Ý])")
NL_QUESTION = re.compile(
    r"(?:(?P<nr>\d{1,5})\s*\n\s*)?Vragen van (?:het lid|de leden) (?P<askers>.+?) aan (?:de |het )?(?P<to>.+?) over (?P<title>.+?)"
    r"\s*\(ingezonden (?P<date>\d{1,2}\s+\w+\s+\d{4})\)", re.S)
NL_ANSWER = re.compile(
    r"Antwoord van (?P<by>.+?)(?:,? mede namens.+?)?\s*\(ontvangen (?P<date>\d{1,2}\s+\w+\s+\d{4})\)", re.S)
LETTER_HEAD = re.compile(
    r"BRIEF VAN (?:DE |HET )?(?P<office>[A-ZÀ-Ý][A-ZÀ-Ý/ ,&\n-]+?)\s*\n\s*\n?\s*Aan (?:de |het )?(?P<to>[^\n]+?)\s*\n"
    r"(?:\s*\n)*\s*(?:Den Haag|Brussel|Amsterdam),\s*(?P<date>\d{1,2}\s+\w+\s+\d{4})")
# a signature: an office line ending in a comma (or not), then a name line
SIGNATURE = re.compile(
    r"(?:^|\n)[ \t]*(?P<office>(?:De |Het )?(?:[Gg]riffier|Staatssecretaris|Minister|Minister-president|[Vv]oorzitter)"
    r"[^\n]{0,120}?),?[ \t]*\n[ \t]*(?P<name>(?:[A-Z]\.){1,5}\s?[A-Za-zÀ-ÿ' -]+|[A-Z][a-zà-ÿ]+(?: [A-Za-zà-ÿ'-]+){0,3})[ \t]*(?:\n|$)")
REPORT = re.compile(r"brengt\s+(?:bijgaand\s+)?verslag\s+uit|\bVERSLAG\b")


def extract(ctx: Context) -> None:
    text = ctx.text
    be, nl = len(_BE.findall(text)), len(_NL.findall(text))
    ctx.jurisdiction = "be" if be > nl else "nl" if nl else None
    found = _flemish(ctx) or _dutch_questions(ctx)
    letters = _letters(ctx)
    if not found and not letters:
        _plain_letter(ctx)
    if ctx.documents and not ctx.date:
        ctx.date = next((d.date for d in ctx.documents if d.date), None)


def _person(ctx: Context, raw: str, start: int, role: str | None = None) -> str:
    """Register a person named in a header or signature and return its key."""
    return persons.register_named(ctx, raw, start, start + len(raw), role=role)


def _flemish(ctx: Context) -> bool:
    m = FLEMISH_ANSWER.search(ctx.text)
    if not m:
        return False
    date = first_date(m.group("date"))
    ctx.date = date
    title = squash(ctx.text[: ctx.text.find("\n", 5)]) if ctx.text.strip() else None
    asker = _person(ctx, m.group("asker"), m.start("asker"), role=f"vraagsteller (schriftelijke vraag nr. {m.group('nr')})")
    minister = None
    if m.group("name"):
        office = squash(m.group("office"))
        minister = _person(ctx, m.group("name"), m.start("name"), role=persons.office_label(office))
        ctx.speaker_org = persons.government_of_office(ctx, office, m.start("office"))
    ctx.authors = [minister] if minister else []
    ctx.addressees = [asker]
    ev = ctx.evidence(m.start("head") if m.group("head") else m.start(), m.end())
    parliament = "parliament/vlaams-parlement"
    ctx.documents.append(DocumentFact(key=f"vlaams-parlement/schriftelijke-vraag/{m.group('nr')}-{date}",
                                      kind="written_question", number=m.group("nr"), date=date, title=title,
                                      authors=(asker,), addressees=tuple(a for a in [minister] if a),
                                      parliament=parliament, evidence=ev))
    ctx.documents.append(DocumentFact(key=f"vlaams-parlement/antwoord/{m.group('nr')}-{date}", kind="answer",
                                      number=m.group("nr"), date=None, title=title,
                                      authors=tuple(a for a in [minister] if a), addressees=(asker,),
                                      parliament=parliament, evidence=ev))
    return True


def _dutch_questions(ctx: Context) -> bool:
    q = NL_QUESTION.search(ctx.text)
    if not q:
        return False
    qdate = first_date(q.group("date"))
    askers = [persons.register_member(ctx, q.start("askers"), q.end("askers"))]
    askers = [a for a in askers if a]
    addressee = persons.register_office(ctx, squash(q.group("to")), q.start("to"))
    title = squash(q.group("title"))
    nr = q.group("nr")
    ev = ctx.evidence(q.start(), q.end())
    ctx.documents.append(DocumentFact(key=f"tweede-kamer/kamervragen/{nr or slug(title)[:40]}-{qdate}",
                                      kind="written_question", number=nr, date=qdate, title=title,
                                      authors=tuple(askers), addressees=tuple(a for a in [addressee] if a),
                                      parliament="parliament/tweede-kamer-der-staten-generaal", evidence=ev))
    a = NL_ANSWER.search(ctx.text, q.end())
    if a:
        adate = first_date(a.group("date"))
        by = persons.register_office(ctx, squash(a.group("by")), a.start("by"))
        ctx.date = adate
        ctx.authors = [by] if by else []
        ctx.addressees = askers
        ctx.speaker_org = "government/nederlands-kabinet"
        ctx.documents.append(DocumentFact(key=f"tweede-kamer/antwoord/{nr or slug(title)[:40]}-{adate}",
                                          kind="answer", number=nr, date=adate, title=title,
                                          authors=tuple(x for x in [by] if x), addressees=tuple(askers),
                                          parliament="parliament/tweede-kamer-der-staten-generaal",
                                          evidence=ctx.evidence(a.start(), a.end())))
    else:
        ctx.date = qdate
    return True


def _signature_after(ctx: Context, start: int, end: int) -> re.Match[str] | None:
    last = None
    for m in SIGNATURE.finditer(ctx.text, start, end):
        last = m
    return last


def _letters(ctx: Context) -> bool:
    heads = list(LETTER_HEAD.finditer(ctx.text))
    if not heads:
        return False
    # a report that precedes the letters (Eerste Kamer: `verslag van een schriftelijk overleg`)
    first = heads[0].start()
    if REPORT.search(ctx.text, 0, first):
        sig = _signature_after(ctx, 0, first)
        committee = None
        authors = []
        if sig:
            office = squash(sig.group("office")).rstrip(",")
            committee = persons.committee_in(ctx, office, sig.start("office"))
            clerk = _person(ctx, sig.group("name"), sig.start("name"), role=persons.office_label(office))
            authors = [k for k in (committee, clerk) if k]
        ctx.documents.append(DocumentFact(key=f"report/{ctx.doc.sha256[:12]}", kind="report", date=None,
                                          authors=tuple(authors), evidence=ctx.evidence(
                                              *(sig.span() if sig else (0, min(len(ctx.text), 200))))))
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(ctx.text)
        date = first_date(h.group("date"))
        office = squash(h.group("office")).title()
        sig = _signature_after(ctx, h.end(), end)
        author = None
        if sig:
            author = _person(ctx, sig.group("name"), sig.start("name"),
                             role=persons.office_label(squash(sig.group("office")).rstrip(",")))
        to = persons.register_office(ctx, squash(h.group("to")), h.start("to"))
        ctx.voices.append((h.start(), end, author, to))
        if not ctx.date:
            ctx.date = date
        ctx.documents.append(DocumentFact(key=f"letter/{slug(office)[:40]}/{date}", kind="letter", date=date,
                                          title=f"Brief van de {office.lower()}",
                                          authors=tuple(a for a in [author] if a), addressees=tuple(a for a in [to] if a),
                                          evidence=ctx.evidence(h.start(), h.end())))
    return True


def _plain_letter(ctx: Context) -> None:
    """A letter with only a signature at its end (a Kamerbrief as published)."""
    sig = _signature_after(ctx, max(0, len(ctx.text) - 1500), len(ctx.text))
    if not sig:
        return
    office = squash(sig.group("office")).rstrip(",")
    author = _person(ctx, sig.group("name"), sig.start("name"), role=persons.office_label(office))
    ctx.authors = [author]
    to = None
    m = re.search(r"\b[Uu]w Kamer\b", ctx.text)
    if m and ctx.jurisdiction == "nl":
        to = ctx.add_actor("parliament/tweede-kamer-der-staten-generaal", "Tweede Kamer der Staten-Generaal",
                           "parliament", m.start(), m.end(), alias=m.group(0)).key
        ctx.addressees = [to]
    if ctx.jurisdiction == "nl":
        ctx.speaker_org = "government/nederlands-kabinet"
    t = re.search(r"brief over (?P<t>.+?)(?:\(|\.\s)", ctx.text, re.S)
    ctx.documents.append(DocumentFact(key=f"letter/{ctx.doc.sha256[:12]}", kind="letter", date=None,
                                      title=squash(t.group("t")) if t else None,
                                      authors=(author,), addressees=tuple(a for a in [to] if a),
                                      evidence=ctx.evidence(sig.start("office"), sig.end("name"))))

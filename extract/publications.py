"""Documents published outside parliament: agency news, press releases and the minutes of a body's meeting.

Read from their layout, as extract/records.py reads parliamentary papers:
- an agency dispatch opens with its headline, then a dateline `PLACE <day/month> (AGENCY) =` or
  `BRUSSEL, 4 maart (Belga) -`; a dateline without a year takes it from the feed's closing line
  (`Belga, 04/03/2030 16:20`, `ANP` over `5 maart 2030, 09:15`);
- a press release says `PERSBERICHT` over its senders (a ministry, a minister's `Kabinet van ...`), then
  `<Place>, <date>` and the headline; the sender most specific to the text (the cabinet) is its author;
- minutes say `SAMENVATTING|VERSLAG|NOTULEN van de vergadering van <body>`, then `<Place>, <date>`, often a
  reference (`M (2030) 1`), and close `Voor het secretariaat-generaal,` over the signer's name.
"""

from __future__ import annotations

import re

from gcmkg.extract import gazetteer, persons
from gcmkg.extract.context import Context
from gcmkg.extract.dates import find_dates, first_date
from gcmkg.extract.models import DocumentFact
from gcmkg.extract.textutil import slug, squash

DATE = r"\d{1,2}\s+[a-z]+\s+\d{4}"
_WEEKDAY = r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?"
WIRE = re.compile(r"(?m)^[ \t]*(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'. -]{1,30}?)(?:,[ \t]*|[ \t]+)"
                  r"(?P<date>\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}\s+[a-z]+(?:\s+\d{4})?)?[ \t]*"
                  r"\((?P<agency>[A-Z][A-Za-z]{1,11})\)[ \t]*[-–=]")
PRESS = re.compile(r"\A\s*(?:PERSBERICHT|Persbericht|PERSMEDEDELING|Persmededeling|COMMUNIQUÉ|Communiqué)[ \t]*\n")
DATELINE = re.compile(rf"(?m)^[ \t]*(?P<place>[A-ZÀ-Ý][a-zà-ÿ]+(?:[ -][A-ZÀ-Ý]?[a-zà-ÿ]+){{0,2}}),[ \t]+"
                      rf"(?i:{_WEEKDAY})(?P<date>{DATE})[ \t]*$")
MINUTES = re.compile(r"(?m)^[ \t]*(?P<what>SAMENVATTING|VERSLAG|NOTULEN|BESLUITENLIJST|Samenvatting|Verslag|Notulen|"
                     r"Besluitenlijst)\s+(?P<of>van\s+de\s+(?:vergadering|bijeenkomst|zitting)\s+van\s+(?:het|de)\s+"
                     r"(?P<body>[^\n]+))")
# minutes headed by the word alone, the body on the next line and a `Datum: vrijdag 20/07/2030` line
MINUTES_HEAD = re.compile(r"\A\s*(?P<what>NOTULEN|VERSLAG|BESLUITENLIJST|Notulen|Verslag|Besluitenlijst)[ \t]*\n\s*"
                          r"(?P<body>[A-ZÀ-Ý][^\n:]{2,120})[ \t]*\n")
# ... or the body's name first: `IMC Migratie en Integratie - Werkgroep` over `NOTULEN`
BODY_FIRST = re.compile(r"\A\s*(?P<body>[A-ZÀ-Ý][^\n:]{2,120})[ \t]*\n\s*(?P<what>NOTULEN|VERSLAG|BESLUITENLIJST|Notulen|"
                        r"Verslag|Besluitenlijst)[ \t]*\n")
MINUTES_DATUM = re.compile(rf"(?m)^[ \t]*Datum[ \t]*:[ \t]*(?i:{_WEEKDAY})(?P<date>{DATE}|\d{{1,2}}/\d{{1,2}}/\d{{4}})[ \t]*$")
REFERENCE = re.compile(r"\s*(?P<nr>[A-Z][A-Za-z]{0,5}[ \t]?(?:\(\d{4}\)[ \t]?)?\d+(?:[/.-]\d+)*)[ \t]*\n")
ON_BEHALF = re.compile(r"(?m)^[ \t]*(?:Voor|Namens)\s+(?:het|de)\s+(?P<org>[^\n,]{3,80}),[ \t]*\n(?:[ \t]*\n){0,3}"
                       rf"[ \t]*(?P<name>{persons.NAME})[ \t]*\n(?:[ \t]*(?P<office>[a-z][^\n]{{2,80}}))?")
# a sender line that starts a new organisation (a wrapped line continues the one before it)
_CONTINUES = re.compile(r"(?:\b(?:en|van|voor|de|het|der)|,)$")


def extract(ctx: Context) -> bool:
    """An agency dispatch or a press release; True when the file is one of them."""
    return _wire(ctx) or _press_release(ctx)


def _wire(ctx: Context) -> bool:
    m = WIRE.search(ctx.text, 0, min(len(ctx.text), 700))
    if not m or not re.search(r"[a-z]", ctx.text[:m.start()]):  # a headline above the dateline
        return False
    tail = ctx.text.rstrip()[-300:]
    closing = first_date(tail)
    date = closing
    if m.group("date"):
        found = find_dates(m.group("date"), closing)
        date = next((d for x in found for d in x.dates if len(d) == 10), None) or closing
    agency = m.group("agency")
    # `(BELGA)` in the dateline, `Belga, 04/03/2030` at the end: the agency's name as it writes it
    mixed = re.search(rf"\b{agency[0]}{agency[1:].lower()}\b", ctx.text) if agency.isupper() else None
    name = mixed.group(0) if mixed else agency
    entry = gazetteer.lookup(name)
    if entry:
        ctx.add_actor(entry.key, entry.name, entry.kind, m.start("agency"), m.end("agency"), same_as=entry.same_as)
    else:
        ctx.add_actor(f"organisation/{slug(name)}", name, "other", m.start("agency"), m.end("agency"), alias=agency)
    title = squash(ctx.text[:m.start()].strip().split("\n\n")[-1]) or None
    ctx.date = date
    ctx.documents.append(DocumentFact(key=f"news/{slug(name)}/{date or 'undated'}/{ctx.doc.sha256[:8]}", kind="news",
                                      date=date, title=title, authors=(), evidence=ctx.evidence(*m.span())))
    return True


def _press_release(ctx: Context) -> bool:
    p = PRESS.search(ctx.text)
    if not p:
        return False
    line = DATELINE.search(ctx.text, p.end(), min(len(ctx.text), p.end() + 800))
    if not line:
        return False
    senders = _senders(ctx, p.end(), line.start())
    cabinets = [k for k in senders if k.startswith("cabinet/")]
    authors = tuple(cabinets or senders[:1])
    date = first_date(line.group("date"))
    head = re.match(r"\s*(?P<t>[^\n]+)", ctx.text[line.end():])
    ctx.date = date
    ctx.authors = list(authors)
    ctx.documents.append(DocumentFact(key=f"press/{slug(authors[0]) if authors else 'release'}/{date}", kind="other",
                                      date=date, title=squash(head.group("t")) if head else None, authors=authors,
                                      evidence=ctx.evidence(line.start("place"), line.end() + (head.end() if head else 0))))
    return True


def _senders(ctx: Context, start: int, end: int) -> list[str]:
    """The organisations named on the sender lines between `PERSBERICHT` and the dateline."""
    lines: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", ctx.text[start:end]):
        a, b = start + m.start(), start + m.end()
        if not ctx.text[a:b].strip():
            continue
        if lines and _CONTINUES.search(ctx.text[lines[-1][0]:lines[-1][1]].rstrip()):
            lines[-1] = (lines[-1][0], b)
        else:
            lines.append((a, b))
    keys = []
    for a, b in lines:
        raw = ctx.text[a:b].strip()
        a += ctx.text[a:b].find(raw)
        name = squash(raw)
        entry = gazetteer.lookup(name)
        if entry is None:
            hit = next((h for h in gazetteer.find(name, ctx.jurisdiction) if h.start == 0), None)
            entry = hit.entry if hit else None
        if re.match(r"Kabinet\s+van\b", name):
            keys.append(ctx.add_actor(f"cabinet/{slug(name)}", name, "cabinet", a, a + len(raw)).key)
        elif entry is not None:
            keys.append(ctx.add_actor(entry.key, entry.name, entry.kind, a, a + len(raw), same_as=entry.same_as).key)
    return keys


def minutes(ctx: Context) -> bool:
    """Minutes of a body's meeting (a report); True when the file holds them."""
    m = MINUTES.search(ctx.text, 0, min(len(ctx.text), 800))
    if not m:
        return _dated_minutes(ctx)
    line = DATELINE.search(ctx.text, m.end(), min(len(ctx.text), m.end() + 300))
    date = first_date(line.group("date")) if line else None
    ref = REFERENCE.match(ctx.text, line.end()) if line else None
    authors = []
    sig = None
    for s in ON_BEHALF.finditer(ctx.text, max(0, len(ctx.text) - 800)):
        sig = s
    if sig:
        office = squash(sig.group("office") or "") or None
        authors.append(persons.register_named(ctx, sig.group("name"), sig.start("name"), sig.end("name"), role=office))
    title = f"{m.group('what').capitalize()} {squash(m.group('of'))}"
    ctx.date = ctx.date or date
    end = ref.end("nr") if ref else line.end() if line else m.end()
    ctx.documents.append(DocumentFact(key=f"minutes/{slug(m.group('body'))[:40]}/{date or ctx.doc.sha256[:12]}",
                                      kind="report", number=ref.group("nr") if ref else None, date=date, title=title,
                                      authors=tuple(authors), evidence=ctx.evidence(m.start("what"), end)))
    return True


def _dated_minutes(ctx: Context) -> bool:
    """`NOTULEN` over the body's name (or under it) and a `Datum: vrijdag 20/07/2030` line: the minutes of its
    meeting that day."""
    m = MINUTES_HEAD.match(ctx.text) or BODY_FIRST.match(ctx.text)
    line = MINUTES_DATUM.search(ctx.text, m.end(), min(len(ctx.text), m.end() + 400)) if m else None
    if not m or not line:
        return False
    date = first_date(line.group("date"))
    body = squash(m.group("body"))
    title = f"{m.group('what').capitalize()} van de vergadering van de {body}"
    ctx.date = ctx.date or date
    ctx.documents.append(DocumentFact(key=f"minutes/{slug(body)[:40]}/{date or ctx.doc.sha256[:12]}", kind="report",
                                      date=date, title=title, authors=(),
                                      evidence=ctx.evidence(m.start("what"), line.end())))
    return True

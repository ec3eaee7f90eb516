"""Document metadata: which documents a file holds (question, answer, letter, report, record, news), their
numbers, dates, authors and addressees, read from the way parliaments lay them out.

Flemish written questions: `SCHRIFTELIJKE VRAAG nr. N van <date> van <ASKER> aan <MINISTER>` and/or the
minister's name and office in capitals over `ANTWOORD op vraag nr. N van <date> van <ASKER>`. Dutch
Aanhangsel: `Vragen van het lid X (Party) aan de <office> ... (ingezonden <date>)` and `Antwoord van
<office> X ... (ontvangen <date>)`. Belgian bulletins: `Vraag nr. N van <title> <Name> d.d. <date>` or
`Vraag nr. N van <date> van <Name> aan <office>`, and `Antwoord van <Name>, <office>, d.d. <date>`.
Letters: `BRIEF VAN DE <OFFICE>`, `Aan de <addressee>`, `Den Haag, <date>`, and a signature (`<Office>,`
then a name); a Kamerbrief on ministry paper has an address block (`De Voorzitter van de Tweede Kamer`),
`Datum <date>` and `Betreft <subject>` lines, and is signed `De Minister van ...,` over the name. Records, reports, news and Kamerstuk numbers: extract/records.py.
"""

from __future__ import annotations

import re

from gcmkg.extract import gazetteer, persons, records, scan
from gcmkg.extract.context import Context
from gcmkg.extract.dates import first_date
from gcmkg.extract.models import DocumentFact
from gcmkg.extract.records import SIGNATURE
from gcmkg.extract.textutil import slug, squash, titlecase_name

NEEDS = ("text",)
PRODUCES = ("documents", "jurisdiction", "date", "authors", "addressees")

_BE = re.compile(r"Vlaams(?:e)? Parlement|Vlaamse Regering|vraag nr\.|Kamer van volksvertegenwoordigers|FOD |"
                 r"KAMER VAN VOLKSVERTEGENWOORDIGERS|CRIV \d|Brussels(?:e)? (?:Hoofdstedelijk )?Parlement|"
                 r"BRUSSELS PARLEMENT|Verenigd College|Interministeri[eë]le Conferentie", re.IGNORECASE)
# how each _BE alternative begins, lower-cased: every match starts with one of these
_BE_FIRST = ("vlaams", "vraag nr.", "kamer van volksvertegenwoordigers", "fod ", "criv ", "brussels", "verenigd college",
             "interministeri")
_NL = re.compile(r"Staten-Generaal|Tweede Kamer|Eerste Kamer|Kamerstuk|Aanhangsel|Handelingen II|Den Haag|Staatssecretaris van")

DATE = r"\d{1,2}\s+\w+\s+\d{4}"
CAPS_NAME = r"[A-ZÀ-Ý][A-ZÀ-Ý' .-]+[A-ZÀ-Ý]"
FLEMISH_ANSWER = re.compile(
    rf"(?P<head>(?:^|\n)(?P<name>{CAPS_NAME})[ \t]*\n(?P<office>[A-ZÀ-Ý][^\n]*(?:\n[A-ZÀ-Ý][A-ZÀ-Ý ,&-]+)*)\s*\n)?"
    rf"\s*ANTWOORD\s*\n\s*op vraag nr\.\s*(?P<nr>\d+)\s+van\s+(?P<date>{DATE})\s*\n\s*van\s+(?P<asker>{CAPS_NAME})")
FLEMISH_QUESTION = re.compile(
    rf"SCHRIFTELIJKE VRAAG\s*\n\s*nr\.\s*(?P<nr>\d+)\s+van\s+(?P<date>{DATE})\s*\n\s*van\s+(?P<asker>{CAPS_NAME})"
    rf"[ \t]*\n\s*aan\s+(?P<to>{CAPS_NAME})[ \t]*\n(?P<office>(?:[ \t]*\S[^\n]*\n)*?)\s*\n\s*(?P<title>[^\n]+)")
NL_QUESTION = re.compile(
    r"(?:(?P<nr>\d{1,5})\s*\n\s*)?Vragen van (?:het lid|de leden) (?P<askers>.+?) aan (?:de |het )?(?P<to>.+?) over (?P<title>.+?)"
    rf"\s*\(ingezonden\s+(?P<date>{DATE})\)", re.S)
NL_ANSWER = re.compile(rf"Antwoord van (?P<by>.+?)(?:,? mede namens.+?)?\s*\(ontvangen\s+(?P<date>{DATE})\)", re.S)
# Belgian bulletins also write `d.d. 14/03/2022`
BE_DATE = rf"(?:{DATE}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}-\d{{1,2}}-\d{{4}})"
_TITLE = (r"(?:(?:de heer|mevrouw|dhr\.|mevr\.|minister|staatssecretaris|volksvertegenwoordiger|senator|"
          r"(?:het )?(?:kamer|parlements)lid)\s+)?")
# `Vraag nr. 812 van mevrouw X d.d. 3 juni 2022`, `Vraag nr. 1287 van volksvertegenwoordiger X van 14 november
# 2018 (N.) aan de ...` (Kamer, QRVA), `Schriftelijke vraag nr. 412 van X d.d. 14/03/2022`
BE_QUESTION = re.compile(
    rf"(?:\bVraag nr\.|(?m:^)[ \t]*Schriftelijke vraag nr\.)\s*(?P<nr>\d+)\s+van\s+(?:(?P<date1>{BE_DATE})\s+van\s+)?{_TITLE}"
    rf"(?P<asker>{persons.NAME}|{CAPS_NAME})(?:\s+(?:d\.d\.|van)\s+(?P<date2>{BE_DATE}))?(?:\s*\([^)\n]*\))?"
    rf"(?:\s*aan\s+(?:de |het )?(?P<to>[^\n:(]+))?")
# the title after the question line: `: <title>` on the same line, or an `Onderwerp:` line, or the next paragraph
BE_TITLE = re.compile(r"[ \t]*:[ \t]*(?P<inline>\S[^\n]*)|[^\n]*\n\s*\n?\s*(?:Onderwerp[ \t]*:[ \t]*)?"
                      r"(?P<t>[^\n]+(?:\n[^\n]+)*?)(?:\n\s*\n|\Z)")
BE_ANSWER = re.compile(rf"\bAntwoord van {_TITLE}(?P<by>{persons.NAME})(?P<office>,[^:]{{0,200}}?)?,?\s+d\.d\.\s+"
                       rf"(?P<date>{BE_DATE})")
# QRVA: `Antwoord van de vice-eersteminister en minister van Buitenlandse Zaken van 12 februari 2019, op de vraag
# nr. 1287 van ...`: the answer names the office, not the person
# `Antwoord van de minister d.d. 02/05/2030`, `Antwoord d.d. 02/05/2030`: an answer by office, or by the addressee
BE_DD_ANSWER = re.compile(rf"\bAntwoord(?:\s+van\s+(?:de |het )?(?P<by>[a-zA-Z][^\n:]{{2,150}}?))?,?\s+d\.d\.\s+(?P<date>{BE_DATE})")
BE_OFFICE_ANSWER = re.compile(rf"\bAntwoord van (?:de |het )?(?P<by>[a-zA-Z][^\n:]{{2,200}}?)\s+van\s+(?P<date>{DATE}),?"
                              rf"\s+op\s+(?:de\s+)?vraag\s+nr\.\s*(?P<nr>\d+)")
LETTER_HEAD = re.compile(
    r"BRIEF VAN (?:DE |HET )?(?P<office>[A-ZÀ-Ý][A-ZÀ-Ý/ ,&\n-]+?)\s*\n\s*\n?\s*Aan (?:de |het )?(?P<to>[^\n]+?)\s*\n"
    rf"(?:\s*\n)*\s*(?:Den Haag|Brussel|Amsterdam),\s*(?P<date>{DATE})")
REPORT = re.compile(r"brengt\s+(?:\w+\s+){0,3}verslag\s+uit|\bVERSLAG\b")
# a Kamerbrief on ministry paper: `Datum   14 februari 2030` and `Betreft   <subject>` in its head
DATUM = re.compile(rf"(?m)^[ \t]*Datum[ \t]*:?[ \t]+(?P<date>{DATE})[ \t]*$")
BETREFT = re.compile(r"(?m)^[ \t]*(?:Betreft|Onderwerp)[ \t]*:?[ \t]+(?P<title>\S[^\n]*)$")
# its signature: `De Minister van Buitenlandse Zaken,`, blank lines, the name
LOOSE_SIGNATURE = re.compile(
    r"(?m)^[ \t]*(?P<office>(?:De |Het )?(?:Minister|Staatssecretaris|Minister-president|Minister-President|Voorzitter)"
    r"\b[^\n,:]{0,100}),[ \t]*\n(?:[ \t]*\n){0,4}[ \t]*(?P<name>(?:[A-Z]\.){1,5}\s?[A-Za-zÀ-ÿ' -]+|"
    r"[A-Z][a-zà-ÿ]+(?: [A-Za-zà-ÿ'-]+){1,3})[ \t]*$")
TWO_OFFICES = re.compile(r"(?<!eersteminister)(?<!minister-president)\s+en\s+(?=(?:de |het )?(?:[Mm]inister|[Ss]taatssecretaris))")


def extract(ctx: Context) -> None:
    text = ctx.text
    be_at = scan.folded_literal_starts(text, _BE_FIRST)
    be = len(_BE.findall(text)) if be_at is None else sum(1 for _ in scan.finditer_at(_BE, text, be_at))
    nl = len(_NL.findall(text))
    ctx.jurisdiction = "be" if be > nl else "nl" if nl else None
    found = _flemish(ctx) or _dutch_questions(ctx) or _belgian_question(ctx)
    letters = _letters(ctx)
    if not found and not letters and not _dated_letter(ctx) and not records.extract(ctx):
        _plain_letter(ctx)
    _number_from_kamerstuk(ctx)
    if ctx.documents and not ctx.date:
        ctx.date = next((d.date for d in ctx.documents if d.date), None)


def _person(ctx: Context, raw: str, start: int, role: str | None = None) -> str:
    """Register a person named in a header or signature and return its key."""
    return persons.register_named(ctx, raw, start, start + len(raw), role=role)


def _flemish(ctx: Context) -> bool:
    a = scan.search(FLEMISH_ANSWER, ctx.text)  # skipped in texts without the words every match holds
    q = scan.search(FLEMISH_QUESTION, ctx.text)
    if not a and not q:
        return False
    m = q or a
    nr, date = m.group("nr"), first_date(m.group("date"))
    ctx.date = date
    title = squash(q.group("title")) if q else (squash(ctx.text[: ctx.text.find("\n", 5)]) if ctx.text.strip() else None)
    asker = _person(ctx, m.group("asker"), m.start("asker"), role=f"vraagsteller (schriftelijke vraag nr. {nr})")
    minister = None
    if a and a.group("name"):
        name, office, at = a.group("name"), squash(a.group("office")), a.start("name")
    elif q:
        name, office, at = q.group("to"), squash(q.group("office")), q.start("to")
    else:
        name = office = None
    if name:
        minister = _person(ctx, name, at, role=persons.office_label(office) if office else None)
        ctx.speaker_org = persons.government_of_office(ctx, office, at) if office else None
    ctx.authors = [minister] if minister else []
    ctx.addressees = [asker]
    parl = records.parliament(ctx, "parliament/vlaams-parlement", *_first(ctx, r"Vlaams(?:e)? Parlement"))
    minister_t = tuple(x for x in [minister] if x)
    if q or a:
        ev = ctx.evidence(q.start(), q.end("to")) if q else ctx.evidence(a.start("head") if a.group("head") else a.start(),
                                                                           a.end())
        ctx.documents.append(DocumentFact(key=f"vlaams-parlement/schriftelijke-vraag/{nr}-{date}",
                                          kind="written_question", number=nr, date=date, title=title,
                                          authors=(asker,), addressees=minister_t, parliament=parl, evidence=ev))
    if a:
        ev = ctx.evidence(a.start("head") if a.group("head") else a.start(), a.end())
        ctx.documents.append(DocumentFact(key=f"vlaams-parlement/antwoord/{nr}-{date}", kind="answer",
                                          number=nr, date=None, title=title, authors=minister_t, addressees=(asker,),
                                          parliament=parl, evidence=ev))
    return True


def _first(ctx: Context, pattern: str) -> tuple[int, int]:
    m = re.search(pattern, ctx.text)
    return (m.start(), m.end()) if m else (0, 0)


def _offices(ctx: Context, raw: str, start: int) -> list[str]:
    """`de Minister van Buitenlandse Zaken en de Minister van Justitie en Veiligheid`: two addressees."""
    keys, pos = [], 0
    for part in TWO_OFFICES.split(raw) + [""]:
        if part:
            k = persons.register_office(ctx, squash(part), start + raw.find(part, pos))
            keys += [k] if k else []
            pos = raw.find(part, pos) + len(part)
    return keys


def _dutch_questions(ctx: Context) -> bool:
    q = scan.search(NL_QUESTION, ctx.text)
    if not q:
        return False
    ctx.jurisdiction = ctx.jurisdiction or "nl"  # `Vragen van het lid X (...) (ingezonden ...)` is Dutch
    qdate = first_date(q.group("date"))
    askers = []  # `de leden Jansen (PVV) en De Vries (VVD)`: one asker per party-tagged name
    for part in re.finditer(r"[^,]+?(?=,\s*|\s+en\s+|$)", q.group("askers")):
        if part.group(0).strip():
            askers.append(persons.register_member(ctx, q.start("askers") + part.start(), q.start("askers") + part.end()))
    askers = list(dict.fromkeys(a for a in askers if a))
    addressees = _offices(ctx, q.group("to"), q.start("to"))
    title = squash(q.group("title"))
    nr = q.group("nr") or _aanhangsel(ctx)
    house = "eerste" if re.search(r"Eerste Kamer", ctx.text[:q.start()] + _footer(ctx)) else "tweede"
    parl = records.parliament(ctx, records.house_key(house), *_first(ctx, f"{house.capitalize()} Kamer"))
    ev = ctx.evidence(q.start(), q.end())
    ctx.documents.append(DocumentFact(key=f"{house}-kamer/kamervragen/{nr or slug(title)[:40]}-{qdate}",
                                      kind="written_question", number=nr, date=qdate, title=title,
                                      authors=tuple(askers), addressees=tuple(addressees), parliament=parl, evidence=ev))
    a = NL_ANSWER.search(ctx.text, q.end())
    if a:
        adate = first_date(a.group("date"))
        by = _office_holder(ctx, squash(a.group("by")), a.start("by"))
        ctx.date = adate
        ctx.authors = [by] if by else []
        ctx.addressees = askers
        ctx.speaker_org = _government(ctx, "government/nederlands-kabinet", a.start(), a.end())
        ctx.documents.append(DocumentFact(key=f"{house}-kamer/antwoord/{nr or slug(title)[:40]}-{adate}",
                                          kind="answer", number=nr, date=adate, title=title,
                                          authors=tuple(x for x in [by] if x), addressees=tuple(askers),
                                          parliament=parl, evidence=ctx.evidence(a.start(), a.end())))
    else:
        ctx.date = qdate
    return True


def _aanhangsel(ctx: Context) -> str | None:
    m = re.search(r"\bAanhangsel (?P<nr>\d{1,5})\b", ctx.text)
    return m.group("nr") if m else None


def _footer(ctx: Context) -> str:
    m = records.FOOTER.search(ctx.text) or re.search(r"(?:Tweede|Eerste) Kamer, vergaderjaar", ctx.text)
    return m.group(0) if m else ""


def _belgian_question(ctx: Context) -> bool:
    """A question in a Belgian bulletin (Brussels, federal Kamer) and the answer under it."""
    q = scan.search(BE_QUESTION, ctx.text)
    if not q or not (q.group("date1") or q.group("date2")):
        return False
    nr, qdate = q.group("nr"), first_date(q.group("date1") or q.group("date2"))
    asker = _person(ctx, q.group("asker"), q.start("asker"), role=f"vraagsteller (vraag nr. {nr})")
    addressee = _offices(ctx, q.group("to").strip(), q.start("to")) if q.group("to") else []
    addressee = addressee or ([_office_holder(ctx, squash(q.group("to")).strip(" ,"), q.start("to"))]
                              if q.group("to") and BE_OFFICE.match(q.group("to")) else [])
    parl = _be_parliament(ctx)
    title = BE_TITLE.match(ctx.text, q.end())
    title_text = squash(title.group("inline") or title.group("t")) if title else None
    ctx.date = qdate
    a = BE_ANSWER.search(ctx.text, q.end())
    by = None
    if a:
        office = squash(a.group("office") or "").strip(" ,") or None
        by = _person(ctx, a.group("by"), a.start("by"), role=office)
        addressee = addressee or [by]
    else:
        a = BE_OFFICE_ANSWER.search(ctx.text, q.end())
        a = a if a and a.group("nr") == nr else BE_DD_ANSWER.search(ctx.text, q.end())
    if a and not by and not a.group("by") and addressee:
        by = addressee[0]  # `Antwoord d.d. ...`: the minister asked
    elif a and not by:  # QRVA: the answering minister is named by office, for the federal government
        by = _office_holder(ctx, squash(a.group("by") or "minister"), a.start("by") if a.group("by") else a.start())
        addressee = addressee or [by]
        if parl == "parliament/kamer-van-volksvertegenwoordigers":
            ctx.speaker_org = _government(ctx, "government/federale-regering", a.start(), a.end())
    ctx.documents.append(DocumentFact(key=f"{slug(parl or 'parlement')}/vraag/{nr}-{qdate}", kind="written_question",
                                      number=nr, date=qdate, title=title_text, authors=(asker,),
                                      addressees=tuple(addressee), parliament=parl,
                                      evidence=ctx.evidence(q.start(), q.end())))
    if a:
        adate = first_date(a.group("date"))
        ctx.date = adate or qdate
        ctx.authors, ctx.addressees = [by], [asker]
        ctx.documents.append(DocumentFact(key=f"{slug(parl or 'parlement')}/antwoord/{nr}-{adate}", kind="answer",
                                          number=nr, date=adate, title=title_text, authors=(by,), addressees=(asker,),
                                          parliament=parl, evidence=ctx.evidence(a.start(), a.end())))
    return True


BE_OFFICE = re.compile(r"(?i:vice-?eerste\s?minister|eerste\s?minister|minister|staatssecretaris)\b")


def _office_holder(ctx: Context, office: str, start: int) -> str:
    """A Belgian minister written as an office only (`de vice-eersteminister en minister van Buitenlandse Zaken`):
    the holder named elsewhere in the text if known, else the office as a person."""
    office = re.sub(r"^(?:de|het|De|Het)\s+", "", office).strip(" ,")
    found = persons.register_office(ctx, office, start)
    if found:
        return found
    name = office[0].upper() + office[1:]
    return ctx.add_actor(f"person/{slug(name)}", name, "person", start, start + len(office), role=name).key


def _be_parliament(ctx: Context) -> str | None:
    """The parliament a Belgian bulletin belongs to, from its heading."""
    head = ctx.text[:400]
    for hit in gazetteer.find(head, ctx.jurisdiction):
        if hit.entry.kind == "parliament":
            return records.parliament(ctx, hit.entry.key, hit.start, hit.end)
    kamer = re.search(r"KAMER VAN VOLKSVERTEGENWOORDIGERS|\bQRVA\b", head)
    entry = gazetteer.lookup("Kamer van volksvertegenwoordigers", "be") if kamer else None
    if entry:
        return records.parliament(ctx, entry.key, kamer.start(), kamer.end())
    m = re.search(r"\b(?P<p>[A-Z][A-Za-z]+ (?:HOOFDSTEDELIJK |Hoofdstedelijk )?(?:PARLEMENT|Parlement))\b", head)
    if not m:
        return None
    name = titlecase_name(m.group("p")) if m.group("p").isupper() else m.group("p")
    name = name.replace(" Hoofdstedelijk", "") if name.startswith("Brussels") else name
    return ctx.add_actor(f"parliament/{slug(name)}", name, "parliament", m.start("p"), m.end("p")).key


def _number_from_kamerstuk(ctx: Context) -> None:
    """The Kamerstuk number belongs to the first document of the file (a report before its letters)."""
    if not ctx.documents or ctx.documents[0].number or ctx.documents[0].kind not in ("letter", "report", "committee_record", "other"):
        return
    found = records.kamerstuk(ctx)
    if not found:
        return
    nr, dossier, house = found
    first = ctx.documents[0]
    title = first.title
    if dossier and first.kind == "letter" and title:
        title = f"{dossier}; {title[0].lower()}{title[1:]}"
    parl = records.parliament(ctx, records.house_key(house), *_first(ctx, f"{house.capitalize()} Kamer"))
    ctx.documents[0] = first.model_copy(update={"number": nr, "title": title or dossier, "parliament": parl})


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
        records.report(ctx, 0, first)
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
        org = _government_of(ctx, office, h.start("office"))
        if org:
            ctx.speaker_orgs.append((h.start(), end, org))
        if not ctx.date:
            ctx.date = date
        ctx.documents.append(DocumentFact(key=f"letter/{slug(office)[:40]}/{date}", kind="letter", date=date,
                                          title=f"Brief van de {office.lower()}",
                                          authors=tuple(a for a in [author] if a), addressees=tuple(a for a in [to] if a),
                                          evidence=ctx.evidence(h.start(), h.end())))
    return True


def _government(ctx: Context, key: str, start: int, end: int) -> str:
    """The government that answers (`Antwoord van Minister X`, given `door de regering`): an actor of the
    document with the answer's heading as its evidence, even where the text never names it."""
    entry = gazetteer.by_key(key)
    return ctx.add_implied(key, entry.name, entry.kind, start, end, entry.same_as) if entry else key


def _government_of(ctx: Context, office: str, at: int) -> str | None:
    """The government whose minister or state secretary writes a letter; None for other writers."""
    if not re.search(r"\b(?:minister|staatssecretaris|eerste minister)", office, re.IGNORECASE):
        return None
    org = persons.government_of_office(ctx, office, at)
    if org is None and ctx.jurisdiction == "nl":
        org = "government/nederlands-kabinet"
    return org


def _dated_letter(ctx: Context) -> bool:
    """A Kamerbrief on ministry paper: `Datum` and `Betreft` in the head, signed by a minister at the end."""
    head_end = min(len(ctx.text), 2500)
    date, subject = DATUM.search(ctx.text, 0, head_end), BETREFT.search(ctx.text, 0, head_end)
    sig = None
    for m in LOOSE_SIGNATURE.finditer(ctx.text, max(0, len(ctx.text) - 1500)):
        sig = m
    if not (date and subject and sig):
        return False
    office = squash(sig.group("office"))
    author = _person(ctx, sig.group("name"), sig.start("name"), role=persons.office_label(office))
    house = re.search(r"(?P<h>Tweede|Eerste) Kamer", ctx.text[:date.start()])
    parl = to = None
    if house:
        parl = to = records.parliament(ctx, records.house_key(house.group("h").lower()), house.start(), house.end())
    ctx.date = first_date(date.group("date"))
    ctx.authors, ctx.addressees = [author], [to] if to else []
    ctx.speaker_org = _government_of(ctx, office, sig.start("office"))
    ctx.documents.append(DocumentFact(key=f"letter/{slug(office)[:40]}/{ctx.date}", kind="letter", date=ctx.date,
                                      title=squash(subject.group("title")), authors=(author,),
                                      addressees=tuple(a for a in [to] if a), parliament=parl,
                                      evidence=ctx.evidence(date.start(), subject.end())))
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

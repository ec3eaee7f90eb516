"""Documents other than questions and letters: parliamentary records, reports, news, and Kamerstuk numbers.

Read from how they are laid out, not from what they say:
- Belgian Kamer records open with `CRIV 54 PLEN 262   06/12/2018` (PLEN: plenary, COM: committee);
- Dutch Handelingen carry `Handelingen II 2018/19, nr. 33` under a header with the sitting's date, or open
  with the house's name over `9e vergadering   Dinsdag 4 juni 2030`;
- a Kamerstuk opens with its dossier number and title (`30 573   Migratiebeleid`), then `Nr. 204` or a
  letter (`K   VERSLAG VAN EEN MONDELING OVERLEG`), and repeats the number in the running footer
  (`Tweede Kamer, vergaderjaar 2021–2022, 30 573, nr. 204`);
- a report says `VERSLAG VAN ...` with `Vastgesteld <date>`, or `Verslag opgesteld door X op <date>`; the
  verbatim report of a committee debate (`VERSLAG VAN EEN COMMISSIEDEBAT`) is a committee record, signed by
  the committee's chair and clerk;
- other Kamerstukken (`Nr. 172   MOTIE VAN HET LID X`, `Voorgesteld <date>`), Belgian parliamentary
  documents (`DOC 54 3426/001`, `Stuk 1234 (2018-2019) – Nr. 1`, `(ingediend door ...)`) and Flemish
  records (`Plenaire vergadering nr. 8 (2018-2019) – 21 november 2018`, `Plen. 22 (2029-2030) – 12 maart 2030`);
- a news item opens with a masthead and the issue date (`DE KRANT   maandag 3/12/2018`), a section
  line, the headline, and a byline (`Door onze correspondent Jan Jansen`, `Van onze redactie`);
- agency dispatches, press releases and minutes of a body's meeting: extract/publications.py.
"""

from __future__ import annotations

import re

from gcmkg.extract import gazetteer, persons, publications
from gcmkg.extract.context import Context
from gcmkg.extract.dates import first_date
from gcmkg.extract.models import DocumentFact
from gcmkg.extract.textutil import slug, squash, titlecase_name

DATE = r"\d{1,2}\s+[a-z]+\s+\d{4}"
_WEEKDAY = r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?"
CRIV = re.compile(r"\A\s*(?P<nr>(?:CRIV|CRABV)\s+\d+\s+(?P<t>PLEN|COM)\s+\d+)[ \t]+(?P<date>\d{1,2}/\d{1,2}/\d{4})")
HANDELINGEN = re.compile(r"(?m)^[ \t]*Handelingen (?P<house>I{1,2}) (?P<year>\d{4}/\d{2}), nr\. (?P<nr>\d+)(?:, item \d+)?[ \t]*$")
# Vlaams Parlement: `Plenaire vergadering nr. 8 (2018-2019) – 21 november 2018`, `Commissievergadering nr. C45 (...)`
FLEMISH_RECORD = re.compile(rf"(?m)^[ \t]*(?P<kind>Plenaire vergadering|Commissievergadering|Plen\.|Comm\.)\s+(?:nr\.\s*)?(?P<nr>[A-Z]?\d+)"
                            rf"\s*\((?P<session>\d{{4}}-\d{{4}})\)\s*[–-]\s*(?i:{_WEEKDAY})(?P<date>{DATE})")
# the same on three lines: `Commissievergadering` / `C77 – WEL12` / `Maandag 11 maart 2030`
FLEMISH_HEAD = re.compile(rf"(?m)^[ \t]*(?P<kind>Plenaire vergadering|Commissievergadering)[ \t]*\n[ \t]*(?:nr\.\s*)?"
                          rf"(?P<nr>[A-Z]?\d+)(?:[ \t]*[–-][ \t]*[A-Z]+\d*)?[ \t]*\n[ \t]*(?i:{_WEEKDAY})(?P<date>{DATE})")
# Staten-Generaal Handelingen of one sitting: `9e vergadering   Dinsdag 4 juni 2030` (or the day on the next line)
# under the house's name
SITTING = re.compile(rf"(?m)^[ \t]*(?P<nr>\d{{1,3}})(?:e|ste|de)\s+vergadering(?:[ \t]+|[ \t]*\n(?:[ \t]*\n)?[ \t]*)"
                     rf"(?i:{_WEEKDAY})(?P<date>{DATE})[ \t]*$")
# a Belgian parliamentary document: `DOC 54 3426/001` (Kamer), `Stuk 1234 (2018-2019) – Nr. 1` (Vlaams Parlement)
PARL_DOC = re.compile(r"\A(?:[^\n]*\n){0,4}?[^\n]*?\b(?P<nr>DOC \d{2} \d{4}/\d{3}|Stuk \d+ \(\d{4}-\d{4}\) [–-] Nr\. \d+)")
SUBMITTED_BY = re.compile(r"\((?:ingediend|uitgebracht) door (?P<by>[^)]{3,200})\)|UITGEBRACHT DOOR (?P<rap>[A-ZÀ-Ý' .-]+)")
KAMERSTUK_BY = re.compile(r"VAN (?:HET LID|DE LEDEN) (?P<names>[A-ZÀ-Ý][A-ZÀ-Ý' .,-]*?(?: EN [A-ZÀ-Ý][A-ZÀ-Ý' .-]*?)*)"
                          r"(?: C\.S\.)?\s*$")
SUBMITTED = re.compile(rf"(?:Voorgesteld|Vastgesteld|Ontvangen|Ingediend)\s+(?:op\s+)?(?P<date>{DATE})")
FOOTER = re.compile(r"(?P<house>Tweede|Eerste) Kamer, vergaderjaar \d{4}[–-]\d{4}, "
                    r"(?P<nr>\d{2} ?\d{3}(?: [A-Z]{1,5})?, (?:nr\. \d+|[A-Z]{1,2}))\b")
HEADER = re.compile(r"(?m)^[ \t]*(?P<dossier>\d{2} \d{3}(?: [A-Z]{1,5})?)[ \t]{2,}(?P<title>\S[^\n]*(?:\n[ \t]{6,}\S[^\n]*)*)"
                    r"\n\s*(?:Nr\.[ \t]*(?P<nr>\d+)|(?P<letter>[A-Z]{1,2}))[ \t]{2,}"
                    r"(?P<heading>\S[^\n]*(?:\n[ \t]{6,}[A-ZÀ-Ý][A-ZÀ-Ý ,.&-]+(?=\n))*)")
REPORT_HEAD = re.compile(r"(?m)^[ \t]*(?:(?:[A-Z]{1,2}|Nr\.[ \t]*\d+)[ \t]{2,})?(?P<what>VERSLAG VAN (?:EEN|HET|DE)\b[^\n]*)"
                         rf"(?:\s*\n\s*Vastgesteld\s+(?P<date>{DATE}))?")
REPORT_BY = re.compile(rf"\b[Vv]erslag\s+(?:opgesteld|vastgesteld|goedgekeurd)\s+door\s+(?P<by>[^\n.]+?)\s+op\s+(?P<date>{DATE})")
REPORTS_OUT = re.compile(r"(?:brengt|brengen)\s+(?:\w+\s+){0,3}verslag\s+uit")
# a (near) verbatim record of a committee's debate, not a summary: `VERSLAG VAN EEN COMMISSIEDEBAT`
DEBATE_REPORT = re.compile(r"VERSLAG VAN EEN (?:COMMISSIEDEBAT|ALGEMEEN OVERLEG|NOTAOVERLEG|WETGEVINGSOVERLEG)\b|"
                           r"\bwoordelijk verslag\b")
COMMITTEE = re.compile(r"(?:[Dd]e (?:leden van de )?)(?P<c>(?:vaste |tijdelijke |algemene )?commissie\s+voor\s+[^.;]{3,90}?)"
                       r"(?:\s*\([A-Z]{2,6}\))?\d?\s+(?:heeft|hebben|brengt|bespraken)\b")
# `DE KRANT   maandag 3/12/2018`, `DE KRANT - 3 december 2018`, or the date on the line under the title
MASTHEAD = re.compile(rf"\A\s*(?P<paper>[A-Z][A-Z'’ .&]{{2,40}}?)(?:[ \t]{{2,}}|[ \t]*[-–|,][ \t]*|[ \t]*\n[ \t]*)"
                      rf"(?i:{_WEEKDAY})(?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}}|{DATE})[ \t]*\n")
BYLINE = re.compile(r"(?m)^[ \t]*(?:Door|Van)\s+(?:onze?\s+(?:\w+\s+)?(?:correspondente?|redacteur|verslaggever|medewerker)"
                    r"\s+)?(?P<name>[A-ZÀ-Ý][\w'-]+(?:\s+(?:van|de|der|den|ter)?\s*[A-ZÀ-Ý][\w'-]+){1,3})[ \t]*$")
COLUMN_SIGNATURE = re.compile(r"(?m)^[ \t]*(?P<offices>De (?:rapporteur|voorzitter|griffier|secretaris)[^\n]*,)[ \t]*\n"
                              r"[ \t]*(?P<names>[A-ZÀ-Ý][^\n]+)$")
# a signature: an office (one line, or two when the second ends in a comma), then a name line
SIGNATURE = re.compile(
    r"(?:^|\n)[ \t]*(?P<office>(?:De |Het )?(?:[Gg]riffier|Staatssecretaris|Minister|Minister-president|[Vv]oorzitter)"
    r"[^\n:]{0,120}?(?:,?[ \t]*\n[ \t]*[A-Za-zÀ-ÿ][^\n,]{0,80}(?=,[ \t]*\n))?),?[ \t]*\n"
    r"[ \t]*(?P<name>(?:[A-Z]\.){1,5}\s?[A-Za-zÀ-ÿ' -]+|[A-Z][a-zà-ÿ]+(?: [A-Za-zà-ÿ'-]+){0,3})[ \t]*(?:\n|$)")
KAMER = "parliament/kamer-van-volksvertegenwoordigers"


def parliament(ctx: Context, key: str, start: int = 0, end: int = 0) -> str:
    """A parliament by its key (`parliament/tweede-kamer-der-staten-generaal`), registered as an actor where
    the text names it (`end` > `start`)."""
    if end > start:
        entry = gazetteer.by_key(key)
        name = entry.name if entry else squash(key.split("/", 1)[1].replace("-", " ")).title()
        ctx.add_actor(key, name, "parliament", start, end, same_as=entry.same_as if entry else ())
    return key


def kamerstuk(ctx: Context) -> tuple[str, str | None, str] | None:
    """The document's own Kamerstuk number, its dossier title and its house, from the footer or the header."""
    head = HEADER.search(ctx.text, 0, min(len(ctx.text), 2000))
    title = squash(head.group("title")) if head else None
    foot = FOOTER.search(ctx.text)
    if foot:
        house = "eerste" if foot.group("house") == "Eerste" else "tweede"
        return foot.group("nr").replace("nr.", "nr."), title, house
    if head:
        nr = f"nr. {head.group('nr')}" if head.group("nr") else head.group("letter")
        house = "eerste" if re.search(r"Eerste Kamer", ctx.text[:head.start()]) else "tweede"
        return f"{head.group('dossier')}, {nr}", title, house
    return None


def house_key(house: str) -> str:
    return f"parliament/{house}-kamer-der-staten-generaal"


def extract(ctx: Context) -> bool:
    """Records, reports or news; True when the file is one of them."""
    return (_criv(ctx) or _handelingen(ctx) or _sitting(ctx) or _flemish_record(ctx) or _parliamentary_document(ctx)
            or _kamerstuk_document(ctx) or publications.minutes(ctx) or report(ctx, 0, len(ctx.text)) or _news(ctx)
            or publications.extract(ctx))


def _criv(ctx: Context) -> bool:
    m = CRIV.search(ctx.text)
    if not m:
        return False
    date = first_date(m.group("date"))
    kind = "plenary_record" if m.group("t") == "PLEN" else "committee_record"
    parl = parliament(ctx, KAMER, *_span(ctx, r"KAMER VAN VOLKSVERTEGENWOORDIGERS|Kamer van volksvertegenwoordigers"))
    authors = _column_signature(ctx)
    head = re.search(r"\n\s*\n(?P<t>(?:COMMISSIE|PLENUMVERGADERING)[^\n]*)", ctx.text[:1500])
    title = squash(head.group("t")).capitalize() if head else None
    ctx.date = date
    ctx.documents.append(DocumentFact(key=f"{slug(m.group('nr'))}/{date}", kind=kind, number=squash(m.group("nr")),
                                      date=date, title=title, authors=tuple(authors), parliament=parl,
                                      evidence=ctx.evidence(m.start("nr"), m.end())))
    return True


def _span(ctx: Context, pattern: str) -> tuple[int, int]:
    m = re.search(pattern, ctx.text)
    return (m.start(), m.end()) if m else (0, 0)


def _column_signature(ctx: Context) -> list[str]:
    """`De rapporteur,      De voorzitter,` over `Jan Peeters      Ilse Claes`: one person per column."""
    found = None
    for m in COLUMN_SIGNATURE.finditer(ctx.text, max(0, len(ctx.text) - 800)):
        found = m
    if not found:
        return []
    offices = [o.strip(" ,") for o in re.split(r"[ \t]{2,}", found.group("offices").strip())]
    names = [(n.start(), n.group(0)) for n in re.finditer(r"\S+(?: \S+)*", found.group("names"))]
    keys = []
    for i, (pos, name) in enumerate(names):
        if not re.fullmatch(persons.NAME, name):
            continue
        role = persons.office_label(offices[i]) if i < len(offices) else None
        start = found.start("names") + pos
        keys.append(persons.register_named(ctx, name, start, start + len(name), role=role))
    return keys


def _handelingen(ctx: Context) -> bool:
    m = HANDELINGEN.search(ctx.text, 0, min(len(ctx.text), 800))
    if not m:
        return False
    date = first_date(ctx.text[:m.start()]) or first_date(ctx.text[:min(len(ctx.text), 800)])
    house = "tweede" if m.group("house") == "II" else "eerste"
    parl = parliament(ctx, house_key(house), *_span(ctx, f"{house.capitalize()} Kamer"))
    title = re.match(r"\s*(?P<t>[^\n]+)", ctx.text[m.end():])
    ctx.date = date or ctx.date
    ctx.documents.append(DocumentFact(key=f"handelingen-{m.group('house').lower()}/{m.group('year')}/{m.group('nr')}",
                                      kind="plenary_record", number=m.group("nr"), date=date,
                                      title=squash(title.group("t")) if title else None, parliament=parl,
                                      evidence=ctx.evidence(m.start(), m.end())))
    return True


def _sitting(ctx: Context) -> bool:
    """`EERSTE KAMER DER STATEN-GENERAAL` over `9e vergadering   Dinsdag 4 juni 2030`: the record of a sitting."""
    m = SITTING.search(ctx.text, 0, min(len(ctx.text), 800))
    if not m:
        return False
    house = re.search(r"(?i)\b(?P<h>eerste|tweede) kamer\b", ctx.text[:m.start()] + _last_line(ctx))
    parl = None
    if house:
        h = house.group("h").lower()
        parl = parliament(ctx, house_key(h), *_span(ctx, rf"(?i){h} kamer"))
    date = first_date(m.group("date"))
    ctx.date = date
    ctx.documents.append(DocumentFact(key=f"{slug(parl or 'handelingen')}/vergadering/{date}/{m.group('nr')}",
                                      kind="plenary_record", number=m.group("nr"), date=date,
                                      title=f"{m.group('nr')}e vergadering", parliament=parl,
                                      evidence=ctx.evidence(*m.span())))
    return True


def _last_line(ctx: Context) -> str:
    return ctx.text.rstrip()[-200:]


def report(ctx: Context, start: int, end: int) -> bool:
    """A report in text[start:end]: a committee's verslag (signed by its clerk) or the minutes of a meeting."""
    text = ctx.text
    head = REPORT_HEAD.search(text, start, min(end, start + 2000))
    by = REPORT_BY.search(text, start, end)
    if not (head or by or REPORTS_OUT.search(text, start, end)):
        return False
    date = first_date(head.group("date")) if head and head.group("date") else None
    authors: list[str] = []
    if by:
        date = first_date(by.group("date"))
        author = _organisation(ctx, by.group("by"), by.start("by"))
        authors += [author] if author else []
    sigs = list(SIGNATURE.finditer(ctx.text, start, end))
    sig = sigs[-1] if sigs else None
    if head and sigs and sigs[0].start() < head.end() + 1500:  # signed at the top: the chair and the clerk
        sigs = [x for x in sigs if x.start() < head.end() + 1500]
        sigs = [x for i, x in enumerate(sigs) if i == 0 or x.start() - sigs[i - 1].end() < 200]
    else:
        sigs = [sig] if sig else []
    committee = COMMITTEE.search(text, start, end)
    if committee:  # `De vaste commissie voor X en de vaste commissie voor Y hebben`: two committees
        raw, pos = committee.group("c"), committee.start("c")
        for part in re.finditer(r"(?s).+?(?=\s+en\s+de\s+(?:vaste |tijdelijke |algemene )?commissie\b|$)", raw):
            name = squash(re.sub(r"^\s*en\s+de\s+", "", part.group(0)))
            if name:
                at = pos + part.start() + part.group(0).find(name.split()[0])
                authors.append(ctx.add_actor(f"committee/{slug(name)}", name, "committee", at,
                                             pos + part.end()).key)
    for sig in sigs:
        office = squash(sig.group("office")).rstrip(",")
        c = persons.committee_in(ctx, office, sig.start("office"))
        if c and c not in authors:
            authors.append(c)
        authors.append(persons.register_named(ctx, sig.group("name"), sig.start("name"), sig.end("name"),
                                              role=persons.office_label(office)))
    what = squash(head.group("what")).capitalize() if head else None
    ev = head.span() if head else by.span() if by else sig.span() if sig else (start, min(end, start + 200))
    kind = "committee_record" if DEBATE_REPORT.search(text, start, min(end, start + 3000)) else "report"
    ctx.date = ctx.date or date
    ctx.documents.append(DocumentFact(key=f"report/{ctx.doc.sha256[:12]}", kind=kind, date=date, title=what,
                                      authors=tuple(dict.fromkeys(authors)), evidence=ctx.evidence(*ev)))
    return True


def _organisation(ctx: Context, raw: str, start: int) -> str | None:
    """`het secretariaat (DVZ)`: the organisation named, by its acronym, or by the `Secretariaat:` line."""
    acr = re.search(r"\((?P<a>[A-Z][\w&-]{1,9})\)", raw)
    names = [acr.group("a")] if acr else []
    names.append(re.sub(r"^(?:het|de)\s+|\s*\([^)]*\)", "", raw).strip())
    line = re.search(rf"(?mi)^[ \t]*{re.escape(names[-1])}:[ \t]*(?P<org>[^\n(]+)", ctx.text) if names[-1] else None
    if line:
        names.append(squash(line.group("org")))
    for name in names:
        entry = gazetteer.lookup(name, ctx.jurisdiction)
        if entry:
            return ctx.add_actor(entry.key, entry.name, entry.kind, start, start + len(raw), same_as=entry.same_as).key
    return None


def _news(ctx: Context) -> bool:
    m = MASTHEAD.search(ctx.text)
    if not m:
        return False
    raw = m.group("date")
    date = first_date(raw) if "/" in raw else first_date(raw)
    lines = [(x.start(), x.group(0).strip()) for x in re.finditer(r"[^\n]+", ctx.text[m.end():m.end() + 600])]
    # the headline: the first line after the masthead that is not a section line (`Buitenland   p. 7`)
    title = next((t for _, t in lines if t and not re.search(r"\bp\.\s*\d+\s*$", t)), None)
    by = BYLINE.search(ctx.text, m.end(), min(len(ctx.text), m.end() + 1200))
    authors = []
    if by and not re.match(r"onze\b", by.group("name"), re.IGNORECASE):
        authors.append(persons.register_named(ctx, by.group("name"), by.start("name"), by.end("name"), role="journalist"))
    ctx.date = date
    ctx.documents.append(DocumentFact(key=f"news/{slug(m.group('paper'))}/{date}/{ctx.doc.sha256[:8]}", kind="news",
                                      date=date, title=title, authors=tuple(authors),
                                      evidence=ctx.evidence(m.start("paper"), m.end("date"))))
    return True


def _flemish_record(ctx: Context) -> bool:
    m = FLEMISH_RECORD.search(ctx.text, 0, min(len(ctx.text), 800))
    if not m:
        m = FLEMISH_HEAD.search(ctx.text, 0, min(len(ctx.text), 800))
        if not m or not re.search(r"Vlaams(?:e)? Parlement", ctx.text[:m.start()]):
            return False
    date = first_date(m.group("date"))
    kind = "plenary_record" if m.group("kind").startswith("Plen") else "committee_record"
    parl = parliament(ctx, "parliament/vlaams-parlement", *_span(ctx, r"Vlaams(?:e)? Parlement"))
    year = re.search(r"\b(?:Zittingsjaar|zitting)\s+(?P<s>\d{4}-\d{4})", ctx.text[:m.start()])
    session = m.groupdict().get("session") or (year.group("s") if year else None)
    nr = f"{m.group('nr')} ({session})" if session else m.group("nr")
    ctx.date = date
    ctx.documents.append(DocumentFact(key=f"vlaams-parlement/{slug(m.group('kind'))}/{session}/{m.group('nr')}",
                                      kind=kind, number=nr, date=date,
                                      title=squash(m.group(0)), parliament=parl, evidence=ctx.evidence(*m.span())))
    return True


def _parliamentary_document(ctx: Context) -> bool:
    """`DOC 54 3426/001 ... VOORSTEL VAN RESOLUTIE ... (ingediend door de heer X en mevrouw Y)`."""
    m = PARL_DOC.search(ctx.text)
    if not m:
        return False
    head = ctx.text[:min(len(ctx.text), 2500)]
    date = first_date(head)
    kind = "report" if re.search(r"\bVERSLAG\b", head) else "other"
    flemish = m.group("nr").startswith("Stuk")
    key = "parliament/vlaams-parlement" if flemish else KAMER
    parl = parliament(ctx, key, *_span(ctx, r"Vlaams(?:e)? Parlement" if flemish else
                                       r"KAMER VAN VOLKSVERTEGENWOORDIGERS|Kamer van volksvertegenwoordigers"))
    authors = []
    by = SUBMITTED_BY.search(head)
    if by:
        raw = by.group("by") or by.group("rap")
        pos = by.start("by") if by.group("by") else by.start("rap")
        for name in re.split(r",\s*|\s+(?:en|EN)\s+", raw):
            clean = re.sub(r"^(?:de heer|mevrouw|DE HEER|MEVROUW)\s+", "", name.strip())
            if clean and (re.fullmatch(persons.NAME, clean) or clean.isupper()):
                start = pos + raw.find(clean)
                authors.append(persons.register_named(ctx, clean, start, start + len(clean)))
    title = re.search(r"\n\s*(?P<t>(?:VOORSTEL|WETSVOORSTEL|WETSONTWERP|ONTWERP|VERSLAG|RESOLUTIE)[^\n]*)", head)
    ctx.date = ctx.date or date
    ctx.documents.append(DocumentFact(key=slug(m.group("nr")), kind=kind, number=squash(m.group("nr")), date=date,
                                      title=squash(title.group("t")).capitalize() if title else None,
                                      authors=tuple(authors), parliament=parl, evidence=ctx.evidence(*m.span("nr"))))
    return True


def _kamerstuk_document(ctx: Context) -> bool:
    """A Kamerstuk that is no letter or report: `Nr. 172   MOTIE VAN HET LID X`, `Voorgesteld 5 december 2018`."""
    head = HEADER.search(ctx.text, 0, min(len(ctx.text), 2000))
    if not head or not head.group("heading").isupper():
        return False
    heading = squash(head.group("heading"))
    if heading.startswith(("VERSLAG", "BRIEF")):
        return False  # letters and reports are read by their own layout
    when = SUBMITTED.search(ctx.text, head.end(), head.end() + 400)
    date = first_date(when.group("date")) if when else None
    authors = []
    by = KAMERSTUK_BY.search(head.group("heading"))
    if by:
        pos = head.start("heading") + by.start("names")
        for name in re.split(r",\s*|\s+EN\s+", by.group("names")):
            name = name.strip(" .")
            if name:
                start = pos + by.group("names").find(name)
                authors.append(persons.register_named(ctx, _caps_name(name), start, start + len(name), role="lid"))
    ctx.date = ctx.date or date
    start = head.start("nr") if head.group("nr") else head.start("letter")
    ctx.documents.append(DocumentFact(key=f"kamerstuk/{slug(head.group('dossier'))}/{head.group('nr') or head.group('letter')}",
                                      kind="other", date=date, title=heading.capitalize(), authors=tuple(authors),
                                      evidence=ctx.evidence(start, head.end("heading"))))
    return True


def _caps_name(name: str) -> str:
    """`VAN DER BERG` -> `Van der Berg`: a surname in capitals, with its particles in lower case after the first."""
    words = titlecase_name(name).split()
    return " ".join([words[0]] + [w.lower() if w.lower() in _PARTICLES else w for w in words[1:]])


_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "het", "'t", "te"}

"""The vocabulary as code: every IRI the graph code writes comes from a closed namespace.

`_fail = True` makes a typo (`GCM.Attendence`) an AttributeError at the line
that makes it, instead of a silently wrong triple. rdflib ships ORG, FOAF,
PROV, DCTERMS, SKOS, OWL and SH; the rest are declared here, modelled on
rdflib's own `rdflib/namespace/_ORG.py`. Only the terms this project uses (or
that belong to a small vocabulary such as OA) are listed.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace, Namespace

ONTOLOGY_IRI = URIRef("https://w3id.org/gcmkg/ontology")
ID = Namespace("https://w3id.org/gcmkg/id/")  # fixed reference resources: schemes, concepts, the compacts
SHAPES = Namespace("https://w3id.org/gcmkg/shapes#")


class GCM(DefinedNamespace):
    """gcmkg's own terms, only where no standard vocabulary has one (see ontology/gcmkg.ttl)."""

    _fail = True

    # Classes: documents
    Document: URIRef  # A document stated in a source file (a question, its answer, a letter, ...).
    WrittenQuestion: URIRef  # A written parliamentary question.
    Answer: URIRef  # The government's answer to a parliamentary question.
    Letter: URIRef  # A letter, e.g. from a minister to parliament.
    Report: URIRef  # A report or note.
    PlenaryRecord: URIRef  # The record of a plenary sitting of a parliament.
    CommitteeRecord: URIRef  # The record of a committee meeting of a parliament.
    NewsItem: URIRef  # A news article or press release.
    OtherDocument: URIRef  # A document of another kind.
    SourceFile: URIRef  # The text file the facts were extracted from; evidence offsets refer to it.

    # Classes: actors
    Actor: URIRef  # A person or organisation that acts in the sources.
    Government: URIRef  # A government (executive) as a whole.
    Ministry: URIRef  # A ministry, federal public service or government department.
    Administration: URIRef  # An administration, agency or service inside a government.
    Cabinet: URIRef  # A minister's own office (Belgian 'kabinet').
    Parliament: URIRef  # A parliament or one of its chambers.
    Committee: URIRef  # A parliamentary or intergovernmental committee.
    PoliticalParty: URIRef  # A political party or parliamentary group.
    CivilSocietyOrganisation: URIRef  # An NGO, union, church, think tank or other civil society body.
    Country: URIRef  # A state acting as a political actor.
    InternationalOrganisation: URIRef  # The UN, EU, IOM and other intergovernmental bodies.
    OtherActor: URIRef  # An actor of another kind.

    # Classes: events, n-ary facts, the compact
    Meeting: URIRef  # A meeting, conference, plenary sitting or vote.
    MeetingSeries: URIRef  # The recurring body or event a meeting belongs to.
    Attendance: URIRef  # An actor's attendance status at a meeting.
    Position: URIRef  # A stance of an actor on the compact, an objective, a paragraph or an instrument.
    Instrument: URIRef  # An international instrument such as the GCM or GCR.
    Objective: URIRef  # One of the 23 objectives of the GCM.
    Paragraph: URIRef  # A numbered paragraph or action point of the GCM.
    Flag: URIRef  # A data-quality note about a source or the extraction.

    # Properties
    documentKind: URIRef  # Document -> document-kind concept.
    actorKind: URIRef  # Actor -> actor-kind concept.
    sha256: URIRef  # SourceFile -> hex SHA-256 of its bytes.
    party: URIRef  # Actor -> political party (sub-property of org:memberOf).
    agendaItem: URIRef  # Meeting -> an agenda item as text.
    ordinal: URIRef  # Meeting -> its number in the series (first, second, ...).
    meeting: URIRef  # Attendance -> Meeting.
    actor: URIRef  # Attendance -> Actor.
    status: URIRef  # Attendance -> attendance-status concept.
    holder: URIRef  # Position -> Actor holding it.
    target: URIRef  # Position -> what the stance is about.
    stance: URIRef  # Position -> stance concept.
    objective: URIRef  # Position -> GCM objective concerned.
    paragraph: URIRef  # Position -> GCM paragraph concerned.
    setOutIn: URIRef  # Objective -> the paragraph of the compact that sets it out.

    _NS = Namespace("https://w3id.org/gcmkg/ontology#")


class OA(DefinedNamespace):
    """W3C Web Annotation Vocabulary, https://www.w3.org/TR/annotation-vocab/."""

    _fail = True

    Annotation: URIRef
    Choice: URIRef
    CssSelector: URIRef
    CssStyle: URIRef
    DataPositionSelector: URIRef
    Direction: URIRef
    FragmentSelector: URIRef
    HttpRequestState: URIRef
    Motivation: URIRef
    PreferContainedDescriptions: URIRef
    PreferContainedIRIs: URIRef
    RangeSelector: URIRef
    ResourceSelection: URIRef
    Selector: URIRef
    SpecificResource: URIRef
    State: URIRef
    Style: URIRef
    SvgSelector: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    TextualBody: URIRef
    TimeState: URIRef
    XPathSelector: URIRef
    annotationService: URIRef
    assessing: URIRef
    bodyValue: URIRef
    bookmarking: URIRef
    cachedSource: URIRef
    canonical: URIRef
    classifying: URIRef
    commenting: URIRef
    describing: URIRef
    editing: URIRef
    end: URIRef
    exact: URIRef
    hasBody: URIRef
    hasEndSelector: URIRef
    hasPurpose: URIRef
    hasScope: URIRef
    hasSelector: URIRef
    hasSource: URIRef
    hasStartSelector: URIRef
    hasState: URIRef
    hasTarget: URIRef
    highlighting: URIRef
    identifying: URIRef
    linking: URIRef
    ltrDirection: URIRef
    moderating: URIRef
    motivatedBy: URIRef
    prefix: URIRef
    processingLanguage: URIRef
    questioning: URIRef
    refinedBy: URIRef
    renderedVia: URIRef
    replying: URIRef
    rtlDirection: URIRef
    sourceDate: URIRef
    sourceDateEnd: URIRef
    sourceDateStart: URIRef
    start: URIRef
    styleClass: URIRef
    styledBy: URIRef
    suffix: URIRef
    tagging: URIRef
    textDirection: URIRef
    via: URIRef

    _NS = Namespace("http://www.w3.org/ns/oa#")


class SCHEMA(DefinedNamespace):
    """The schema.org terms gcmkg uses; rdflib's SDO only warns on a typo, this one fails."""

    _fail = True

    Event: URIRef
    EventSeries: URIRef
    Country: URIRef
    attendee: URIRef
    startDate: URIRef
    endDate: URIRef
    location: URIRef
    superEvent: URIRef
    subEvent: URIRef
    recipient: URIRef
    name: URIRef

    _NS = Namespace("https://schema.org/")


class BESLUIT(DefinedNamespace):
    """Flemish OSLO 'Besluit' (decisions and sittings of governing bodies), the terms gcmkg links to."""

    _fail = True

    Zitting: URIRef
    Agendapunt: URIRef
    behandelt: URIRef
    heeftAanwezigeBijStart: URIRef

    _NS = Namespace("http://data.vlaanderen.be/ns/besluit#")


class MANDAAT(DefinedNamespace):
    """Flemish OSLO 'Mandatendatabank' (mandates and mandataries), the terms gcmkg links to."""

    _fail = True

    Mandataris: URIRef
    Fractie: URIRef
    isBestuurlijkeAliasVan: URIRef

    _NS = Namespace("http://data.vlaanderen.be/ns/mandaat#")


class STATUS(DefinedNamespace):
    """Attendance-status concepts; local names are the `Status` literals of extract/models.py."""

    _fail = True

    present: URIRef
    absent: URIRef
    excused: URIRef
    invited: URIRef
    not_invited: URIRef

    _NS = Namespace("https://w3id.org/gcmkg/id/attendance-status/")


class STANCE(DefinedNamespace):
    """Stance concepts; local names are the `Stance` literals of extract/models.py."""

    _fail = True

    support: URIRef
    oppose: URIRef
    conditional: URIRef
    undecided: URIRef

    _NS = Namespace("https://w3id.org/gcmkg/id/stance/")


class DOCKIND(DefinedNamespace):
    """Document-kind concepts; local names are the `DocKind` literals of extract/models.py."""

    _fail = True

    written_question: URIRef
    answer: URIRef
    letter: URIRef
    report: URIRef
    plenary_record: URIRef
    committee_record: URIRef
    news: URIRef
    other: URIRef

    _NS = Namespace("https://w3id.org/gcmkg/id/document-kind/")


class ACTORKIND(DefinedNamespace):
    """Actor-kind concepts; local names are the `ActorKind` literals of extract/models.py."""

    _fail = True

    person: URIRef
    government: URIRef
    ministry: URIRef
    administration: URIRef
    cabinet: URIRef
    parliament: URIRef
    committee: URIRef
    party: URIRef
    country: URIRef
    international_organisation: URIRef
    civil_society: URIRef
    other: URIRef

    _NS = Namespace("https://w3id.org/gcmkg/id/actor-kind/")


# Concept schemes and the compacts (defined in ontology/vocabularies.ttl and ontology/objectives.ttl).
STATUS_SCHEME = URIRef("https://w3id.org/gcmkg/id/attendance-status")
STANCE_SCHEME = URIRef("https://w3id.org/gcmkg/id/stance")
DOCKIND_SCHEME = URIRef("https://w3id.org/gcmkg/id/document-kind")
ACTORKIND_SCHEME = URIRef("https://w3id.org/gcmkg/id/actor-kind")
OBJECTIVE_SCHEME = URIRef("https://w3id.org/gcmkg/id/gcm/objective")
GCM_INSTRUMENT = URIRef("https://w3id.org/gcmkg/id/instrument/gcm")
GCR_INSTRUMENT = URIRef("https://w3id.org/gcmkg/id/instrument/gcr")

# Document and actor kinds as classes (the concept says which word, the class what it is).
DOCKIND_CLASS: dict[str, URIRef] = {
    "written_question": GCM.WrittenQuestion,
    "answer": GCM.Answer,
    "letter": GCM.Letter,
    "report": GCM.Report,
    "plenary_record": GCM.PlenaryRecord,
    "committee_record": GCM.CommitteeRecord,
    "news": GCM.NewsItem,
    "other": GCM.OtherDocument,
}
ACTORKIND_CLASS: dict[str, URIRef] = {
    "person": FOAF.Person,
    "government": GCM.Government,
    "ministry": GCM.Ministry,
    "administration": GCM.Administration,
    "cabinet": GCM.Cabinet,
    "parliament": GCM.Parliament,
    "committee": GCM.Committee,
    "party": GCM.PoliticalParty,
    "country": GCM.Country,
    "international_organisation": GCM.InternationalOrganisation,
    "civil_society": GCM.CivilSocietyOrganisation,
    "other": GCM.OtherActor,
}

# Prefixes bound on every graph gcmkg writes, so serialisations never invent ns1, ns2, ...
PREFIXES: dict[str, str] = {
    "gcm": str(GCM),
    "status": str(STATUS),
    "stance": str(STANCE),
    "dockind": str(DOCKIND),
    "actorkind": str(ACTORKIND),
    "oa": str(OA),
    "schema": str(SCHEMA),
    "besluit": str(BESLUIT),
    "mandaat": str(MANDAAT),
    "org": str(ORG),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
}


def objective_iri(number: int) -> URIRef:
    """The concept for GCM objective `number` (1..23)."""
    if not 1 <= number <= 23:
        raise ValueError(f"GCM objective {number} does not exist (1..23)")
    return URIRef(f"{ID}gcm/objective/{number}")


def paragraph_iri(ref: str) -> URIRef:
    """The GCM paragraph or action point `ref`, e.g. '33' or '33c'."""
    return URIRef(f"{ID}gcm/paragraph/{ref}")

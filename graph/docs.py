"""The ontology reference (docs/ontology.md), generated from ontology/*.ttl: one command, checked in, tested.

    gcmkg docs                      # or: python -m gcmkg.graph.docs [OUT]

pyLODE was tried first; its current release (3.4.1) does not import once installed (it reads a
pyproject.toml that the wheel does not ship), so the reference is plain Markdown, made here with rdflib:
classes, properties, the controlled vocabularies, the GCM's objectives and the SHACL shapes, in a fixed
order, so the same ontology gives the same file.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from gcmkg.graph.build import bind_prefixes
from gcmkg.graph.namespaces import GCM, ID, ONTOLOGY_IRI, SHAPES
from gcmkg.graph.reference import ONTOLOGY_FILES, SHAPES_FILE, ontology_text

DEFAULT_OUT = Path("docs/ontology.md")
_BAR = " \\| "  # a | inside a Markdown table cell
_SCHEMES = ("attendance-status", "stance", "document-kind", "actor-kind")


def _graph(names: Iterable[str]) -> Graph:
    g = Graph()
    bind_prefixes(g)
    g.bind("gcmsh", SHAPES)
    for name in names:
        g.parse(data=ontology_text(name), format="turtle")
    return g


def _q(g: Graph, term) -> str:
    """A term as Markdown: a prefixed name or <IRI> in code, a literal as text."""
    if isinstance(term, URIRef):
        try:
            prefix, _, local = g.namespace_manager.compute_qname(term, generate=False)
            return f"`{prefix}:{local}`" if local else f"`{prefix}:`"
        except (ValueError, KeyError):
            return f"`<{term}>`"
    if isinstance(term, Literal):
        return " ".join(str(term).split()).replace("|", "\\|")
    return "(blank node)"


def _label(g: Graph, node, lang: str = "en") -> str:
    for pred in (RDFS.label, SKOS.prefLabel):
        for value in sorted(g.objects(node, pred)):
            if isinstance(value, Literal) and value.language == lang:
                return str(value)
    return ""


def _text(g: Graph, node, pred=RDFS.comment) -> str:
    return " ".join(_q(g, v) for v in sorted(g.objects(node, pred)))


def _list(g: Graph, terms: Iterable) -> str:
    return ", ".join(_q(g, t) for t in sorted(set(terms))) or ""


def _anchor(g: Graph, term: URIRef) -> str:
    return _q(g, term).strip("`").replace(":", "-").lower()


def _classes(g: Graph) -> list[str]:
    out = ["## Classes", ""]
    classes = sorted(c for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(str(GCM._NS)))
    out += ["| class | label (en / nl) | subclass of |", "|---|---|---|"]
    for c in classes:
        out.append(f"| [{_q(g, c)}](#{_anchor(g, c)}) | {_label(g, c)} / {_label(g, c, 'nl')} | "
                   f"{_list(g, g.objects(c, RDFS.subClassOf))} |")
    for c in classes:
        out += ["", f"### {_q(g, c)}", "", _text(g, c), ""]
        if sub := _list(g, g.objects(c, RDFS.subClassOf)):
            out.append(f"- subclass of: {sub}")
        if narrower := _list(g, g.subjects(RDFS.subClassOf, c)):
            out.append(f"- subclasses: {narrower}")
        if props := _list(g, g.subjects(RDFS.domain, c)):
            out.append(f"- properties: {props}")
        if see := _list(g, g.objects(c, RDFS.seeAlso)):
            out.append(f"- see also: {see}")
    aligned = sorted((s, o) for s, o in g.subject_objects(RDFS.subClassOf)
                     if not str(s).startswith(str(GCM._NS)) and isinstance(s, URIRef))
    if aligned:
        out += ["", "### Alignments", ""] + [f"- {_q(g, s)} is a subclass of {_q(g, o)}" for s, o in aligned]
    return out


def _properties(g: Graph) -> list[str]:
    out = ["", "## Properties", "", "| property | kind | domain | range | label |", "|---|---|---|---|---|"]
    props = sorted(p for t in (OWL.ObjectProperty, OWL.DatatypeProperty) for p in g.subjects(RDF.type, t)
                   if str(p).startswith(str(GCM._NS)))
    for p in props:
        kinds = sorted(_q(g, t).strip("`").removeprefix("owl:") for t in g.objects(p, RDF.type))
        out.append(f"| [{_q(g, p)}](#{_anchor(g, p)}) | {', '.join(kinds)} | {_list(g, g.objects(p, RDFS.domain))} | "
                   f"{_list(g, g.objects(p, RDFS.range))} | {_label(g, p)} |")
    for p in props:
        out += ["", f"### {_q(g, p)}", "", _text(g, p)]
        if sup := _list(g, g.objects(p, RDFS.subPropertyOf)):
            out += ["", f"- subproperty of: {sup}"]
    return out


def _schemes(g: Graph) -> list[str]:
    out = ["", "## Controlled vocabularies (SKOS)", ""]
    for name in _SCHEMES:
        scheme = URIRef(f"{ID}{name}")
        out += [f"### {_label(g, scheme)} ({_q(g, scheme)})", "", _text(g, scheme, DCTERMS.description), "",
                "| notation | label (en / nl) | definition |", "|---|---|---|"]
        concepts = sorted(g.subjects(SKOS.inScheme, scheme), key=lambda c: str(g.value(c, SKOS.notation)))
        for c in concepts:
            out.append(f"| `{g.value(c, SKOS.notation)}` | {_label(g, c)} / {_label(g, c, 'nl')} | "
                       f"{_text(g, c, SKOS.definition)} |")
        out.append("")
    return out


def _objectives(g: Graph) -> list[str]:
    out = ["## The GCM's objectives", "", "| N | title | set out in |", "|---|---|---|"]
    objectives = sorted(g.subjects(RDF.type, GCM.Objective), key=lambda o: int(g.value(o, SKOS.notation)))
    for o in objectives:
        par = g.value(o, GCM.setOutIn)
        out.append(f"| {g.value(o, SKOS.notation)} | {_label(g, o)} | paragraph {g.value(par, SKOS.notation) or str(par).rsplit('/', 1)[-1]} |")
    out += ["", "Instruments:", ""]
    for i in sorted(g.subjects(RDF.type, GCM.Instrument)):
        out.append(f"- {_q(g, i)} ({g.value(i, SKOS.notation)}): {g.value(i, DCTERMS.title)}, "
                   f"{g.value(i, DCTERMS.identifier)}. {_text(g, i)}")
    return out


def _path(g: Graph, path) -> str:
    if isinstance(path, BNode):
        if (inv := g.value(path, SH.inversePath)) is not None:
            return f"^{_q(g, inv).strip('`')}"
        if g.value(path, RDF.first) is not None:
            return "/".join(_path(g, p) for p in Collection(g, path))
    return _q(g, path).strip("`")


def _constraint(g: Graph, shape) -> str:
    parts = []
    for pred, name in ((SH.minCount, "min"), (SH.maxCount, "max"), (SH.datatype, "datatype"), (SH["class"], "class"),
                       (SH.node, "node"), (SH.hasValue, "value"), (SH.pattern, "pattern"), (SH.nodeKind, "kind")):
        for v in sorted(g.objects(shape, pred)):
            parts.append(f"{name} {_q(g, v)}")
    for pred, name in ((SH["in"], "one of"), (SH["or"], "any of")):
        for lst in g.objects(shape, pred):
            items = [(_constraint(g, i) if isinstance(i, BNode) else _q(g, i)) for i in Collection(g, lst)]
            parts.append(f"{name} ({_BAR.join(items)})")
    return "; ".join(parts)


def _shapes(g: Graph) -> list[str]:
    out = ["", "## SHACL shapes (what a valid graph is)", ""]
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
    for shape in sorted(s for s in g.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)):
        target = _list(g, (t for p in targets for t in g.objects(shape, p)))
        out += [f"### {_q(g, shape)}" + (f" (for {target})" if target else ""), ""]
        if comment := _text(g, shape):
            out += [comment, ""]
        rows = []
        for prop in g.objects(shape, SH.property):
            if (path := g.value(prop, SH.path)) is not None:
                rows.append(f"| `{_path(g, path)}` | {_constraint(g, prop)} | {_text(g, prop, SH.message)} |")
        if rows:
            out += ["| path | constraint | message |", "|---|---|---|", *sorted(rows), ""]
    return out


def ontology_markdown() -> str:
    """The whole reference as Markdown."""
    g = _graph(ONTOLOGY_FILES)
    shapes = _graph([SHAPES_FILE])
    onto = ONTOLOGY_IRI
    head = [
        f"# {g.value(onto, DCTERMS.title)}: reference", "",
        "<!-- Generated from ontology/*.ttl by `gcmkg docs` (python -m gcmkg.graph.docs); do not edit by hand. -->",
        "", _text(g, onto, DCTERMS.description), "",
        f"- ontology: `{onto}` (version {g.value(onto, OWL.versionInfo)})",
        f"- namespace: `{GCM._NS}` (prefix `gcm:`); reference resources under `{ID}`",
        f"- files: {', '.join(f'`ontology/{n}`' for n in (*ONTOLOGY_FILES, SHAPES_FILE))}", "",
        "Prefixes used below:", "",
    ]
    head += [f"- `{p}:` {ns}" for p, ns in sorted(g.namespaces()) if p and p in {
        "gcm", "org", "foaf", "prov", "dcterms", "skos", "schema", "oa", "besluit", "mandaat", "owl", "rdfs", "xsd"}]
    body = _classes(g) + _properties(g) + _schemes(g) + _objectives(g) + _shapes(shapes)
    text = "\n".join(head + [""] + body)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"


def write_docs(out: Path = DEFAULT_OUT) -> Path:
    """Write the reference to `out`."""
    from gcmkg.graph.io import write_atomic

    return write_atomic(Path(out), ontology_markdown().encode("utf-8"))


if __name__ == "__main__":
    print(write_docs(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT))

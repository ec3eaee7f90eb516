"""SHACL validation of a built graph against ontology/shapes.ttl.

The ontology files are added to a copy of the data graph, so that class
targets follow rdfs:subClassOf and controlled values are checked through
skos:inScheme: the schemes are the one place that lists them. (pyshacl's own
ont_graph copies only RDFS/OWL axioms, not the SKOS concepts, hence the copy.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from gcmkg.graph.build import merged_graph
from gcmkg.graph.reference import reference_graph, shapes_graph


@dataclass(frozen=True)
class ValidationResult:
    """conforms is False only for sh:Violation; warnings and infos are listed apart."""

    conforms: bool
    violations: list[str]
    warnings: list[str] = field(default_factory=list)


def validate(graph: Graph) -> ValidationResult:
    """Check the graph (a Dataset is merged first) against the gcmkg shapes."""
    data = reference_graph()
    for triple in merged_graph(graph) if isinstance(graph, Dataset) else graph:
        data.add(triple)
    _, report, _ = shacl_validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        allow_warnings=True,
        allow_infos=True,
    )
    violations, warnings = [], []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        (violations if severity == SH.Violation else warnings).append(_describe(report, result))
    return ValidationResult(conforms=not violations, violations=sorted(violations), warnings=sorted(warnings))


def _describe(report: Graph, result: URIRef) -> str:
    """'<focus> path: message (value)': enough to find the node and see what is wrong."""
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    message = report.value(result, SH.resultMessage) or report.value(result, SH.sourceConstraintComponent)
    value = report.value(result, SH.value)
    text = f"{_term(focus)}"
    if path is not None:
        text += f" {_path(report, path)}"
    text += f": {message}"
    if value is not None and value != focus:
        text += f" (value {_term(value)})"
    return text


def _term(node: object) -> str:
    if isinstance(node, Literal):
        return repr(str(node))
    return f"<{node}>" if isinstance(node, URIRef) else str(node)


def _path(report: Graph, path: object) -> str:
    """A result path as text; an inverse path as ^<p>."""
    inverse = report.value(path, SH.inversePath) if not isinstance(path, URIRef) else None
    if inverse is not None:
        return f"^{_term(inverse)}"
    return _term(path) if isinstance(path, URIRef) else "(path)"

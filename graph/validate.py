"""SHACL validation of a built graph against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph

from ftzgraph.ontology.namespace import SHAPES_PATH, VOCAB_PATH


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@cache
def vocabulary() -> Graph:
    return Graph().parse(VOCAB_PATH, format="turtle")


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    text: str
    results: int


def validate_graph(data: Graph) -> ValidationReport:
    """Validate ``data`` (documents + reference) together with the vocabulary's own triples.

    The vocabulary is merged into a copy of the data rather than passed as pySHACL's ``ont_graph``: the
    shapes need its concept schemes and subclass axioms, and merging is faster than ``ont_graph``.
    """
    from pyshacl import validate

    combined = Graph()
    combined += data
    if (None, None, None) in vocabulary():
        combined += vocabulary()
    conforms, report_graph, text = validate(
        combined,
        shacl_graph=_shapes(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        inplace=True,
    )
    from rdflib.namespace import SH

    results = len(set(report_graph.subjects(predicate=SH.resultSeverity)))
    return ValidationReport(bool(conforms), str(text), results)

"""SHACL validation of a built graph against ontology/shapes.ttl.

Two engines with one interface: pyshacl-turbo (the pySHACL interface over a SHACL engine in Rust) answers
whether the graph conforms, several times faster than pySHACL on the bundled document; when it does not
conform, pySHACL itself writes the report. On the valid fixture and every broken fixture of
tests/test_ontology.py both give the same conforms and the same results (scripts/bench_shacl.py), but a
nested detail's message text can differ, and pySHACL's report is the reference users and tests see.
Without pyshacl-turbo installed, pySHACL does both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from rdflib import Graph

from ftzgraph.ontology.namespace import SHAPES_PATH, VOCAB_PATH


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@cache
def vocabulary() -> Graph:
    return Graph().parse(VOCAB_PATH, format="turtle")


@cache
def _vocabulary_ntriples() -> bytes:
    return vocabulary().serialize(format="nt", encoding="utf-8")


def _fast_engine() -> Callable[..., Any] | None:
    """pyshacl-turbo's ``validate`` (pySHACL's signature), or None when it is not installed."""
    try:
        from pyshacl_turbo import validate
    except ImportError:
        return None
    return validate  # type: ignore[no-any-return]


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
    combined = Graph()
    combined += data
    if (None, None, None) in vocabulary():
        combined += vocabulary()
    fast = _fast_engine()
    if fast is not None:
        conforms, _report, text = fast(combined, shacl_graph=_shapes(), inference="none", allow_warnings=True)
        if conforms:
            return ValidationReport(True, str(text), 0)
    return _pyshacl_report(combined)


@cache
def _compiled_shapes() -> Any | None:
    """The shapes compiled by pyshacl-turbo, once per process (None when it is not installed).

    Why: its ``validate`` compiles the shapes on every call, reading them through rdflib, which was more than
    half of the time a sampled document's validation took in a build's worker.
    """
    try:
        from pyshacl_turbo import compile_shapes
    except ImportError:
        return None
    return compile_shapes(SHAPES_PATH.read_text(encoding="utf-8"), shacl_graph_format="turtle")


def validate_ntriples(data: bytes, as_graph: Callable[[], Graph]) -> ValidationReport:
    """``validate_graph`` for data given as N-Triples bytes: no rdflib graph is built unless it fails.

    The fast engine reads the bytes (and the vocabulary's) into an in-memory Oxigraph store and checks it
    against the shapes compiled once (``_compiled_shapes``), all in Rust; only a graph that does not conform
    is built with ``as_graph`` (the same triples as rdflib terms) for pySHACL's report.
    """
    shapes = _compiled_shapes()
    if shapes is None:
        return validate_graph(as_graph())
    import pyoxigraph as ox
    from pyshacl_turbo import ValidationFailure

    store = ox.Store()
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    store.load(_vocabulary_ntriples(), format=ox.RdfFormat.N_TRIPLES)
    try:
        conforms, _report, text = shapes.validate(store, allow_warnings=True)
    except ValidationFailure:  # what pyshacl-turbo's ``validate`` answers as not conforming
        conforms = False
    if conforms:
        return ValidationReport(True, str(text), 0)
    return _pyshacl_report(_with_vocabulary(as_graph()))


def _with_vocabulary(data: Graph) -> Graph:
    combined = Graph()
    combined += data
    combined += vocabulary()
    return combined


def _pyshacl_report(combined: Graph) -> ValidationReport:
    """pySHACL's verdict and report on ``combined`` (data merged with the vocabulary); may add to it."""
    from pyshacl import validate

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

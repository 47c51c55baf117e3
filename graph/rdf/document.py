"""One document's named graph: its cases (``triples``), its diagnostics, and the batch it declares.

Why a module of its own: the diagnostics and a notice's batch are written onto a ``DocumentGraph``, so
they build on ``triples``; composing the three here keeps each of them importing only downwards.
"""

from __future__ import annotations

from rdflib import Graph

from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import Extraction
from ftzgraph.graph.rdf.diagnostics import add_diagnostics
from ftzgraph.graph.rdf.notice_triples import batch_triples
from ftzgraph.graph.rdf.nt_terms import Triple, rdflib_graph
from ftzgraph.graph.rdf.triples import DocumentGraph


def document_triples(extraction: Extraction, gazetteer: Gazetteer) -> set[Triple]:
    """The triples of one document's named graph, as term strings."""
    graph = DocumentGraph(extraction, gazetteer)
    graph.build()
    add_diagnostics(graph)
    if extraction.batch is not None:
        batch_triples(graph, extraction.batch)
    return graph.triples


def document_graph(extraction: Extraction, gazetteer: Gazetteer) -> Graph:
    """The named graph of one document's extraction, as an rdflib graph (for validation and tests)."""
    return rdflib_graph(document_triples(extraction, gazetteer))

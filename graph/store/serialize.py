"""Dump the store in standard RDF syntaxes, and load it back into rdflib for validation."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.ontology.namespace import prefixes

TRIPLE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
QUAD_FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
PREFIXES = prefixes("ftz", "id", "prov", "org", "dcterms", "skos", "rdfs", "oa", "xsd")


def export_store(store: Store, fmt: str, graph: str | None = None) -> bytes:
    """Serialise all graphs (or one). Triple formats merge the named graphs; quad formats and JSON-LD keep them."""
    quads = list(store.quads(graph))
    if fmt in QUAD_FORMATS:
        return ox.serialize(quads, format=QUAD_FORMATS[fmt], prefixes=PREFIXES if fmt == "trig" else None) or b""
    if fmt in TRIPLE_FORMATS:
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
        ordered = sorted(triples, key=str)
        prefixes = PREFIXES if fmt == "turtle" else None
        return ox.serialize(ordered, format=TRIPLE_FORMATS[fmt], prefixes=prefixes) or b""
    raise ValueError(f"unknown export format '{fmt}' (turtle, ntriples, nquads, trig, jsonld)")


def store_graph(store: Store) -> Graph:
    """Every triple of the store (all named graphs) as one rdflib graph."""
    graph = Graph()
    graph.parse(data=export_store(store, "ntriples"), format="nt")
    return graph

"""The vocabulary as a list of terms for the ``/ontology`` page: every class, property and concept declared in
``ontology/ftz.ttl`` with its labels, definitions, the standard terms it maps to, and its domain and range.

Read from the Turtle file itself (with rdflib), so the page always shows what the file says.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS

from ftzgraph.ontology.namespace import FTZ, VOCAB_PATH, prefixes

KINDS = [
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (RDF.Property, "Other properties"),
    (SKOS.ConceptScheme, "Concept schemes"),
    (SKOS.Concept, "Concepts"),
]
KNOWN_PREFIXES = {
    iri: name + ":"
    for name, iri in prefixes("ftz", "prov", "org", "dcterms", "skos", "oa", "eli", "rdfs", "xsd", "owl", "rdf").items()
}


def curie(iri: str) -> str:
    """``ftz:Case`` for a known namespace, else the IRI."""
    for namespace, prefix in KNOWN_PREFIXES.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri


@cache
def vocabulary_graph() -> Graph:
    """ftz.ttl parsed once per process."""
    graph = Graph()
    graph.parse(VOCAB_PATH, format="turtle")
    return graph


def _text(graph: Graph, term: URIRef, predicate: URIRef, lang: str) -> str | None:
    values = [str(v) for v in graph.objects(term, predicate) if getattr(v, "language", None) == lang]
    return values[0] if values else None


def vocabulary_terms() -> dict[str, Any]:
    """The ontology's title and description, and its terms grouped by kind in file order of kinds."""
    graph = vocabulary_graph()
    ontology = next((s for s in graph.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef)), None)
    groups: list[dict[str, Any]] = []
    for rdf_type, heading in KINDS:
        terms = []
        for term in sorted(set(graph.subjects(RDF.type, rdf_type)), key=str):
            if not isinstance(term, URIRef) or not str(term).startswith(str(FTZ)):
                continue
            if rdf_type == RDF.Property and (term, RDF.type, OWL.ObjectProperty) in graph:
                continue
            supers = [*graph.objects(term, RDFS.subClassOf), *graph.objects(term, RDFS.subPropertyOf)]
            terms.append(
                {
                    "iri": str(term),
                    "name": str(term)[len(str(FTZ)) :],
                    "curie": curie(str(term)),
                    "label_en": _text(graph, term, RDFS.label, "en") or _text(graph, term, SKOS.prefLabel, "en"),
                    "label_zh": _text(graph, term, RDFS.label, "zh") or _text(graph, term, SKOS.prefLabel, "zh"),
                    "definition_en": _text(graph, term, SKOS.definition, "en"),
                    "definition_zh": _text(graph, term, SKOS.definition, "zh"),
                    "maps_to": [curie(str(s)) for s in supers if isinstance(s, URIRef)],
                    "domain": [curie(str(d)) for d in graph.objects(term, RDFS.domain)],
                    "range": [curie(str(r)) for r in graph.objects(term, RDFS.range)],
                }
            )
        if terms:
            groups.append({"heading": heading, "anchor": heading.lower().replace(" ", "-"), "terms": terms})
    return {
        "iri": str(ontology) if ontology else str(FTZ),
        "title": _text(graph, ontology, DCTERMS.title, "en") if ontology else None,
        "title_zh": _text(graph, ontology, DCTERMS.title, "zh") if ontology else None,
        "description": _text(graph, ontology, DCTERMS.description, "en") if ontology else None,
        "version": str(graph.value(ontology, OWL.versionInfo)) if ontology else None,
        "groups": groups,
    }


def vocabulary_rdf(media_type: str) -> bytes:
    """ftz.ttl as it is for Turtle; re-serialised by rdflib for the other RDF media types."""
    if media_type == "text/turtle":
        return VOCAB_PATH.read_bytes()
    formats = {"application/ld+json": "json-ld", "application/n-triples": "nt", "application/rdf+xml": "xml"}
    return vocabulary_graph().serialize(format=formats[media_type], encoding="utf-8")

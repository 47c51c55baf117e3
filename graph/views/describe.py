"""Dereferencing: the RDF that answers a GET on a minted IRI — its description and the evidence behind it.

``describe(store, iri)`` gathers, by SPARQL CONSTRUCT through ``Store``:
- every triple whose subject is the resource;
- the nodes that belong to it (a case's reform, origin claims, outcomes and conflicts: IRIs under the
  resource's own IRI, up to two links away) and their triples;
- the evidence of the resource and of those parts (``ftz:evidence``), and the evidence that points at it
  (``ftz:supportsObject``, e.g. the quotes naming an agency);
- the labels of everything it links to, so a reader sees names, not hashes.
Triples come back once each (the union default graph repeats a triple per named graph holding it).
An IRI the store knows nothing about gives an empty list.
"""

from __future__ import annotations

import pyoxigraph as ox

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.ontology.namespace import SPARQL_PREFIXES, prefixes

RDF_PREFIXES = prefixes("ftz", "prov", "org", "dcterms", "skos", "rdfs", "rdf", "oa", "xsd")
"""Prefixes written into Turtle and JSON-LD answers (none for ``id:``: its IRIs hold slashes, which a prefixed
name would have to escape)."""


def describe(store: Store, iri: str) -> list[ox.Triple]:
    """The description of ``iri`` with its parts, its evidence and the labels of what it links to."""
    node = iri_ref(iri)
    triples = store.construct(
        SPARQL_PREFIXES
        + f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  {{ BIND({node} AS ?s) ?s ?p ?o }}
  UNION {{ {node} ?l1 ?s . FILTER(isIRI(?s) && STRSTARTS(STR(?s), CONCAT(STR({node}), "/"))) ?s ?p ?o }}
  UNION {{ {node} ?l1 ?part . ?part ?l2 ?s .
          FILTER(isIRI(?s) && STRSTARTS(STR(?part), CONCAT(STR({node}), "/"))
                 && STRSTARTS(STR(?s), CONCAT(STR({node}), "/"))) ?s ?p ?o }}
}}"""
    )
    if not triples:
        return []
    parts = sorted({t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)})
    values = " ".join(iri_ref(p) for p in parts)
    triples += store.construct(
        SPARQL_PREFIXES
        + f"""CONSTRUCT {{ ?ev ?p ?o }} WHERE {{
  {{ VALUES ?x {{ {values} }} ?x ftz:evidence ?ev }} UNION {{ ?ev ftz:supportsObject {node} ; a ftz:Evidence }}
  ?ev ?p ?o
}}"""
    )
    described = {t.subject for t in triples}
    linked = sorted(
        {t.object.value for t in triples if isinstance(t.object, ox.NamedNode) and t.object not in described}
    )
    if linked:
        triples += store.construct(
            SPARQL_PREFIXES
            + f"""CONSTRUCT {{ ?x rdfs:label ?l }} WHERE {{
  VALUES ?x {{ {" ".join(iri_ref(x) for x in linked)} }} ?x skos:prefLabel|rdfs:label ?l }}"""
        )
    return list(dict.fromkeys(triples))


def serialize(triples: list[ox.Triple], media_type: str) -> bytes:
    """``triples`` as bytes in an RDF media type pyoxigraph writes (Turtle, N-Triples, JSON-LD, RDF/XML)."""
    rdf_format = ox.RdfFormat.from_media_type(media_type)
    if rdf_format is None:
        raise ValueError(f"no RDF serialiser for {media_type}")
    prefixes = None if rdf_format == ox.RdfFormat.N_TRIPLES else RDF_PREFIXES
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


def graph_triples(store: Store, graph: str) -> list[ox.Triple]:
    """Every triple of the named graph ``graph`` (none when the store has no such graph)."""
    return store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri_ref(graph)} {{ ?s ?p ?o }} }}")

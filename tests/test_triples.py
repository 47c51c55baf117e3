"""``triples``: term strings mean what rdflib and Oxigraph read them as, and documents build the same graph."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import XSD, Literal, URIRef

from ftzgraph.graph import iris
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.rdf.document import document_graph, document_triples
from ftzgraph.graph.rdf.nt_terms import (
    Triple,
    integer,
    iri,
    lexical,
    literal,
    nquads,
    ntriples,
    rdflib_term,
    text,
    zh_text,
)
from ftzgraph.graph.rdf.triples import split_shared
from ftzgraph.graph.sources.read import read_document

# Any text a document may hold, control characters, quotes and backslashes included (not lone surrogates,
# which no decoded document contains and UTF-8 cannot write).
TEXT = st.text(st.characters(blacklist_categories=["Cs"]))


def oxigraph_object(term: str) -> ox.Literal | ox.NamedNode:
    line = f"<http://example.org/s> <http://example.org/p> {term} .\n".encode()
    (triple,) = ox.parse(line, format=ox.RdfFormat.N_TRIPLES)
    return triple.object  # type: ignore[return-value]


@given(TEXT)
def test_a_text_literal_reads_back_as_the_same_string_everywhere(value: str) -> None:
    assert oxigraph_object(text(value)) == ox.Literal(value)
    assert oxigraph_object(zh_text(value)) == ox.Literal(value, language="zh")
    assert rdflib_term(text(value)) == Literal(value)
    assert rdflib_term(zh_text(value)) == Literal(value, lang="zh")
    assert lexical(zh_text(value)) == value


@pytest.mark.parametrize(
    "value",
    [Literal(7), Literal(Decimal("1.50")), Literal("2023-06", datatype=XSD.gYearMonth), Literal("x", lang="en")],
    ids=["integer", "decimal", "gYearMonth", "lang"],
)
def test_rdflib_literals_keep_lexical_form_and_datatype(value: Literal) -> None:
    assert rdflib_term(literal(value)) == value
    assert lexical(literal(value)) == str(value)


def test_integers_and_iris() -> None:
    assert integer(12) == f'"12"^^<{XSD.integer}>'
    assert rdflib_term(integer(12)) == Literal(12)
    assert integer(True) == literal(Literal(True))  # not an int: rdflib decides, as before
    assert rdflib_term(iri("https://w3id.org/ftzgraph/id/x")) == URIRef("https://w3id.org/ftzgraph/id/x")
    assert lexical(iri("https://w3id.org/ftzgraph/id/x")) == "https://w3id.org/ftzgraph/id/x"


@pytest.fixture(scope="module")
def bundled_triples(bundled_path: Path) -> tuple[str, set[Triple]]:
    gazetteer = load_gazetteer()
    document = read_document(bundled_path)
    return document.id, document_triples(extract_document(document, gazetteer), gazetteer)


def test_the_rdflib_graph_and_the_nquads_hold_the_same_triples(
    bundled_triples: tuple[str, set[Triple]], bundled_path: Path
) -> None:
    doc_id, triples = bundled_triples
    gazetteer = load_gazetteer()
    graph = document_graph(extract_document(read_document(bundled_path), gazetteer), gazetteer)
    from_rdflib = set(ox.parse(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES))
    assert from_rdflib == set(ox.parse(ntriples(triples), format=ox.RdfFormat.N_TRIPLES))
    name = str(iris.document_graph(doc_id))
    quads = list(ox.parse(nquads(triples, name), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(triples) > 1000
    assert {q.graph_name for q in quads} == {ox.NamedNode(name)}


def test_split_keeps_the_documents_own_nodes_and_shares_the_rest(bundled_triples: tuple[str, set[Triple]]) -> None:
    doc_id, triples = bundled_triples
    own, shared = split_shared(doc_id, triples)
    assert len(own) + len(shared) == len(triples)
    assert all(iris.owned_by(doc_id, lexical(s)) for s, _, _ in own)
    assert not any(iris.owned_by(doc_id, lexical(s)) for s, _, _ in shared)
    assert any("/agency/" in s for s, _, _ in shared)

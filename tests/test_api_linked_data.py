"""Linked data: every IRI the build mints dereferences at the same path on this server, by content negotiation;
named graphs at /graph/…; the vocabulary at /ontology. RDF answers are parsed into rdflib graphs and checked
by their triples."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from _client import client_for
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.ontology.namespace import BASE, FTZ, ID

OA = Namespace("http://www.w3.org/ns/oa#")
CASE = ID["case/d1fc55f7e367a-16"]
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
pytestmark = [
    pytest.mark.slow,
    # rdflib's own JSON-LD parser builds a ConjunctiveGraph internally (rdflib 7.x)
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def client(built_store: OxigraphStore) -> Iterator[Any]:
    with client_for(built_store) as c:
        yield c


def _path(iri: str) -> str:
    return "/" + iri[len(BASE) :]


def _rdf(client: Any, path: str, accept: str) -> Graph:
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == accept
    assert "Accept" in response.headers.get("vary", "")
    graph = Graph()
    graph.parse(data=response.content, format=RDF_TYPES[accept])
    return graph


@pytest.mark.parametrize("accept", list(RDF_TYPES))
def test_case_iri_gives_its_rdf_with_evidence(client: Any, accept: str) -> None:
    graph = _rdf(client, _path(str(CASE)), accept)
    assert (CASE, RDF.type, FTZ.Case) in graph
    assert (CASE, URIRef("http://purl.org/dc/terms/title"), Literal("批次进出、集中申报", lang="zh")) in graph
    evidence = set(graph.objects(CASE, FTZ.evidence))
    assert len(evidence) >= 5
    assert all(graph.value(ev, OA.exact) is not None for ev in evidence)  # the evidence itself is described
    claim = ID["case/d1fc55f7e367a-16/origin/1"]
    assert (claim, RDF.type, FTZ.OriginClaim) in graph  # the case's parts come along
    quote = graph.value(graph.value(claim, FTZ.evidence), OA.exact)
    assert "源自国务院发布的自由贸易试验区第三批改革试点经验" in str(quote)


def test_agency_iri_gives_the_quotes_that_name_it(client: Any) -> None:
    agency = next(a for a in client.get("/agencies?q=绥芬河海关").json()["data"] if a["label"] == "绥芬河海关")
    graph = _rdf(client, agency["href"], "text/turtle")
    subject = URIRef(agency["iri"])
    assert (subject, RDF.type, FTZ.Agency) in graph
    quotes = {str(graph.value(ev, OA.exact)) for ev in graph.subjects(FTZ.supportsObject, subject)}
    assert quotes == {"绥芬河海关"}


def test_every_minted_iri_dereferences(client: Any, built_store: OxigraphStore) -> None:
    """One IRI of each kind the build mints (case parts, evidence, places, batches, …) answers 200 in RDF
    and in HTML, each RDF answer about that IRI."""
    rows = built_store.select(
        f"""SELECT ?kind (MIN(STR(?s)) AS ?iri) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{ID}"))
  BIND(REPLACE(STR(?s), "^{ID}([^/]+)/.*$", "$1") AS ?kind) }} GROUP BY ?kind"""
    )
    kinds = {r["kind"] for r in rows}
    assert {"case", "agency", "zone", "reform", "batch", "doc", "evidence", "policy", "place", "sector"} <= kinds
    for row in rows:
        graph = _rdf(client, _path(row["iri"]), "text/turtle")
        assert (URIRef(row["iri"]), None, None) in graph, row["iri"]
        page = client.get(_path(row["iri"]), headers={"Accept": "text/html"})
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), row["iri"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),  # a browser
        ("*/*", "text/turtle"),  # curl
        (None, "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
        ("application/rdf+xml", "application/rdf+xml"),
    ],
)
def test_content_negotiation(client: Any, accept: str | None, expected: str) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get(_path(str(CASE)), headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected


def test_unacceptable_type_is_406_and_unknown_iri_is_404(client: Any) -> None:
    response = client.get(_path(str(CASE)), headers={"Accept": "image/png"})
    assert response.status_code == 406 and "text/turtle" in response.json()["error"]
    for accept in ("text/turtle", "text/html"):
        response = client.get("/id/case/nowhere-1", headers={"Accept": accept})
        assert response.status_code == 404
        assert response.json() == {"error": f"no resource with IRI <{ID}case/nowhere-1> in the store", "status": 404}


def test_named_graphs_dereference(client: Any, built_store: OxigraphStore) -> None:
    for graph_iri in built_store.graphs():
        path = "/" + graph_iri[len(BASE) :]
        graph = _rdf(client, path, "application/n-triples")
        assert len(graph) > 0
        assert client.get(path, headers={"Accept": "text/html"}).status_code == 200
    assert client.get("/graph/nowhere").status_code == 404


@pytest.mark.parametrize("accept", list(RDF_TYPES))
def test_ontology_by_content_negotiation(client: Any, accept: str) -> None:
    graph = _rdf(client, "/ontology", accept)
    assert (FTZ.Case, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in graph
    assert len(graph) > 300

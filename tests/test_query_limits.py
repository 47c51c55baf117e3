"""The shape limits checked before a SPARQL request reaches the parser (``graph.query_limits``)."""

from __future__ import annotations

import pytest
from _client import TestClient

from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.sparql.limits import QueryLimitError, check_request, nesting_depth
from ftzgraph.graph.store.oxigraph import OxigraphStore


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", 1),
        ("SELECT * WHERE { OPTIONAL { ?s ?p [ ?q ( 1 2 ) ] } }", 4),
        ('SELECT * WHERE { ?s ?p "{{{{((((" }', 1),  # brackets in a string do not nest
        ("SELECT * WHERE { ?s ?p '''a\n{{{{\n''' }", 1),  # nor in a long string over lines
        ('SELECT * WHERE { ?s ?p "a\\"{{{{" }', 1),  # an escaped quote does not end the string
        ("SELECT * WHERE { # {{{{ a comment\n ?s ?p ?o }", 1),  # nor in a comment
        ("SELECT * WHERE { ?s ?p <http://x/a(b)> }", 2),  # an IRI's brackets are counted inside it only
        ("SELECT * WHERE { ?s ?p <http://x/a)))> { ?s ?p ?o } }", 2),  # and its closers never lower the depth
        ("SELECT * WHERE {{{{ ?s ?p ?o }}}}", 4),
    ],
)
def test_nesting_depth_reads_strings_iris_and_comments(text: str, depth: int) -> None:
    assert nesting_depth(text)[0] == depth


def test_a_request_over_a_limit_names_it() -> None:
    with pytest.raises(QueryLimitError, match=r"more than 3 deep \(at line 2, column 7\).*FTZGRAPH_MAX_QUERY_DEPTH"):
        check_request("SELECT * WHERE {\n  { { { ?s ?p ?o } } } }", max_depth=3, max_chars=None)
    with pytest.raises(
        QueryLimitError, match=r"is 30 characters long, over the limit of 20 \(FTZGRAPH_MAX_QUERY_CHARS"
    ):
        check_request("SELECT * WHERE { ?s ?p ?o . } ", max_depth=64, max_chars=20)
    check_request("SELECT * WHERE { { { ?s ?p ?o } } }", max_depth=3, max_chars=100)  # at the limit: fine


def test_the_endpoint_answers_400_for_each_limit_and_then_answers_again() -> None:
    settings = Settings(max_query_depth=8, max_query_chars=1000, write_token="t")
    with TestClient(create_app(OxigraphStore(), settings)) as client:
        _answers_each_limit(client)


def _answers_each_limit(client: TestClient) -> None:
    deep = "SELECT * WHERE " + "{ " * 9 + "?s ?p ?o" + " }" * 9
    answer = client.post("/sparql", content=deep, headers={"Content-Type": "application/sparql-query"})
    assert answer.status_code == 400 and "FTZGRAPH_MAX_QUERY_DEPTH" in answer.json()["error"]
    long = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 1000
    answer = client.get("/sparql", params={"query": long})
    assert answer.status_code == 400 and "FTZGRAPH_MAX_QUERY_CHARS" in answer.json()["error"]
    update = "INSERT DATA { GRAPH <http://x/g> { <http://x/s> <http://x/p> " + "( " * 9 + "1" + " )" * 9 + " } }"
    answer = client.post(
        "/sparql/update",
        content=update,
        headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer t"},
    )
    assert answer.status_code == 400 and "update nests" in answer.json()["error"]
    answer = client.get("/sparql", params={"query": "ASK { }"})
    assert answer.status_code == 200 and answer.json()["boolean"] is True

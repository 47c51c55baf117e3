"""CORS, on by default for every origin: a page elsewhere may query by GET and by POST (preflight included)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from _client import client_for

from ftzgraph.graph.store.oxigraph import OxigraphStore

ORIGIN = "https://notebook.example"


@pytest.fixture(scope="module")
def client(built_store: OxigraphStore) -> Iterator[Any]:
    with client_for(built_store) as test_client:
        yield test_client


def test_preflight_for_a_sparql_post_is_allowed(client: Any) -> None:
    answer = client.options(
        "/sparql",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert answer.status_code == 200
    assert "POST" in answer.headers["access-control-allow-methods"]
    assert answer.headers["access-control-allow-origin"] in ("*", ORIGIN)


def test_the_post_itself_carries_the_allow_origin_header(client: Any) -> None:
    answer = client.post(
        "/sparql",
        content="ASK {}",
        headers={"Origin": ORIGIN, "Content-Type": "application/sparql-query", "Accept": "application/json"},
    )
    assert answer.status_code == 200 and answer.headers["access-control-allow-origin"] in ("*", ORIGIN)


def test_credentials_are_not_offered_cross_origin(client: Any) -> None:
    answer = client.options(
        "/sparql/update",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert answer.status_code == 400  # Authorization is not an allowed header
    assert "access-control-allow-credentials" not in answer.headers

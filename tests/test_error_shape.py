"""Every error the API answers has the one body ``{"error": message, "status": N}``, with N the HTTP status.

Each status is provoked through the real app on a real store (no handler called by hand), including a domain
error whose class has no mapping: it is the server's fault, so it answers 500 and is logged.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from ftzgraph.api.app import create_app
from ftzgraph.api.errors import DOMAIN_STATUS
from ftzgraph.api.settings import Settings
from ftzgraph.graph.errors import FtzGraphError
from ftzgraph.graph.store.oxigraph import OxigraphStore

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

TOKEN = "error-shape-token"
UNKNOWN_TYPE = {"Content-Type": "text/x-nope"}
# A cross product that outlives a 1 ms limit but ends on its own within seconds on twelve triples (the query
# thread cannot be stopped, so an unbounded query would keep a core busy for the rest of the session).
BOUNDED_HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(6)) + " }"
TWELVE_TRIPLES = " ".join(f"<http://example.org/s{i}> <http://example.org/p> {i} ." for i in range(12))


class _UnmappedError(FtzGraphError):
    """A domain error no entry of DOMAIN_STATUS names (like a missing server font)."""


def _app(store: OxigraphStore, **settings: Any) -> Any:
    app = create_app(store, Settings(query_workers=1, write_token=TOKEN, **settings))

    @app.get("/_test/unmapped-domain-error")
    def _raise_unmapped() -> None:
        raise _UnmappedError("the server font Noto Sans CJK is not installed")

    return app


@pytest.fixture(scope="module")
def client(built_store: OxigraphStore) -> Iterator[Any]:
    with TestClient(_app(built_store, max_body_bytes=4096), raise_server_exceptions=False) as test_client:
        yield test_client


def _assert_body(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error", "status"}, body
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"].strip()
    return body


def _write(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_the_unmapped_class_is_really_unmapped() -> None:
    assert not any(issubclass(_UnmappedError, cls) for cls, _ in DOMAIN_STATUS)


@pytest.mark.parametrize(
    ("status", "request_args"),
    [
        (400, ("GET", "/sparql", {"params": {"query": "SELECT WHERE {"}})),
        (400, ("GET", "/network/agencies", {"params": {"format": "doc"}})),
        (403, ("POST", "/sparql/update", {"headers": _write("wrong"), "data": {"update": "CLEAR DEFAULT"}})),
        (403, ("GET", "/sparql", {"params": {"query": "SELECT * WHERE { SERVICE <http://a.example/> { ?s ?p ?o } }"}})),
        (404, ("GET", "/no/such/path", {})),
        (404, ("GET", "/agencies/no-such-agency", {})),
        (404, ("GET", "/store", {"params": {"graph": "https://example.org/no-such-graph"}, "headers": _write()})),
        (405, ("DELETE", "/agencies", {})),
        (405, ("PATCH", "/sparql", {})),
        (406, ("GET", "/sparql", {"params": {"query": "ASK {}"}, "headers": {"Accept": "image/png"}})),
        (413, ("POST", "/sparql", {"content": b"x" * 5000, "headers": {"Content-Type": "application/sparql-query"}})),
        (415, ("PUT", "/store", {"params": {"default": ""}, "content": b"x", "headers": _write() | UNKNOWN_TYPE})),
        (422, ("GET", "/agencies", {"params": {"limit": "many"}})),
        (500, ("GET", "/_test/unmapped-domain-error", {})),
    ],
)
def test_every_status_has_the_one_body(client: Any, status: int, request_args: tuple[str, str, dict[str, Any]]) -> None:
    method, path, kwargs = request_args
    _assert_body(client.request(method, path, **kwargs), status)


def test_an_unmapped_domain_error_answers_500_and_is_logged(client: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="ftzgraph.api.errors"):
        body = _assert_body(client.get("/_test/unmapped-domain-error"), 500)
    assert "Noto Sans CJK" in body["error"]
    assert any("/_test/unmapped-domain-error" in record.getMessage() for record in caplog.records)


def test_a_query_over_its_time_answers_503() -> None:
    small = OxigraphStore()
    small.update(f"INSERT DATA {{ {TWELVE_TRIPLES} }}")
    with TestClient(_app(small, query_timeout_ms=1), raise_server_exceptions=False) as slow:
        _assert_body(slow.get("/sparql", params={"query": BOUNDED_HEAVY}), 503)

"""Large writes through the Graph Store Protocol and the union default graph of a store without named graphs:
what a user loading their own RDF over HTTP sees."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path
from typing import Any

import pytest

from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.sparql.graph_store import COMPACT_AFTER_TRIPLES
from ftzgraph.graph.store.oxigraph import OxigraphStore

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

AUTH = {"Authorization": "Bearer t0ken"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
EX = "http://example.org/"


def _count(client: Any, query: str = COUNT) -> int:
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def _write(client: Any, method: str, target: str, body: str) -> None:
    response = client.request(method, f"/store?{target}", content=body.encode(),
                              headers={**AUTH, "Content-Type": "application/n-triples"})  # fmt: skip
    assert response.status_code in (201, 204), response.text


@pytest.mark.parametrize("on_disk", [True, False])
def test_the_default_graph_alone_then_with_a_named_graph(tmp_path: Path, on_disk: bool) -> None:
    store = OxigraphStore(tmp_path / "store" if on_disk else None)
    with TestClient(create_app(store, Settings(write_token="t0ken", query_workers=1))) as client:
        _write(client, "PUT", "default", f'<{EX}a> <{EX}p> "1" .\n<{EX}b> <{EX}p> "2" .\n')
        assert _count(client) == 2  # no named graph: the default graph is the whole union
        _write(client, "PUT", f"graph={EX}g", f'<{EX}c> <{EX}p> "3" .\n')
        assert _count(client) == 3  # a named graph appeared: the union again
        in_g = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}g> {{ ?s ?p ?o }} }}"
        assert _count(client, in_g) == 1
        assert client.delete(f"/store?graph={EX}g", headers=AUTH).status_code == 204
        assert _count(client) == 2


def test_a_large_put_is_readable_at_once_and_after_a_restart(tmp_path: Path) -> None:
    """A write past ``COMPACT_AFTER_TRIPLES`` is compacted before it is answered; the data is all there."""
    n = COMPACT_AFTER_TRIPLES + 10
    body = "".join(f'<{EX}s{i}> <{EX}p> "{i}" .\n' for i in range(n))
    store = OxigraphStore(tmp_path / "store")
    app = create_app(store, Settings(write_token="t0ken", query_workers=1))
    with TestClient(app) as client:
        _write(client, "PUT", "default", body)
        assert _count(client) == n
    del app, client  # the app's query service holds the store open: let it go, then close it
    store.close()
    gc.collect()
    reader = OxigraphStore(tmp_path / "store", read_only=True)
    with TestClient(create_app(reader, Settings(query_workers=1))) as client:
        assert _count(client) == n

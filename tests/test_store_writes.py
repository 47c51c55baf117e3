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


def _numbers(start: int, n: int, graph: str = "") -> str:
    return "".join(f'<{EX}s{i}> <{EX}p{graph}> "{i}" .\n' for i in range(start, start + n))


def _in_graph(store: OxigraphStore, graph: str | None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", union_default_graph=False)
    return int(rows[0]["n"])


@pytest.mark.parametrize("graph", [None, f"{EX}big"])
def test_a_large_put_replaces_the_graph_at_once_and_a_bad_one_changes_nothing(
    tmp_path: Path, graph: str | None
) -> None:
    """A PUT of many triples over a graph that holds many: a reader at any moment sees all the old triples or
    all the new ones (never an empty or a half-written graph); a body whose last line does not parse is
    refused and leaves every old triple in place."""
    import threading

    old, new = 60_000, 50_000
    target = f"graph={graph}" if graph else "default"
    store = OxigraphStore(tmp_path / "store")
    with TestClient(create_app(store, Settings(write_token="t0ken", query_workers=1))) as client:
        _write(client, "PUT", target, _numbers(0, old))
        assert _in_graph(store, graph) == old
        seen: set[int] = set()
        stop = threading.Event()

        def read() -> None:
            while not stop.is_set():
                seen.add(_in_graph(store, graph))

        reader = threading.Thread(target=read)
        reader.start()
        try:
            _write(client, "PUT", target, _numbers(old, new))
        finally:
            stop.set()
            reader.join()
        assert seen <= {old, new}, seen
        assert _in_graph(store, graph) == new
        assert store.ask(f'ASK {{ <{EX}s{old}> <{EX}p> "{old}" }}') and not store.ask(f"ASK {{ <{EX}s0> ?p ?o }}")
        broken = _numbers(0, new) + f"<{EX}s> <{EX}p> .\n"
        response = client.put(f"/store?{target}", content=broken.encode(),
                              headers={**AUTH, "Content-Type": "application/n-triples"})  # fmt: skip
        assert response.status_code == 400 and f"line {new + 1}" in response.json()["error"], response.text
        assert _in_graph(store, graph) == new and not store.ask(f"ASK {{ <{EX}s0> ?p ?o }}")


def test_a_replacing_put_resolves_relative_iris_against_the_graph_and_gives_fresh_blank_nodes(tmp_path: Path) -> None:
    """The replacing path hands the body to Oxigraph as N-Triples: relative IRIs of a Turtle body resolve
    against the graph's IRI as before, and each request's blank nodes are new ones."""
    store = OxigraphStore(tmp_path / "store")
    turtle = {**AUTH, "Content-Type": "text/turtle"}
    body = b'<a> <b> _:x . _:x <c> "1" .'
    with TestClient(create_app(store, Settings(write_token="t0ken", query_workers=1))) as client:
        for method in ("PUT", "PUT", "POST"):
            response = client.request(method, f"/store?graph={EX}dir/g", content=body, headers=turtle)
            assert response.status_code in (201, 204), response.text
    triples = [q.triple for q in store.quads(f"{EX}dir/g")]
    assert {str(t.subject) for t in triples if str(t.predicate) == f"<{EX}dir/b>"} == {f"<{EX}dir/a>"}
    blank = {t.object.value for t in triples if str(t.predicate) == f"<{EX}dir/b>"}
    assert len(triples) == 4 and len(blank) == 2  # the PUT's blank node and the POST's, not one shared


def test_a_json_ld_body_that_names_a_graph_is_refused(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    body = b'{"@id": "http://example.org/g", "@graph": [{"@id": "http://example.org/a", "http://example.org/p": "1"}]}'
    with TestClient(create_app(store, Settings(write_token="t0ken", query_workers=1))) as client:
        response = client.put("/store?default", content=body, headers={**AUTH, "Content-Type": "application/ld+json"})
        assert response.status_code == 400, response.text
    assert list(store.quads()) == []

"""Every route runs within the query deadline and stops when its client goes away (``api.request_deadline``,
``graph.deadline``), on a real store and a real server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
import uvicorn
from _client import TestClient
from fastapi.concurrency import run_in_threadpool

from ftzgraph.api.app import FtzGraphApi, create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.store.oxigraph import OxigraphStore

EX = "http://example.org/"
CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
"""A lazily evaluated cross product: millions of rows, read one by one by ``OxigraphStore.select``."""


def _store() -> OxigraphStore:
    store = OxigraphStore()
    store.raw.extend(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)), ox.NamedNode(f"{EX}g"))
        for i in range(3000)
    )
    return store


def _app(timeout_ms: int) -> tuple[FtzGraphApi, list[str], list[int]]:
    """The real app, plus one route whose work reads a huge result through the store, counting rows read."""
    store = _store()
    runaways: list[str] = []
    app = create_app(store, Settings(query_timeout_ms=timeout_ms, query_workers=1), on_runaway=runaways.append)
    finished: list[int] = []

    def work() -> int:
        try:
            return len(store.select(CROSS))
        finally:
            finished.append(1)

    async def huge() -> dict[str, int]:
        return {"rows": await run_in_threadpool(work)}

    app.add_api_route("/huge", huge)
    return app, runaways, finished


def test_a_route_is_answered_503_at_the_deadline_and_its_work_stops() -> None:
    app, runaways, finished = _app(500)
    with TestClient(app) as client:
        started = time.monotonic()
        answer = client.get("/huge")
        assert time.monotonic() - started < 0.5 + 1
        assert answer.status_code == 503 and "FTZGRAPH_QUERY_TIMEOUT_MS" in answer.json()["error"]
        deadline = time.monotonic() + 2
        while not finished and time.monotonic() < deadline:
            time.sleep(0.05)
        assert finished  # the thread stopped at its next rows, not minutes later
        time.sleep(0.7)
        assert runaways == [] and app.state.budgets == set()
        assert client.get("/zones").status_code == 200  # and the server answers the next request


def test_a_real_route_past_its_deadline_is_503() -> None:
    with TestClient(create_app(_store(), Settings(query_timeout_ms=1, query_workers=1))) as client:
        answer = client.get("/cases", params={"limit": 50})
        assert answer.status_code == 503 and "/cases stopped after the time limit of 1 ms" in answer.json()["error"]


@pytest.fixture
def served() -> Iterator[tuple[str, FtzGraphApi, list[int]]]:
    app, _, finished = _app(30_000)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", app, finished
    server.should_exit = True
    thread.join(10)


def test_work_stops_when_the_client_goes_away(served: tuple[str, FtzGraphApi, list[int]]) -> None:
    base, app, finished = served
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(f"{base}/huge", timeout=0.5)  # the client gives up long before the 30 s deadline
    deadline = time.monotonic() + 3
    while not finished and time.monotonic() < deadline:
        time.sleep(0.05)
    assert finished, "the work of an abandoned request kept running"
    assert app.state.budgets == set()

"""``ftzgraph serve``'s HTTP protocol on a real uvicorn server: request targets over httptools' 64 KiB limit.

The server runs in a thread on a free port, with the protocol class ``ftzgraph serve`` gives uvicorn.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import quote

import pytest
import uvicorn

from ftzgraph.api._http_protocol import LongUrlHttpToolsProtocol
from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.store import OxigraphStore


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    app = create_app(OxigraphStore(), Settings(write_token=None))
    port = _free_port()
    config = uvicorn.Config(app, port=port, log_level="warning", lifespan="on", http=LongUrlHttpToolsProtocol)
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def test_a_90_kb_search_gets_the_apps_own_422(server: str) -> None:
    status, body = _get(server + "/search?q=" + quote("海" * 10_000))
    assert status == 422
    assert json.loads(body)["error"].endswith("at most 200 characters")


def test_a_query_over_64_kib_in_the_url_is_answered(server: str) -> None:
    query = "# " + "长" * 30_000 + "\nASK { FILTER(1 = 1) }"
    url = server + "/sparql?query=" + quote(query)
    assert len(url) > 65_536
    status, body = _get(url)
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})


def test_short_requests_keep_their_query_string(server: str) -> None:
    status, body = _get(server + "/sparql?query=" + quote("SELECT (1 + 1 AS ?two) {}"))
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["two"]["value"] == "2"


@pytest.fixture
def strict_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A server with a 1 s header timeout and a 1 s idle timeout."""
    monkeypatch.setenv("FTZGRAPH_HEADER_TIMEOUT_S", "1")
    app = create_app(OxigraphStore(), Settings(write_token=None))
    port = _free_port()
    config = uvicorn.Config(
        app, port=port, log_level="warning", lifespan="on", http=LongUrlHttpToolsProtocol, timeout_keep_alive=1
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    while not uv.started:
        time.sleep(0.05)
    yield port
    uv.should_exit = True
    thread.join(10)


def _closed_after(sock: socket.socket, limit: float) -> float | None:
    """Seconds until the server closes ``sock`` (None if still open after ``limit``)."""
    started = time.monotonic()
    sock.settimeout(limit)
    try:
        while sock.recv(65536):
            pass
    except TimeoutError:
        return None
    return time.monotonic() - started


@pytest.mark.parametrize("sent", [b"", b"GET / HTTP/1.1\r\nHost: x\r\n"], ids=["nothing", "half-the-headers"])
def test_a_connection_that_does_not_complete_its_headers_is_closed(strict_server: int, sent: bytes) -> None:
    with socket.create_connection(("127.0.0.1", strict_server)) as sock:
        sock.sendall(sent)
        closed = _closed_after(sock, 5)
    assert closed is not None and closed < 1 + 1


def test_an_idle_keep_alive_connection_is_closed_and_a_busy_one_is_not(strict_server: int) -> None:
    with socket.create_connection(("127.0.0.1", strict_server)) as sock:
        for _ in range(3):  # requests 0.6 s apart: never idle 1 s, never slow with headers
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n")
            sock.settimeout(5)
            assert b"200 OK" in sock.recv(65536)
            time.sleep(0.6)
        closed = _closed_after(sock, 5)
    assert closed is not None and closed < 1 + 1

"""``ftzgraph serve``'s protocol answers plain ``/sparql`` requests itself (``api/_direct_query.py``): byte for byte
what the app answers through its ASGI layers, for answers, errors, redirects and the service description.

Two real uvicorn servers run the same app: one with ``ftzgraph serve``'s protocol, one with uvicorn's own (every
request through the app). Each request is sent to both as raw bytes and the raw responses are compared, with
only the ``date`` header left out.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
import pytest
import uvicorn
from starlette.middleware.cors import CORSMiddleware
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from ftzgraph.api import _direct_query
from ftzgraph.api._direct_query import DirectQueries, add_vary_origin
from ftzgraph.api._http_protocol import LongUrlHttpToolsProtocol
from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.store.oxigraph import OxigraphStore

EX = "http://example.org/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(app: Any, protocol: type) -> tuple[uvicorn.Server, threading.Thread, int]:
    port = _free_port()
    config = uvicorn.Config(app, port=port, log_level="warning", lifespan="on", http=protocol)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.05)
    return server, thread, port


@pytest.fixture(scope="module")
def ports() -> Iterator[tuple[int, int]]:
    store = OxigraphStore()
    store.raw.extend(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f"v{i}"), ox.NamedNode(f"{EX}g"))
        for i in range(5)
    )
    app = create_app(store, Settings(write_token=None, max_result_rows=3, max_body_bytes=10_000))
    direct, plain = _serve(app, LongUrlHttpToolsProtocol), _serve(app, HttpToolsProtocol)
    yield direct[2], plain[2]
    for server, thread, _ in (direct, plain):
        server.should_exit = True
        thread.join(10)


def _exchange(port: int, request: bytes) -> bytes:
    """Send ``request`` as it is and read until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _without_date(response: bytes) -> bytes:
    return b"\r\n".join(line for line in response.split(b"\r\n") if not line.lower().startswith(b"date:"))


def _get(target: str, *headers: str) -> bytes:
    lines = [f"GET {target} HTTP/1.1", "Host: 127.0.0.1", *headers, "Connection: close", "", ""]
    return "\r\n".join(lines).encode()


def _post(body: bytes, content_type: str, *headers: str) -> bytes:
    lines = ["POST /sparql HTTP/1.1", "Host: 127.0.0.1", f"Content-Type: {content_type}"]
    lines += [f"Content-Length: {len(body)}", *headers, "Connection: close", "", ""]
    return "\r\n".join(lines).encode() + body


SELECT = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o"
REQUESTS = {
    "json": _get("/sparql?query=" + quote(SELECT), "Accept: application/sparql-results+json"),
    "csv": _get("/sparql?query=" + quote(SELECT), "Accept: text/csv"),
    "tsv by format=": _get("/sparql?format=tsv&query=" + quote(SELECT)),
    "xml": _get("/sparql?query=" + quote(SELECT), "Accept: application/sparql-results+xml"),
    "no Accept": _get("/sparql?query=" + quote("SELECT (1 AS ?one) {}")),
    "ask": _get("/sparql?query=" + quote("ASK { ?s ?p ?o }"), "Accept: application/json"),
    "construct": _get("/sparql?query=" + quote("CONSTRUCT WHERE { ?s ?p ?o }"), "Accept: text/turtle"),
    "protocol dataset": _get(f"/sparql?default-graph-uri={quote(EX + 'g')}&query=" + quote(SELECT)),
    "syntax error": _get("/sparql?query=" + quote("SELECT ?s WHERE { ?s ")),
    "not acceptable": _get("/sparql?query=" + quote(SELECT), "Accept: text/turtle"),
    "SERVICE": _get("/sparql?query=" + quote("SELECT * { SERVICE <http://x.example/> { ?s ?p ?o } }")),
    "bad IRI": _get("/sparql?default-graph-uri=nope&query=" + quote(SELECT)),
    "two queries": _get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D"),
    "unknown format": _get("/sparql?format=yaml&query=ASK%7B%7D"),
    "not UTF-8": _get("/sparql?query=%FF"),
    "service description": _get("/sparql", "Accept: text/turtle"),
    "a browser": _get("/sparql", "Accept: text/html,application/xhtml+xml"),
    "behind a proxy": _get("/sparql", "Accept: application/n-triples", "X-Forwarded-Proto: https"),
    "form POST": _post(b"query=" + quote(SELECT).encode(), "application/x-www-form-urlencoded"),
    "direct POST": _post(SELECT.encode(), "application/sparql-query", "Accept: text/csv"),
    "POST without a query": _post(b"format=csv", "application/x-www-form-urlencoded"),
    "POST of another type": _post(b"{}", "application/json"),
    "POST over the body cap": _post(b"query=" + b"x" * 20_000, "application/x-www-form-urlencoded"),
    "HEAD": b"HEAD /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    "with Origin": _get("/sparql?query=" + quote(SELECT), "Origin: https://notebook.example"),
    "HTTP/1.0": b"GET /sparql?query=ASK%7B%7D HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
}


@pytest.mark.parametrize("name", list(REQUESTS))
def test_the_protocol_answers_as_the_app(ports: tuple[int, int], name: str) -> None:
    direct, plain = ports
    expected = _exchange(plain, REQUESTS[name])
    assert expected.startswith(b"HTTP/1.1 "), expected[:200]
    if name == "behind a proxy":  # uvicorn's proxy headers still act: the endpoint describes itself as served
        assert b"<https://" in expected
    assert _without_date(_exchange(direct, REQUESTS[name])) == _without_date(expected)


def test_plain_requests_take_the_direct_way_and_the_others_the_apps(
    ports: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered: list[str] = []
    original = DirectQueries.__call__

    async def counting(self: DirectQueries, scope: Any, receive: Any, send: Any) -> None:
        answered.append(scope["method"])
        await original(self, scope, receive, send)

    monkeypatch.setattr(_direct_query.DirectQueries, "__call__", counting)
    direct, _ = ports
    for name in ("json", "form POST", "syntax error", "service description"):
        _exchange(direct, REQUESTS[name])
    assert answered == ["GET", "POST", "GET", "GET"]
    for name in ("HEAD", "with Origin", "POST over the body cap"):
        _exchange(direct, REQUESTS[name])
    assert len(answered) == 4


def test_keep_alive_and_pipelined_requests_are_answered_in_order(ports: tuple[int, int]) -> None:
    direct, plain = ports
    first = _get("/sparql?query=" + quote("SELECT (1 AS ?n) {}"), "Accept: text/csv").replace(
        b"Connection: close\r\n", b""
    )
    second = _get("/sparql?query=" + quote("SELECT (2 AS ?n) {}"), "Accept: text/csv")
    responses = [_without_date(_exchange(port, first + second)) for port in (direct, plain)]
    assert responses[0] == responses[1]
    assert responses[0].index(b"\r\n\r\nn\r\n1\r\n") < responses[0].index(b"\r\n\r\nn\r\n2\r\n")


@pytest.mark.parametrize(
    "headers",
    [
        [(b"content-type", b"text/csv")],
        [(b"content-type", b"text/csv"), (b"vary", b"Accept"), (b"x-cache", b"hit")],
        [(b"vary", b"Accept"), (b"content-type", b"text/csv"), (b"vary", b"Cookie")],
    ],
)
def test_vary_is_what_the_cors_middleware_makes_of_it(headers: list[tuple[bytes, bytes]]) -> None:
    import asyncio

    sent: list[Any] = []

    async def send(message: Any) -> None:
        sent.append(message)

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": list(headers)})

    cors = CORSMiddleware(app, allow_origins=["*"])
    scope = {"type": "http", "method": "GET", "headers": [], "path": "/sparql"}
    asyncio.run(cors(scope, None, send))  # type: ignore[arg-type]
    assert add_vary_origin(list(headers)) == sent[0]["headers"]

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
from ftzgraph.graph.store.oxigraph import OxigraphStore


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


def _raw(server: str, request: bytes) -> bytes:
    """Send ``request`` bytes as they are (urllib would percent-encode) and read until the server closes."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_raw_utf8_in_the_query_string_is_read_as_a_browser_would_send_it(server: str) -> None:
    """curl 'http://…/sparql?query=…"海关"…' sends the UTF-8 bytes unencoded; llhttp alone answers 400."""
    query = 'SELECT ("海关" AS ?x) {}'.replace(" ", "%20")
    answer = _raw(server, f"GET /sparql?query={query} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 200")
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["results"]["bindings"][0]["x"]["value"] == "海关"


def _read_response(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(
        next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))
    )
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


def test_raw_utf8_on_a_kept_alive_connection_and_bodies_left_as_sent(server: str) -> None:
    """The next request line of a kept-alive connection is read the same way; a POST body's UTF-8 is kept."""
    body = 'SELECT ("绥芬河" AS ?x) {}'.encode()
    first = (
        b"POST /sparql HTTP/1.1\r\nHost: t\r\nContent-Type: application/sparql-query\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    second = 'GET /sparql?query=SELECT%20("海关"%20AS%20?x)%20{} HTTP/1.1\r\nHost: t\r\n\r\n'.encode()
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(first)
        one = _read_response(sock)
        sock.sendall(second)
        two = _read_response(sock)
    assert one.startswith(b"HTTP/1.1 200") and "绥芬河".encode() in one
    assert two.startswith(b"HTTP/1.1 200") and "海关".encode() in two


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


def _exchange(server: str, request: bytes, answers: int, *, then: bytes = b"") -> bytes:
    """Send raw ``request`` bytes and read until ``answers`` SPARQL booleans (or, with 0, one head) came back;
    ``then`` is sent once the server says ``100 Continue``."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        received = b""
        while (received.count(b'"boolean"') < answers) if answers else (b"\r\n\r\n" not in received):
            chunk = sock.recv(65536)
            assert chunk, f"connection closed after {received!r}"
            received += chunk
            if then and b"100 Continue" in received:
                sock.sendall(then)
                then = b""
        return received


def test_keep_alive_answers_each_request_whole(server: str) -> None:
    """Heads are held until their body's write: two requests on one connection get two whole answers, in order."""
    ask = "/sparql?query=" + quote("ASK {}")
    request = f"GET {ask} HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n\r\n".encode()
    received = _exchange(server, request * 2, 2)
    answers = received.split(b"HTTP/1.1 200 ")
    assert answers[0] == b"" and len(answers) == 3
    assert all(b'"boolean":true' in a.replace(b" ", b"") for a in answers[1:])


def test_head_and_100_continue_are_answered(server: str) -> None:
    ask = "/sparql?query=" + quote("ASK {}")
    head = _exchange(server, f"HEAD {ask} HTTP/1.1\r\nHost: x\r\n\r\n".encode(), 0)
    assert head.startswith(b"HTTP/1.1 200 ") and head.endswith(b"\r\n\r\n")
    body = b"query=" + quote("ASK {}").encode()
    request = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nAccept: application/sparql-results+json\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n"
    )
    answer = _exchange(server, request, 1, then=body)
    assert answer.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ")

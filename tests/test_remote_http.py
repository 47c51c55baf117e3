"""``graph/store/_remote_http.py``: endpoints from the environment, credentials, retries, timeouts, clear errors.

The faults come from a tiny real HTTP server in the test that answers 5xx, 401 or sleeps; nothing
in the HTTP layer is mocked.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from ftzgraph.graph.errors import StoreError
from ftzgraph.graph.store.open import RemoteConfig
from ftzgraph.graph.store.remote import RemoteStore


class Handler(BaseHTTPRequestHandler):
    """Answers every request with ``server.behave(handler)``; counts requests and keeps their headers."""

    server: FaultyServer

    def do_POST(self) -> None:
        self.server.requests.append(dict(self.headers))
        self.server.behave(self)

    def log_message(self, *args: Any) -> None:
        pass


class FaultyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, behave: Callable[[Handler], None]) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.behave = behave
        self.requests: list[dict[str, str]] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}/sparql"


@pytest.fixture
def faulty() -> Iterator[Callable[[Callable[[Handler], None]], FaultyServer]]:
    servers: list[FaultyServer] = []

    def start(behave: Callable[[Handler], None]) -> FaultyServer:
        server = FaultyServer(behave)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def answer(handler: Handler, status: int, body: bytes = b"", kind: str = "text/plain") -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def fast_config(url: str, **env: str) -> RemoteConfig:
    return RemoteConfig.from_env(url, {"FTZGRAPH_REMOTE_RETRIES": "2", "FTZGRAPH_REMOTE_BACKOFF_S": "0.01", **env})


def test_503_is_retried_then_answered(faulty: Callable[[Callable[[Handler], None]], FaultyServer]) -> None:
    def busy_twice(handler: Handler) -> None:
        if len(handler.server.requests) <= 2:
            answer(handler, 503, b"busy")
        else:
            answer(handler, 200, b'{"head": {}, "boolean": true}', "application/sparql-results+json")

    server = faulty(busy_twice)
    store = RemoteStore(fast_config(server.url))
    assert store.ask("ASK {}") is True
    assert len(server.requests) == 3
    store.close()


@pytest.mark.parametrize("status", [502, 503, 504])
def test_persistent_5xx_gives_a_clear_error(
    faulty: Callable[[Callable[[Handler], None]], FaultyServer], status: int
) -> None:
    server = faulty(lambda handler: answer(handler, status, b"upstream trouble"))
    store = RemoteStore(fast_config(server.url))
    with pytest.raises(StoreError, match=f"{server.url} failed after 3 attempt.*HTTP {status} upstream trouble"):
        store.select("SELECT * WHERE { ?s ?p ?o }")
    assert len(server.requests) == 3
    store.close()


def test_swap_is_not_retried_after_a_504(faulty: Callable[[Callable[[Handler], None]], FaultyServer]) -> None:
    """A gateway timeout may come after the server ran the update: running a swap twice could empty a graph."""
    server = faulty(lambda handler: answer(handler, 504, b"gateway timeout"))
    store = RemoteStore(fast_config(server.url))
    with pytest.raises(StoreError, match="HTTP 504"):
        store.update("DROP SILENT GRAPH <x> ; MOVE <y> TO <x>", idempotent=False)
    assert len(server.requests) == 1
    store.close()


def test_slow_answer_times_out_once_with_a_clear_error(
    faulty: Callable[[Callable[[Handler], None]], FaultyServer],
) -> None:
    def slow(handler: Handler) -> None:
        time.sleep(1.5)
        answer(handler, 200, b'{"head": {}, "boolean": true}', "application/sparql-results+json")

    server = faulty(slow)
    store = RemoteStore(fast_config(server.url, FTZGRAPH_REMOTE_TIMEOUT_S="0.3"))
    started = time.monotonic()
    with pytest.raises(StoreError, match=f"{server.url} timed out after 0.3s.*FTZGRAPH_REMOTE_TIMEOUT_S"):
        store.ask("ASK {}")
    assert time.monotonic() - started < 1.4
    assert len(server.requests) == 1
    store.close()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"FTZGRAPH_REMOTE_TOKEN": "t0k"}, "Bearer t0k"),
        ({"FTZGRAPH_REMOTE_USER": "ann", "FTZGRAPH_REMOTE_PASSWORD": "pw"}, "Basic YW5uOnB3"),
    ],
)
def test_credentials_are_sent(
    faulty: Callable[[Callable[[Handler], None]], FaultyServer], env: dict[str, str], expected: str
) -> None:
    server = faulty(lambda h: answer(h, 200, b'{"head": {}, "boolean": false}', "application/sparql-results+json"))
    store = RemoteStore(fast_config(server.url, **env))
    assert store.ask("ASK {}") is False
    assert server.requests[0]["Authorization"] == expected
    store.close()


def test_refused_credentials_say_which_settings(faulty: Callable[[Callable[[Handler], None]], FaultyServer]) -> None:
    server = faulty(lambda handler: answer(handler, 401, b"no"))
    store = RemoteStore(fast_config(server.url))
    with pytest.raises(StoreError, match=r"HTTP 401.*FTZGRAPH_REMOTE_USER"):
        store.ask("ASK {}")
    store.close()


@pytest.mark.parametrize(
    ("url", "update", "gsp"),
    [
        ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
        ("http://h:7878", "http://h:7878/update", "http://h:7878/store"),
        ("https://h/ds/query", "https://h/ds/update", "https://h/ds/store"),
    ],
)
def test_endpoints_default_to_oxigraphs_layout(url: str, update: str, gsp: str) -> None:
    config = RemoteConfig.from_env(url, {})
    assert (config.update_url, config.gsp_url) == (update, gsp)


def test_endpoints_and_timeouts_from_the_environment() -> None:
    env = {
        "FTZGRAPH_UPDATE_URL": "http://v/sparql",
        "FTZGRAPH_GSP_URL": "http://v/sparql-graph-crud",
        "FTZGRAPH_REMOTE_TIMEOUT_S": "2.5",
    }
    config = RemoteConfig.from_env("http://v/sparql", env)
    assert (config.update_url, config.gsp_url, config.timeout_s) == (
        env["FTZGRAPH_UPDATE_URL"],
        env["FTZGRAPH_GSP_URL"],
        2.5,
    )
    with pytest.raises(StoreError, match="FTZGRAPH_REMOTE_TIMEOUT_S='soon' is not a number"):
        RemoteConfig.from_env("http://v/sparql", {"FTZGRAPH_REMOTE_TIMEOUT_S": "soon"})

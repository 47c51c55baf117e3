"""uvicorn's httptools protocol, able to take a request target longer than 64 KiB, with a header timeout,
writing each response's head and body in one send.

httptools (llhttp) parses requests faster than h11, which is why ``ftzgraph serve`` uses it,
but its URL splitter (``httptools.parse_url``) keeps offsets in 16 bits: a request target over 65,535 bytes,
such as ``/search?q=`` with 10,000 Chinese characters (90 KB percent-encoded), failed with a bare "Invalid
HTTP request received." before the app could say what was wrong. Here a long target is split at its first
``?`` by hand, so the app sees it and answers with its own message (e.g. 422 for an over-long ``q``).

llhttp also refuses a request target holding raw (not percent-encoded) UTF-8, which curl and many scripts send
(``curl 'http://127.0.0.1:8000/search?q=海关'``): "Invalid char in url query", a bare 400. A request line can
hold no byte above 0x7F legitimately, so such bytes in it are percent-encoded before the parser sees them;
the app then reads the same text a browser would have sent. Header values and bodies are never touched.
A request pipelined behind another in the same read is parsed unchanged (browsers and curl do not pipeline).

uvicorn closes a keep-alive connection idle after a response (``timeout_keep_alive``), but not one that
never completes its request's headers: 500 connections that sent nothing stayed open. Here a connection
must complete each request's headers within ``FTZGRAPH_HEADER_TIMEOUT_S`` (read as the connection opens) of
opening (or of the request's first byte), or it is closed.

Why one send: uvicorn writes a response's head when the app starts the response and its body when the app sends
it, two system calls on the socket, each made holding the GIL. On loopback the first one also wakes the client
and delivers the segment in the caller's time, which made that first write one of the largest costs of a
server under load (sampled). ``_OneSendTransport`` holds the head until the body's first write and sends
them together.

Plain ``/sparql`` requests (no ``Origin``, no body over the cap, GET or POST) are answered by ``_direct_query``
instead of the app's ASGI layers, with the same response; ``_start_asgi_task`` picks the app per request.
"""

from __future__ import annotations

import asyncio
import os
import re
from typing import Any, cast

from uvicorn._types import ASGI3Application
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle

from ftzgraph.api._direct_query import DirectQueries, direct_queries_of

_URL_PARSER_LIMIT = 65_535
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def percent_encode_non_ascii(request_line: bytes) -> bytes:
    """``request_line`` with each byte above 0x7F written as ``%XX`` (what a browser sends for UTF-8)."""
    return _NON_ASCII.sub(lambda match: b"%%%02X" % match.group()[0], request_line)


HEADER_TIMEOUT_ENV = "FTZGRAPH_HEADER_TIMEOUT_S"
DEFAULT_HEADER_TIMEOUT_S = 10.0


class _OneSendTransport:
    """The connection's transport as one response cycle sees it: the response head (the first write that is
    not an interim ``100 Continue``) is held and goes out with the next write, the body's. Closing first sends
    what is held, so a response the app abandons ends as it did before."""

    __slots__ = ("_held", "_transport")

    def __init__(self, transport: asyncio.Transport) -> None:
        self._transport = transport
        self._held: bytes | None = None

    def write(self, data: bytes) -> None:
        if self._held is not None:
            head, self._held = self._held, None
            self._transport.writelines((head, data))  # one writev on uvloop; no copy of a large body
            return
        if data.startswith(b"HTTP/1.1 ") and not data.startswith(b"HTTP/1.1 100 "):
            self._held = data
            return
        self._transport.write(data)

    def close(self) -> None:
        if self._held is not None:
            self._transport.write(self._held)
            self._held = None
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


_DIRECT: dict[int, tuple[Any, tuple[Any, DirectQueries] | None]] = {}


def _direct_queries(config: Config) -> tuple[Any, DirectQueries] | None:
    """The app answering plain ``/sparql`` requests of ``config``'s loaded app, found once per loaded app."""
    app = config.loaded_app
    known = _DIRECT.get(id(config))
    if known is None or known[0] is not app:
        known = _DIRECT[id(config)] = (app, direct_queries_of(app))
    return known[1]


class LongUrlHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` taking long request targets and raw UTF-8 in them, closing connections whose
    request headers do not arrive in time, and sending each response's head with its body (``_OneSendTransport``).

    ``_in_request_line`` is true from the start of a connection, and again after each request, until the
    request line's end has been seen: only those bytes are rewritten.
    """

    _header_timer: asyncio.TimerHandle | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_request_line = True
        self._header_timeout_s = float(os.environ.get(HEADER_TIMEOUT_ENV) or DEFAULT_HEADER_TIMEOUT_S)

    def data_received(self, data: bytes) -> None:
        if self._in_request_line:
            end = data.find(b"\n")
            line, rest = (data, b"") if end < 0 else (data[: end + 1], data[end + 1 :])
            if end >= 0:
                self._in_request_line = False
            if _NON_ASCII.search(line):
                data = percent_encode_non_ascii(line) + rest
        super().data_received(data)

    def on_message_complete(self) -> None:
        self._in_request_line = True
        super().on_message_complete()

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        self._header_timer = self.loop.call_later(self._header_timeout_s, self._headers_too_slow)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._header_timer is None:
            self._arm_header_timer()

    def on_headers_complete(self) -> None:
        self._disarm_header_timer()
        if len(self.url) <= _URL_PARSER_LIMIT:
            super().on_headers_complete()
            self._one_send()
            return
        path, _, query = self.url.partition(b"?")
        self.url = path  # a path over the limit still fails in parse_url: a 400, as before
        super().on_headers_complete()
        # The request's scope was built from the short target; the ASGI task it started has not run yet.
        self.scope["query_string"] = query
        self._one_send()

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: ASGI3Application) -> None:
        if app is self.app:
            direct = _direct_queries(self.config)
            if direct is not None and direct[1].takes(cast(Any, cycle.scope)):
                app = direct[0]
        super()._start_asgi_task(cycle, app)

    def _one_send(self) -> None:
        cycle = getattr(self, "cycle", None)
        # A HEAD answer has no body write to carry its head: uvicorn only writes the head.
        if cycle is not None and self.scope["method"] != "HEAD" and not isinstance(cycle.transport, _OneSendTransport):
            cycle.transport = _OneSendTransport(cycle.transport)

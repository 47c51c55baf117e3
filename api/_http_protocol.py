"""uvicorn's httptools protocol, able to take a request target longer than 64 KiB, writing each response's
head and body in one send.

httptools (llhttp) parses requests several times faster than h11, which is why ``ftzgraph serve`` uses it,
but its URL splitter (``httptools.parse_url``) keeps offsets in 16 bits: a request target over 65,535 bytes,
such as ``/search?q=`` with 10,000 Chinese characters (90 KB percent-encoded), failed with a bare "Invalid
HTTP request received." before the app could say what was wrong. Here a long target is split at its first
``?`` by hand, so the app sees it and answers with its own message (e.g. 422 for an over-long ``q``).

Why one send: uvicorn writes a response's head when the app starts the response and its body when the app sends
it, two system calls on the socket, each made holding the GIL. On loopback the first one also wakes the client
and delivers the segment in the caller's time, which made that first write one of the largest costs of a
server under load (sampled). ``_OneSendTransport`` holds the head until the body's first write and sends
them together.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

_URL_PARSER_LIMIT = 65_535


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


class LongUrlHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` with the query string of a long request target split off before ``parse_url``, and
    each response's head sent with its body (``_OneSendTransport``)."""

    def on_headers_complete(self) -> None:
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

    def _one_send(self) -> None:
        cycle = getattr(self, "cycle", None)
        # A HEAD answer has no body write to carry its head: uvicorn only writes the head.
        if cycle is not None and self.scope["method"] != "HEAD" and not isinstance(cycle.transport, _OneSendTransport):
            cycle.transport = _OneSendTransport(cycle.transport)

"""uvicorn's httptools protocol, able to take a request target longer than 64 KiB.

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
"""

from __future__ import annotations

import re
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

_URL_PARSER_LIMIT = 65_535
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def percent_encode_non_ascii(request_line: bytes) -> bytes:
    """``request_line`` with each byte above 0x7F written as ``%XX`` (what a browser sends for UTF-8)."""
    return _NON_ASCII.sub(lambda match: b"%%%02X" % match.group()[0], request_line)


class LongUrlHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` taking long request targets and raw UTF-8 in them.

    ``_in_request_line`` is true from the start of a connection, and again after each request, until the
    request line's end has been seen: only those bytes are rewritten.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_request_line = True

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

    def on_headers_complete(self) -> None:
        if len(self.url) <= _URL_PARSER_LIMIT:
            super().on_headers_complete()
            return
        path, _, query = self.url.partition(b"?")
        self.url = path  # a path over the limit still fails in parse_url: a 400, as before
        super().on_headers_complete()
        # The request's scope was built from the short target; the ASGI task it started has not run yet.
        self.scope["query_string"] = query

"""uvicorn's httptools protocol, able to take a request target longer than 64 KiB.

httptools (llhttp) parses requests several times faster than h11, which is why ``ftzgraph serve`` uses it,
but its URL splitter (``httptools.parse_url``) keeps offsets in 16 bits: a request target over 65,535 bytes,
such as ``/search?q=`` with 10,000 Chinese characters (90 KB percent-encoded), failed with a bare "Invalid
HTTP request received." before the app could say what was wrong. Here a long target is split at its first
``?`` by hand, so the app sees it and answers with its own message (e.g. 422 for an over-long ``q``).
"""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

_URL_PARSER_LIMIT = 65_535


class LongUrlHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` with the query string of a long request target split off before ``parse_url``."""

    def on_headers_complete(self) -> None:
        if len(self.url) <= _URL_PARSER_LIMIT:
            super().on_headers_complete()
            return
        path, _, query = self.url.partition(b"?")
        self.url = path  # a path over the limit still fails in parse_url: a 400, as before
        super().on_headers_complete()
        # The request's scope was built from the short target; the ASGI task it started has not run yet.
        self.scope["query_string"] = query

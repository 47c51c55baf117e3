"""``/sparql`` answered by the HTTP protocol without the app's ASGI layers, with the response the app gives.

Why: a lineage query is evaluated in about as much CPU as the rest of its request costs, and under load the
server's req/s is its CPU per request. The app sends ``/sparql`` to its plain-ASGI endpoint already, but each
request still passed through FastAPI's dispatch, the body-size cap and the CORS middleware, which, for a
request without an ``Origin`` header and without a body over the cap, change nothing but add ``Origin`` to
``Vary``. ``ftzgraph serve``'s protocol (``_http_protocol``) hands such requests to ``DirectQueries`` instead
of the app: the same endpoint (``SparqlQueryEndpoint.respond``), the same ``Vary``, uvicorn's own request cycle
(its proxy headers, body reading, access log, keep-alive and error handling). Every other request (a
browser's, with ``Origin``; ``HEAD``; a chunked or over-long body; any other path) takes the app's way.
"""

from __future__ import annotations

import copy
from typing import Any

from starlette.types import Receive, Scope, Send

from ftzgraph.api.sparql_endpoint import PATH, SparqlQueryEndpoint

_METHODS = ("GET", "POST")


def add_vary_origin(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` as Starlette's CORS middleware leaves them for a request without ``Origin``: one ``vary``
    header, where the first one was (else last), holding every ``vary`` value and then ``Origin``."""
    values = [value for name, value in headers if name == b"vary"]
    merged: tuple[bytes, bytes] | None = (b"vary", b", ".join([*values, b"Origin"]))
    if not values:
        return [*headers, (b"vary", b"Origin")]
    out: list[tuple[bytes, bytes]] = []
    for name, value in headers:
        if name != b"vary":
            out.append((name, value))
        elif merged is not None:
            out.append(merged)
            merged = None
    return out


class DirectQueries:
    """An ASGI app answering the ``/sparql`` requests that ``takes`` accepts as the whole app would.

    ``max_body_bytes`` is the app's body-size cap (a body declared larger goes to the app, which answers 413);
    ``cors`` whether the app runs CORS (then ``Vary`` names ``Origin`` too, as the middleware adds it).
    """

    def __init__(self, endpoint: SparqlQueryEndpoint, *, max_body_bytes: int, cors: bool) -> None:
        self.endpoint = endpoint
        self.max_body_bytes = max_body_bytes
        self.cors = cors

    def takes(self, scope: Scope) -> bool:
        """Whether the request of ``scope`` is one this answers exactly as the app (see the module's doc)."""
        if scope["method"] not in _METHODS or scope["path"] != scope["root_path"] + PATH:
            return False
        for name, value in scope["headers"]:
            if name == b"origin" or name == b"transfer-encoding":
                return False
            if name == b"content-length" and not (value.isdigit() and int(value) <= self.max_body_bytes):
                return False
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = b""
        if scope["method"] == "POST":
            chunks = []
            while True:
                message = await receive()
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
        status, headers, content = await self.endpoint.respond(scope, body)
        if self.cors:
            headers = add_vary_origin(headers)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": content})


def direct_queries_of(app: Any) -> tuple[Any, DirectQueries] | None:
    """For uvicorn's loaded app (the ftzgraph app, maybe inside uvicorn's proxy-headers middleware): an ASGI app
    doing what ``app`` does before the ftzgraph app (the same proxy headers), then ``DirectQueries``, and the
    ``DirectQueries`` itself; None when ``app`` is something else (a test's own app, another wrapper)."""
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    if isinstance(app, ProxyHeadersMiddleware):
        inner = direct_queries_of(app.app)
        if inner is None:
            return None
        wrapped = copy.copy(app)  # the same trusted hosts, around the direct answers
        wrapped.app = inner[0]
        return wrapped, inner[1]
    direct = getattr(app, "direct_queries", None)
    return (direct, direct) if isinstance(direct, DirectQueries) else None

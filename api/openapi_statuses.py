"""Every status each route can answer, written into the OpenAPI document.

Why: FastAPI lists the 200 and the 422 it makes itself; the statuses that come from elsewhere were missing, so
clients generated from ``/openapi.json`` did not know them: the limits every request meets (503 at the
deadline or when the worker is over its slow-request or memory cap, 429 for a client with too many slow
requests, 413 for a body over the cap, 500), the write token (401 without, 403 with a wrong one or when writes
are off), unknown ids (404), content negotiation (406), media types (415) and the Graph Store Protocol's
201/204. ``add_statuses`` adds them by what a route is (its path, method, dependencies); ``tests/
test_openapi_statuses.py`` sends each route the requests that provoke each status and checks that every status
it sees is listed.
"""

from __future__ import annotations

from typing import Any

ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
    "required": ["error", "status"],
}
MEANING = {
    "201": "The graph was created.",
    "204": "Done; no content.",
    "303": "A browser (Accept: text/html) is sent to the page for this resource or the query editor.",
    "400": "A bad parameter, or a SPARQL syntax error (with the parser's position) or request over a shape limit.",
    "401": "No 'Authorization: Bearer <token>' header.",
    "403": "Writes are off on this server, the token is wrong, or the request uses SERVICE/LOAD.",
    "404": "No such resource (the message says where the known ones are listed).",
    "406": "No acceptable media type for this answer.",
    "413": "The request body is over FTZGRAPH_MAX_BODY_BYTES.",
    "415": "The request body's media type is not one this route takes.",
    "422": "A parameter fails validation.",
    "429": "This client has FTZGRAPH_MAX_SLOW_QUERIES_PER_CLIENT slow requests running; see Retry-After.",
    "500": "An unexpected server error (logged).",
    "503": "Stopped at FTZGRAPH_QUERY_TIMEOUT_MS, or the worker is at FTZGRAPH_MAX_SLOW_QUERIES or its memory cap.",
}
LIMITS = ("413", "429", "500", "503")
"""What every request under the deadline can meet (``request_deadline``, ``slow_work``, ``memory_watch``, and
the body cap, which holds for a body sent with any method)."""
WRITES = ("400", "401", "403", "413", "500")
"""What every write can meet: the token, the body cap; writes are not under the deadline."""
STORE_PROTOCOL = {
    "get": ("200", "404", "406"),
    "head": ("200", "404", "406"),
    "put": ("201", "204", "415"),
    "post": ("201", "204", "415"),
    "delete": ("204", "404"),
}
WRITE_PATHS = ("/store", "/sparql/update")
"""The routes behind the write token (``deps.require_write_token``)."""
_NEGOTIATED = ("/id/", "/graph/", "/ontology")
"""Linked-data routes: negotiated (406) and sending browsers to pages (303)."""


def _statuses(path: str, method: str, parameters: bool) -> set[str]:
    if path == "/store":
        return {*WRITES, *STORE_PROTOCOL[method]}
    if path in WRITE_PATHS:
        return {*WRITES, "204", "415"}
    statuses = set(LIMITS)
    if parameters:
        statuses.add("400")  # a value that cannot be what it names (an IRI with control characters)
    if "{" in path:
        statuses.add("404")
    if path.startswith(_NEGOTIATED):
        statuses |= {"303", "406"}
    if path.startswith("/network/"):
        statuses.add("400")
    return statuses


def add_statuses(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every status of every route listed (an existing entry is kept as it is)."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method not in STORE_PROTOCOL:
                continue  # not an operation (e.g. a path-level "parameters")
            responses = operation.setdefault("responses", {})
            wanted = _statuses(path, method, bool(operation.get("parameters")))
            if "200" not in wanted and path == "/store":
                responses.pop("200", None)  # the Graph Store Protocol's writes answer 201 or 204
            for status in sorted(wanted):
                responses.setdefault(status, {"description": MEANING.get(status, ""), "content": ERROR})
                if status in ("201", "204", "303"):
                    responses[status].pop("content", None)
                if status == "429":
                    responses[status]["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
                if status == "401":
                    responses[status]["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
    return schema

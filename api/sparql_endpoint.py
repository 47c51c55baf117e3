"""The SPARQL 1.1 Protocol query endpoint, ``/sparql``, as a plain ASGI app.

Why not a FastAPI route: ``/sparql`` is the hot path (benchmarked in issue 3), and FastAPI's routing, dependency
solving, request and response objects cost as much server CPU per request as evaluating a lineage query (the benchmark
scripts print the figures). The app (``app.FtzGraphApi``) hands every ``/sparql`` request here before its routing; the
endpoint reads the request with the same functions as the other protocol routes (``sparql.read_params``), answers errors
with the one error body (``errors.error_for``), and is wrapped in the same body-size limit and CORS middleware as the
rest of the app. Its OpenAPI description is ``OPENAPI_PATH``.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import RedirectResponse
from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from ftzgraph.api.errors import ApiError, error_for
from ftzgraph.api.negotiation import not_acceptable, sparql_media_types
from ftzgraph.api.settings import Settings
from ftzgraph.api.sparql import endpoint_url, iri_values, read_params
from ftzgraph.graph.sparql.service import QueryResult, ResultFormUnavailable, SparqlService, describe_service

PATH = "/sparql"
_METHODS = ("GET", "HEAD", "POST")


def prefers_html(accept: str | None) -> bool:
    """A browser's Accept (text/html listed before any RDF type), not a SPARQL client's."""
    if not accept or "text/html" not in accept:
        return False
    first_rdf = min((accept.find(t) for t in ("turtle", "rdf+xml", "ld+json", "n-triples") if t in accept), default=-1)
    return first_rdf < 0 or accept.find("text/html") < first_rdf


def client_address(scope: Scope) -> str | None:
    """The client's address, which slow queries are counted by (``graph.slow_work``)."""
    client = scope.get("client")
    return client[0] if client else None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


async def _body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


class SparqlQueryEndpoint:
    """Answers SPARQL queries (GET ``?query=``, form POST, ``application/sparql-query`` POST) within limits."""

    def __init__(self, service: SparqlService, settings: Settings) -> None:
        self.service = service
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await _body(receive) if scope["method"] == "POST" else b""  # the body-size limit acts here
        status, headers, content = await self.respond(scope, body)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else content})

    async def respond(self, scope: Scope, body: bytes) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """The response to a request (its ASGI ``scope`` and whole ``body``): status, headers and body.

        A plain function of the request, so that the HTTP protocol can answer ``/sparql`` without the ASGI layers
        (``_direct_query``) with exactly the response the app gives.
        """
        try:
            result = await self._answer(scope, body)
        except Exception as error:  # every failure gets the one error body; unexpected ones are logged as 500s
            response: Any = await error_for(Request(scope), error)
            return response.status_code, response.raw_headers, bytes(response.body)
        if isinstance(result, RedirectResponse):
            return result.status_code, result.raw_headers, bytes(result.body)
        headers = [
            (b"content-type", result.media_type.encode()),
            (b"content-length", b"%d" % len(result.body)),
            (b"vary", b"Accept"),
        ]
        if result.truncated:
            headers.append((b"x-result-truncated", b"true"))
        if result.cached:
            headers.append((b"x-cache", b"hit"))
        return 200, headers, result.body

    async def _answer(self, scope: Scope, body: bytes) -> QueryResult | RedirectResponse:
        method = scope["method"]
        if method not in _METHODS:
            raise ApiError(405, f"{method} is not allowed on {PATH}", headers={"Allow": ", ".join(_METHODS)})
        content_type = _header(scope, b"content-type") or ""
        query, params = read_params(
            method, scope["query_string"], content_type, body, PATH, "application/sparql-query", "query"
        )
        accept = accept_for_format(params, _header(scope, b"accept"))
        endpoint = endpoint_url(scope)
        if query is None and method == "POST":
            raise ApiError(400, "no 'query' parameter and no application/sparql-query body")
        if query is None and prefers_html(accept):
            # a browser on the endpoint gets the query editor (under the root path, behind a proxy prefix)
            return RedirectResponse(str(scope.get("root_path", "")).rstrip("/") + "/query", status_code=303)
        results_type, graph_type = sparql_media_types(accept)
        if query is None:
            if graph_type is None:
                raise not_acceptable("DESCRIBE", accept)
            writes, union = self.settings.writes_enabled, self.settings.union_default_graph
            return describe_service(endpoint, graph_type, union_default_graph=union, update=writes)
        try:
            return await self.service.query(
                query,
                results_type,
                graph_type,
                base_iri=endpoint,
                default_graphs=iri_values(params, "default-graph-uri"),
                named_graphs=iri_values(params, "named-graph-uri"),
                client=client_address(scope),
            )
        except ResultFormUnavailable as error:
            raise not_acceptable(error.form, accept) from None


# `format=` / `output=` (Fuseki's and Virtuoso's convention, for clients that cannot set Accept, such as
# `pandas.read_csv(url)`): a short name stands for the results type and the graph type it means; a full
# media type is taken as it is.
FORMAT_PARAMETERS = ("format", "output")
FORMAT_ACCEPT = {
    "json": "application/sparql-results+json, application/ld+json",
    "xml": "application/sparql-results+xml, application/rdf+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


def accept_for_format(params: list[tuple[str, str]], accept: str | None) -> str | None:
    """The Accept a ``format``/``output`` parameter stands for (the last one given), else ``accept``."""
    asked = [value.strip() for key, value in params if key in FORMAT_PARAMETERS]
    if not asked:
        return accept
    value = asked[-1]
    if value.lower() in FORMAT_ACCEPT:
        return FORMAT_ACCEPT[value.lower()]
    if "/" in value:
        return value
    known = ", ".join(FORMAT_ACCEPT)
    raise ApiError(400, f"unknown format '{value}' in {'/'.join(FORMAT_PARAMETERS)}=; known: {known}, or a media type")


def _parameter(name: str, description: str, *, repeat: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": {"type": "string"}} if repeat else {"type": "string"}
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


_RESULT_TYPES = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
]
_PARAMETERS = [
    _parameter("query", "The SPARQL query; without it, GET answers the SPARQL 1.1 Service Description."),
    _parameter("default-graph-uri", "A graph of the query's default graph (replaces the union default).", repeat=True),
    _parameter("named-graph-uri", "A graph the query may name in GRAPH.", repeat=True),
    _parameter("format", "Instead of Accept: json, xml, csv, tsv, turtle, nt, jsonld, rdfxml or a media type."),
    _parameter("output", "The same as format (Virtuoso's name)."),
]
_RESPONSES = {
    "200": {
        "description": "Results (SELECT/ASK) or RDF (CONSTRUCT/DESCRIBE), by Accept.",
        "content": {t: {} for t in _RESULT_TYPES},
    },
    "400": {"description": "Syntax error (with the parser's position) or a bad parameter."},
    "403": {"description": "SERVICE refused: the server never fetches a URL a request names."},
    "406": {"description": "No acceptable media type for this kind of result."},
    "429": {
        "description": "This client has FTZGRAPH_MAX_SLOW_QUERIES_PER_CLIENT slow queries running.",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
    },
    "500": {"description": "An unexpected server error (logged)."},
    "503": {
        "description": "The query ran past FTZGRAPH_QUERY_TIMEOUT_MS and was stopped, or the worker is at "
        "FTZGRAPH_MAX_SLOW_QUERIES or its memory cap."
    },
}
_RESPONSES["413"] = {"description": "The body is over FTZGRAPH_MAX_BODY_BYTES."}
_GET_RESPONSES = {**_RESPONSES, "303": {"description": "A browser without a query is sent to the query editor."}}
_POST_RESPONSES = {
    **_RESPONSES,
    "415": {"description": "The body is neither form-encoded nor application/sparql-query."},
}
OPENAPI_PATH: dict[str, Any] = {
    "get": {
        "tags": ["sparql"],
        "summary": "SPARQL 1.1 query endpoint (GET)",
        "operationId": "query_sparql_get",
        "parameters": _PARAMETERS,
        "responses": _GET_RESPONSES,
    },
    "post": {
        "tags": ["sparql"],
        "summary": "SPARQL 1.1 query endpoint (POST: form-encoded or application/sparql-query)",
        "operationId": "query_sparql_post",
        "parameters": _PARAMETERS[1:],
        "requestBody": {
            "content": {
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}
                },
            }
        },
        "responses": _POST_RESPONSES,
    },
}

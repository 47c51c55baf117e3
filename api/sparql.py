"""SPARQL 1.1 Update (``/sparql/update``) and Graph Store HTTP Protocol (``/store``) routes, and the reading of
protocol parameters that the query endpoint (``sparql_endpoint``, plain ASGI for speed) shares with them.

Routes read the request the way the protocols define it and call ``graph.sparql`` / ``graph.graph_store``.
Parameters are decoded strictly as UTF-8 (a non-UTF-8 query string or body is a 400, never silently
replaced), and a parameter the protocol allows once (``query``, ``update``) given twice is a 400.
``/sparql/update`` and every ``/store`` method need the write token (see ``deps.require_write_token``).
"""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import URL
from starlette.types import Scope

from ftzgraph.api._form_encoding import decode_form
from ftzgraph.api.deps import SparqlDep, StoreDep, WriteAccess
from ftzgraph.api.errors import ApiError
from ftzgraph.api.negotiation import negotiate
from ftzgraph.graph.sparql import graph_store
from ftzgraph.graph.sparql.service import GRAPH_MEDIA_TYPES, QueryResult

router = APIRouter(tags=["sparql"])
Params = list[tuple[str, str]]


def _decode_pairs(raw: bytes, where: str) -> Params:
    try:
        return decode_form(raw)
    except UnicodeDecodeError as error:
        raise ApiError(
            400, f"the {where} is not valid UTF-8 (byte {error.start} of a name or value); percent-encode UTF-8"
        ) from error


def _media_type(content_type: str) -> tuple[str, str | None]:
    """The Content-Type's bare media type and its charset parameter."""
    parts = [p.strip() for p in content_type.split(";")]
    charset = next(
        (p.split("=", 1)[1].strip("\"' ").lower() for p in parts[1:] if p.lower().startswith("charset=")), None
    )
    return parts[0].lower(), charset


def query_params(query_string: bytes) -> Params:
    """The query string's parameters, decoded strictly as UTF-8 (a bad byte is a 400, never U+FFFD)."""
    return _decode_pairs(query_string, "query string") if query_string else []


def read_params(
    method: str, query_string: bytes, content_type: str, body: bytes, path: str, direct_type: str, field: str
) -> tuple[str | None, Params]:
    """The operation text (query or update) and all protocol parameters of a request, per SPARQL 1.1 Protocol.

    A plain function of the request's parts, so the query endpoint (plain ASGI) and the update route (FastAPI)
    read requests the same way.
    """
    params = query_params(query_string)
    if method in ("GET", "HEAD"):
        texts = [v for k, v in params if k == field]
    else:
        media_type, charset = _media_type(content_type)
        if media_type == "application/x-www-form-urlencoded":
            params += _decode_pairs(body, "form body")
            texts = [v for k, v in params if k == field]
        elif media_type == direct_type:
            if charset not in (None, "utf-8", "utf8", "us-ascii"):
                raise ApiError(400, f"{direct_type} bodies must be UTF-8, not {charset}")
            try:
                texts = [body.decode("utf-8")]
            except UnicodeDecodeError as error:
                raise ApiError(400, f"the {direct_type} body is not valid UTF-8 (byte {error.start})") from error
        else:
            raise ApiError(
                415,
                f"POST to {path} takes application/x-www-form-urlencoded or {direct_type}, "
                f"not {media_type or 'a body without Content-Type'}",
            )
    if len(texts) > 1:
        raise ApiError(400, f"the request gives {len(texts)} '{field}' parameters; the protocol allows one")
    return (texts[0] if texts else None), params


def iri_values(params: Params, name: str) -> list[str] | None:
    """All values of a repeatable IRI parameter, None when absent; an invalid IRI is a 400."""
    values = [v for k, v in params if k == name]
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as error:
            raise ApiError(400, f"{name}={value!r} is not an absolute IRI: {error}") from error
    return values or None


_ENDPOINT_URLS: dict[tuple[object, ...], str] = {}


def endpoint_url(scope: Scope) -> str:
    """The request's URL without its query string: the base IRI of operations sent there.

    Remembered by what it is made of (scheme, server address, path, Host header), since every query asks for it
    and clients repeat them; a few dozen at most are kept.
    """
    host = next((value for name, value in scope["headers"] if name == b"host"), None)
    server = scope.get("server")
    key = (scope.get("scheme", "http"), tuple(server) if server else None, scope["path"], host)
    url = _ENDPOINT_URLS.get(key)
    if url is None:
        url = str(URL(scope={**scope, "query_string": b""})).partition("?")[0]
        if len(_ENDPOINT_URLS) >= 64:
            _ENDPOINT_URLS.clear()
        _ENDPOINT_URLS[key] = url
    return url


def _answer(result: QueryResult, head: bool = False) -> Response:
    headers = {"Vary": "Accept"}
    if result.truncated:
        headers["X-Result-Truncated"] = "true"
    if result.cached:
        headers["X-Cache"] = "hit"
    return Response(b"" if head else result.body, media_type=result.media_type, headers=headers)


@router.post("/sparql/update", status_code=204, dependencies=[WriteAccess], summary="SPARQL 1.1 update endpoint")
async def update_sparql(request: Request, sparql: SparqlDep) -> Response:
    """Run a SPARQL update (form POST or application/sparql-update); needs the write token."""
    body = await request.body()
    update, params = read_params(
        request.method,
        request.scope["query_string"],
        request.headers.get("content-type", ""),
        body,
        request.url.path,
        "application/sparql-update",
        "update",
    )
    if update is None:
        raise ApiError(400, "no 'update' parameter and no application/sparql-update body")
    using = {
        "using_graphs": iri_values(params, "using-graph-uri"),
        "using_named_graphs": iri_values(params, "using-named-graph-uri"),
    }
    await run_in_threadpool(sparql.update, update, base_iri=endpoint_url(request.scope), **using)
    return Response(status_code=204)


def _target_graph(request: Request) -> str | None:
    """``?graph=<iri>`` names a graph, ``?default`` the default graph; exactly one of them."""
    params = query_params(request.scope["query_string"])
    graphs, default = iri_values(params, "graph") or [], any(k == "default" for k, _ in params)
    if len(graphs) + default != 1:
        raise ApiError(400, "name one graph: ?graph=<absolute IRI> or ?default (SPARQL 1.1 Graph Store Protocol)")
    return graphs[0] if graphs else None


@router.get("/store", dependencies=[WriteAccess], summary="Read one graph", operation_id="read_graph_get")
@router.head("/store", dependencies=[WriteAccess], summary="Read one graph (headers)", operation_id="read_graph_head")
async def read_graph(request: Request, store: StoreDep) -> Response:
    """Graph Store Protocol GET/HEAD: the graph's triples, Turtle by default; needs the write token."""
    graph, accept = _target_graph(request), request.headers.get("accept")
    media_type = negotiate(accept, GRAPH_MEDIA_TYPES)
    if media_type is None:
        if not graph_store.graph_exists(store, graph):
            raise graph_store.GraphNotFoundError(str(graph))
        raise ApiError(
            406,
            f"cannot serve a graph as {accept!r}; ask for text/turtle, application/n-triples, "
            "application/ld+json or application/rdf+xml",
        )
    document = await run_in_threadpool(graph_store.read_graph, store, graph, media_type)
    return _answer(QueryResult(document.body, document.media_type, False), head=request.method == "HEAD")


@router.put("/store", dependencies=[WriteAccess], summary="Replace a graph", operation_id="replace_graph_put")
@router.post("/store", dependencies=[WriteAccess], summary="Add to a graph", operation_id="add_to_graph_post")
async def write_graph(request: Request, store: StoreDep) -> Response:
    """Graph Store Protocol PUT (replace) and POST (add): 201 when the graph is new, else 204."""
    graph, body = _target_graph(request), await request.body()
    write = graph_store.replace_graph if request.method == "PUT" else graph_store.add_to_graph
    base = graph or endpoint_url(request.scope)
    created = await run_in_threadpool(write, store, graph, body, request.headers.get("content-type"), base)
    return Response(status_code=201 if created else 204)


@router.delete("/store", status_code=204, dependencies=[WriteAccess], summary="Delete a graph")
async def delete_graph(request: Request, store: StoreDep) -> Response:
    """Graph Store Protocol DELETE: the named graph goes away, the default graph is emptied."""
    await run_in_threadpool(graph_store.delete_graph, store, _target_graph(request))
    return Response(status_code=204)

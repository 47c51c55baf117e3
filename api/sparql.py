"""The SPARQL 1.1 Protocol (``/sparql``, ``/sparql/update``) and Graph Store HTTP Protocol (``/store``) routes.

Routes read the request the way the protocols define it and call ``graph.sparql`` / ``graph.graph_store``.
Parameters are decoded strictly as UTF-8 (a non-UTF-8 query string or body is a 400, never silently
replaced), and a parameter the protocol allows once (``query``, ``update``) given twice is a 400.
``/sparql/update`` and every ``/store`` method need the write token (see ``deps.require_write_token``).
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from ftzgraph.api.deps import SettingsDep, SparqlDep, StoreDep, WriteAccess
from ftzgraph.api.errors import ApiError
from ftzgraph.graph import graph_store
from ftzgraph.graph.sparql import QueryResult, describe_service

router = APIRouter(tags=["sparql"])
Params = list[tuple[str, str]]


def _decode_pairs(raw: bytes, where: str) -> Params:
    try:
        return parse_qsl(raw.decode("utf-8"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as error:
        raise ApiError(400, f"the {where} is not valid UTF-8 (byte {error.start}); percent-encode UTF-8") from error


def _media_type(request: Request) -> tuple[str, str | None]:
    """The Content-Type's bare media type and its charset parameter."""
    parts = [p.strip() for p in request.headers.get("content-type", "").split(";")]
    charset = next(
        (p.split("=", 1)[1].strip("\"' ").lower() for p in parts[1:] if p.lower().startswith("charset=")), None
    )
    return parts[0].lower(), charset


def _query_params(request: Request) -> Params:
    """The query string's parameters, decoded strictly as UTF-8.

    Starlette has already decoded them, replacing bad bytes with U+FFFD; only when one shows up is the
    string decoded again, strictly, to give the precise 400 (this saves a second decoding of every query).
    """
    params = request.query_params.multi_items()
    if any("\ufffd" in key or "\ufffd" in value for key, value in params):
        return _decode_pairs(request.scope.get("query_string", b""), "query string")
    return params


async def _read_params(request: Request, direct_type: str, field: str) -> tuple[str | None, Params]:
    """The operation text (query or update) and all protocol parameters of a request, per SPARQL 1.1 Protocol."""
    params = _query_params(request)
    if request.method == "GET":
        texts = [v for k, v in params if k == field]
    else:
        media_type, charset = _media_type(request)
        body = await request.body()
        if media_type == "application/x-www-form-urlencoded":
            form = _decode_pairs(body, "form body")
            params += form
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
                f"POST to {request.url.path} takes application/x-www-form-urlencoded or {direct_type}, "
                f"not {media_type or 'a body without Content-Type'}",
            )
    if len(texts) > 1:
        raise ApiError(400, f"the request gives {len(texts)} '{field}' parameters; the protocol allows one")
    return (texts[0] if texts else None), params


def _values(params: Params, name: str) -> list[str] | None:
    """All values of a repeatable IRI parameter, None when absent; an invalid IRI is a 400."""
    values = [v for k, v in params if k == name]
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as error:
            raise ApiError(400, f"{name}={value!r} is not an absolute IRI: {error}") from error
    return values or None


def _endpoint(request: Request) -> str:
    return str(request.url.replace(query=None, fragment=None))


def _answer(result: QueryResult, head: bool = False) -> Response:
    headers = {"Vary": "Accept"}
    if result.truncated:
        headers["X-Result-Truncated"] = "true"
    if result.cached:
        headers["X-Cache"] = "hit"
    return Response(b"" if head else result.body, media_type=result.media_type, headers=headers)


def _prefers_html(accept: str | None) -> bool:
    """A browser's Accept (text/html listed before any RDF type), not a SPARQL client's."""
    if not accept or "text/html" not in accept:
        return False
    first_rdf = min((accept.find(t) for t in ("turtle", "rdf+xml", "ld+json", "n-triples") if t in accept), default=-1)
    return first_rdf < 0 or accept.find("text/html") < first_rdf


@router.get("/sparql", summary="SPARQL 1.1 query endpoint (GET)", operation_id="query_sparql_get")
@router.post("/sparql", summary="SPARQL 1.1 query endpoint (POST)", operation_id="query_sparql_post")
async def query_sparql(request: Request, sparql: SparqlDep, settings: SettingsDep) -> Response:
    """Run a SPARQL query (GET ?query=, form POST, or application/sparql-query); no query = Service Description."""
    query, params = await _read_params(request, "application/sparql-query", "query")
    accept = request.headers.get("accept")
    if query is None and request.method == "POST":
        raise ApiError(400, "no 'query' parameter and no application/sparql-query body")
    if query is None and _prefers_html(accept):
        return RedirectResponse("/query", status_code=303)  # a browser on the endpoint gets the query editor
    if query is None:
        writes = settings.writes_enabled
        union = settings.union_default_graph
        return _answer(describe_service(_endpoint(request), accept, union_default_graph=union, update=writes))
    dataset = {
        "default_graphs": _values(params, "default-graph-uri"),
        "named_graphs": _values(params, "named-graph-uri"),
    }
    result = await sparql.query(query, accept, base_iri=_endpoint(request), **dataset)
    return _answer(result)


@router.post("/sparql/update", status_code=204, dependencies=[WriteAccess], summary="SPARQL 1.1 update endpoint")
async def update_sparql(request: Request, sparql: SparqlDep) -> Response:
    """Run a SPARQL update (form POST or application/sparql-update); needs the write token."""
    update, params = await _read_params(request, "application/sparql-update", "update")
    if update is None:
        raise ApiError(400, "no 'update' parameter and no application/sparql-update body")
    using = {
        "using_graphs": _values(params, "using-graph-uri"),
        "using_named_graphs": _values(params, "using-named-graph-uri"),
    }
    await run_in_threadpool(sparql.update, update, base_iri=_endpoint(request), **using)
    return Response(status_code=204)


def _target_graph(request: Request) -> str | None:
    """``?graph=<iri>`` names a graph, ``?default`` the default graph; exactly one of them."""
    params = _query_params(request)
    graphs, default = _values(params, "graph") or [], any(k == "default" for k, _ in params)
    if len(graphs) + default != 1:
        raise ApiError(400, "name one graph: ?graph=<absolute IRI> or ?default (SPARQL 1.1 Graph Store Protocol)")
    return graphs[0] if graphs else None


@router.get("/store", dependencies=[WriteAccess], summary="Read one graph", operation_id="read_graph_get")
@router.head("/store", dependencies=[WriteAccess], summary="Read one graph (headers)", operation_id="read_graph_head")
async def read_graph(request: Request, store: StoreDep) -> Response:
    """Graph Store Protocol GET/HEAD: the graph's triples, Turtle by default; needs the write token."""
    graph, accept = _target_graph(request), request.headers.get("accept")
    try:
        document = await run_in_threadpool(graph_store.read_graph, store, graph, accept)
    except ValueError as error:
        raise ApiError(
            406,
            f"cannot serve a graph as {accept!r}; ask for text/turtle, application/n-triples, "
            "application/ld+json or application/rdf+xml",
        ) from error
    return _answer(QueryResult(document.body, document.media_type, False), head=request.method == "HEAD")


@router.put("/store", dependencies=[WriteAccess], summary="Replace a graph", operation_id="replace_graph_put")
@router.post("/store", dependencies=[WriteAccess], summary="Add to a graph", operation_id="add_to_graph_post")
async def write_graph(request: Request, store: StoreDep) -> Response:
    """Graph Store Protocol PUT (replace) and POST (add): 201 when the graph is new, else 204."""
    graph, body = _target_graph(request), await request.body()
    write = graph_store.replace_graph if request.method == "PUT" else graph_store.add_to_graph
    base = graph or _endpoint(request)
    created = await run_in_threadpool(write, store, graph, body, request.headers.get("content-type"), base)
    return Response(status_code=201 if created else 204)


@router.delete("/store", status_code=204, dependencies=[WriteAccess], summary="Delete a graph")
async def delete_graph(request: Request, store: StoreDep) -> Response:
    """Graph Store Protocol DELETE: the named graph goes away, the default graph is emptied."""
    await run_in_threadpool(graph_store.delete_graph, store, _target_graph(request))
    return Response(status_code=204)

"""Linked data: every IRI the build mints (``https://w3id.org/ftzgraph/id/…``) dereferences here at ``/id/…``.

``Accept: text/turtle``, ``application/ld+json``, ``application/n-triples`` or ``application/rdf+xml`` gives
the resource's RDF (its description, its parts and its evidence); ``text/html`` gives its page. Turtle is
the default (``*/*``). Named graphs (``https://w3id.org/ftzgraph/graph/…``) dereference at ``/graph/…``.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.errors import ApiError
from ftzgraph.api.negotiation import negotiate
from ftzgraph.api.pages import generic_page, render
from ftzgraph.api.routes.agencies import agency_page
from ftzgraph.api.routes.cases import case_page
from ftzgraph.api.routes.reforms import reform_page
from ftzgraph.api.routes.zones import zone_page
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.describe import describe, graph_triples, serialize
from ftzgraph.ontology.namespace import GRAPH, ID

router = APIRouter(tags=["linked data"])
PageRenderer = Callable[[Request, Store, str], HTMLResponse | None]
PAGES: dict[str, PageRenderer] = {"case": case_page, "zone": zone_page, "agency": agency_page, "reform": reform_page}
"""The page of a resource kind at ``/id/{kind}/{id}``, rendered by the kind's route module; any other
resource has the generic page."""
FORMATS = {
    "text/turtle": "text/turtle",
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "application/ld+json": "application/ld+json",
    "application/n-triples": "application/n-triples",
    "application/rdf+xml": "application/rdf+xml",
}
RDF_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "content": {
            "text/turtle": {"example": "<https://w3id.org/ftzgraph/id/case/d1fc55f7e367a-16> a ftz:Case ; …"},
            "application/ld+json": {},
            "text/html": {},
        },
        "description": "The resource's RDF or its page, by the Accept header.",
    }
}


def _format(request: Request) -> str:
    accept = request.headers.get("accept")
    chosen = negotiate(accept, FORMATS)
    if chosen is None:
        offers = ", ".join(dict.fromkeys(FORMATS.values()))
        raise ApiError(406, f"cannot answer {request.url.path} as {accept!r}; ask for one of: {offers}")
    return chosen


@router.get("/id/{path:path}", responses=RDF_RESPONSES, summary="Dereference a minted IRI")
async def dereference(path: str, request: Request, store: StoreDep) -> Response:
    """The resource `https://w3id.org/ftzgraph/id/{path}`: its RDF or its page, by content negotiation."""
    media_type, iri = _format(request), str(ID[path])
    if media_type == "text/html":
        kind, _, rest = path.partition("/")
        if rest and kind in PAGES:
            page = await run_in_threadpool(PAGES[kind], request, store, rest)
        else:
            page = await run_in_threadpool(generic_page, request, store, path)
        if page is None:
            raise ApiError(404, f"no resource with IRI <{iri}> in the store")
        return page
    triples = await run_in_threadpool(describe, store, iri)
    if not triples:
        raise ApiError(404, f"no resource with IRI <{iri}> in the store")
    return Response(serialize(triples, media_type), media_type=media_type, headers={"Vary": "Accept"})


@router.get("/graph/{path:path}", responses=RDF_RESPONSES, summary="Dereference a named graph")
async def read_named_graph(path: str, request: Request, store: StoreDep) -> Response:
    """The named graph `https://w3id.org/ftzgraph/graph/{path}`: its triples, or a page saying what it holds."""
    media_type, iri = _format(request), str(GRAPH[path])
    triples = await run_in_threadpool(graph_triples, store, iri)
    if not triples:
        raise ApiError(404, f"no named graph <{iri}> in the store")
    if media_type == "text/html":
        return render(request, "graph.html", iri=iri, path=path, size=len(triples))
    return Response(serialize(triples, media_type), media_type=media_type, headers={"Vary": "Accept"})

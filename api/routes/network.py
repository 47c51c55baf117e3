"""The agency network: ``/network`` (the cytoscape.js page) and ``/network/agencies`` (its Cytoscape.js JSON,
built by ``graph.network`` and ``graph.network_export``; ``data.message`` says why a filtered network is empty)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.errors import ApiError
from ftzgraph.api.pages import network_page
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import Text, example
from ftzgraph.graph.network.derive import KINDS, NetworkFilter, derive_network
from ftzgraph.graph.network.export import FORMATS, MEDIA_TYPES, export_network, to_cytoscape

router = APIRouter(prefix="/network", tags=["network"])


@router.get("/{kind}", responses=example(_examples.NETWORK))
async def read_network(
    store: StoreDep, kind: str, format: str = "json", provider: Text = None, zone: Text = None
) -> Response:
    """A network (agencies, diffusion, hierarchy, bipartite) as Cytoscape.js JSON (`format=json`), GraphML,
    GEXF, a CSV zip, or a PNG/SVG drawing. `provider` keeps one provider's cases; `zone` keeps cases provided
    by or originating in a zone. An empty result says why in `data.message` (JSON) or the
    `X-Network-Message` header. `/network/agencies` feeds the agency network page."""
    if kind not in KINDS:
        raise ApiError(404, f"unknown network kind '{kind}'; known: {', '.join(KINDS)}")
    if format not in FORMATS:
        raise ApiError(400, f"unknown network format '{format}'; known: {', '.join(FORMATS)}")
    graph = await run_in_threadpool(derive_network, store, kind, NetworkFilter(provider=provider, zone=zone))
    if format == "json":
        return JSONResponse(to_cytoscape(graph))
    data = await run_in_threadpool(export_network, graph, format)
    extension = "zip" if format == "csv" else format
    headers = {"Content-Disposition": f'attachment; filename="{kind}.{extension}"'}
    if graph.graph.get("message"):
        headers["X-Network-Message"] = quote(str(graph.graph["message"]))
    return Response(data, media_type=MEDIA_TYPES[format], headers=headers)


@router.get("", response_class=HTMLResponse, summary="Agency network page")
async def show_network(request: Request, store: StoreDep) -> HTMLResponse:
    """The agency network page: nodes coloured by sector, sized by cases; filters by provider and origin zone."""
    return await run_in_threadpool(network_page, request, store)

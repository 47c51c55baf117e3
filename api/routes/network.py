"""The agency network: ``/network`` (the cytoscape.js page) and ``/network/agencies`` (its Cytoscape.js JSON,
built by ``graph.network`` and ``graph.network_export``; ``data.message`` says why a filtered network is empty)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.pages import network_page
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import Text, example
from ftzgraph.graph.network import NetworkFilter, agency_network
from ftzgraph.graph.network_export import to_cytoscape

router = APIRouter(prefix="/network", tags=["network"])


@router.get("/agencies", responses=example(_examples.NETWORK))
async def read_agency_network(store: StoreDep, provider: Text = None, zone: Text = None) -> Any:
    """Agencies linked when they act in the same case (weight = shared cases), as Cytoscape.js JSON.
    `provider` keeps one provider's cases; `zone` keeps cases provided by or originating in a zone."""
    graph = await run_in_threadpool(agency_network, store, NetworkFilter(provider=provider, zone=zone))
    return to_cytoscape(graph)


@router.get("", response_class=HTMLResponse, summary="Agency network page")
async def show_network(request: Request, store: StoreDep) -> HTMLResponse:
    """The agency network page: nodes coloured by sector, sized by cases; filters by provider and origin zone."""
    return await run_in_threadpool(network_page, request, store)

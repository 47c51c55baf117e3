"""``/zones``: the FTZs with their areas; one zone or area with the reforms it originated and who copied them."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.pages import render
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import example, not_found
from ftzgraph.api.routes.schemas import ZoneDetailPublic, ZonesPublic
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.reforms import list_zones, read_zone

router = APIRouter(prefix="/zones", tags=["zones"])


@router.get("", response_model=ZonesPublic, responses=example(_examples.ZONES))
async def read_zones(store: StoreDep) -> Any:
    """Every FTZ, with its areas and the number of cases that claim an origin in it."""
    data = await run_in_threadpool(list_zones, store)
    return {"data": data, "count": len(data)}


@router.get("/{zone_id:path}", response_model=ZoneDetailPublic, responses=example(_examples.ZONE))
async def read_zone_by_id(zone_id: str, store: StoreDep) -> Any:
    """A zone (`shanghai`) or area (`heilongjiang/suifenhe-area`): what it originated, who copied it."""
    zone = await run_in_threadpool(read_zone, store, zone_id)
    if zone is None:
        raise not_found("zone", zone_id, "/zones")
    return zone


def zone_page(request: Request, store: Store, zone_id: str) -> HTMLResponse | None:
    """The page of a zone at ``/id/zone/{zone_id}``; None when the store has no such zone."""
    zone = read_zone(store, zone_id)
    return render(request, "zone.html", zone=zone) if zone else None

"""``/agencies``: the agencies that carry out reforms; one agency with its cases, partners, parent and children."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.pages import render
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import Limit, Offset, Text, example, not_found
from ftzgraph.api.routes.schemas import AgenciesPublic, AgencyDetailPublic
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.agencies import list_agencies, read_agency

router = APIRouter(prefix="/agencies", tags=["agencies"])


@router.get("", response_model=AgenciesPublic, responses=example(_examples.AGENCIES))
async def read_agencies(
    store: StoreDep, sector: Text = None, q: Text = None, limit: Limit = 50, offset: Offset = 0
) -> Any:
    """Agencies by number of cases; `sector` is a sector id or label, `q` a substring of a name."""
    data, count = await run_in_threadpool(lambda: list_agencies(store, sector=sector, q=q, limit=limit, offset=offset))
    return {"data": data, "count": count}


@router.get("/{agency_id}", response_model=AgencyDetailPublic, responses=example(_examples.AGENCY))
async def read_agency_by_id(agency_id: str, store: StoreDep) -> Any:
    """One agency: the cases it acts in (with the quote naming it), partner agencies, parent and children."""
    agency = await run_in_threadpool(read_agency, store, agency_id)
    if agency is None:
        raise not_found("agency", agency_id, "/agencies")
    return agency


def agency_page(request: Request, store: Store, agency_id: str) -> HTMLResponse | None:
    """The page of a agency at ``/id/agency/{agency_id}``; None when the store has no such agency."""
    agency = read_agency(store, agency_id)
    return render(request, "agency.html", agency=agency) if agency else None

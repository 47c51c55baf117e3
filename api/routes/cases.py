"""``/cases``: the cases, filtered and paginated; one case; its lineage with the evidence of each edge."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.pages import generic_page, lineage_diagram, lineage_edges, national_items, page_href, render
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import Limit, Offset, Text, example, not_found
from ftzgraph.api.routes.schemas import CaseDetailPublic, CasesPublic, LineagePublic
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.resource_filters import CaseFilter
from ftzgraph.graph.views.resources import list_cases, read_case, read_lineage

router = APIRouter(prefix="/cases", tags=["cases"])


@router.get("", response_model=CasesPublic, responses=example(_examples.CASES))
async def read_cases(
    store: StoreDep,
    provider: Text = None,
    origin_zone: Text = None,
    origin_batch: Text = None,
    agency: Text = None,
    sector: Text = None,
    q: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    """Cases by document and number. Filters combine with AND; `q` is a substring of the title."""
    flt = CaseFilter(provider, origin_zone, origin_batch, agency, sector, q)
    data, count = await run_in_threadpool(list_cases, store, flt, limit, offset)
    return {"data": data, "count": count}


@router.get("/{case_id}", response_model=CaseDetailPublic, responses=example(_examples.CASE))
async def read_case_by_id(case_id: str, store: StoreDep) -> Any:
    """One case: summary, lineage, outcomes, cited documents, dates and every evidence quote."""
    case = await run_in_threadpool(read_case, store, case_id)
    if case is None:
        raise not_found("case", case_id, "/cases")
    return case


@router.get("/{case_id}/lineage", response_model=LineagePublic, responses=example(_examples.LINEAGE))
async def read_case_lineage(case_id: str, store: StoreDep) -> Any:
    """Where the case's reform came from: national item, batch, originating zone, provider, agencies; each
    edge with its evidence quote and position in the source document."""
    chain = await run_in_threadpool(read_lineage, store, case_id)
    if chain is None:
        raise not_found("case", case_id, "/cases")
    return chain


def case_page(request: Request, store: Store, case_id: str) -> HTMLResponse | None:
    """The page of a case at ``/id/case/{case_id}``: its lineage diagram and every fact with its quote. A part
    of a case (an origin claim, a piece of evidence) gets the generic page."""
    if "/" in case_id:
        return generic_page(request, store, f"case/{case_id}")
    case = read_case(store, case_id)
    if case is None:
        return None
    chain = case["lineage"]
    return render(
        request,
        "case.html",
        case=case,
        diagram=lineage_diagram(chain) if chain else None,
        edges=lineage_edges(case),
        national_items=national_items(case),
        case_href=page_href(case["iri"]),
    )

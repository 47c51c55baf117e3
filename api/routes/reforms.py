"""``/reforms``: originating reforms (national items first); one reform with the cases that copied it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.pages import render
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import Limit, Offset, Text, example, not_found
from ftzgraph.api.routes.schemas import ReformDetailPublic, ReformsPublic
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.reforms import list_reforms, read_reform

router = APIRouter(prefix="/reforms", tags=["reforms"])
National = Annotated[bool | None, Query(description="true: national items only; false: the others; unset: all.")]


@router.get("", response_model=ReformsPublic, responses=example(_examples.REFORMS))
async def read_reforms(
    store: StoreDep, national: National = None, q: Text = None, limit: Limit = 50, offset: Offset = 0
) -> Any:
    """Reforms cases say they copied, most copied first, with batches and pilot zones."""
    data, count = await run_in_threadpool(
        lambda: list_reforms(store, national=national, q=q, limit=limit, offset=offset)
    )
    return {"data": data, "count": count}


@router.get("/{reform_id}", response_model=ReformDetailPublic, responses=example(_examples.REFORM))
async def read_reform_by_id(reform_id: str, store: StoreDep) -> Any:
    """One reform: which cases copied it, where (provider) and when (document date, dates mentioned)."""
    reform = await run_in_threadpool(read_reform, store, reform_id)
    if reform is None:
        raise not_found("reform", reform_id, "/reforms")
    return reform


def reform_page(request: Request, store: Store, reform_id: str) -> HTMLResponse | None:
    """The page of a reform at ``/id/reform/{reform_id}``; None when the store has no such reform."""
    reform = read_reform(store, reform_id)
    return render(request, "reform.html", reform=reform) if reform else None

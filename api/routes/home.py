"""The home page (``/``) and the query page (``/query``, YASGUI on the ``/sparql`` endpoint)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.pages import example_queries, home_page, render

router = APIRouter(tags=["pages"])


@router.get("/", response_class=HTMLResponse, summary="Home page")
async def show_home(request: Request, store: StoreDep) -> HTMLResponse:
    """Counts, the search box, the latest source documents and the cases."""
    return await run_in_threadpool(home_page, request, store)


@router.get("/query", response_class=HTMLResponse, summary="SPARQL query page")
def show_query(request: Request) -> HTMLResponse:
    """YASGUI on `/sparql`, with the example queries of `api/queries/` as tabs."""
    return render(request, "query.html", queries=example_queries())

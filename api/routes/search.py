"""``/search?q=``: substring search on names (Chinese or English); JSON, or the results page for a browser."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.negotiation import negotiate
from ftzgraph.api.pages import render
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import example
from ftzgraph.api.routes.schemas import SearchPublic
from ftzgraph.graph.views.resources import MAX_TEXT_CHARS
from ftzgraph.graph.views.search import search

router = APIRouter(prefix="/search", tags=["search"])
Q = Annotated[str, Query(min_length=1, max_length=MAX_TEXT_CHARS, description="Text to find in names.")]
FORMATS = {"application/json": "application/json", "text/html": "text/html"}


@router.get("", response_model=SearchPublic, responses=example(_examples.SEARCH))
async def search_resources(
    request: Request, store: StoreDep, q: Q, limit: Annotated[int, Query(ge=1, le=200)] = 50
) -> Any:
    """Cases, reforms, zones, agencies, batches and documents whose names contain `q` (ignoring case)."""
    hits = await run_in_threadpool(search, store, q, limit)
    if negotiate(request.headers.get("accept"), FORMATS) == "text/html":
        return render(request, "search.html", q=q, hits=hits)
    return {"data": hits, "count": len(hits)}

"""``/batches``: the national batches (State Council pilot experiences, best-practice cases)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import example
from ftzgraph.api.routes.schemas import BatchesPublic
from ftzgraph.graph.views.resources import list_batches

router = APIRouter(prefix="/batches", tags=["batches"])


@router.get("", response_model=BatchesPublic, responses=example(_examples.BATCHES))
async def read_batches(store: StoreDep) -> Any:
    """Every batch the reference data or a document names, with its items and the cases that claim it."""
    data = await run_in_threadpool(list_batches, store)
    return {"data": data, "count": len(data)}

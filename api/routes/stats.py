"""``/stats``: counts by class, cases per provider, per origin batch and zone, and conflicts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import example
from ftzgraph.api.routes.schemas import StatsPublic
from ftzgraph.graph.views.records import stats

router = APIRouter(prefix="/stats", tags=["stats"])


@router.get("", response_model=StatsPublic, responses=example(_examples.STATS))
async def read_stats(store: StoreDep) -> Any:
    """Summary statistics of the whole graph (the same as `ftzgraph stats`)."""
    return await run_in_threadpool(stats, store)

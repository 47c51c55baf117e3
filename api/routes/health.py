"""``/health``: is the store open, and how many quads does it hold (for load balancers and smoke tests)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from ftzgraph.api.deps import StoreDep
from ftzgraph.graph.store.oxigraph import OxigraphStore

router = APIRouter(prefix="/health", tags=["health"])


def _health(store: OxigraphStore) -> dict[str, Any]:
    return {
        "status": "ok",
        "store": str(store.path) if store.path is not None else ":memory:",
        "read_only": store.read_only,
        "triples": len(store.raw),
        "graphs": len(store.graphs()),
    }


@router.get("")
async def read_health(store: StoreDep) -> dict[str, Any]:
    """The server is up and its store open: the store's path, whether it is read-only, and its counts.

    `triples` counts quads over all named graphs (a statement in two graphs counts twice).
    """
    return await run_in_threadpool(_health, store)

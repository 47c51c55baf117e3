"""``/conflicts``: every disagreement between a document and an authority, with both sources.

A conflict names what the document claims (its graph, the claim and its quote) and what the authority states
(the reference data's URLs or a batch notice in the store), with the message in Chinese and English.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import example
from ftzgraph.api.routes.schemas import ConflictsPublic
from ftzgraph.graph.views.conflicts import conflicts

router = APIRouter(prefix="/conflicts", tags=["conflicts"])


@router.get("", response_model=ConflictsPublic, responses=example(_examples.CONFLICTS))
async def read_conflicts(store: StoreDep) -> Any:
    """All conflicts in the store: the case (or notice) that holds each, the document's claim with its quote,
    the authority's sources, and the message in Chinese (`message_zh`) and English (`message_en`)."""
    data = await run_in_threadpool(conflicts, store)
    return {"data": data, "count": len(data)}

"""``/documents``: the source documents read into the graph, latest first."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.routes import _examples
from ftzgraph.api.routes._common import example
from ftzgraph.api.routes.schemas import DocumentsPublic
from ftzgraph.graph.views.resources import list_documents

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=DocumentsPublic, responses=example(_examples.DOCUMENTS))
async def read_documents(store: StoreDep) -> Any:
    """Source documents with their number (文号), issuer, file and number of cases."""
    data = await run_in_threadpool(list_documents, store)
    return {"data": data, "count": len(data)}

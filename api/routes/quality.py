"""``/quality`` (page) and ``/quality.json``: the diagnostics of every document built, as ``ftzgraph quality``
shows them without gold files."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.pages import render
from ftzgraph.graph.diagnostics import KIND_LABELS
from ftzgraph.graph.quality import quality_report

router = APIRouter(tags=["quality"])


@router.get("/quality.json", summary="Extraction diagnostics")
async def read_quality(store: StoreDep) -> Any:
    """Per document: cases found and declared, and each diagnostic with its case and evidence IRIs."""
    return await run_in_threadpool(quality_report, store)


@router.get("/quality", response_class=HTMLResponse, summary="Extraction quality page")
async def show_quality(request: Request, store: StoreDep) -> HTMLResponse:
    """The diagnostics as sortable tables, linking to the cases and the quotes."""
    report = await run_in_threadpool(quality_report, store)
    return render(request, "quality.html", report=report["diagnostics"], labels=KIND_LABELS)

"""``/quality`` (page) and ``/quality.json``: the diagnostics of every document built, as ``ftzgraph quality``
shows them without gold files."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.pages import render
from ftzgraph.graph.rdf.diagnostics import KIND_LABELS
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.quality import bundled_gold, quality_report
from ftzgraph.graph.views.quality_results import QualityReport

router = APIRouter(tags=["quality"])


def _with_bundled_gold(store: Store) -> QualityReport:
    """The report with scores against the gold files shipped with ftzgraph, for the documents built."""
    report = quality_report(store, bundled_gold())
    scores = report.get("scores")
    scored = [d for d in scores["documents"] if d["document"]] if scores else []
    if scores and scored:
        scores["documents"] = scored
    else:
        report.pop("scores", None)
    return report


@router.get("/quality.json", summary="Extraction diagnostics")
async def read_quality(
    store: StoreDep,
    gold: bool = Query(False, description="Add precision and recall against the gold files shipped with ftzgraph."),
) -> Any:
    """Per document: cases found and declared, and each diagnostic with its case and evidence IRIs; with
    `gold=true`, precision and recall per field for the built documents the shipped gold files annotate."""
    return await run_in_threadpool(_with_bundled_gold if gold else quality_report, store)


@router.get("/quality", response_class=HTMLResponse, summary="Extraction quality page")
async def show_quality(request: Request, store: StoreDep) -> HTMLResponse:
    """The diagnostics as sortable tables, linking to the cases and the quotes."""
    report = await run_in_threadpool(_with_bundled_gold, store)
    return render(
        request, "quality.html", report=report["diagnostics"], scores=report.get("scores"), labels=KIND_LABELS
    )

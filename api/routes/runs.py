"""``/runs`` and ``/runs/{id}/diff``: the recorded builds and what each changed, as ``ftzgraph runs`` and
``ftzgraph diff`` show them. Pages by default; JSON at ``/runs.json`` and with ``?format=json`` on a diff."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse

from ftzgraph.api.deps import StoreDep
from ftzgraph.api.errors import ApiError
from ftzgraph.api.pages import render
from ftzgraph.graph.build.run_diff import RunError
from ftzgraph.graph.build.run_history import diff_runs, list_runs

router = APIRouter(tags=["runs"])


@router.get("/runs.json", summary="Recorded builds")
async def read_runs(store: StoreDep) -> Any:
    """Every recorded build, oldest first: time, version, rules hash, files read, triples changed per graph."""
    return await run_in_threadpool(list_runs, store)


@router.get("/runs", response_class=HTMLResponse, summary="Recorded builds page")
async def show_runs(request: Request, store: StoreDep) -> HTMLResponse:
    """The builds, newest first, each linking to its diff."""
    runs = await run_in_threadpool(list_runs, store)
    return render(request, "runs.html", runs=list(reversed(runs)))


@router.get("/runs/{run_id}/diff", response_class=HTMLResponse, summary="What a build changed")
async def show_run_diff(
    request: Request,
    store: StoreDep,
    run_id: str,
    since: str | None = Query(None, description="The older run to compare with (default: the run before)."),
    format: str = Query("html", pattern="^(html|json)$", description="html or json"),
) -> Any:
    """The changes of run ``run_id`` (since the run before it, or since ``since``), by document, case and field."""
    try:
        diff = await run_in_threadpool(diff_runs, store, since, run_id)
    except RunError as error:
        raise ApiError(404, str(error)) from error
    if format == "json" or "application/json" in request.headers.get("accept", ""):
        return JSONResponse(diff)
    return render(request, "run_diff.html", diff=diff)

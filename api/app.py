"""The application factory: ``create_app(store, settings)`` builds a fresh FastAPI app on a given store.

Other routers (REST resources, pages) are included here too. The factory refuses unsafe configuration and
wires the limits that hold for every request: the body-size cap (413), CORS, and the one error body.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
import signal
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ftzgraph.api import sparql, sparql_endpoint
from ftzgraph.api._direct_query import DirectQueries
from ftzgraph.api.errors import error_response, install_error_handlers
from ftzgraph.api.list_formats import ListFormats, document_list_formats
from ftzgraph.api.openapi_statuses import add_statuses
from ftzgraph.api.pages import warm_up_pages
from ftzgraph.api.request_deadline import RequestDeadline
from ftzgraph.api.server import PENALTY_DIR_ENV
from ftzgraph.api.settings import Settings
from ftzgraph.graph.errors import FtzGraphError
from ftzgraph.graph.runtime.deadline import Budget
from ftzgraph.graph.runtime.heap import freeze_startup_heap
from ftzgraph.graph.runtime.memory_watch import watch_memory
from ftzgraph.graph.runtime.parent_watch import die_with_parent
from ftzgraph.graph.runtime.slow_work import SlowWork
from ftzgraph.graph.sparql.service import Limits, SparqlService
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.store.reopening import ReopeningStore
from ftzgraph.graph.views.warm_up import warm_up_in_background

logger = logging.getLogger(__name__)


class _BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Answer 413 to a request whose body is (or turns out, while streaming) larger than ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _refusal(self, size: str) -> object:
        return error_response(
            413, f"request body of {size} is over the limit of {self.max_bytes} bytes (FTZGRAPH_MAX_BODY_BYTES)"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await self._refusal(f"{int(length)} bytes")(scope, receive, send)  # type: ignore[operator]
            return
        if length in (b"", b"0") and b"transfer-encoding" not in headers:  # no body: nothing to count
            await self.app(scope, receive, send)
            return
        seen, started = 0, False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if started:
                raise
            await self._refusal(f"more than {self.max_bytes} bytes")(scope, receive, send)  # type: ignore[operator]


class FtzGraphApi(FastAPI):
    """FastAPI, except that ``/sparql`` goes straight to its plain-ASGI endpoint (see ``sparql_endpoint``).

    ``query_endpoint`` is that endpoint inside its own copy of the app's limits (body size, CORS); every other
    path, and the lifespan, take FastAPI's way.
    """

    query_endpoint: ASGIApp
    direct_queries: DirectQueries
    """The same endpoint for ``ftzgraph serve``'s HTTP protocol, which answers plain ``/sparql`` requests itself."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].endswith(sparql_endpoint.PATH):
            root = scope.get("root_path", "")  # behind a proxy prefix (uvicorn --root-path) the path includes it
            if scope["path"] == root + sparql_endpoint.PATH:
                await self.query_endpoint(scope, receive, send)
                return
        await super().__call__(scope, receive, send)

    def openapi(self) -> dict[str, Any]:
        schema = super().openapi()
        schema["paths"][sparql_endpoint.PATH] = sparql_endpoint.OPENAPI_PATH
        return add_statuses(document_list_formats(schema))


def _limits(settings: Settings) -> list[Middleware]:
    """The limits every request meets, innermost first: CORS (when configured), then the body-size cap.

    CORS allows POST too: a long SPARQL query goes by POST (form or ``application/sparql-query``), whose
    preflight must succeed; credentials (the write token's ``Authorization``) are never allowed cross-origin.
    """
    methods = ["GET", "HEAD", "POST"]
    cors = [Middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=methods)]
    return [*(cors if settings.cors_origins else []), Middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)]


def _within(app: ASGIApp, middleware: list[Middleware]) -> ASGIApp:
    for cls, args, kwargs in middleware:
        app = cls(app, *args, **kwargs)
    return app


def create_app(
    store: OxigraphStore, settings: Settings, on_runaway: Callable[[str], None] | None = None
) -> FtzGraphApi:
    """A new app serving ``store`` with ``settings``; ``on_runaway`` hears of a query running past its deadline."""
    if settings.write_token is not None and not settings.write_token.get_secret_value().strip():
        raise FtzGraphError("writes need a non-blank FTZGRAPH_WRITE_TOKEN; unset it to keep writes off")
    limits = Limits(
        settings.query_timeout_ms,
        settings.max_result_rows,
        settings.union_default_graph,
        settings.max_query_depth,
        settings.max_query_chars,
    )
    penalties = os.environ.get(PENALTY_DIR_ENV)
    slow = SlowWork(
        settings.slow_query_ms,
        settings.max_slow_queries,
        settings.max_slow_queries_per_client,
        penalty_dir=Path(penalties) if penalties else None,
        penalty_s=settings.runaway_penalty_s,
    )
    service = SparqlService(
        store,
        limits,
        settings.query_threads,
        cache_bytes=settings.result_cache_mb * 1024 * 1024,
        cache_min_ms=settings.result_cache_min_ms,
        on_runaway=on_runaway,
        slow=slow,
        eager_count=settings.eager_count,
    )
    budgets: set[Budget] = set()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.loop = asyncio.get_running_loop()
        yield
        service.close()

    app = FtzGraphApi(
        title="ftzgraph",
        summary="China FTZ reform cases as a knowledge graph",
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc come from api/routes/docs.py, on the vendored Swagger UI and ReDoc
        redoc_url=None,
    )
    app.state.store, app.state.settings, app.state.sparql = store, settings, service
    app.state.reader = ReopeningStore(store)  # what the REST routes and pages read: sees others' writes
    app.state.budgets, app.state.slow = budgets, slow
    endpoint = sparql_endpoint.SparqlQueryEndpoint(service, settings)
    app.query_endpoint = _within(endpoint, _limits(settings))
    cors = bool(settings.cors_origins)
    app.direct_queries = DirectQueries(endpoint, max_body_bytes=settings.max_body_bytes, cors=cors)
    install_error_handlers(app)
    app.include_router(sparql.router)
    # REST resources, linked-data dereferencing (/id/..., /graph/..., /ontology) and pages (/, /query, /network).
    from ftzgraph.api.routes import include_routes

    include_routes(app)
    app.add_middleware(ListFormats)  # /cases.csv, ?format=jsonl, Accept: text/csv; next/prev links
    app.add_middleware(
        RequestDeadline, timeout_ms=settings.query_timeout_ms, slow=slow, on_runaway=on_runaway, budgets=budgets
    )
    for cls, args, kwargs in _limits(settings):
        app.add_middleware(cls, *args, **kwargs)
    return app


def app_from_environment() -> FtzGraphApi:
    """The app ``ftzgraph serve`` runs (a uvicorn factory): settings from ``FTZGRAPH_*`` variables.

    With writes off the store is opened read-only, so several server workers, and a ``ftzgraph build``
    running at the same time, can share it; with a write token it is opened read-write by one worker.
    """
    settings = Settings()
    parent = multiprocessing.parent_process()
    supervised = parent is not None
    if parent is not None and parent.pid is not None:
        die_with_parent(parent.pid)  # a killed `ftzgraph serve` leaves no worker serving or holding the store
    store = OxigraphStore(settings.store, read_only=settings.write_token is None)
    made: list[FtzGraphApi] = []
    app = create_app(store, settings, on_runaway=functools.partial(_on_runaway, made) if supervised else None)
    made.append(app)
    if supervised:
        watch_memory(settings.max_memory_mb * 1024 * 1024, functools.partial(_over_memory, app))
    warm_up_pages()  # templates compiled and concept names read before the first page, not during it
    freeze_startup_heap()  # full GC passes skip the start-up heap: they were the slowest requests' wait
    warm_up_in_background(app.state.reader.current())  # the first page of /cases, before its first reader
    return app


def _stop_slow_work(app: FtzGraphApi, reason: str) -> None:
    """Answer this process's slow requests 503 now (from any thread), so that an ending process ends at once
    instead of waiting for them, while their threads, which nothing stops, keep burning the CPU; and refuse
    their clients a while, in every worker (``slow_work.SlowWork.penalize_running``)."""
    clients = app.state.slow.penalize_running()
    if clients:
        logger.warning(
            "refusing %s for %s s: their queries made this process be replaced",
            clients,
            app.state.settings.runaway_penalty_s,
        )
    loop = getattr(app.state, "loop", None)
    if loop is not None:
        app.state.sparql.threads.abort(loop, reason)
    for budget in list(app.state.budgets):
        budget.abandoned.set()


def _on_runaway(made: list[FtzGraphApi], what: str) -> None:
    if made:
        _stop_slow_work(made[0], "stopped: this server process is being replaced to end a runaway query; try again")
    _retire_this_process(what)


def _over_memory(app: FtzGraphApi, used: int) -> None:
    """From the memory watch thread: stop every slow request of this process (503) and replace the process."""
    reason = (
        f"stopped: the server process went over its memory cap of {app.state.settings.max_memory_mb} MiB "
        "(FTZGRAPH_MAX_MEMORY_MB) and is being replaced; narrow the request down"
    )
    _stop_slow_work(app, reason)
    _retire_this_process(f"memory {used >> 20} MiB over the cap", force=True)


_retiring = False


def _retire_this_process(what: str, *, force: bool = False) -> None:
    """End this server process gracefully, so that its supervisor starts a fresh one.

    A query past its deadline has been answered 503, but its thread cannot be stopped; ending the process
    is what stops the work. SIGTERM makes uvicorn close the listening socket, finish the requests in flight
    (each within its own deadline) and exit; ``ftzgraph serve`` always runs under uvicorn's supervisor, which
    replaces a process that ended (within half a second, plus start-up), so new connections wait briefly
    instead of failing. ``force`` (the memory cap) signals even a process already ending: a second SIGTERM
    makes uvicorn end without waiting for the requests in flight.
    """
    global _retiring
    if _retiring and not force:
        return
    if not _retiring:
        logger.warning("replacing server process %d to stop a runaway query: %s", os.getpid(), what)
    _retiring = True
    os.kill(os.getpid(), signal.SIGTERM)

"""Every request but ``/sparql`` (which has its own, ``graph._query_threads``) runs within the query deadline
and stops when its client goes away.

Why: the REST routes and pages had no time limit, and a request its client abandoned kept running (eleven were
still running nine minutes later). This middleware gives each request a ``deadline.Budget``, which every
store call of the route's work checks (``graph.deadline``), answers 503 at the deadline itself (the route's
thread may still be inside one engine call), and abandons the work when the client disconnects. Work still
inside an engine call ``RUNAWAY_GRACE_S`` later is a runaway: ``on_runaway`` (the process is replaced, as for
``/sparql``). Requests running longer than the slow threshold are counted per client and in total
(``graph.slow_work``), so one client cannot fill the server with slow pages.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ftzgraph.api.errors import error_response
from ftzgraph.graph.runtime import deadline
from ftzgraph.graph.runtime.slow_work import SlowWork, SlowWorkLimit, TooManySlowRequests
from ftzgraph.graph.sparql._query_threads import RUNAWAY_GRACE_S

logger = logging.getLogger(__name__)
EXEMPT_PREFIXES = ("/static/", "/openapi.json", "/docs", "/redoc", "/store", "/sparql/update")
"""Paths that do no store work (files, the API's own description), and the writes (behind the write token):
a write is one atomic engine call that cannot be stopped half-way, so a 503 at the deadline would be
untrue once it lands; writes are bounded by the body-size limit instead."""


class RequestDeadline:
    """ASGI middleware: the request's budget, its 503 at the deadline, and its end when the client leaves."""

    def __init__(
        self,
        app: ASGIApp,
        timeout_ms: int,
        slow: SlowWork | None = None,
        on_runaway: Callable[[str], None] | None = None,
        budgets: set[deadline.Budget] | None = None,
    ) -> None:
        self.app = app
        self.timeout_ms = timeout_ms
        self.slow = slow
        self.on_runaway = on_runaway
        self.budgets = set() if budgets is None else budgets
        """The budgets of the requests running now (a memory cap abandons them all)."""
        self.runaways = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(EXEMPT_PREFIXES):
            await self.app(scope, receive, send)
            return
        client = scope["client"][0] if scope.get("client") else None
        if self.slow is not None:
            try:
                self.slow.admit(client)
            except TooManySlowRequests as refused:
                await error_response(429, str(refused), {"Retry-After": "5"})(scope, receive, send)
                return
        buffered = await _read_body(receive)
        disconnected = asyncio.Event()
        started = responded = False

        async def replay() -> Message:
            if buffered:
                return buffered.pop(0)
            await disconnected.wait()
            return {"type": "http.disconnect"}

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if responded:
                return  # the deadline's 503 went out already
            started = started or message["type"] == "http.response.start"
            await send(message)

        async def watch() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass
            disconnected.set()

        budget, token = deadline.start(self.timeout_ms)
        self.budgets.add(budget)
        try:
            task = asyncio.ensure_future(self.app(scope, replay, guarded_send))
        finally:
            deadline.reset(token)
        watcher = asyncio.ensure_future(watch())
        what = f"{scope['method']} {scope['path']}"
        slow = self.slow is None
        try:
            while True:
                remaining = budget.deadline - time.monotonic()
                if remaining <= 0:
                    break
                step = remaining if slow else min(remaining, self.slow.slow_s)  # type: ignore[union-attr]
                done, _ = await asyncio.wait({task, watcher}, timeout=step, return_when=asyncio.FIRST_COMPLETED)
                if task in done:
                    task.result()  # its exception, if any, goes to the server
                    return
                if watcher in done:
                    budget.abandoned.set()  # the client went away: the work stops at its next store call
                    self._abandon(task, budget, what, client, immediate=False)
                    return
                if not slow:
                    slow = True
                    try:
                        self.slow.enter(client)  # type: ignore[union-attr]
                    except SlowWorkLimit as limit:
                        budget.abandoned.set()
                        if not started:
                            responded = True
                            await error_response(503, str(limit))(scope, receive, send)
                        self._abandon(task, budget, what, client, immediate=True)
                        return
                    task.add_done_callback(lambda _: self.slow.leave(client))  # type: ignore[union-attr]
            budget.abandoned.set()
            if started:  # a response on its way (a stream): it ends at its next budget check
                await asyncio.wait({task})
                return
            if not started:
                responded = True
                message = (
                    f"{what} stopped after the time limit of {self.timeout_ms} ms (FTZGRAPH_QUERY_TIMEOUT_MS); "
                    "narrow the request down (filters, a smaller limit) or raise the limit"
                )
                await error_response(503, message)(scope, receive, send)
            self._abandon(task, budget, what, client, immediate=False)
        finally:
            watcher.cancel()
            if task.done():
                self.budgets.discard(budget)
            else:
                task.add_done_callback(lambda _: self.budgets.discard(budget))

    def _abandon(
        self, task: asyncio.Future[None], budget: deadline.Budget, what: str, client: str | None, *, immediate: bool
    ) -> None:
        """Stop waiting for ``task``; if its work is still inside an engine call a moment later, it is a runaway.

        The task is cancelled (a route awaiting its thread ends when the thread's next store call stops it);
        its later messages are dropped by ``guarded_send`` once the 503 went out.
        """
        task.cancel()
        task.add_done_callback(_quietly)
        delay = RUNAWAY_GRACE_S + (0 if immediate else max(budget.deadline - time.monotonic(), 0))
        asyncio.get_running_loop().call_later(delay, self._runaway, task, budget, what, client)

    def _runaway(self, task: asyncio.Future[None], budget: deadline.Budget, what: str, client: str | None) -> None:
        if task.done() or budget.active == 0:
            return
        self.runaways += 1
        if self.slow is not None:
            self.slow.mark_runaway(client)
        logger.warning("a request is still running past its deadline and cannot be stopped in this process: %s", what)
        if self.on_runaway is not None:
            self.on_runaway(what)


def _quietly(task: asyncio.Future[None]) -> None:
    """Retrieve an abandoned task's outcome, so that its exception is not logged as never retrieved."""
    with contextlib.suppress(asyncio.CancelledError, Exception):
        task.result()


async def _read_body(receive: Receive) -> list[Message]:
    """The request's body messages, read before the route runs (the body-size limit acts outside)."""
    messages = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            return messages

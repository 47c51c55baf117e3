"""Threads that evaluate SPARQL queries for the server, and what happens to a query that outlives its deadline.

Why threads, and why a runaway ends its process: pyoxigraph evaluates a query in one uninterruptible call
(a large aggregate can keep a thread busy far beyond any deadline) with the GIL released. A
thread lets the event loop answer 503 at the deadline while the engine works on, but nothing can stop that
thread, so the process that runs it must end. ``ftzgraph serve`` runs its server processes under a
supervisor: ``on_runaway`` asks this process to stop gracefully (no new connections, the other requests
finish, then exit, which ends the thread) and the supervisor starts a fresh one. Queries used to run in
worker processes, which could be killed without ending the server, but paid a pipe and a wake-up on every
query; threads answer more requests per second (``scripts/bench_http.py`` prints the figures).
The threads are daemons, so a runaway never holds up the interpreter's exit.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)
T = TypeVar("T")
RUNAWAY_GRACE_S = 0.5
"""Work still running this long after its deadline is a runaway; work ending just after it is not worth a
process."""


class QueryThreads(Generic[T]):
    """``size`` daemon threads taking work first come, first served; ``run`` awaits an answer until a deadline.

    ``runaways`` counts work still running past its deadline (each calls ``on_runaway`` with what it was).
    """

    def __init__(self, size: int, on_runaway: Callable[[str], None] | None = None) -> None:
        self.size = max(size, 1)
        self.on_runaway = on_runaway
        self.runaways = 0
        self._work: queue.SimpleQueue[tuple[Callable[[], T], concurrent.futures.Future[T]] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def _start_threads(self) -> None:
        with self._lock:
            while len(self._threads) < self.size:
                thread = threading.Thread(target=self._serve, daemon=True, name=f"ftzgraph-query-{len(self._threads)}")
                thread.start()
                self._threads.append(thread)

    def _serve(self) -> None:
        while (item := self._work.get()) is not None:
            work, future = item
            if not future.set_running_or_notify_cancel():
                continue  # its request gave up before it started
            try:
                future.set_result(work())
            except BaseException as error:  # handed to the awaiting request
                future.set_exception(error)

    async def run(self, work: Callable[[], T], deadline: float, what: str) -> T:
        """``work()`` on a query thread; TimeoutError at ``deadline`` (``time.monotonic`` seconds).

        Work that has not started by then is dropped; work that has, and still runs ``RUNAWAY_GRACE_S`` later, is
        a runaway. A request cancelled while its work runs (the client went away) leaves it to finish or to
        become a runaway the same way.
        """
        if len(self._threads) < self.size:
            self._start_threads()
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._work.put((work, future))
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), deadline - time.monotonic())
        except (TimeoutError, asyncio.CancelledError):
            if not future.cancel():  # running: a runaway if still so a moment after its deadline
                delay = max(deadline - time.monotonic(), 0) + RUNAWAY_GRACE_S
                asyncio.get_running_loop().call_later(delay, self._runaway, future, what)
            raise

    def _runaway(self, future: concurrent.futures.Future[T], what: str) -> None:
        if future.done():
            return
        self.runaways += 1
        logger.warning("a query is still running past its deadline and cannot be stopped in this process: %s", what)
        if self.on_runaway is not None:
            self.on_runaway(what)

    def close(self) -> None:
        """Let idle threads end; a running one ends with its work or with the process."""
        for _ in self._threads:
            self._work.put(None)
        self._threads.clear()

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
from typing import Any, Generic, TypeVar

from ftzgraph.graph.runtime.slow_work import QueryAborted, SlowWork, SlowWorkLimit

logger = logging.getLogger(__name__)
T = TypeVar("T")
RUNAWAY_GRACE_S = 0.5
"""Work still running this long after its deadline is a runaway; work ending just after it is not worth a
process."""


class QueryThreads(Generic[T]):
    """``size`` daemon threads taking work first come, first served; ``run`` awaits an answer until a deadline.

    ``runaways`` counts work still running past its deadline (each calls ``on_runaway`` with what it was).
    With a ``slow`` gate, work running longer than its ``slow_ms`` is counted there (per client and in total,
    ``slow_work``) and a replacement thread is started, so ``size`` threads stay for everyone else; the extra
    thread ends when the slow work does. ``abort`` answers every slow request at once (memory cap).
    """

    def __init__(
        self, size: int, on_runaway: Callable[[str], None] | None = None, slow: SlowWork | None = None
    ) -> None:
        self.size = max(size, 1)
        self.on_runaway = on_runaway
        self.slow = slow
        self.runaways = 0
        self._work: queue.SimpleQueue[tuple[Callable[[], T], concurrent.futures.Future[T]] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._slow_now = 0
        self._lock = threading.Lock()
        self._aborted: asyncio.Future[str] | None = None

    def _start_threads(self) -> None:
        with self._lock:
            while len(self._threads) < self.size + self._slow_now:
                thread = threading.Thread(target=self._serve, daemon=True, name=f"ftzgraph-query-{len(self._threads)}")
                thread.start()
                self._threads.append(thread)

    def _serve(self) -> None:
        while (item := self._work.get()) is not None:
            work, future = item
            if not future.set_running_or_notify_cancel():
                continue  # its request gave up before it started
            future.started = time.monotonic()  # type: ignore[attr-defined]
            try:
                future.set_result(work())
            except BaseException as error:  # handed to the awaiting request
                future.set_exception(error)
            with self._lock:  # a replacement for slow work that has ended is one thread too many
                if len(self._threads) > self.size + self._slow_now:
                    self._threads.remove(threading.current_thread())
                    return

    def _became_slow(self, future: concurrent.futures.Future[T], client: str | None) -> None:
        """Count ``future``'s work as slow until it ends, and start a thread in its place."""
        assert self.slow is not None
        self.slow.enter(client)  # SlowWorkLimit when there is no room: the caller stops waiting
        with self._lock:
            self._slow_now += 1

        def ended(_: object) -> None:
            with self._lock:
                self._slow_now -= 1
            assert self.slow is not None
            self.slow.leave(client)

        future.add_done_callback(ended)
        self._start_threads()

    async def run(self, work: Callable[[], T], deadline: float, what: str, client: str | None = None) -> T:
        """``work()`` on a query thread; TimeoutError at ``deadline`` (``time.monotonic`` seconds).

        Work that has not started by then is dropped; work that has, and still runs ``RUNAWAY_GRACE_S`` later, is
        a runaway. A request cancelled while its work runs (the client went away) leaves it to finish or to
        become a runaway the same way. ``client`` (an address) is what slow work is counted by.
        """
        if self.slow is not None:
            self.slow.admit(client)
        if self._aborted is None:
            self._aborted = asyncio.get_running_loop().create_future()
        if len(self._threads) < self.size:
            self._start_threads()
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._work.put((work, future))
        answer = asyncio.wrap_future(future)
        slow = self.slow is None
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                step = remaining if slow else min(remaining, 0.05)
                # Only slow work is stopped by ``abort``: a quick answer on its way costs no memory worth saving.
                waited: set[asyncio.Future[Any]] = {answer}
                if slow and self.slow is not None:
                    waited.add(self._aborted)
                done, _ = await asyncio.wait(waited, timeout=step, return_when=asyncio.FIRST_COMPLETED)
                if answer in done:
                    return answer.result()
                if self._aborted in done:
                    raise QueryAborted(self._aborted.result())
                started = getattr(future, "started", None)
                if not slow and started is not None and time.monotonic() - started >= self.slow.slow_s:  # type: ignore[union-attr]
                    slow = True
                    self._became_slow(future, client)
        except (TimeoutError, asyncio.CancelledError, QueryAborted, SlowWorkLimit) as stopped:
            if not future.cancel():  # running: a runaway if still so a moment after its deadline (or now)
                waits = not isinstance(stopped, (QueryAborted, SlowWorkLimit))
                delay = (max(deadline - time.monotonic(), 0) if waits else 0) + RUNAWAY_GRACE_S
                asyncio.get_running_loop().call_later(delay, self._runaway, future, what, client)
            raise
        finally:
            if not answer.done():
                answer.cancel()  # only the asyncio wrapper; the thread's work goes on or is dropped above

    def abort(self, loop: asyncio.AbstractEventLoop, reason: str) -> None:
        """From any thread: every slow request waiting now or later fails with ``QueryAborted(reason)``."""
        aborted = self._aborted
        if aborted is not None:

            def set_reason() -> None:
                if not aborted.done():
                    aborted.set_result(reason)

            loop.call_soon_threadsafe(set_reason)

    def _runaway(self, future: concurrent.futures.Future[T], what: str, client: str | None = None) -> None:
        if future.done():
            return
        self.runaways += 1
        if self.slow is not None:
            self.slow.mark_runaway(client)
        logger.warning("a query is still running past its deadline and cannot be stopped in this process: %s", what)
        if self.on_runaway is not None:
            self.on_runaway(what)

    def close(self) -> None:
        """Let idle threads end; a running one ends with its work or with the process."""
        for _ in self._threads:
            self._work.put(None)
        self._threads.clear()

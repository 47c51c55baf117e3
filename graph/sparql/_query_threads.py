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
import contextlib
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


def _succeed(answer: asyncio.Future[Any], result: Any) -> None:
    if not answer.done():
        answer.set_result(result)


def _fail(answer: asyncio.Future[Any], error: BaseException) -> None:
    if not answer.done():
        answer.set_exception(error)


def _hand_back(answer: asyncio.Future[Any], settle: Callable[[asyncio.Future[Any], Any], None], value: Any) -> None:
    """From a query thread: settle ``answer`` on its event loop (gone when the server process is ending)."""
    with contextlib.suppress(RuntimeError):
        answer.get_loop().call_soon_threadsafe(settle, answer, value)


class _Watch:
    """What one request waits for besides its answer: the deadline's timer, and, with a slow gate, when its work
    becomes slow (then counted, and stopped by ``QueryThreads.abort``). ``end`` lets go of all of it."""

    __slots__ = ("aborted", "answer", "client", "future", "threads", "timers")

    def __init__(
        self,
        threads: QueryThreads[Any],
        future: concurrent.futures.Future[Any],
        answer: asyncio.Future[Any],
        client: str | None,
    ) -> None:
        self.threads, self.future, self.answer, self.client = threads, future, answer, client
        self.timers: list[asyncio.TimerHandle] = []
        self.aborted: asyncio.Future[str] | None = None

    def check_slow(self) -> None:
        """Still waiting ``slow_ms`` after the request came: slow if its work has run that long, else look again
        when it will have (or, while it waits for a thread, a little later)."""
        threads, slow = self.threads, self.threads.slow
        if self.answer.done() or slow is None:
            return
        loop = self.answer.get_loop()
        started = getattr(self.future, "started", None)
        if started is None:
            self.timers.append(loop.call_later(0.05, self.check_slow))
            return
        left = started + slow.slow_s - time.monotonic()
        if left > 0:
            self.timers.append(loop.call_later(left, self.check_slow))
            return
        try:
            threads._became_slow(self.future, self.client)
        except SlowWorkLimit as error:
            _fail(self.answer, error)
            return
        # Only slow work is stopped by ``abort``: a quick answer on its way costs no memory worth saving.
        self.aborted = threads._aborted
        if self.aborted is not None:
            self.aborted.add_done_callback(self._abort)

    def _abort(self, aborted: asyncio.Future[str]) -> None:
        _fail(self.answer, QueryAborted(aborted.result()))

    def end(self) -> None:
        for timer in self.timers:
            timer.cancel()
        if self.aborted is not None:
            self.aborted.remove_done_callback(self._abort)


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
        self._work: queue.SimpleQueue[
            tuple[Callable[[], T], concurrent.futures.Future[T], asyncio.Future[T]] | None
        ] = queue.SimpleQueue()
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
            work, future, answer = item
            if not future.set_running_or_notify_cancel():
                continue  # its request gave up before it started
            future.started = time.monotonic()  # type: ignore[attr-defined]
            try:
                result = work()
            except BaseException as error:  # handed to the awaiting request
                future.set_exception(error)
                _hand_back(answer, _fail, error)
            else:
                future.set_result(result)
                _hand_back(answer, _succeed, result)
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
        become a runaway the same way. ``client`` (an address) is what slow work is counted by; ``what`` says
        what the work is (its white space runs and length are cut down only if it becomes a runaway).

        The thread hands its outcome to the event loop in one call (``_hand_back``) and the deadline is one timer:
        a query of a few hundred microseconds used to spend a third of its server CPU on the hand-off.
        """
        if self.slow is not None:
            self.slow.admit(client)
        loop = asyncio.get_running_loop()
        if self._aborted is None:
            self._aborted = loop.create_future()
        if len(self._threads) < self.size:
            self._start_threads()
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        answer: asyncio.Future[T] = loop.create_future()
        self._work.put((work, future, answer))
        watch = _Watch(self, future, answer, client)
        watch.timers.append(loop.call_later(max(deadline - time.monotonic(), 0), _fail, answer, TimeoutError()))
        if self.slow is not None:
            watch.timers.append(loop.call_later(self.slow.slow_s, watch.check_slow))
        try:
            return await answer
        except (TimeoutError, asyncio.CancelledError, QueryAborted, SlowWorkLimit) as stopped:
            if not future.cancel():  # running: a runaway if still so a moment after its deadline (or now)
                waits = not isinstance(stopped, (QueryAborted, SlowWorkLimit))
                delay = (max(deadline - time.monotonic(), 0) if waits else 0) + RUNAWAY_GRACE_S
                loop.call_later(delay, self._runaway, future, what, client)
            raise
        finally:
            watch.end()

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
        what = " ".join(what.split())[:300]  # on one line: the log and the penalty name it
        logger.warning("a query is still running past its deadline and cannot be stopped in this process: %s", what)
        if self.on_runaway is not None:
            self.on_runaway(what)

    def close(self) -> None:
        """Let idle threads end; a running one ends with its work or with the process."""
        for _ in self._threads:
            self._work.put(None)
        self._threads.clear()

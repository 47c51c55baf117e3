"""The time budget of one request, seen by every store call it makes, on whatever thread makes it.

Why: the REST routes and pages run several store queries per request on worker threads, and the server
could not stop them: on a large store a slow route ran far past any deadline, and a request whose client
had gone kept running for minutes. A ``Budget`` lives in a context variable (copied into the worker thread that runs the
route's work), so ``check()`` before each store query, and every few hundred rows of a result, ends the work
with ``DeadlineExceeded`` once the deadline passed or the request was abandoned. ``active`` counts the store
calls running now: a request that still has one a moment after its deadline is stuck in a single engine
call, which only ending the process stops (see ``_query_threads``).
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ftzgraph.graph.errors import QueryError

CHECK_EVERY_ROWS = 256
"""A result being read is checked against its budget every this many rows."""


class DeadlineExceeded(QueryError):
    """The request's time ran out, or its client went away, while its work was running."""


@dataclass(eq=False)
class Budget:
    """One request's deadline (``time.monotonic`` seconds) and whether it was abandoned."""

    deadline: float
    timeout_ms: int
    abandoned: threading.Event = field(default_factory=threading.Event)
    active: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def check(self) -> None:
        """Raise ``DeadlineExceeded`` when the work should stop."""
        if self.abandoned.is_set():
            raise DeadlineExceeded("the request was abandoned (its client went away or its time ran out)")
        if time.monotonic() > self.deadline:
            raise DeadlineExceeded(
                f"stopped after the time limit of {self.timeout_ms} ms (FTZGRAPH_QUERY_TIMEOUT_MS); "
                "narrow the request down or raise the limit"
            )

    @contextmanager
    def store_call(self) -> Iterator[None]:
        self.check()
        with self._lock:
            self.active += 1
        try:
            yield
        finally:
            with self._lock:
                self.active -= 1


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("ftzgraph_budget", default=None)


def current() -> Budget | None:
    return _current.get()


def start(timeout_ms: int) -> tuple[Budget, contextvars.Token[Budget | None]]:
    """A budget of ``timeout_ms`` for the work this context (and threads it hands work to) does from now."""
    budget = Budget(time.monotonic() + timeout_ms / 1000, timeout_ms)
    return budget, _current.set(budget)


def reset(token: contextvars.Token[Budget | None]) -> None:
    _current.reset(token)


@contextmanager
def store_call() -> Iterator[None]:
    """Around one store query: checks the current budget first, and counts the call as running."""
    budget = _current.get()
    if budget is None:
        yield
        return
    with budget.store_call():
        yield


def check_rows(count: int) -> None:
    """Called per row read: checks the budget every ``CHECK_EVERY_ROWS`` rows."""
    if count % CHECK_EVERY_ROWS == 0:
        budget = _current.get()
        if budget is not None:
            budget.check()

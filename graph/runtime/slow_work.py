"""Slow requests, counted per client and in total, so that a few runaways cannot starve every other request.

Why: three runaway SPARQL queries held both query threads of a server for their whole time limit, and every
cheap query waited behind them. A request becomes *slow* once it has run ``slow_ms`` (queries of the shipped
pages and examples take a few milliseconds); a slow one no longer holds one of the threads that answer
everyone (the query threads start a replacement), but slow ones are bounded: at most ``max_per_client`` from
one client address (further requests from that client are refused 429 until one ends) and ``max_total`` in
the process (one more is stopped with a 503 and its process replaced, see ``_query_threads``).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import Counter
from pathlib import Path

from ftzgraph.graph.errors import QueryError


class TooManySlowRequests(QueryError):
    """This client already has as many slow requests running as it may (answered 429)."""


class SlowWorkLimit(QueryError):
    """The process already runs as many slow requests as it may; this one is stopped (answered 503)."""


class SlowWork:
    """The slow requests running in this process, by client address."""

    def __init__(
        self,
        slow_ms: int = 1000,
        max_total: int = 8,
        max_per_client: int = 6,
        *,
        penalty_dir: Path | None = None,
        penalty_s: float = 0,
    ) -> None:
        self.slow_s = slow_ms / 1000
        self.max_total = max_total
        self.max_per_client = max_per_client
        self.by_client: Counter[str] = Counter()
        self.runaway_clients: set[str] = set()
        """Clients whose own work ran past its deadline in this process (``mark_runaway``)."""
        self.total = 0
        self.penalty_dir = penalty_dir if penalty_s > 0 else None
        self.penalty_s = penalty_s
        self._lock = threading.Lock()

    def mark_runaway(self, client: str | None) -> None:
        """``client``'s work is still running past its deadline: it, not whoever else has slow work running
        here, is why this process is being replaced (``penalize_running``)."""
        if client:
            with self._lock:
                self.runaway_clients.add(client)

    def penalize_running(self) -> list[str]:
        """Refuse, for ``penalty_s``, the clients whose work is why this process is being replaced: those with a
        runaway (``mark_runaway``), or, when there is none (the memory cap), every client with slow work running.
        A client whose pages were merely slow beside someone else's runaway is not refused. Kept in
        ``penalty_dir`` (one empty file per address), which every worker of one server shares, so the client
        cannot simply carry on in the next worker or the replacement."""
        with self._lock:
            clients = sorted(self.runaway_clients) or [client for client in list(self.by_client) if client]
        if self.penalty_dir is not None:
            for client in clients:
                with contextlib.suppress(OSError):
                    (self.penalty_dir / client.replace("/", "_")).touch()
        return clients

    def _penalized_for(self, client: str) -> float:
        if self.penalty_dir is None or not client:
            return 0
        try:
            since = time.time() - os.stat(os.path.join(self.penalty_dir, client.replace("/", "_"))).st_mtime
        except OSError:
            return 0
        return self.penalty_s - since if since < self.penalty_s else 0

    def admit(self, client: str | None) -> None:
        """Refuse a new request from a client that has ``max_per_client`` slow requests running, or whose work
        recently made a server process be replaced."""
        left = self._penalized_for(client or "")
        if left > 0:
            raise TooManySlowRequests(
                f"a query from your address ran away and its server process had to be replaced; requests from it "
                f"are refused for {left:.0f} s more (FTZGRAPH_RUNAWAY_PENALTY_S)"
            )
        running = self.by_client.get(client or "", 0)
        if running >= self.max_per_client:
            raise TooManySlowRequests(
                f"{running} slow requests from your address are still running; wait for them to end "
                f"(at most {self.max_per_client} at once, FTZGRAPH_MAX_SLOW_QUERIES_PER_CLIENT)"
            )

    def enter(self, client: str | None) -> None:
        """Count a request that just became slow; ``SlowWorkLimit`` when the process has no room for it."""
        with self._lock:
            if self.total >= self.max_total:
                raise SlowWorkLimit(
                    f"stopped: {self.total} slow requests are already running on this server process "
                    f"(FTZGRAPH_MAX_SLOW_QUERIES); narrow the request down or try again later"
                )
            self.total += 1
            self.by_client[client or ""] += 1

    def leave(self, client: str | None) -> None:
        """A slow request's work ended (its thread is free again)."""
        with self._lock:
            self.total -= 1
            key = client or ""
            self.by_client[key] -= 1
            if self.by_client[key] <= 0:
                del self.by_client[key]


class QueryAborted(QueryError):
    """Every request of this process was stopped at once: it went over its memory cap and is being replaced."""

"""A bounded cache of serialised SPARQL answers, for queries that are expensive to evaluate.

Why: an aggregate over 100k cases takes the engine about a second however it is reached, and dashboards,
the query editor's examples and the network page ask the same questions again and again. Like the query
service of Wikidata, the endpoint keeps recent answers; unlike a time-based cache, an entry lives only as
long as the store is unchanged (the store's files are watched, so a write by anyone empties it). Only
answers that took at least ``min_ms`` to compute are kept (cheap queries gain nothing), within
``max_bytes`` in all, least recently used first out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

Answer = TypeVar("Answer")


class ResultCache(Generic[Answer]):
    """Answers by key, valid for one state of the store (``version``); thread-safe."""

    def __init__(self, max_bytes: int, min_ms: float) -> None:
        self.max_bytes = max_bytes
        self.min_ms = min_ms
        self._entries: OrderedDict[Hashable, tuple[Answer, int]] = OrderedDict()
        self._bytes = 0
        self._version: Hashable = None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def _sync(self, version: Hashable) -> None:
        if version != self._version:
            self._entries.clear()
            self._bytes = 0
            self._version = version

    def get(self, key: Hashable, version: Hashable) -> Answer | None:
        """The answer stored for ``key`` while the store was at ``version``, else None."""
        with self._lock:
            self._sync(version)
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: Hashable, version: Hashable, answer: Answer, size: int, elapsed_ms: float) -> bool:
        """Keep ``answer`` (``size`` bytes) if it was slow enough to be worth it and fits; returns whether kept."""
        if elapsed_ms < self.min_ms or size > self.max_bytes:
            return False
        with self._lock:
            self._sync(version)
            if key in self._entries:
                self._bytes -= self._entries.pop(key)[1]
            self._entries[key] = (answer, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped
            return True

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

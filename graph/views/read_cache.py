"""Answers the read side computes from the whole store, kept while the store is unchanged.

Why: a page of 50 cases ordered by document and number, and the total beside it, need every case of the store
(the engine sorts by decoding every IRI it compares), while the page itself needs only its 50. The ordered list
of cases a filter keeps is computed once per state of the store and then sliced; the summaries of the cases
(``remembered_each``) are kept per case, so a page costs little more than its serialisation. Like
``result_cache`` for ``/sparql``, an entry lives only as long as the store's files are unchanged
(``StoreWatch``: a write by this process or any other changes them), or, for a read-only opening, as long as
the opening (it does not see later writes); stores without files to watch (in memory, remote) are never cached:
their answers are computed on every call.
"""

from __future__ import annotations

import copy
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.store.watch import StoreWatch

T = TypeVar("T", bound=Sequence[object])
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

MAX_ITEMS = 400_000
"""Most items (case IRIs) kept over all entries of one store, least recently used out first: about 40 MB."""


class _StoreCache:
    """The entries of one store and the state of its files they were computed from."""

    def __init__(self, path: str, read_only: bool) -> None:
        # A read-only opening sees the store as it was when opened, whatever is written later (a newer opening,
        # ``ReopeningStore``'s, is another store with entries of its own): what is kept for it never goes
        # stale, and its files need no look on each call.
        self.watch = None if read_only else StoreWatch(path)
        if self.watch is not None:
            self.watch.changed()
        self.version = 0
        self.entries: OrderedDict[Hashable, tuple[int, Sequence[object]]] = OrderedDict()  # key: (weight, value)
        self.items = 0
        self.lock = threading.Lock()

    def current_version(self) -> int:
        """Called with the lock held: the version, bumped (and the entries dropped) when the files changed."""
        if self.watch is not None and self.watch.changed():
            self.version += 1
            self.entries.clear()
            self.items = 0
        return self.version

    def put(self, key: Hashable, version: int, value: Sequence[object], weight: int | None = None) -> None:
        """File ``value`` under ``key``; it counts as ``weight`` items (its length unless given)."""
        size = len(value) if weight is None else weight
        if version != self.version or size > MAX_ITEMS:
            return
        if key in self.entries:
            self.items -= self.entries.pop(key)[0]
        self.entries[key] = (size, value)
        self.items += size
        while self.items > MAX_ITEMS:
            _, (old, _) = self.entries.popitem(last=False)
            self.items -= old


_caches: weakref.WeakKeyDictionary[OxigraphStore, _StoreCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def _cache_of(store: object) -> _StoreCache | None:
    if not isinstance(store, OxigraphStore) or store.path is None:
        return None
    with _caches_lock:
        cache = _caches.get(store)
        if cache is None:
            cache = _caches[store] = _StoreCache(str(store.path), store.read_only)
        return cache


def remembered(store: object, key: Hashable, compute: Callable[[], T], weigh: Callable[[T], int] | None = None) -> T:
    """``compute()``, or its answer for ``key`` kept from an earlier call on the same, unchanged store.

    The version is read before computing, so an answer that raced a write is filed under the older state and
    never served after it. ``weigh`` tells how many items an answer counts for against ``MAX_ITEMS`` (its
    length unless given).
    """
    cache = _cache_of(store)
    if cache is None:
        return compute()
    with cache.lock:
        version = cache.current_version()
        entry = cache.entries.get(key)
        if entry is not None:
            cache.entries.move_to_end(key)
            return entry[1]  # type: ignore[return-value]
    value = compute()
    with cache.lock:
        cache.put(key, version, value, weigh(value) if weigh else None)
    return value


def remembered_whole(store: object, key: Hashable, compute: Callable[[], V]) -> V:
    """``remembered`` for an answer about the whole store (counts, the list of zones): a copy of the kept answer,
    so a caller that changes what it got changes nothing for the next one."""
    kept = remembered(store, key, lambda: (compute(),))
    return copy.deepcopy(kept[0])


def remembered_each(
    store: object, kind: str, keys: Sequence[K], compute: Callable[[list[K]], dict[K, V]], weight: int
) -> dict[K, V]:
    """The value of each of ``keys`` (those ``compute`` gives one for), computing only those not kept yet.

    For values derived per item of the store (a case's summary): ``compute(missing)`` answers the missing
    keys at once, and every answer is kept, as ``weight`` items of the bound, while the store is unchanged.
    A key ``compute`` gives nothing for is asked again next time. Stores without files are never cached.
    """
    cache = _cache_of(store)
    if cache is None:
        return compute(list(keys))
    found: dict[K, V] = {}
    with cache.lock:
        version = cache.current_version()
        for key in keys:
            entry = cache.entries.get((kind, key))
            if entry is not None:
                cache.entries.move_to_end((kind, key))
                found[key] = entry[1][0]  # type: ignore[assignment]
    missing = [key for key in keys if key not in found]
    if missing:
        computed = compute(missing)
        with cache.lock:
            for key, value in computed.items():
                cache.put((kind, key), version, (value,), weight)
        found.update(computed)
    return found

"""The store the REST routes and pages read, reopened after anyone writes to it.

Why: ``ftzgraph serve`` without a write token opens the store read-only, so that several workers and a
``ftzgraph build`` can share it; but a read-only opening sees the store as it was when opened. ``/sparql``
reopens its handle when the store's files change (``SparqlService._reader``); the REST routes and pages used
the handle opened at start-up for ever, and so never showed another process's writes. ``ReopeningStore``
gives each request the current handle: a few ``stat`` calls tell whether the files changed (``StoreWatch``),
and only then is the store opened again. A request keeps the handle it was given, so its several queries
read one state of the store. A store opened for writing, or kept in memory, sees every write already and is
handed out as it is.
"""

from __future__ import annotations

import threading

from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.store.watch import StoreWatch


class ReopeningStore:
    """Hands out ``store``, or a newer read-only opening of its folder after its files changed."""

    def __init__(self, store: OxigraphStore) -> None:
        self._store = store
        self._watch = StoreWatch(str(store.path)) if store.read_only and store.path is not None else None
        if self._watch is not None:
            self._watch.changed()  # the state the store was opened in
        self._lock = threading.Lock()

    def current(self) -> OxigraphStore:
        """The store as it is now on disk (opened again only when its files changed since the last look)."""
        if self._watch is None:
            return self._store
        with self._lock:
            if self._watch.changed():
                self._store = OxigraphStore(self._store.path, read_only=True)
            return self._store

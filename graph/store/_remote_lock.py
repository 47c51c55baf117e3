"""One writer at a time on a remote store: a lock kept as triples in its own named graph.

SPARQL has no lock, so this is optimistic and refuses rather than waits. A writer reads the lock graph;
if another writer's entry has not expired it is refused (``StoreBusyError`` names the owner and when
the entry expires). Otherwise it deletes the expired entries, inserts its own, and reads the graph
again: it holds the lock only if no other live entry is there. Two writers racing each other may
both be refused, never both admitted, as long as the server's reads see committed updates.
Entries expire (``FTZGRAPH_REMOTE_LOCK_TTL_S``) so a killed build does not block the store for long;
while held, a daemon thread renews the entry every third of that time, and every write renews it
first and fails if it was taken over meanwhile (say, after the server was unreachable). Expiry is
seconds since the epoch on the writers' clocks (servers disagree on ``NOW()`` and time zones).
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from ftzgraph.graph.errors import StoreError
from ftzgraph.graph.store.sparql_terms import literal
from ftzgraph.ontology.namespace import GRAPH

if TYPE_CHECKING:
    from ftzgraph.graph.store.remote import RemoteStore

LOCK_GRAPH = str(GRAPH["lock"])
OWNER = "http://purl.org/dc/terms/creator"
EXPIRES = "http://purl.org/dc/terms/valid"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


class StoreBusyError(StoreError):
    """Another build is writing to the same store; the message names it and says what to do."""


@dataclass(frozen=True)
class LockEntry:
    node: str
    owner: str
    expires_s: float


class RemoteLock:
    """The write lock of one ``RemoteStore``; a context manager, and re-entrant for its holder."""

    def __init__(self, store: RemoteStore, ttl_s: float) -> None:
        self.store = store
        self.ttl_s = ttl_s
        self.graph = LOCK_GRAPH
        self.node: str | None = None
        self.owner = f"{socket.gethostname()} pid {os.getpid()}"
        self._depth = 0
        self._renewing = threading.Lock()
        self._stop = threading.Event()
        self._lost: StoreError | None = None

    @property
    def held(self) -> bool:
        return self.node is not None

    def entries(self) -> list[LockEntry]:
        rows = self.store.select(
            f"SELECT ?node ?owner ?expires WHERE {{ GRAPH <{self.graph}> {{ ?node <{OWNER}> ?owner ; "
            f"<{EXPIRES}> ?expires }} }}",
            union_default_graph=False,
        )
        return [LockEntry(str(r["node"]), str(r["owner"]), float(r["expires"])) for r in rows]

    def _refuse(self, other: LockEntry, why: str) -> StoreBusyError:
        left = max(0.0, other.expires_s - time.time())
        return StoreBusyError(
            f"{self.store.config.query_url}: {why}: another build ({other.owner}) holds the write lock for "
            f"{left:.0f}s more. Hint: wait for it to finish; if it was killed, its lock expires by itself "
            f"(FTZGRAPH_REMOTE_LOCK_TTL_S) or can be removed with `DROP GRAPH <{self.graph}>`"
        )

    def _entry_triples(self, node: str) -> str:
        expires = int(time.time() + self.ttl_s)
        return f'<{node}> <{OWNER}> {literal(self.owner)} ; <{EXPIRES}> "{expires}"^^<{XSD_INTEGER}> .'

    def acquire(self) -> None:
        if self.node is not None:
            self._depth += 1
            return
        now = time.time()
        entries = self.entries()
        live = [e for e in entries if e.expires_s > now]
        if live:
            raise self._refuse(live[0], "refused")
        node = f"{self.graph}#{uuid.uuid4().hex}"
        drops = "".join(f"DELETE WHERE {{ GRAPH <{self.graph}> {{ <{e.node}> ?p ?o }} }} ;\n" for e in entries)
        self.store.update(drops + f"INSERT DATA {{ GRAPH <{self.graph}> {{ {self._entry_triples(node)} }} }}")
        others = [e for e in self.entries() if e.node != node and e.expires_s > time.time()]
        if others:
            self._delete(node)
            raise self._refuse(others[0], "refused (two builds started at the same moment)")
        self.node, self._depth, self._lost = node, 1, None
        self._stop = threading.Event()
        threading.Thread(target=self._heartbeat, args=(node, self._stop), name="ftzgraph-lock", daemon=True).start()
        if entries:
            # A writer died holding the lock (or could not release it): its staging graphs are orphans.
            self.store.drop_staging()

    def _heartbeat(self, node: str, stop: threading.Event) -> None:
        while not stop.wait(self.ttl_s / 3):
            try:
                self.renew()
            except StoreBusyError as error:
                self._lost = error
                return
            except StoreError:
                continue  # the server is unreachable: the next write will say so, and renew again

    def renew(self) -> None:
        """Push the expiry back; fail if the entry expired and another writer took the lock meanwhile."""
        with self._renewing:
            if self._lost is not None:
                raise self._lost
            if self.node is None:
                raise StoreError("renewing a write lock that is not held")
            self._renew(self.node)

    def _renew(self, node: str) -> None:
        now = time.time()
        entries = self.entries()
        others = [e for e in entries if e.node != node and e.expires_s > now]
        if others or all(e.node != node for e in entries):
            self.node, self._depth = None, 0
            self._stop.set()
            if others:
                raise self._refuse(others[0], "lost the write lock (it expired)")
            raise StoreBusyError(f"{self.store.config.query_url}: lost the write lock (its entry was removed)")
        self.store.update(
            f"DELETE WHERE {{ GRAPH <{self.graph}> {{ <{node}> <{EXPIRES}> ?e }} }} ;\n"
            f"INSERT DATA {{ GRAPH <{self.graph}> {{ {self._entry_triples(node)} }} }}"
        )

    def release(self, *, completely: bool = False) -> None:
        if self.node is None:
            return
        self._depth = 0 if completely else self._depth - 1
        if self._depth > 0:
            return
        with self._renewing:
            # The entry is forgotten only once deleted: if the server is down, close() can try again later.
            self._delete(self.node)
            self._stop.set()
            self.node = None

    def stop(self) -> None:
        """Stop renewing (the store is closing); an entry that could not be deleted then expires."""
        self._stop.set()

    def _delete(self, node: str) -> None:
        self.store.update(f"DELETE WHERE {{ GRAPH <{self.graph}> {{ <{node}> ?p ?o }} }}")

    def __enter__(self) -> RemoteLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            self.release()
        except StoreError:
            if kind is None:
                raise

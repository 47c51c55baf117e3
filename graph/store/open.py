"""Pick the store from one location string: a folder is the embedded store, an http(s) URL a server.

This is the one place that decides, so ``ftzgraph --store`` / ``FTZGRAPH_STORE`` accept either and the
CLI and the web server never import a store class themselves.

Two writers at once are refused on both kinds: the embedded store by RocksDB's lock on the folder
(turned into ``StoreBusyError`` here), a remote store by the lock graph of ``graph/store/_remote_lock.py``,
taken when the store is opened for writing and released by ``close()``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ftzgraph.graph.errors import StoreError
from ftzgraph.graph.store.lock import describe_process, lock_holder
from ftzgraph.graph.store.oxigraph import OxigraphStore, Store

if TYPE_CHECKING:
    from ftzgraph.graph.store._remote_lock import StoreBusyError
    from ftzgraph.graph.store.remote import RemoteStore

_REMOTE_NAMES = {
    "RemoteConfig": "ftzgraph.graph.store._remote_http",
    "StoreBusyError": "ftzgraph.graph.store._remote_lock",
    "RemoteStore": "ftzgraph.graph.store.remote",
}
"""Names this module gives from the remote-store modules, imported on first use: they bring in httpx, which
commands on the embedded store never need."""


def __getattr__(name: str) -> Any:
    if name in _REMOTE_NAMES:
        import importlib

        return getattr(importlib.import_module(_REMOTE_NAMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["StoreBusyError", "is_remote", "open_store"]


def is_remote(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def open_store(location: str, *, write: bool, environ: Mapping[str, str] | None = None) -> Store:
    """Open the store at ``location`` and check it answers, so a bad location fails here, named.

    ``write=False`` opens the embedded store read-only (several readers and one writer may share it)
    and only checks that a remote server answers; ``write=True`` takes the store's write lock.
    """
    if is_remote(location):
        return _open_remote(location, write=write, environ=os.environ if environ is None else environ)
    return _open_embedded(Path(location), write=write)


def _open_remote(url: str, *, write: bool, environ: Mapping[str, str]) -> RemoteStore:
    from ftzgraph.graph.store._remote_http import RemoteConfig
    from ftzgraph.graph.store.remote import RemoteStore

    store = RemoteStore(RemoteConfig.from_env(url, environ))
    try:
        if write:
            store.lock.acquire()
        else:
            store.ping()
    except BaseException:
        store.client.close()
        raise
    return store


def _open_embedded(path: Path, *, write: bool) -> OxigraphStore:
    if not write and not path.exists():
        raise StoreError(f"no store at '{path}'. Hint: run `ftzgraph build --store {path}` first")
    try:
        return OxigraphStore(path, read_only=not write)
    except StoreError as error:
        cause = str(error.__cause__ or error)
        from ftzgraph.graph.store._remote_lock import StoreBusyError

        if "LOCK" in cause and ("unavailable" in cause or "lock hold" in cause or "No locks" in cause):
            holder = lock_holder(path)
            who = describe_process(holder) if holder is not None else "another process"
            raise StoreBusyError(
                f"the store at '{path}' is already open for writing by {who} (a running "
                "`ftzgraph build` or `ftzgraph serve`?); RocksDB allows one writer per folder. Hint: wait "
                "for it to finish; reading commands (query, trace, cases) still work meanwhile"
            ) from error
        raise

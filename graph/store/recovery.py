"""Replaying an embedded store's write-ahead log once, before the server starts, instead of in every worker.

RocksDB writes each commit to a write-ahead log (the numbered ``*.log`` files in the store folder) and to
memory; the log becomes table files only when memory fills or the store is closed. A process killed during or
just after a large write (a Graph Store PUT, a build) leaves that log behind, hundreds of MiB of it. A
read-write open replays the log and writes it out as table files, once. A read-only open, which is how
server workers open the store when writes are off, replays it into memory on every open and never writes it
out: every worker, and every worker replaced later, spends the replay (tens of seconds for a few hundred MiB)
before it can answer, while the server looks started.

So ``ftzgraph serve`` calls ``recover_store`` before it binds the port or starts a worker: when the log is
large, the store is opened read-write once, in the supervisor, with a message saying what it is doing and how
long it took. If another process holds the store for writing (a build running beside a read-only server) the
log is that process's live log, not a leftover: nothing is replayed, and the message says why the start may
be slow.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ftzgraph.graph.errors import StoreError

RECOVER_ABOVE_BYTES = 1 << 20
"""A log this small replays in milliseconds on every open: not worth a read-write open (which needs write
permission on the folder and the store's lock)."""

_WAL_NAME = re.compile(r"[0-9]+\.log")


def pending_log_bytes(path: Path) -> int:
    """Bytes in the store's write-ahead log files, i.e. writes not yet in table files (0 if no folder)."""
    if not path.is_dir():
        return 0
    total = 0
    for entry in path.iterdir():
        if _WAL_NAME.fullmatch(entry.name):
            try:
                total += entry.stat().st_size
            except OSError:  # removed by a writer meanwhile
                continue
    return total


@dataclass(frozen=True)
class Recovery:
    """What ``recover_store`` did: ``replayed`` is False when it left the log alone (and ``reason`` says why)."""

    log_bytes: int
    replayed: bool
    seconds: float = 0.0
    reason: str = ""


def recover_store(
    path: Path, *, say: Callable[[str], None], required: bool = False, threshold: int = RECOVER_ABOVE_BYTES
) -> Recovery:
    """Replay a large leftover write-ahead log into table files (a read-write open and close), saying so.

    With ``required`` False (a read-only server) a store it cannot open read-write (held by another writer,
    a read-only folder) is no error: the server can still serve, only its workers replay the log themselves,
    which the message says. With ``required`` (writes on) the ``StoreError`` is raised, since the server could
    not open the store either.
    """
    size = pending_log_bytes(path)
    if size <= threshold:
        return Recovery(size, replayed=False, reason="small log")
    from ftzgraph.graph.store.open import open_store

    mib = size / (1 << 20)
    say(
        f"the store at {path} has {mib:.0f} MiB of writes not yet in its table files (a write or build was "
        "interrupted, or is running); replaying them once before serving…"
    )
    started = time.monotonic()
    try:
        store = open_store(str(path), write=True)
    except StoreError as error:
        if required:
            raise
        say(
            f"not replayed ({error}); each server process reads the {mib:.0f} MiB log itself when it opens the "
            "store, so it may be slow to answer"
        )
        return Recovery(size, replayed=False, reason=str(error))
    store.close()  # flushes what the open replayed into table files
    seconds = time.monotonic() - started
    say(f"replayed {mib:.0f} MiB of the store's log in {seconds:.1f} s")
    return Recovery(size, replayed=True, seconds=seconds)

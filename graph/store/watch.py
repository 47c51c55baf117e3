"""Whether the files of an on-disk store changed, so that a read-only opening can be made again.

Why: a read-only opening sees the store as it was when opened; readers (``/sparql``, the pages, the read
cache) reopen or forget what they keep only when another process wrote.
"""

from __future__ import annotations

import contextlib
import os


class StoreWatch:
    """Tells whether the on-disk store changed since the last look, in a few ``stat`` calls.

    Any write appends to a RocksDB write-ahead log (``*.log``: its size and mtime change); flushes and
    compactions create and delete files (the folder's mtime changes, and then the folder is listed again).
    Listing and stat-ing every file on each query would cost far more than these few calls.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.folder_mtime = -1
        self.logs: list[str] = []
        self.state: tuple[tuple[int, int], ...] = ()

    def _log_state(self) -> tuple[tuple[int, int], ...]:
        states = []
        for log in self.logs:
            with contextlib.suppress(FileNotFoundError):
                stat = os.stat(log)
                states.append((stat.st_size, stat.st_mtime_ns))
        return tuple(states)

    def changed(self) -> bool:
        folder_mtime = os.stat(self.path).st_mtime_ns
        if folder_mtime != self.folder_mtime:
            self.folder_mtime = folder_mtime
            with os.scandir(self.path) as scan:
                self.logs = sorted(entry.path for entry in scan if entry.name.endswith(".log"))
            self.state = self._log_state()
            return True
        state = self._log_state()
        if state != self.state:
            self.state = state
            return True
        return False

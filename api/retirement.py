"""Server workers that must end (a runaway query, the memory cap) end one at a time, each while the others serve.

Why: three runaways spread over two workers made both end at once, and for the seconds a new worker takes to
start nobody answered (a cheap query waited 7 s). Workers of one ``ftzgraph serve`` share a folder named by
the supervisor's pid: a worker marks itself *serving* there when its app has started, and one that must end
first takes the folder's lock, then waits (up to ``WAIT_S``) until every other worker is serving, then ends;
the lock goes with the process, so the next one to end waits for this one's replacement.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import signal
import tempfile
import threading
import time
from pathlib import Path

logger = logging.getLogger(__name__)
WAIT_S = 30.0
"""The longest a worker waits for its siblings before it ends anyway."""


def _folder() -> Path:
    folder = Path(tempfile.gettempdir()) / f"ftzgraph-serve-{os.getppid()}"
    folder.mkdir(exist_ok=True)
    return folder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def mark_serving() -> None:
    """Called when this worker's app has started: it can take over from a sibling that ends."""
    with contextlib.suppress(OSError):
        (_folder() / str(os.getpid())).touch()


def unmark_serving() -> None:
    with contextlib.suppress(OSError):
        (_folder() / str(os.getpid())).unlink()


def _serving_siblings(folder: Path) -> int:
    count = 0
    for marker in folder.iterdir():
        if marker.name.isdigit() and int(marker.name) != os.getpid():
            if _alive(int(marker.name)):
                count += 1
            else:
                with contextlib.suppress(OSError):
                    marker.unlink()
    return count


def retire(workers: int) -> None:
    """End this worker gracefully (SIGTERM) once no sibling is ending and the ``workers - 1`` others serve."""

    def wait_then_end() -> None:
        unmark_serving()
        started = time.monotonic()
        try:
            folder = _folder()
            lock = open(folder / "lock", "a+")  # noqa: SIM115 - held until the process ends
            while time.monotonic() - started < WAIT_S:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    time.sleep(0.1)
            while _serving_siblings(folder) < workers - 1 and time.monotonic() - started < WAIT_S:
                time.sleep(0.1)
        except OSError as error:
            logger.warning("cannot coordinate with the other server workers (%s): ending now", error)
        logger.warning("server process %d ends after %.1f s of waiting", os.getpid(), time.monotonic() - started)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=wait_then_end, daemon=True, name="ftzgraph-retire").start()

"""A child process that ends when its parent does: build pool workers and server worker processes.

Why: ``kill -9`` of ``ftzgraph build`` left its pool workers running, and of ``ftzgraph serve`` left its
server worker serving and holding the store, so a new ``serve`` could not start. A SIGKILLed parent runs no
clean-up code, so the child must watch for itself. On Linux the kernel does it: ``prctl(PR_SET_PDEATHSIG,
SIGKILL)`` delivers SIGKILL to the child when the thread that made it ends (pools and uvicorn's supervisor
make their processes from the main thread). Elsewhere a daemon thread polls the parent's pid. Both check
once that the parent is not already gone (it may die between the fork and the call).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time

logger = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1
POLL_S = 1.0
"""How often the watch thread (where the kernel cannot watch) looks at the parent."""


def _set_pdeathsig() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while True:
        time.sleep(POLL_S)
        if os.getppid() != parent:
            logger.warning("parent process %d is gone: ending process %d", parent, os.getpid())
            os._exit(1)


def die_with_parent(parent: int | None = None) -> None:
    """End this process when its parent ends (``parent``: the pid it had when it was started, if known)."""
    expected = os.getppid() if parent is None else parent
    if not _set_pdeathsig():
        threading.Thread(target=_watch, args=(expected,), daemon=True, name="ftzgraph-parent-watch").start()
    if os.getppid() != expected:  # the parent died before the kernel was asked to watch
        os._exit(1)

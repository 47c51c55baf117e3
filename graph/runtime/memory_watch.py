"""A server process's memory cap: over it, every running request is stopped and the process replaced.

Why: three runaway queries took a server to 2.7 GB, and the engine has no per-query memory limit. A daemon
thread reads the process's resident size (``/proc/self/statm``) every ``POLL_S``, by ``pread`` on a descriptor
opened once: opening the file by path each time made the watch a visible share of an idle worker's CPU. Over
``cap_bytes`` it calls ``on_over`` once (which answers the running requests 503 and asks the process to end
gracefully, so that its supervisor starts a fresh one). Should the resident size still grow to
``HARD_FACTOR`` times the cap (a graceful end takes a moment while a runaway keeps allocating), the process
ends at once.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)
POLL_S = 0.05
HARD_FACTOR = 1.25
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes(statm: int | None = None) -> int | None:
    """This process's resident memory, where the system tells (Linux); ``statm``: a descriptor of
    ``/proc/self/statm`` kept open by the caller (else the file is opened by path)."""
    try:
        text = os.pread(statm, 128, 0) if statm is not None else Path("/proc/self/statm").read_bytes()
        return int(text.split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def watch_memory(cap_bytes: int, on_over: Callable[[int], None]) -> threading.Thread | None:
    """Start the watch thread; None where resident memory cannot be read (the cap is then not enforced)."""
    if resident_bytes() is None:
        logger.warning("cannot read this process's memory use: the memory cap is not enforced")
        return None

    statm = os.open("/proc/self/statm", os.O_RDONLY)

    def watch() -> None:
        warned = False
        while True:
            time.sleep(POLL_S)
            used = resident_bytes(statm) or 0
            if used > cap_bytes * HARD_FACTOR:
                logger.error("memory %d MiB is far over the cap of %d MiB: ending now", used >> 20, cap_bytes >> 20)
                os._exit(70)
            if used > cap_bytes and not warned:
                warned = True
                logger.warning("memory %d MiB is over the cap of %d MiB", used >> 20, cap_bytes >> 20)
                on_over(used)

    thread = threading.Thread(target=watch, daemon=True, name="ftzgraph-memory-watch")
    thread.start()
    return thread

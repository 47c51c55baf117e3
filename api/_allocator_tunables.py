"""``ftzgraph serve`` runs with a larger per-thread cache of freed memory in glibc's allocator.

Why: the query engine (pyoxigraph, in Rust and C++) allocates and frees small objects for every solution it
joins, and a large share of a query thread's CPU went to glibc's ``malloc`` and ``free``. glibc keeps only 7
freed chunks of each size per thread (its ``tcache``); past that a free goes to the shared arena's bins and
the next allocation takes it back from there, the slower way. A few dozen per size keep the engine's
allocations on the per-thread path; the memory this may hold is at most a few MB per thread. glibc reads its
tunables once, when a program starts, so ``serve`` starts itself again with ``GLIBC_TUNABLES`` set (same
process id, same arguments, same environment otherwise); its worker processes inherit the setting. A
``tcache_count`` the user set is kept, and elsewhere than Linux with glibc nothing happens.
"""

from __future__ import annotations

import os
import platform
import sys

TCACHE_COUNT = 64
"""Freed chunks of each size a thread keeps for itself (glibc's default is 7)."""
_TUNABLE = "glibc.malloc.tcache_count"
_RESTARTED = "_FTZGRAPH_SERVE_RESTARTED"
"""Set in the restarted process: never a second restart (glibc may rewrite the variable the program sees)."""


def serve_tunables(current: str | None) -> str | None:
    """The ``GLIBC_TUNABLES`` value to serve with, given the current one; None when it already names the tcache
    count (the user's choice, or our own after the restart)."""
    if current is not None and _TUNABLE + "=" in current:
        return None
    return ":".join(part for part in (current, f"{_TUNABLE}={TCACHE_COUNT}") if part)


def restart_with_allocator_tunables() -> None:
    """Start this ``ftzgraph serve`` again in the same process with ``serve_tunables`` (returns only when that is
    not needed or not possible: not Linux with glibc, or not run as the ``ftzgraph serve`` command itself)."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return
    if sys.argv[1:2] != ["serve"]:  # ``serve`` called in-process (a test's runner): never replace the caller
        return
    tunables = serve_tunables(os.environ.get("GLIBC_TUNABLES"))
    if tunables is None or os.environ.pop(_RESTARTED, None) is not None:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    environment = {**os.environ, "GLIBC_TUNABLES": tunables, _RESTARTED: "1"}
    try:
        os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], environment)
    except OSError:
        return  # serve as it is

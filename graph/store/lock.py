"""Who holds the embedded store's write lock: the process named in a "store busy" message.

Why: RocksDB refuses a second writer with "lock hold by current process" or "Resource temporarily
unavailable", which does not say who to wait for or stop. On Linux the kernel lists every file lock in
``/proc/locks`` with the pid that holds it; the store's ``LOCK`` file's device and inode find its line.
"""

from __future__ import annotations

import os
from pathlib import Path


def lock_holder(store: Path) -> int | None:
    """The pid of the process holding the lock of the store folder ``store``, when the system says."""
    try:
        stat = os.stat(store / "LOCK")
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return None
    where = f"{os.major(stat.st_dev):02x}:{os.minor(stat.st_dev):02x}:{stat.st_ino}"
    for line in lines:
        fields = line.split()
        if len(fields) >= 6 and fields[5] == where and fields[4].lstrip("-").isdigit():
            return int(fields[4])
    return None


def describe_process(pid: int) -> str:
    """``process 123 (ftzgraph serve --port 8000)``: the pid with its command line where it can be read."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        command = ""
    return f"process {pid} ({command})" if command else f"process {pid}"

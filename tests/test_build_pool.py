"""Build worker pools (``graph._build_pool``, ``graph.parent_watch``): a dying worker costs one document, and
workers end with the process that made them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ftzgraph.graph.build._pool import map_documents, new_pool


def _square_or_die(value: int) -> int:
    if value == 3:
        os._exit(7)  # a worker crashing (as a reader library might), not an exception
    return value * value


def test_a_worker_that_dies_costs_its_item_only() -> None:
    items = [(n,) for n in range(8)]
    results = list(map_documents(lambda: new_pool(2), _square_or_die, items, lambda item, why: (item, why), 2))
    assert results[:3] == [0, 1, 4]
    assert results[3][0] == (3,) and "ended abruptly" in results[3][1]
    assert results[4:] == [16, 25, 36, 49]


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def test_pool_workers_end_when_the_build_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "owner.py"
    script.write_text(
        "import os, sys, time\n"
        "from ftzgraph.graph.build._pool import new_pool\n"
        "from concurrent.futures import wait\n"
        "pool = new_pool(2)\n"
        "futures = [pool.submit(time.sleep, 0.5) for _ in range(4)]\n"
        "wait(futures)\n"
        "print(' '.join(str(p) for p in pool._processes), flush=True)\n"
        "time.sleep(60)\n"
    )
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE) as owner:
        assert owner.stdout is not None
        workers = [int(pid) for pid in owner.stdout.readline().split()]
        _kill_and_check(owner, workers)


def _kill_and_check(owner: subprocess.Popen[bytes], workers: list[int]) -> None:
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    os.kill(owner.pid, signal.SIGKILL)
    owner.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "pool workers outlived the killed build"
        time.sleep(0.1)

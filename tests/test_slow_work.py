"""Slow requests counted per client and in total, and the refusal of a client whose work made a worker be
replaced, shared by every worker of one server (``graph.slow_work``)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ftzgraph.graph.runtime.slow_work import SlowWork, SlowWorkLimit, TooManySlowRequests


def test_a_client_whose_work_replaced_a_worker_is_refused_by_every_worker_for_a_while(tmp_path: Path) -> None:
    worker, sibling = (SlowWork(max_total=4, penalty_dir=tmp_path, penalty_s=30) for _ in "ab")
    worker.enter("10.0.0.1")  # a slow query of this client is running when the worker must be replaced
    assert worker.penalize_running() == ["10.0.0.1"]
    with pytest.raises(TooManySlowRequests, match=r"refused for 30 s more \(FTZGRAPH_RUNAWAY_PENALTY_S\)"):
        sibling.admit("10.0.0.1")
    sibling.admit("10.0.0.2")  # other clients are not refused
    old = time.time() - 31
    os.utime(tmp_path / "10.0.0.1", (old, old))
    sibling.admit("10.0.0.1")  # the refusal has expired


def test_no_penalty_without_a_shared_folder_or_with_zero_seconds(tmp_path: Path) -> None:
    for slow in (SlowWork(), SlowWork(penalty_dir=tmp_path, penalty_s=0)):
        slow.enter("10.0.0.1")
        slow.penalize_running()
        slow.admit("10.0.0.1")
    assert list(tmp_path.iterdir()) == []


def test_slow_work_is_bounded_per_client_and_in_total() -> None:
    slow = SlowWork(max_total=3, max_per_client=2)
    slow.enter("a")
    slow.enter("a")
    with pytest.raises(TooManySlowRequests, match="FTZGRAPH_MAX_SLOW_QUERIES_PER_CLIENT"):
        slow.admit("a")
    slow.enter("b")
    with pytest.raises(SlowWorkLimit, match="FTZGRAPH_MAX_SLOW_QUERIES"):
        slow.enter("c")
    slow.leave("a")
    slow.admit("a")
    assert slow.total == 2 and dict(slow.by_client) == {"a": 1, "b": 1}

"""The memory watch's reading of the resident size: through a descriptor kept open it follows the process's
memory as it changes, as the reading by path does."""

from __future__ import annotations

import os
import sys

import pytest

from ftzgraph.graph.runtime.memory_watch import resident_bytes


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/statm")
def test_a_kept_descriptor_reads_the_resident_size_as_it_grows() -> None:
    statm = os.open("/proc/self/statm", os.O_RDONLY)
    try:
        before = resident_bytes(statm)
        by_path = resident_bytes()
        assert before is not None and by_path is not None
        assert abs(before - by_path) < 16 << 20
        grown = bytearray(64 << 20)  # touched: zero-filled pages count once written
        grown[::4096] = b"x" * len(grown[::4096])
        after = resident_bytes(statm)
        assert after is not None and after >= before + (48 << 20)
        del grown
    finally:
        os.close(statm)

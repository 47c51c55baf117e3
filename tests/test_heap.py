"""A served process freezes its start-up heap, so full GC passes walk only what came later."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import gc
from ftzgraph.api.app import app_from_environment
assert gc.get_freeze_count() == 0
app = app_from_environment()
frozen = gc.get_freeze_count()
made_later = [[i] for i in range(1000)]
gc.collect()
print(frozen, gc.get_freeze_count(), sum(1 for o in gc.get_objects(generation=2) if o in made_later))
"""


def test_the_app_ftzgraph_serve_runs_freezes_the_heap_it_started_with(tmp_path: Path) -> None:
    import pyoxigraph as ox

    ox.Store(str(tmp_path / "store")).flush()  # read-only opening needs a store on disk
    env = {**os.environ, "FTZGRAPH_STORE": str(tmp_path / "store")}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    frozen, after, later_in_gen2 = map(int, out.stdout.split())
    assert frozen > 10_000 and after == frozen  # the modules and the app, not what the process makes later
    assert later_in_gen2 > 0  # objects made after start-up are still collected (they reach generation 2)


def test_freezing_reports_how_many_objects_it_froze() -> None:
    code = (
        "from ftzgraph.graph.runtime.heap import freeze_startup_heap as f; import gc; print(f(), gc.get_freeze_count())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    frozen, count = map(int, out.stdout.split())
    assert frozen == count > 0

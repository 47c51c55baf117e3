"""Workers are forked only from a supervisor that has not opened a store.

RocksDB's flush and compaction threads do not survive a fork: a worker forked after the supervisor had built
or recovered the store waited forever in the compaction that follows a large Graph Store PUT.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ftzgraph.api.server import storage_threads_running
from ftzgraph.graph.store.oxigraph import OxigraphStore


def test_a_process_that_opened_a_store_is_not_forked_from(tmp_path: Path) -> None:
    fresh = subprocess.run(
        [sys.executable, "-c", "from ftzgraph.api.server import storage_threads_running as s; print(s())"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert fresh.stdout.strip() == "False"
    store = OxigraphStore(tmp_path / "store")
    store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert storage_threads_running()
    store.close()

"""A build's largest write (``BULK_LOAD_MAX_QUADS`` quads) that fails on its last line leaves the store as it was.

Why: ``ftzgraph build`` writes batches of up to that size through Oxigraph's bulk loader; a bad line late in a
batch must not leave the lines before it (half a batch, half a document) in the store.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.build.builder import BATCH_QUADS
from ftzgraph.graph.errors import StoreError
from ftzgraph.graph.store.oxigraph import BULK_LOAD_MAX_QUADS, OxigraphStore

EX = "http://example.org/"


def test_a_build_batch_fits_in_one_bulk_load() -> None:
    assert BATCH_QUADS <= BULK_LOAD_MAX_QUADS


def test_a_bad_last_line_of_the_largest_bulk_load_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    graph = f"{EX}g"
    lines = (f"<{EX}s{i}> <{EX}p> <{EX}o{i % 1000}> <{graph}> .\n" for i in range(BULK_LOAD_MAX_QUADS - 1))
    good = "".join(lines).encode()
    data = good + f"<{EX}s> <{EX}p> .\n".encode()  # no object
    assert data.count(b"\n") == BULK_LOAD_MAX_QUADS
    with pytest.raises(StoreError):
        store.replace_graphs_nquads([graph], data)
    assert len(store.raw) == 0
    assert store.graphs() == []

"""A read-only opening while another handle writes and compacts the same folder."""

from __future__ import annotations

import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from ftzgraph.graph.store import oxigraph as store_module
from ftzgraph.graph.store.oxigraph import OxigraphStore


def _write_and_compact(path: Path, stop: threading.Event) -> None:
    """Rewrite the same small graph and compact, every few milliseconds: files come and go, the store stays
    small. (Compacting with no pause at all could starve any reader: a build compacts once, at its end.)"""
    writer = ox.Store(str(path))
    graph = ox.NamedNode("https://example.org/g")
    quads = [ox.Quad(ox.NamedNode(f"https://example.org/s{i}"), graph, ox.Literal(str(i)), graph) for i in range(200)]
    while not stop.is_set():
        writer.clear_graph(graph)
        writer.extend(quads)
        writer.flush()
        writer.optimize()
        stop.wait(0.005)


def _open_while_writing(path: Path, openings: int) -> list[Exception]:
    ox.Store(str(path)).flush()  # the folder exists before the writer thread starts
    stop = threading.Event()
    writer = threading.Thread(target=_write_and_compact, args=(path, stop))
    writer.start()
    failures: list[Exception] = []
    try:
        for _ in range(openings):
            try:
                opened = OxigraphStore(path, read_only=True)
                opened.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
                opened.close()
            except Exception as error:
                failures.append(error)
    finally:
        stop.set()
        writer.join()
    return failures


def test_a_read_only_opening_survives_the_writer_compacting(tmp_path: Path) -> None:
    """A file the writer's compaction removes between listing and opening is not an error: the opening is
    tried again (a server's pages reopen the store this way after every write by a build)."""
    assert _open_while_writing(tmp_path / "store", 40) == []


def test_a_store_that_cannot_be_opened_read_only_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_REOPEN_PATIENCE_S", 0.2)
    (tmp_path / "not-a-store").write_text("x")
    with pytest.raises(store_module.StoreError, match="cannot open the store"):
        OxigraphStore(tmp_path / "not-a-store", read_only=True)

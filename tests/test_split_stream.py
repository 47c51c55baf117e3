"""A large build's stream in two parts (graph/store/split_stream.py): the first part is ingested and the store
compacted while the last documents are read; what the store holds at the end is what one stream would give, and the
run is recorded with the last documents, so the build ends without a second full compaction."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from test_build import canonical_nquads
from test_bulk_stream import lines

from ftzgraph.graph import iris
from ftzgraph.graph.build.builder import build
from ftzgraph.graph.build.runs import ENTITIES
from ftzgraph.graph.errors import StoreError
from ftzgraph.graph.store import split_stream
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.store.split_stream import open_split


def count_optimize(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread of every ``OxigraphStore.optimize`` call from now on (the store still compacts)."""
    calls: list[str] = []
    optimize = OxigraphStore.optimize

    def counted(self: OxigraphStore) -> None:
        calls.append(threading.current_thread().name)
        optimize(self)

    monkeypatch.setattr(OxigraphStore, "optimize", counted)
    return calls


def test_a_stream_splits_once_the_documents_left_fit_its_tail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split_stream, "SPLIT_MIN_QUADS", 1_000)
    monkeypatch.setattr(split_stream, "TAIL_QUADS", 2_000)
    optimized = count_optimize(monkeypatch)
    store = OxigraphStore(tmp_path / "store")
    stream = open_split(store)
    assert stream is not None
    for document in range(10):  # 500 quads a document: after the 6th, 4 are left, 2,000 quads
        stream.write(lines(f"g{document}", 500))
        stream.near_end(document + 1, 9 - document)
        assert stream.split == (document >= 5)
    stream.commit()
    assert stream.compacted and optimized == ["ftzgraph compaction"]
    assert len(store.raw) == 5_000 and stream.quads == 5_000
    assert store.path is not None and not list(store.path.glob("bulk-*.sst"))


def test_a_small_stream_never_splits(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    stream = open_split(store)
    assert stream is not None
    stream.write(lines("g", 5_000))
    stream.near_end(1, 0)
    stream.commit()
    assert not stream.split and not stream.compacted and len(store.raw) == 5_000


def test_an_abort_after_the_split_keeps_the_first_part_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split_stream, "SPLIT_MIN_QUADS", 1_000)
    store = OxigraphStore(tmp_path / "store")
    stream = open_split(store)
    assert stream is not None
    stream.write(lines("first", 2_000))
    stream.near_end(1, 1)
    stream.write(lines("second", 2_000))
    stream.abort()
    assert store.graphs() == ["http://example.org/first"]
    with pytest.raises(StoreError, match="closed"):
        stream.commit()


def test_a_split_build_stores_what_one_stream_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ftzgraph.graph.build.synthetic import write_corpus

    files = write_corpus(tmp_path / "corpus", 12)
    whole = OxigraphStore(tmp_path / "whole")
    build(whole, files, workers=1)

    monkeypatch.setattr(split_stream, "SPLIT_MIN_QUADS", 1)
    monkeypatch.setattr(split_stream, "TAIL_QUADS", 10_000)  # about 4 documents left
    optimized = count_optimize(monkeypatch)
    parted = OxigraphStore(tmp_path / "parted")
    report = build(parted, files, workers=1)

    assert len(report.built) == 12 and optimized == [
        "ftzgraph compaction"
    ]  # the compaction after the first part, none at the end
    assert canonical_nquads(parted) == canonical_nquads(whole)
    ftz = "https://w3id.org/ftzgraph/ontology#"
    query = (
        f"SELECT ?graph ?added WHERE {{ GRAPH <{iris.RUNS_GRAPH}> {{ ?change <{ftz}namedGraph> ?graph ;"
        f" <{ftz}triplesAdded> ?added }} }} ORDER BY ?graph"
    )
    assert parted.select(query) == whole.select(query)
    entities = [row for row in parted.select(query) if row["graph"] == ENTITIES]
    assert entities and int(entities[0]["added"]) == len(list(parted.quads(ENTITIES)))

"""The bulk stream a build writes new documents down (graph/store/bulk_stream.py): everything written is ingested
at ``commit`` in one step, and nothing at all when the stream is aborted, when the loader fails on a line, or
when the build stops half way."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_build import canonical_nquads

from ftzgraph.graph.build import builder as build_module
from ftzgraph.graph.build.builder import build
from ftzgraph.graph.errors import StoreError
from ftzgraph.graph.store.bulk_stream import open_stream
from ftzgraph.graph.store.oxigraph import OxigraphStore

EX = "http://example.org/"


def lines(graph: str, count: int, start: int = 0) -> bytes:
    return "".join(f"<{EX}s{i}> <{EX}p> <{EX}o{i % 7}> <{EX}{graph}> .\n" for i in range(start, start + count)).encode()


def test_what_a_stream_wrote_is_in_the_store_only_after_commit(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    stream = open_stream(store)
    assert stream is not None
    for part in range(20):  # many writes, more than the pipe holds at once
        stream.write(lines("g", 5_000, part * 5_000))
    assert len(store.raw) == 0
    stream.commit()
    assert len(store.raw) == 100_000 and stream.quads == 100_000
    assert store.graphs() == [f"{EX}g"]
    assert not list(store.path.glob("bulk-*.sst")) if store.path else False


@pytest.mark.parametrize("how", ["abort", "bad line"])
def test_an_aborted_or_failed_stream_leaves_the_store_as_it_was(tmp_path: Path, how: str) -> None:
    store = OxigraphStore(tmp_path / "store")
    store.replace_graphs_nquads([f"{EX}before"], lines("before", 10))
    before = canonical_nquads(store)
    stream = open_stream(store)
    assert stream is not None
    stream.write(lines("g", 50_000))
    if how == "abort":
        stream.abort()
    else:
        stream.write(f"<{EX}s> <{EX}p> .\n".encode())  # no object
        with pytest.raises(StoreError, match="cannot write to the store"):
            for _ in range(100):  # the loader fails on the line, then the pipe breaks; commit reports it
                stream.write(lines("g", 1_000))
            stream.commit()
        stream.abort()  # a no-op once the stream has ended
    assert canonical_nquads(store) == before
    assert store.path is not None and not list(store.path.glob("bulk-*.sst"))


def test_only_a_writable_store_on_disk_gets_a_stream(tmp_path: Path) -> None:
    assert open_stream(OxigraphStore()) is None
    OxigraphStore(tmp_path / "store").close()
    assert open_stream(OxigraphStore(tmp_path / "store", read_only=True)) is None
    assert open_stream(object()) is None


def test_a_build_that_stops_half_way_writes_none_of_its_new_documents(tmp_path: Path, bundled_path: Path) -> None:
    """The stream's documents are ingested once all are read: a build that fails before leaves nothing of them."""
    from ftzgraph.graph.build.synthetic import write_corpus

    folder = tmp_path / "docs"
    write_corpus(folder, 6, seed=5)
    store = OxigraphStore(tmp_path / "store")
    build(store, [bundled_path], validate=False)
    before = canonical_nquads(store)

    def stop(path: str, done: int, total: int, triples: int) -> None:
        if done == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(store, [folder], validate=False, workers=1, progress=stop)
    assert canonical_nquads(store) == before
    assert store.path is not None and not list(store.path.glob("bulk-*.sst"))
    report = build(store, [folder], validate=False, workers=1)  # run again: the job is finished
    assert len(report.built) == 6 and not report.failed


def test_the_same_document_twice_in_one_build_is_written_once_as_in_batches(
    tmp_path: Path, bundled_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document given twice (its graph streamed already) replaces its streamed version once the stream is in,
    as the second of two in one batch replaces the first: the same store either way."""
    copy = tmp_path / "copy.txt"
    copy.write_bytes(bundled_path.read_bytes())
    streamed = OxigraphStore(tmp_path / "streamed")
    report = build(streamed, [bundled_path, copy], validate=False)
    assert not report.failed and len(report.built) == 2
    monkeypatch.setattr(build_module, "open_split", lambda store: None)
    batched = OxigraphStore(tmp_path / "batched")
    build(batched, [bundled_path, copy], validate=False)
    assert canonical_nquads(streamed) == canonical_nquads(batched)


def test_a_stream_commits_while_a_process_forked_after_it_lives(tmp_path: Path) -> None:
    """A build's workers are forked while its stream is open: they must not keep the loader from the pipe's end
    (the stream's first part is committed while they read the last documents, graph/store/split_stream.py)."""
    import threading
    from concurrent.futures import ProcessPoolExecutor

    store = OxigraphStore(tmp_path / "store")
    stream = open_stream(store)
    assert stream is not None
    stream.write(lines("g", 10))
    with ProcessPoolExecutor(1) as pool:
        assert pool.submit(len, "alive").result() == 5  # the worker is forked and lives on
        committing = threading.Thread(target=stream.commit)
        committing.start()
        committing.join(timeout=30)
        assert not committing.is_alive()
    assert len(store.raw) == 10

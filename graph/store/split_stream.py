"""The build's bulk stream in two parts when it is large: the store is compacted while the last documents are read.

Why: a large build used to end on one core. Once the workers were done, ``commit`` waited for the loader's last
batches and ``optimize`` then rewrote every index (one RocksDB compaction at a time); the other core had nothing
left to do. Here, when the documents still to come would fit in one batch of the loader (``TAIL_QUADS``), the first
part of the stream is committed and the store compacted on a thread of its own, while the workers read those last
documents into a second stream. The second part is ingested after the compaction, as one file per index at
RocksDB's first level (it is kept under the loader's batch for that, and a first level holding one file is not
merged again by RocksDB): reads look in that file beside the compacted ones.

Only large streams are split (``SPLIT_MIN_QUADS``): the tail is then a small share of the store, and a smaller
build, whose end is short, keeps one stream and the full ``optimize``. The first part is in the store once
committed: a build stopped after that is resumed like any other (its stored documents are skipped by their hash).
"""

from __future__ import annotations

import threading

from ftzgraph.graph.store.bulk_stream import BulkStream, can_stream
from ftzgraph.graph.store.oxigraph import BULK_LOAD_MAX_QUADS, OxigraphStore

TAIL_QUADS = 900_000
"""The most quads the second part may be expected to hold (the documents still to come and what the caller adds at
the end) for the stream to split: under the loader's batch (``BULK_LOAD_MAX_QUADS``), with room for the documents'
spread."""
SPLIT_MIN_QUADS = 4 * BULK_LOAD_MAX_QUADS
"""A stream splits only past this many quads: the compaction it moves off the end is then worth a thread."""


class SplitStream:
    """A ``BulkStream`` that ``near_end`` may split in two; ``commit`` ingests the rest of it. Use ``open_split``."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store
        self._stream = BulkStream(store)
        self._first_quads = 0
        self._finisher: threading.Thread | None = None
        self._first_in = threading.Event()
        self._error: BaseException | None = None

    @property
    def quads(self) -> int:
        """Lines written so far, in both parts."""
        return self._first_quads + self._stream.quads

    @property
    def split(self) -> bool:
        """Whether the first part went off to be ingested and compacted."""
        return self._finisher is not None

    @property
    def compacted(self) -> bool:
        """Whether the store was compacted after the first part and the second part fits in one file per index:
        after ``commit``, the store needs no ``optimize`` for this stream."""
        return self._finisher is not None and self._stream.quads <= BULK_LOAD_MAX_QUADS

    def write(self, data: bytes) -> None:
        """Hand whole N-Quads lines to the part being written."""
        self._stream.write(data)

    def near_end(self, documents: int, left: int, reserve: int = 0) -> None:
        """Told after each document sent down the stream (``documents`` so far, ``left`` that may still come, and
        ``reserve`` quads the caller will write after them): splits the stream when those left, at the quads a
        document has held so far, and the reserve fit in ``TAIL_QUADS``."""
        quads = self._stream.quads
        if self._finisher is not None or quads < SPLIT_MIN_QUADS or left * quads > (TAIL_QUADS - reserve) * documents:
            return
        first, self._first_quads = self._stream, quads
        self._stream = BulkStream(self.store)
        self._finisher = threading.Thread(target=self._finish, args=(first,), name="ftzgraph compaction", daemon=True)
        self._finisher.start()

    def _finish(self, first: BulkStream) -> None:
        try:
            first.commit()
            self._first_in.set()
            self.store.optimize()  # Oxigraph compacts without holding Python's lock: the build goes on meanwhile
        except BaseException as error:  # reported by commit, on the thread that owns the stream
            self._error = error
        finally:
            self._first_in.set()

    def wait_first(self) -> None:
        """Wait until the first part is in the store (readers see it; it may still be being compacted); raises
        what its ingestion raised."""
        if self._finisher is not None:
            self._first_in.wait()
        if self._error is not None:
            raise self._error

    def commit(self) -> None:
        """Ingest what was written and not yet ingested, and wait for the compaction; raises ``StoreError`` if
        either part failed (a failed second part leaves the store with the first part only).

        The second part may be ingested while the compaction runs: the index files the compaction has not reached
        yet take it in, the others keep it as their one file beside the compacted ones."""
        try:
            self.wait_first()
        except BaseException:
            self._stream.abort()
            raise
        try:
            self._stream.commit()
        finally:
            if self._finisher is not None:
                self._finisher.join()
        if self._error is not None:
            raise self._error

    def abort(self) -> None:
        """Ingest nothing more (a no-op after ``commit``); a first part already split off stays."""
        self._stream.abort()
        if self._finisher is not None:
            self._finisher.join()


def open_split(store: object) -> SplitStream | None:
    """A split stream into ``store`` when it takes a bulk stream (``can_stream``); ``None`` otherwise."""
    return SplitStream(store) if isinstance(store, OxigraphStore) and can_stream(store) else None

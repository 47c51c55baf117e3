"""One bulk load fed while a build runs: N-Quads go through a pipe to Oxigraph's loader on a thread of its own.

Why: a build of many new documents used to write them in batches, one bulk load each. Oxigraph's loader turns
each load into SST files that RocksDB ingests at its first level, and the store merges that level into its
bottom one as soon as two files are there. Instance IRIs are hashed, so every new file overlaps the whole
index, and each merge rewrites every index of the store: the build's background merges grew with the
store's size times the number of batches, and the last one still had to be redone by ``optimize``. Fed
through one stream, the loader parses, sorts and writes its SST files as the documents come (beside the
workers, as the batches were), RocksDB ingests them all in one step at ``commit``, and the store is merged
once, by the ``optimize`` that ends the build (or, for a large build, that runs
while its last documents are read: ``graph/store/split_stream.py``).

The loader reads the stream leniently (it skips validating each IRI and language tag, a tenth of its work): the
stream only carries what the build serialised (``graph/rdf/nt_terms.py``), whose IRIs are minted by ``graph/iris.py``
from hashes and slugs, and a line that is no N-Quads still fails the load.

The ingestion is atomic: readers see none of the stream until ``commit`` and all of it after. ``abort`` (or
a failure of the loader, or the process dying) ingests nothing; the SST files already written are removed
by the loader, or, if the process was killed, by the next bulk load (``OxigraphStore``).
"""

from __future__ import annotations

import contextlib
import os
import threading
from typing import BinaryIO

import pyoxigraph as ox

from ftzgraph.graph.errors import StoreError
from ftzgraph.graph.store.oxigraph import OxigraphStore

_PIPE_BYTES = 1 << 20
"""The pipe's buffer (Linux lets an unprivileged process ask for up to 1 MiB): a document's N-Quads (a few
hundred kB) are handed over in one write while the loader is parsing the previous one."""
_ABORT = b"\n# the build stopped: nothing of this stream is ingested\nnot N-Quads\n"
"""Written before closing the pipe on ``abort``: the loader fails on the line after the comment, so what it
read is dropped instead of ingested (closing the pipe alone would read as the stream's normal end)."""


_WRITE_ENDS: set[int] = set()
"""The write ends of the streams open in this process. A process forked meanwhile (a build's worker) must not hold
one: the loader reads to the end of the pipe, which only comes once every copy of its write end is closed."""


def _close_write_ends() -> None:
    for fd in _WRITE_ENDS:
        with contextlib.suppress(OSError):
            os.close(fd)
    _WRITE_ENDS.clear()


os.register_at_fork(after_in_child=_close_write_ends)


class BulkStream:
    """A bulk load of N-Quads into an on-disk ``OxigraphStore``, written piece by piece (``write``), ingested
    at ``commit``. Use ``open_stream``; one stream at a time per store."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store
        self.quads = 0
        """Lines written so far (one quad each)."""
        self._error: BaseException | None = None
        read, write = os.pipe()
        with contextlib.suppress(AttributeError, OSError):  # a smaller pipe (or another OS) only costs switches
            import fcntl

            fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        self._read = read
        _WRITE_ENDS.add(write)
        self._out: BinaryIO | None = open(write, "wb", buffering=_PIPE_BYTES)  # noqa: SIM115 (closed by commit/abort)
        self._thread = threading.Thread(target=self._load, name="ftzgraph bulk stream", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            if os.path.isdir("/dev/fd"):  # read by the loader itself, in Rust, never holding the GIL
                self.store.bulk_load(f"/dev/fd/{self._read}", ox.RdfFormat.N_QUADS, ox.DefaultGraph(), lenient=True)
            else:
                with open(self._read, "rb", closefd=False) as data:
                    self.store.raw.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException as error:  # reported by write, commit or abort, on the thread that owns the stream
            self._error = error
        finally:
            os.close(self._read)

    def write(self, data: bytes) -> None:
        """Hand ``data`` (whole N-Quads lines) to the loader; blocks while the loader is behind by a full pipe."""
        if self._out is None:
            raise StoreError("the bulk stream is closed")
        try:
            self._out.write(data)
        except OSError as error:  # the loader stopped reading: it failed
            self._thread.join()
            raise self._failure(error) from self._error
        self.quads += data.count(b"\n")

    def commit(self) -> None:
        """End the stream and ingest everything written, in one step; raises ``StoreError`` if the loader
        failed, and the store then holds nothing of the stream."""
        if self._out is None:
            raise StoreError("the bulk stream is closed")
        out, self._out = self._out, None
        _WRITE_ENDS.discard(out.fileno())
        try:
            out.close()
        except OSError as error:
            self._thread.join()
            raise self._failure(error) from self._error
        self._thread.join()
        if self._error is not None:
            raise self._failure(self._error) from self._error

    def abort(self) -> None:
        """End the stream without ingesting anything (a no-op after ``commit``)."""
        if self._out is None:
            return
        out, self._out = self._out, None
        _WRITE_ENDS.discard(out.fileno())
        with contextlib.suppress(OSError):  # the loader may have failed already: nothing to stop then
            out.write(_ABORT)
        with contextlib.suppress(OSError):
            out.close()
        self._thread.join()

    def _failure(self, error: BaseException) -> StoreError:
        cause = self._error or error
        return StoreError(f"cannot write to the store at {self.store.path}: {cause}")


def can_stream(store: object) -> bool:
    """Whether ``store`` takes a bulk stream: an embedded store on disk that can be written (not a remote store,
    a store in memory, a read-only one)."""
    return isinstance(store, OxigraphStore) and store.path is not None and not store.read_only


def open_stream(store: object) -> BulkStream | None:
    """A bulk stream into ``store`` when ``can_stream``; ``None`` otherwise: the caller then writes as it did
    before."""
    return BulkStream(store) if isinstance(store, OxigraphStore) and can_stream(store) else None

"""Evaluate one SPARQL query to bytes, and a pool of processes that can be killed when a query runs too long.

Why processes: pyoxigraph evaluates a query inside one uninterruptible call (an aggregate over 20k triples
kept a thread busy for 72 s in our measurement, GIL released but no way to cancel it). A deadline checked
between solutions cannot stop that, so for an on-disk store each query runs in a worker process holding a
read-only opening of the store; on timeout the worker is killed (the work really stops) and replaced.
A worker reopens the store when the store's files changed since it opened it (a few ``stat`` calls), so it
sees every write, whoever made it. The pool is asynchronous: a request waits for its worker's answer on the
event loop (``add_reader`` on the pipe), with no thread hop, and a cancelled request kills its worker too.
Job and outcome are small frozen dataclasses so that pickling stays cheap.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import dataclasses
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

# The formats a query answers in, by bare media type (pyoxigraph's CSV/TSV types carry a charset parameter).
_RESULTS = (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML, ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV)
RESULT_FORMATS = {f.media_type.split(";")[0]: f for f in _RESULTS}
_GRAPHS = (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML)
GRAPH_FORMATS = {f.media_type.split(";")[0]: f for f in _GRAPHS}


@dataclass(frozen=True)
class Job:
    """One query to evaluate; ``results_type``/``graph_type`` are the negotiated media types (None = refused)."""

    query: str
    results_type: str | None
    graph_type: str | None
    max_rows: int
    base_iri: str | None = None
    union_default_graph: bool = False
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    deadline: float = field(default=float("inf"))


@dataclass(frozen=True)
class Outcome:
    """``kind``: ok, syntax (the parser's message), evaluation, not_acceptable (names the form), timeout or error."""

    kind: str
    body: bytes = b""
    media_type: str = ""
    truncated: bool = False
    message: str = ""
    elapsed_ms: float = 0.0
    """Evaluation and serialisation time in the worker (not waiting for or starting one)."""


class _Enough(Exception):
    """Raised by ``_LineCap.write`` to stop pyoxigraph's serialiser once the rows to keep are written."""


class _LineCap:
    """A file-like sink for SPARQL TSV that keeps the first ``lines`` lines (one per solution, after the header).

    pyoxigraph serialises in Rust into ``write`` (chunks of ~8 KB); counting newlines there costs little,
    and raising stops the serialiser. TSV has exactly one line per solution (literals escape their newlines).
    """

    __slots__ = ("chunks", "deadline", "lines", "seen")

    def __init__(self, lines: int, deadline: float) -> None:
        self.chunks: list[bytes] = []
        self.lines, self.seen, self.deadline = lines, 0, deadline

    def write(self, chunk: bytes) -> int:
        self.chunks.append(bytes(chunk))
        self.seen += chunk.count(b"\n")
        if self.seen > self.lines:
            raise _Enough
        if time.monotonic() > self.deadline:
            raise TimeoutError("query deadline passed while writing solutions")
        return len(chunk)

    def flush(self) -> None:
        pass

    def text(self) -> bytes:
        """The kept lines, each ending in a newline."""
        data = b"".join(self.chunks)
        if self.seen <= self.lines:
            return data
        end = -1
        for _ in range(self.lines):
            end = data.index(b"\n", end + 1)
        return data[: end + 1]


def _capped_solutions(results: ox.QuerySolutions, job: Job) -> tuple[bytes, bool]:
    """At most ``max_rows`` solutions as SPARQL TSV, and whether more were left out.

    pyoxigraph cannot build results from a list, so the cap goes through TSV, written and read back in Rust:
    about 15 µs over serialising directly for a one-row answer, and half the time of making Python terms for
    a 9,000-row one (80 vs 220 ms; same bytes as a direct serialisation).
    """
    sink = _LineCap(job.max_rows + 1, job.deadline)  # the header line, then one line per solution
    try:
        results.serialize(sink, format=ox.QueryResultsFormat.TSV)
    except _Enough:
        return sink.text(), True
    return sink.text(), False


def _dataset(job: Job) -> dict[str, Any]:
    if job.default_graphs is None and job.named_graphs is None:
        return {"use_default_graph_as_union": job.union_default_graph}
    options: dict[str, Any] = {}
    # SPARQL 1.1 Protocol 2.1.4: a protocol dataset replaces the query's; what it does not list is empty.
    options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs or ()]
    options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    return options


def execute(store: ox.Store, job: Job) -> Outcome:
    """Evaluate and serialise one query with pyoxigraph's serialisers, keeping at most ``max_rows`` rows."""
    started = time.perf_counter()
    outcome = _execute(store, job)
    return dataclasses.replace(outcome, elapsed_ms=(time.perf_counter() - started) * 1000)


def _execute(store: ox.Store, job: Job) -> Outcome:
    try:
        results = store.query(job.query, base_iri=job.base_iri, **_dataset(job))
    except SyntaxError as error:
        return Outcome("syntax", message=str(error))
    except RuntimeError as error:  # pyoxigraph's evaluation errors, e.g. an unsupported custom function
        return Outcome("evaluation", message=str(error))
    if isinstance(results, ox.QueryTriples):
        if job.graph_type is None:
            return Outcome("not_acceptable", message="CONSTRUCT and DESCRIBE")
        triples = list(itertools.islice(results, job.max_rows + 1))
        truncated = len(triples) > job.max_rows
        body = ox.serialize(triples[: job.max_rows], format=GRAPH_FORMATS[job.graph_type])
        return Outcome("ok", body or b"", job.graph_type, truncated)
    if job.results_type is None:
        return Outcome("not_acceptable", message="SELECT and ASK")
    result_format = RESULT_FORMATS[job.results_type]
    truncated = False
    if isinstance(results, ox.QuerySolutions):
        tsv, truncated = _capped_solutions(results, job)
        if result_format == ox.QueryResultsFormat.TSV:
            return Outcome("ok", tsv, job.results_type, truncated)
        results = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    body = results.serialize(format=result_format) or b""
    if truncated and result_format == ox.QueryResultsFormat.JSON:
        document = json.loads(body)
        document["truncated"] = True
        body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    return Outcome("ok", body, job.results_type, truncated)


class StoreWatch:
    """Tells whether the on-disk store changed since the last look, in a few ``stat`` calls.

    Any write appends to a RocksDB write-ahead log (``*.log``: its size and mtime change); flushes and
    compactions create and delete files (the folder's mtime changes, and then the folder is listed again).
    Listing and stat-ing every file on each query cost about 60 µs; this costs about 5.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.folder_mtime = -1
        self.logs: list[str] = []
        self.state: tuple[tuple[int, int], ...] = ()

    def _log_state(self) -> tuple[tuple[int, int], ...]:
        states = []
        for log in self.logs:
            with contextlib.suppress(FileNotFoundError):
                stat = os.stat(log)
                states.append((stat.st_size, stat.st_mtime_ns))
        return tuple(states)

    def changed(self) -> bool:
        folder_mtime = os.stat(self.path).st_mtime_ns
        if folder_mtime != self.folder_mtime:
            self.folder_mtime = folder_mtime
            with os.scandir(self.path) as scan:
                self.logs = sorted(entry.path for entry in scan if entry.name.endswith(".log"))
            self.state = self._log_state()
            return True
        state = self._log_state()
        if state != self.state:
            self.state = state
            return True
        return False


def _open_read_only(path: str) -> ox.Store:
    """Open read-only, retrying once: a compaction by the writer can remove a file between listing and opening."""
    try:
        return ox.Store.read_only(path)
    except OSError:
        time.sleep(0.05)
        return ox.Store.read_only(path)


def _serve(jobs: Connection, outcomes: Connection, path: str) -> None:
    """Worker loop: receive a Job, answer an Outcome; reopen the store read-only when its files changed."""
    store: ox.Store | None = None
    watch = StoreWatch(path)
    while True:
        try:
            job = jobs.recv()
        except EOFError:
            return
        try:
            if watch.changed() or store is None:
                store = _open_read_only(path)
            outcome = execute(store, job)
        except TimeoutError as error:
            outcome = Outcome("timeout", message=str(error))
        except Exception as error:  # reported to the parent, which logs it and answers 500
            outcome = Outcome("error", message=f"{type(error).__name__}: {error}")
        outcomes.send(outcome)


_WORKER_MAIN = (
    "import sys; from multiprocessing.connection import Connection; "
    "from ftzgraph.graph._sparql_worker import _serve; "
    "_serve(Connection(int(sys.argv[2]), writable=False), Connection(int(sys.argv[3]), readable=False), sys.argv[1])"
)


class _Worker:
    """A fresh interpreter running ``_serve``: no fork of a threaded server, no re-run of the caller's ``__main__``."""

    def __init__(self, path: str) -> None:
        job_read, job_write = os.pipe()
        outcome_read, outcome_write = os.pipe()
        command = [sys.executable, "-c", _WORKER_MAIN, path, str(job_read), str(outcome_write)]
        self.process = subprocess.Popen(command, pass_fds=(job_read, outcome_write), stdin=subprocess.DEVNULL)
        os.close(job_read)
        os.close(outcome_write)
        self.jobs = Connection(job_write, readable=False)
        self.outcomes = Connection(outcome_read, writable=False)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        self.jobs.close()
        self.outcomes.close()


class QueryPool:
    """Up to ``size`` worker processes over the on-disk store at ``path``; a timed-out worker is killed.

    ``run`` is a coroutine: it borrows an idle worker (or starts one, or waits for one until the job's
    deadline), sends the job and awaits the answer until the deadline. It works from any event loop (the
    pool's state is guarded by a thread lock and waiters are woken on their own loop). Workers start
    lazily; a forgotten pool's workers end when their pipes close with the server.
    """

    def __init__(self, path: str, size: int) -> None:
        self.path = path
        self.size = max(size, 1)
        self._idle: list[_Worker] = []
        self._count = 0
        self._lock = threading.Lock()
        self._waiters: collections.deque[tuple[asyncio.AbstractEventLoop, asyncio.Future[_Worker | None]]] = (
            collections.deque()
        )
        self._closed = False

    async def _borrow(self, deadline: float) -> _Worker:
        """An idle worker, a new one while fewer than ``size`` run, else the next one given back.

        Waiters are served first come, first served: a returned worker (or the slot of a killed one) is
        handed to the oldest waiter, never left for a newer request to grab (that made the slowest 1% of
        requests wait ten times the median under load).
        """
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._closed:
                raise RuntimeError("the query pool is closed")
            if self._idle and not self._waiters:
                return self._idle.pop()
            waiter: asyncio.Future[_Worker | None] | None = None
            if self._count < self.size and not self._waiters:
                self._count += 1
            else:
                waiter = loop.create_future()
                self._waiters.append((loop, waiter))
        if waiter is not None:
            timer = loop.call_at(loop.time() + max(deadline - time.monotonic(), 0), _expire, waiter)
            try:
                worker = await waiter
            except BaseException as error:
                with self._lock, contextlib.suppress(ValueError):
                    self._waiters.remove((loop, waiter))
                if isinstance(error, TimeoutError):
                    raise TimeoutError("no query worker became free before the deadline") from None
                raise
            finally:
                timer.cancel()
            if worker is not None:
                return worker
        try:  # a free slot: start a worker in it
            return _Worker(self.path)
        except BaseException:
            self._give_back(None)
            raise

    def _give_back(self, worker: _Worker | None) -> None:
        """Return a worker (None: the slot of one that was killed) to the oldest waiter, or to the pool."""
        with self._lock:
            if self._closed:
                self._count -= 1
                if worker is not None:
                    worker.kill()
                return
            while self._waiters:
                loop, waiter = self._waiters.popleft()
                if not waiter.done():
                    loop.call_soon_threadsafe(self._hand, waiter, worker)
                    return
            if worker is None:
                self._count -= 1
            else:
                self._idle.append(worker)

    def _hand(self, waiter: asyncio.Future[_Worker | None], worker: _Worker | None) -> None:
        if waiter.done():  # it gave up meanwhile: the next waiter, or the pool, takes the worker
            self._give_back(worker)
        else:
            waiter.set_result(worker)

    async def run(self, job: Job) -> Outcome:
        """Evaluate ``job`` in a worker; raise TimeoutError (after killing the worker) past ``job.deadline``."""
        worker = await self._borrow(job.deadline)
        try:
            worker.jobs.send(job)
            await _readable(worker.outcomes.fileno(), job.deadline)
            outcome: Outcome = worker.outcomes.recv()
        except BaseException:  # a timeout, or the request was cancelled: the work stops with the worker
            worker.kill()
            self._give_back(None)
            raise
        self._give_back(worker)
        return outcome

    def close(self) -> None:
        """Stop every idle worker; busy ones are stopped when they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            self._count -= len(idle)
            waiters, self._waiters = list(self._waiters), collections.deque()
        for loop, waiter in waiters:
            loop.call_soon_threadsafe(_fail, waiter, RuntimeError("the query pool is closed"))
        for worker in idle:
            worker.kill()


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


async def _readable(fd: int, deadline: float) -> None:
    """Wait on the event loop until ``fd`` has data, or raise TimeoutError at ``deadline``.

    A reader callback and a timer on one future: cheaper than ``asyncio.wait_for``, which starts a task.
    """
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()
    loop.add_reader(fd, _wake, ready)
    timer = loop.call_at(loop.time() + max(deadline - time.monotonic(), 0), _expire, ready)
    try:
        await ready
    finally:
        timer.cancel()
        loop.remove_reader(fd)
        # uvloop makes a watched fd non-blocking; a large answer arrives in two writes (header, then payload),
        # so the read that follows must be allowed to wait for the second.
        os.set_blocking(fd, True)


def _expire(waiter: asyncio.Future[Any]) -> None:
    _fail(waiter, TimeoutError("query deadline passed"))


def _fail(waiter: asyncio.Future[Any], error: BaseException) -> None:
    if not waiter.done():
        waiter.set_exception(error)

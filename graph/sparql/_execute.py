"""Evaluate one SPARQL query to bytes within its limits, and tell when the on-disk store changed.

``execute`` is what a query thread runs (``graph.sparql``): pyoxigraph evaluates in Rust with the GIL
released and serialises in Rust too, so the server's event loop and other queries go on meanwhile. The row
cap goes through SPARQL TSV (``_capped_solutions``), not Python terms; a JSON answer within the cap is written
once, straight to JSON (``_JsonRowCount``). ``StoreWatch`` lets a reader that
opened the store read-only (and so sees it as it was then) reopen it when anyone wrote to it.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import time
from dataclasses import dataclass, field
from typing import IO, Any, cast

import pyoxigraph as ox

# The formats a query answers in, by bare media type (pyoxigraph's CSV/TSV types carry a charset parameter).
_RESULTS = (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML, ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV)
RESULT_FORMATS = {f.media_type.split(";")[0]: f for f in _RESULTS}
logger = logging.getLogger(__name__)
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
    rewritten: str | None = None
    """An equivalent text the engine evaluates instead (``eager_count``); ``query`` when it fails."""


@dataclass(frozen=True)
class Outcome:
    """``kind``: ok, syntax (the parser's message), evaluation, not_acceptable (names the form), timeout or error."""

    kind: str
    body: bytes = b""
    media_type: str = ""
    truncated: bool = False
    message: str = ""
    elapsed_ms: float = 0.0
    """Evaluation and serialisation time on the query thread (not the wait for a free one)."""


class _Enough(Exception):
    """Raised by ``_LineCap.write`` to stop pyoxigraph's serialiser once the rows to keep are written."""


class _LineCap:
    """A file-like sink for SPARQL TSV that keeps the first ``lines`` lines (one per solution, after the header).

    pyoxigraph serialises in Rust into ``write`` in chunks; counting newlines there costs little,
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


class _JsonRowCount:
    """A file-like sink for SPARQL JSON results that gives up (``_Enough``) once they may hold more than ``rows``
    solutions, so that an answer within the cap is serialised once, straight to JSON.

    pyoxigraph writes solutions as ``{...}`` objects separated by ``,`` with no white space, so consecutive
    solutions always meet as ``},{``; the bytes can also occur inside a literal, which only over-counts. Over the
    count, the caller caps through TSV, which counts exactly.
    """

    __slots__ = ("chunks", "deadline", "meetings", "rows", "tail")

    def __init__(self, rows: int, deadline: float) -> None:
        self.chunks: list[bytes] = []
        self.rows, self.deadline = rows, deadline
        self.meetings = 0
        self.tail = b""

    def write(self, chunk: bytes) -> int:
        data = bytes(chunk)
        self.chunks.append(data)
        self.meetings += (self.tail + data[:2]).count(b"},{") + data.count(b"},{")  # across chunks, then within
        self.tail = (self.tail + data)[-2:]
        if self.meetings >= self.rows:  # at least ``rows`` + 1 solutions, or a literal holding the bytes
            raise _Enough
        if time.monotonic() > self.deadline:
            raise TimeoutError("query deadline passed while writing solutions")
        return len(chunk)

    def flush(self) -> None:
        pass


def _json_within_cap(results: ox.QuerySolutions, job: Job) -> bytes | None:
    """The solutions as SPARQL JSON if there are at most ``max_rows`` of them (None: maybe more; the results
    are then consumed, and the query must be evaluated again)."""
    sink = _JsonRowCount(job.max_rows, job.deadline)
    try:
        results.serialize(cast(IO[bytes], sink), format=ox.QueryResultsFormat.JSON)  # it only writes
    except _Enough:
        return None
    return b"".join(sink.chunks)


def _capped_solutions(results: ox.QuerySolutions, job: Job) -> tuple[bytes, bool]:
    """At most ``max_rows`` solutions as SPARQL TSV, and whether more were left out.

    pyoxigraph cannot build results from a list, so the cap goes through TSV, written and read back in Rust:
    a little dearer than serialising directly for a small answer, much cheaper than making Python terms for
    a large one, and the same bytes as a direct serialisation (``scripts/`` benchmarks give the figures).
    """
    sink = _LineCap(job.max_rows + 1, job.deadline)  # the header line, then one line per solution
    try:
        results.serialize(cast(IO[bytes], sink), format=ox.QueryResultsFormat.TSV)  # it only writes
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
    """Evaluate and serialise one query with pyoxigraph's serialisers, keeping at most ``max_rows`` rows.

    Never raises: a failure is an ``Outcome`` too. pyoxigraph's result objects may only be dropped on the
    thread that made them, and an exception handed to another thread would carry them in its traceback.
    """
    started = time.perf_counter()
    try:
        outcome = _execute(store, job)
    except TimeoutError as error:
        outcome = Outcome("timeout", message=str(error))
    except Exception as error:  # reported by the caller as a server error (500)
        logger.exception("query evaluation failed")
        outcome = Outcome("error", message=f"{type(error).__name__}: {error}")
    return dataclasses.replace(outcome, elapsed_ms=(time.perf_counter() - started) * 1000)


def _execute(store: ox.Store, job: Job) -> Outcome:
    text = job.query
    results: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | None = None
    if job.rewritten is not None:
        try:
            results, text = store.query(job.rewritten, base_iri=job.base_iri, **_dataset(job)), job.rewritten
        except (SyntaxError, RuntimeError) as error:  # a rewrite never changes what the client is told
            logger.warning("the rewritten query failed, so the query runs as written: %s", error)
    try:
        if results is None:
            results = store.query(text, base_iri=job.base_iri, **_dataset(job))
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
    if isinstance(results, ox.QuerySolutions) and result_format == ox.QueryResultsFormat.JSON:
        body = _json_within_cap(results, job)
        if body is not None:
            return Outcome("ok", body, job.results_type, False)
        again = store.query(text, base_iri=job.base_iri, **_dataset(job))  # more rows than the cap
        assert isinstance(again, ox.QuerySolutions)  # the same query gives the same form of result
        results = again
    if isinstance(results, ox.QuerySolutions):
        tsv, truncated = _capped_solutions(results, job)
        if result_format == ox.QueryResultsFormat.TSV:
            return Outcome("ok", tsv, job.results_type, truncated)
        results = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    body = results.serialize(format=result_format) or b""
    if truncated and result_format == ox.QueryResultsFormat.JSON:
        # Before "results": streaming parsers (pyoxigraph's) stop reading at the end of the bindings.
        document = json.loads(body)
        document = {"head": document.pop("head"), "truncated": True, **document}
        body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    return Outcome("ok", body, job.results_type, truncated)

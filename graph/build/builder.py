"""``ftzgraph build``: read documents, extract, validate, and swap their named graphs in atomically.

Many documents are read and extracted in parallel worker processes. Into the embedded store, the graphs of new
documents go down one bulk stream (``graph/store/bulk_stream.py``) that the store ingests in one atomic step once
every document is read (a large build's in two: ``graph/store/split_stream.py``); documents that replace a stored
version, and every document written to another store, go in batches, each batch one atomic swap. A document whose
content hash is already in the store is skipped (``force`` rebuilds it), so an interrupted build run again finishes
the job with nothing duplicated and nothing lost. A document that fails is reported with its file; the others proceed.
Nothing of a failed document is written, so its previous graph stays. Facts about shared entities (agencies, places,
national reforms) go once into the entities graph (``iris.ENTITIES_GRAPH``); when a document is replaced, the entities
no graph refers to any more are pruned at the end (``graph/build/runs.py``, which also records the build as a run).
One document's read, extraction and validation in a worker is ``graph/build/document_pass.py``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Generator, Iterable
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path

from ftzgraph.graph import iris
from ftzgraph.graph.build._pool import map_documents, new_pool
from ftzgraph.graph.build.document_pass import (
    FIRST,
    BuildContext,
    DocumentReport,
    _failed,
    _first_pass,
    _reference_terms,
    _Result,
    _second_pass,
)
from ftzgraph.graph.build.runs import KEEP_RUNS, RECORD_LINES_PER_DOCUMENT, RunRecorder, document_reads
from ftzgraph.graph.build.shrink_guard import case_iris, describe_dropped, stored_cases
from ftzgraph.graph.data_files import data_path
from ftzgraph.graph.errors import DocumentError, FtzGraphError
from ftzgraph.graph.model import NationalBatch
from ftzgraph.graph.rdf.nt_terms import from_rdflib, nquads
from ftzgraph.graph.rdf.validate import vocabulary
from ftzgraph.graph.sources.read import READERS
from ftzgraph.graph.store.oxigraph import BULK_LOAD_MAX_QUADS, Store, write_nquads
from ftzgraph.graph.store.split_stream import SplitStream, open_split
from ftzgraph.ontology.namespace import FTZ

FULL_VALIDATION_MAX_DOCUMENTS = 200
"""Up to this many documents, each one is validated with pySHACL (about 0.3 s per document of the genre).
Beyond it, ``validate="auto"`` validates a deterministic sample (see ``SAMPLE_EVERY``) so that 10,000
documents build in minutes; ``validate="full"`` validates every one."""
SAMPLE_EVERY = 25
BATCH_DOCUMENTS = 1000
BATCH_QUADS = BULK_LOAD_MAX_QUADS
"""A batch (documents replacing stored versions, or any document written to a store without a bulk stream),
written to the store in one atomic step, holds up to BATCH_DOCUMENTS documents and BATCH_QUADS quads (about
1,800 per synthetic document). Fewer, larger writes cost the embedded store less: each bulk load adds a file
to every index at RocksDB's first level, and Oxigraph's store compacts as soon as two are there, merging them
into the index's bottom level, which holds nearly all of the store (hence the bulk stream for new documents).
The quad bound keeps a batch on ``OxigraphStore.replace_graphs_nquads``'s bulk-load path."""


def bundled_documents() -> list[Path]:
    """The source documents shipped in data/raw/."""
    raw = data_path("raw")
    return sorted(p for p in raw.iterdir() if p.suffix.lower() in READERS)


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given, folders expanded to the readable files in them (recursively), in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS))
        else:
            files.append(path)
    return files


def files_to_build(paths: Iterable[Path | str] | None) -> list[Path]:
    """The files a build of ``paths`` reads (default: the bundled documents), checked before any store is
    opened, so a build that can read nothing leaves no store behind: raises ``DocumentError`` when no path
    exists or no readable document is found. A missing file among others is the build's to report, by name."""
    given = [Path(p) for p in paths or []]
    files = expand_paths(given) if given else bundled_documents()
    if not files:
        raise DocumentError(", ".join(map(str, given)) or "data/raw", "no readable documents found")
    if given and not any(p.exists() for p in files):
        raise DocumentError(files[0], "no such file")
    return files


@dataclass
class BuildReport:
    documents: list[DocumentReport]
    triples: int = 0
    seconds: float = 0.0
    written: bool = False
    run_id: str | None = None
    """The ``ftz:BuildRun`` this build recorded (graph/build/runs.py)."""

    @property
    def failed(self) -> list[DocumentReport]:
        return [d for d in self.documents if d.error]

    @property
    def skipped(self) -> list[DocumentReport]:
        return [d for d in self.documents if d.skipped]

    @property
    def built(self) -> list[DocumentReport]:
        return [d for d in self.documents if not d.error and not d.skipped]


Progress = Callable[[str, int, int, int], None]
"""Called after each document: (path, documents done, documents in all, triples so far)."""


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def built_hashes(store: Store) -> set[str]:
    """Content hashes of the documents already in the store."""
    rows = store.select(f"SELECT DISTINCT ?sha WHERE {{ ?doc a <{FTZ.SourceDocument}> ; <{FTZ.sha256}> ?sha }}")
    return {str(row["sha"]) for row in rows}


def _should_validate(mode: str, index: int, digest: str | None, total: int) -> bool:
    if mode == "off":
        return False
    if mode == "full" or total <= FULL_VALIDATION_MAX_DOCUMENTS:
        return True
    return index == 0 or (digest is not None and int(digest[:8], 16) % SAMPLE_EVERY == 0)


def _results(files: list[tuple[Path, bool]], workers: int) -> Generator[_Result, None, None]:
    """Every document's result: those that declare national batches (notices, best-practice collections)
    first, then the rest with those batches known. The one order of a build.

    The first pass reads every document, once: it builds the batch-declaring ones and keeps the others in a
    spool folder, from which the second pass builds them. The rest keep their file order, a document that
    failed in the first pass among them. A worker that dies costs its document only (``_pool``).
    """
    parallel = workers > 1 and len(files) > 1
    chunk = max(1, min(32, len(files) // (workers * 8)))

    def run(
        function: Callable[..., _Result], items: list[tuple[Path, bool, BuildContext, Path]]
    ) -> Generator[_Result, None, None]:
        if parallel and len(items) > 1:
            yield from map_documents(lambda: new_pool(workers), function, items, _failed, chunk)
        else:
            yield from (function(*item) for item in items)

    with ExitStack() as stack:  # on leaving, the pools end (their generators closed) before the spool goes
        spool = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ftzgraph-build-")))
        kept = [spool / f"{index}.pickle" for index in range(len(files))]  # one per item: a file given twice too
        later: list[tuple[Path, bool, Path, _Result | None]] = []  # in file order; a first-pass failure is kept
        batches: list[NationalBatch] = []
        items = [(path, validate, FIRST, keep) for (path, validate), keep in zip(files, kept, strict=True)]
        first = stack.enter_context(closing(run(_first_pass, items)))
        for (path, validate), keep, result in zip(files, kept, first, strict=True):
            if result.deferred or result.error is not None:
                later.append((path, validate, keep, None if result.deferred else result))
                continue
            if result.batch is not None:
                batches.append(result.batch)
            yield result
        context = BuildContext(batches)
        rest = [(path, validate, context, keep) for path, validate, keep, failed in later if failed is None]
        built = stack.enter_context(closing(run(_second_pass, rest)))
        for _, _, keep, failed in later:
            yield failed if failed is not None else next(built)
            keep.unlink(missing_ok=True)


def _refuse_shrinking(
    store: Store, result: _Result, existing: set[str], pending: dict[str, bytes], force: bool
) -> DocumentError | None:
    """The error refusing ``result`` when ``result`` would replace a version of its document that has cases it
    lacks; with ``force`` it goes ahead and a warning lists what is dropped (``shrink_guard``)."""
    graph = result.graph_name or ""
    if graph in pending:
        before = {iri: iri.rsplit("/", 1)[-1] for iri in case_iris(pending[graph])}
    elif graph in existing:
        before = stored_cases(store, graph)
    else:
        return None
    dropped = {iri: title for iri, title in before.items() if iri not in case_iris(result.nquads)}
    if not dropped:
        return None
    what = describe_dropped(dropped, len(before), result.report.cases)
    if force:
        result.report.warnings.append(f"replacing the stored version of this document dropped {what}")
        return None
    return DocumentError(
        result.report.path,
        f"rebuilding would drop {what}",
        "if the new version is right, rebuild with --force; the store keeps the old version meanwhile",
    )


def build(
    store: Store,
    paths: Iterable[Path | str] | None = None,
    *,
    validate: str | bool = "auto",
    force: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    keep_runs: int = KEEP_RUNS,
) -> BuildReport:
    """Build the given documents (default: the bundled one) plus the reference data into ``store``.

    ``validate``: "auto" (every document up to FULL_VALIDATION_MAX_DOCUMENTS, else a sample), "full", "off".
    Raises ``DocumentError`` (or ``ValidationError``) when no document could be built; the store is then
    untouched. Documents that fail among others are reported in the returned ``BuildReport``. The build is
    recorded as a run (graph/build/runs.py); the newest ``keep_runs`` runs are kept.
    """
    started = time.perf_counter()
    mode = ("auto" if validate else "off") if isinstance(validate, bool) else validate
    files = files_to_build(paths)
    known = set() if force else built_hashes(store)
    recorder = RunRecorder(store, keep_runs)
    digests: dict[str, str | None] = {}
    reports: list[DocumentReport] = []
    todo: list[tuple[Path, bool]] = []
    for index, path in enumerate(files):
        digest = digests[str(path)] = _digest(path)
        if digest is not None and digest in known:
            reports.append(DocumentReport(str(path), skipped=True))
            continue
        todo.append((path, _should_validate(mode, index, digest, len(files))))
    workers = workers or min(os.cpu_count() or 1, max(1, len(todo) // 4))

    errors: list[FtzGraphError] = []
    existing = set(store.graphs())
    pending: dict[str, bytes] = {}  # graph name -> its N-Quads, plus the new shared-entity lines below
    entity_lines: set[bytes] = set()  # shared-entity triples of this build, each written once
    new_entities: list[bytes] = []
    pending_quads = 0
    total = 0
    shared_written = False
    streamed: set[str] = set()  # new document graphs sent down the bulk stream
    tail_entities: list[bytes] = []  # shared-entity lines down the stream's second part (split_stream.py)
    loose = False  # something written to the store outside the stream after the stream split
    late: list[_Result] = []  # a document whose graph this build streamed already: it replaces it afterwards

    def write_shared() -> None:
        nonlocal total, shared_written
        if shared_written:
            return
        # A write of its own: replacing graphs that exist takes the store's slower path, which the
        # documents then do not have to share.
        reference, ontology = str(iris.REFERENCE_GRAPH), str(iris.ONTOLOGY_GRAPH)
        vocabulary_terms = from_rdflib(vocabulary())
        parts = {reference: nquads(_reference_terms(), reference), ontology: nquads(vocabulary_terms, ontology)}
        recorder.before_write(parts)
        write_nquads(store, list(parts), b"".join(parts.values()))
        total += len(_reference_terms()) + len(vocabulary_terms)
        shared_written = True

    def flush() -> None:
        nonlocal total, pending_quads, loose
        if not pending:
            return
        loose = loose or (stream is not None and stream.split)
        recorder.before_write(pending)
        data = b"".join([*pending.values(), *new_entities])
        write_nquads(store, list(pending), data)
        total += data.count(b"\n")
        pending.clear()
        new_entities.clear()
        pending_quads = 0

    def accept(result: _Result, stream: SplitStream | None) -> None:
        """Write a built document: a new one down the bulk stream when there is one, else in a batch."""
        nonlocal pending_quads
        graph = result.graph_name or ""
        if stream is not None and graph in streamed:
            late.append(result)
            return
        if refusal := _refuse_shrinking(store, result, existing, pending, force):
            result.report.error = str(refusal)
            errors.append(refusal)
            return
        write_shared()
        lines = [line for line in result.shared.splitlines(keepends=True) if line not in entity_lines]
        entity_lines.update(lines)
        if stream is not None and graph not in existing:
            recorder.before_write({graph: result.nquads})
            stream.write(result.nquads)
            stream.write(b"".join(lines))
            if stream.split:
                tail_entities.extend(lines)
            streamed.add(graph)
            stream.near_end(len(streamed), len(files) - done, RECORD_LINES_PER_DOCUMENT * len(files))
            return
        if pending_quads + result.report.triples > BATCH_QUADS:
            flush()
        pending[graph] = result.nquads
        pending_quads += result.nquads.count(b"\n") + len(lines)
        new_entities.extend(lines)
        if len(pending) >= BATCH_DOCUMENTS:
            flush()

    done = len(reports)
    stream = open_split(store)
    try:
        with closing(_results(todo, workers)) as results:  # a failed write ends the pools too
            for result in results:
                reports.append(result.report)
                done += 1
                if result.error is not None:
                    errors.append(result.error)
                elif result.graph_name:
                    accept(result, stream)
                if progress:
                    streaming = stream.quads if stream is not None else 0
                    progress(result.report.path, done, len(files), total + pending_quads + streaming)
        if not shared_written and errors and not any(r.skipped for r in reports):
            if len(errors) == 1:
                raise errors[0]
            raise DocumentError("build", "no document could be built: " + "; ".join(map(str, errors)))
        flush()
        recorded = False
        if stream is not None:
            total += stream.quads
            if stream.compacted and not late and not loose:
                stream.wait_first()
                if recorder.can_append():  # the run's record joins the last documents: one file per index
                    recorder.finish(
                        document_reads(reports, digests), write=stream.write, unwritten=b"".join(tail_entities)
                    )
                    recorded = True
            stream.commit()
    finally:
        if stream is not None:
            stream.abort()  # after a failure: nothing of the stream is ingested (after commit: nothing to do)
    existing.update(streamed)
    for result in late:
        accept(result, None)
    flush()
    if not recorded:
        recorder.finish(document_reads(reports, digests))
    if shared_written and not (recorded and stream is not None and stream.compacted):
        store.optimize()  # queries on the new data read compacted files (twice as fast at 100k cases)
    return BuildReport(reports, total, time.perf_counter() - started, shared_written, recorder.run_id)

"""One document's pass through stages 1-3 in a worker process: read, extract, triples, validation, and the report of
what it gave or why it failed. Kept apart from the build, which chooses the files, runs the passes in parallel and
writes their graphs into the store: a pass reads no store, so it can run anywhere."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph

from ftzgraph.graph import iris
from ftzgraph.graph.errors import DocumentError, FtzGraphError, ValidationError
from ftzgraph.graph.extract.gazetteer import Gazetteer, load_gazetteer
from ftzgraph.graph.extract.layout import detect_layout
from ftzgraph.graph.extract.national import BATCH_LAYOUTS, with_batches
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document, NationalBatch
from ftzgraph.graph.rdf.document import document_triples
from ftzgraph.graph.rdf.nt_terms import Triple, nquads, ntriples, rdflib_graph
from ftzgraph.graph.rdf.reference import reference_triples
from ftzgraph.graph.rdf.triples import split_shared
from ftzgraph.graph.rdf.validate import validate_ntriples
from ftzgraph.graph.sources.read import read_document


@dataclass
class DocumentReport:
    path: str
    doc_id: str | None = None
    cases: int = 0
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    skipped: bool = False
    validated: bool = False


ENTITIES = str(iris.ENTITIES_GRAPH)


@cache
def _reference_terms() -> frozenset[Triple]:
    return frozenset(reference_triples(load_gazetteer()))


@cache
def _reference() -> Graph:
    """The reference graph for SHACL validation beside a document's graph."""
    return rdflib_graph(_reference_terms())


@cache
def _reference_ntriples() -> bytes:
    return ntriples(_reference_terms())


@dataclass
class _Result:
    """What a worker sends back for one document (picklable: the graphs travel as N-Quads bytes)."""

    report: DocumentReport
    graph_name: str | None = None
    nquads: bytes = b""
    shared: bytes = b""
    """Its triples about shared entities, in ``iris.ENTITIES_GRAPH`` (one N-Quads line each, the same line
    for the same triple in every document, so the build writes each once)."""
    error: FtzGraphError | None = None
    batch: NationalBatch | None = None
    deferred: bool = False
    """Read in the first pass and found to declare no batch: built in the second."""


class BuildContext:
    """What every document of one build shares: the batches its notices and best-practice collections declare.

    Passed to each document explicitly (and so pickled to the worker processes with their tasks); the
    gazetteer it gives is made once per unpickled copy, not once per document.
    """

    def __init__(self, batches: Iterable[NationalBatch] = ()) -> None:
        self.batches = list(batches)
        self._gazetteer: Gazetteer | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"batches": self.batches, "_gazetteer": None}

    def gazetteer(self) -> Gazetteer:
        """The reference gazetteer, plus the items of the batches this build declares (so a case that cites
        a notice's item in other words still reaches the notice's item)."""
        if self._gazetteer is None:
            reference = load_gazetteer()
            self._gazetteer = with_batches(reference, self.batches) if self.batches else reference
        return self._gazetteer


FIRST = BuildContext()
"""The context of a build's first pass: no batches known yet."""


def process_document(
    path: Path, validate: bool, context: BuildContext, *, only_batches: bool = False, kept: Path | None = None
) -> _Result:
    """Read, extract, build and (optionally) validate one document. Runs in a worker process.

    With ``only_batches`` (the first pass of a build), a document that declares no national batch is read, its
    layout detected and the document written to ``kept`` (a file in a spool folder of the build's own): it is
    answered ``deferred``, and the second pass, which knows the batches, builds it from ``kept`` instead of
    reading the file again (for a PDF, reading is most of a document's time).
    """
    report = DocumentReport(str(path))
    try:
        document = _kept_document(path, kept) if kept and not only_batches else read_document(path)
        if only_batches and detect_layout(document).name not in BATCH_LAYOUTS:
            if kept:
                _keep_document(path, document, kept)
            return _Result(report, deferred=True)
        gazetteer = context.gazetteer()
        extraction = extract_document(document, gazetteer)
        triples = document_triples(extraction, gazetteer)
        if validate:
            validation = validate_ntriples(
                ntriples(triples) + _reference_ntriples(), lambda: rdflib_graph(triples) + _reference()
            )
            if not validation.conforms:
                raise ValidationError(f"{path}:\n{validation.text}")
            report.validated = True
    except FtzGraphError as error:
        report.error = str(error)
        return _Result(report, error=error)
    except Exception as error:  # a reader library failing on odd input: this document fails, named, not the build
        failure = DocumentError(path, f"cannot be read ({type(error).__name__}: {error})")
        report.error = str(failure)
        return _Result(report, error=failure)
    report.doc_id = document.id
    report.cases = len(extraction.cases)
    report.triples = len(triples)
    report.warnings = list(extraction.warnings)
    own, shared = split_shared(document.id, triples)
    graph = str(iris.document_graph(document.id))
    return _Result(report, graph, nquads(own, graph), nquads(shared, ENTITIES), batch=extraction.batch)


def _keep_document(path: Path, document: Document, kept: Path) -> None:
    try:
        kept.write_bytes(pickle.dumps(document, pickle.HIGHEST_PROTOCOL))
    except OSError as error:
        raise DocumentError(path, f"the build could not keep what it read in {kept.parent}: {error}") from error


def _kept_document(path: Path, kept: Path) -> Document:
    """The document the first pass read from ``path`` and kept in ``kept``."""
    try:
        with kept.open("rb") as data:
            document = pickle.load(data)
    except OSError as error:
        raise DocumentError(path, f"the build lost what it read of it in {kept.parent}: {error}") from error
    if not isinstance(document, Document):
        raise DocumentError(path, f"the build's copy of it, {kept}, is not a document")
    return document


def _failed(item: tuple[Path, bool, BuildContext, Path], reason: str) -> _Result:
    """The result of a document whose worker process died: failed, named, the rest of the build goes on."""
    error = DocumentError(item[0], reason)
    return _Result(DocumentReport(str(item[0]), error=str(error)), error=error)


def _first_pass(path: Path, validate: bool, context: BuildContext, kept: Path) -> _Result:
    return process_document(path, validate, context, only_batches=True, kept=kept)


def _second_pass(path: Path, validate: bool, context: BuildContext, kept: Path) -> _Result:
    return process_document(path, validate, context, kept=kept)

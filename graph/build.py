"""``ftzgraph build``: read documents, extract, validate, and swap their named graphs in atomically.

Nothing is written until every graph is built and conforms: a failed build leaves the store as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ftzgraph.graph import iris
from ftzgraph.graph.errors import DocumentError, FtzGraphError, ValidationError
from ftzgraph.graph.gazetteer import load_gazetteer
from ftzgraph.graph.pipeline import Extraction, extract_document
from ftzgraph.graph.read import READERS, read_document
from ftzgraph.graph.reference import reference_graph
from ftzgraph.graph.store import Store
from ftzgraph.graph.triples import document_graph
from ftzgraph.graph.validate import validate_graph, vocabulary


def bundled_documents() -> list[Path]:
    """The source documents shipped in data/raw/."""
    raw = Path(str(resources.files("ftzgraph.data"))) / "raw"
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


@dataclass
class DocumentReport:
    path: str
    doc_id: str | None = None
    cases: int = 0
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class BuildReport:
    documents: list[DocumentReport]
    triples: int = 0
    seconds: float = 0.0
    written: bool = False

    @property
    def failed(self) -> list[DocumentReport]:
        return [d for d in self.documents if d.error]


def to_oxigraph(graph: Graph) -> list[ox.Triple]:
    """rdflib -> pyoxigraph through N-Triples, the one format both sides read identically."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))  # type: ignore[arg-type]


Progress = Callable[[str, int, int], None]


def extract_all(files: list[Path], progress: Progress | None = None) -> Iterator[tuple[Path, Extraction | Exception]]:
    gazetteer = load_gazetteer()
    for i, path in enumerate(files, start=1):
        try:
            document = read_document(path)
            yield path, extract_document(document, gazetteer)
        except FtzGraphError as error:
            yield path, error
        if progress:
            progress(str(path), i, len(files))


def build(
    store: Store,
    paths: Iterable[Path | str] | None = None,
    *,
    validate: bool = True,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the given documents (default: the bundled one) plus the reference data into ``store``.

    Raises ``DocumentError`` when no document could be built, ``ValidationError`` when the graph does
    not conform; in both cases the store is untouched. Documents that fail among others that succeed are
    reported in the returned ``BuildReport`` and left out.
    """
    started = time.perf_counter()
    files = expand_paths(paths) if paths else bundled_documents()
    if not files:
        raise DocumentError(", ".join(map(str, paths or [])) or "data/raw", "no readable documents found")
    gazetteer = load_gazetteer()
    reports: list[DocumentReport] = []
    errors: list[Exception] = []
    graphs: dict[str, Graph] = {}
    for path, result in extract_all(files, progress):
        if isinstance(result, Exception):
            errors.append(result)
            reports.append(DocumentReport(str(path), error=str(result)))
            continue
        graph = document_graph(result, gazetteer)
        name = str(iris.document_graph(result.document.id))
        graphs[name] = graph
        reports.append(
            DocumentReport(str(path), result.document.id, len(result.cases), len(graph), list(result.warnings))
        )
    if not graphs:
        if len(errors) == 1:
            raise errors[0]
        raise DocumentError("build", "no document could be built: " + "; ".join(map(str, errors)))

    reference = reference_graph(gazetteer)
    if validate:
        combined = Graph()
        combined += reference
        for graph in graphs.values():
            combined += graph
        report = validate_graph(combined)
        if not report.conforms:
            raise ValidationError(report.text)

    payload = {str(iris.REFERENCE_GRAPH): to_oxigraph(reference), str(iris.ONTOLOGY_GRAPH): to_oxigraph(vocabulary())}
    payload.update({name: to_oxigraph(graph) for name, graph in graphs.items()})
    store.replace_graphs(payload)  # type: ignore[arg-type]
    total = sum(len(triples) for triples in payload.values())
    return BuildReport(reports, total, time.perf_counter() - started, True)

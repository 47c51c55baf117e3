"""SPARQL 1.1 Graph Store HTTP Protocol operations on the store: read, replace, add to and delete one graph.

A graph is named by its IRI, or ``None`` for the store's default graph. The body is checked and copied as
N-Triples first (``_ntriples``), then written in one atomic step that Oxigraph parses itself, never as text of
an update: adding is one bulk ingestion or a transactional ``load``; replacing a graph that holds triples is one
SPARQL update (``DROP`` then ``LOAD`` of the copy, see ``_loopback``). A reader sees the old graph or the new
one, never half of each, and a body that does not parse leaves the store as it was.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import pyoxigraph as ox

from ftzgraph.graph.errors import FtzGraphError, StoreError
from ftzgraph.graph.sparql._loopback import served_document
from ftzgraph.graph.store.oxigraph import BULK_LOAD_MAX_QUADS, OxigraphStore

# Formats a client may send (media type -> pyoxigraph format); only formats without named graphs.
COMPACT_AFTER_TRIPLES = 10_000
"""A write of this many triples or more is followed by a compaction of the store, as ``oxigraph load`` and
``ftzgraph build`` do: a transaction leaves RocksDB with overlapping files that every later read merges (the
per-zone aggregate on 250k triples written by one PUT ran twice as long before the compaction as after). The
compaction runs in RocksDB's background threads and blocks no reader; the write answers when it is done."""

INPUT_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/n3": ox.RdfFormat.N3,
}


class GraphNotFoundError(FtzGraphError):
    """The named graph is not in the store."""

    def __init__(self, graph: str) -> None:
        super().__init__(f"no graph <{graph}> in the store")


class UnsupportedMediaTypeError(FtzGraphError):
    """The request body is in a format the Graph Store cannot read."""

    def __init__(self, media_type: str) -> None:
        super().__init__(f"cannot read RDF sent as {media_type!r}; send one of: {', '.join(INPUT_FORMATS)}")


class RdfSyntaxError(FtzGraphError):
    """The request body does not parse in the format its Content-Type names."""


@dataclass(frozen=True)
class GraphDocument:
    """One graph serialised for a response."""

    body: bytes
    media_type: str


def _name(graph: str | None) -> ox.NamedNode | ox.DefaultGraph:
    return ox.NamedNode(graph) if graph is not None else ox.DefaultGraph()


def graph_exists(store: OxigraphStore, graph: str | None) -> bool:
    """The default graph always exists; a named graph exists once created or given triples."""
    return graph is None or store.raw.contains_named_graph(ox.NamedNode(graph))


def read_graph(store: OxigraphStore, graph: str | None, media_type: str) -> GraphDocument:
    """The graph's triples in ``media_type`` (one of ``GRAPH_MEDIA_TYPES``)."""
    if not graph_exists(store, graph):
        raise GraphNotFoundError(str(graph))
    triples = [q.triple for q in store.raw.quads_for_pattern(None, None, None, _name(graph))]
    body = ox.serialize(triples, format=ox.RdfFormat.from_media_type(media_type)) or b""
    return GraphDocument(body, media_type)


def _format(content_type: str | None) -> tuple[str, ox.RdfFormat]:
    media_type = (content_type or "").split(";")[0].strip().lower()
    rdf_format = INPUT_FORMATS.get(media_type)
    if rdf_format is None:
        raise UnsupportedMediaTypeError(media_type or "no Content-Type")
    return media_type, rdf_format


def _ntriples(data: bytes, media_type: str, rdf_format: ox.RdfFormat, base_iri: str | None, out: IO[bytes]) -> int:
    """Write the body to ``out`` as N-Triples and return how many triples it holds; ``RdfSyntaxError`` (nothing
    written to the store yet) when it does not parse, or names a graph (JSON-LD, N3).

    Why a copy: it checks the whole body before the store is touched, resolves relative IRIs against
    ``base_iri`` (the loaders below would resolve them against a file or a URL), gives the body's blank nodes
    fresh labels (Oxigraph's bulk loader keeps labels as written, so two requests' ``_:b0`` would be one
    node), and counts the triples. Oxigraph parses and writes; Python only hands each triple on."""
    counted = 0

    def triples() -> Iterator[ox.Triple]:
        nonlocal counted
        parsed = ox.parse(data, rdf_format, base_iri=base_iri, without_named_graphs=True, rename_blank_nodes=True)
        for counted, quad in enumerate(parsed, 1):  # noqa: B007 (the count is read after the loop)
            yield quad.triple

    try:
        ox.serialize(triples(), output=out, format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as error:
        raise RdfSyntaxError(f"the {media_type} body does not parse: {error}") from error
    out.flush()
    return counted


def _has_triples(store: OxigraphStore, graph: str | None) -> bool:
    return next(iter(store.raw.quads_for_pattern(None, None, None, _name(graph))), None) is not None


def _add(store: OxigraphStore, graph: str | None, document: IO[bytes], count: int) -> None:
    """One atomic step adds the triples of ``document`` (N-Triples, checked) to the graph, parsed and written
    by Oxigraph. On an on-disk store, a large write (``COMPACT_AFTER_TRIPLES`` to ``BULK_LOAD_MAX_QUADS``) takes
    the bulk loader (one atomic ingestion, about a third of a transaction's time and half its memory), as a
    build does, and the compaction that follows settles its files before the answer; a small one takes
    ``load``, one transaction that only appends to the write-ahead log (an ingested file would change the
    store's files for a while after, and every reader's cache with them); so does a larger one."""
    if store.path is not None and COMPACT_AFTER_TRIPLES <= count <= BULK_LOAD_MAX_QUADS:
        store.bulk_load(document.name, ox.RdfFormat.N_TRIPLES, _name(graph))
    else:
        store.raw.load(path=document.name, format=ox.RdfFormat.N_TRIPLES, to_graph=_name(graph))


def _swap(store: OxigraphStore, graph: str | None, document: IO[bytes]) -> None:
    """One SPARQL update drops the graph and loads ``document`` (N-Triples, checked) into it, fetched from
    loopback (``_loopback``): readers see the old graph or the new one, and a failure leaves the old one."""
    target = f"GRAPH <{graph}>" if graph is not None else "DEFAULT"
    size = document.seek(0, 2)
    with served_document(document, size, "application/n-triples") as url:
        load = f"LOAD <{url}> INTO GRAPH <{graph}>" if graph is not None else f"LOAD <{url}>"
        store.raw.update(f"DROP SILENT {target} ; {load}")


_WRITE_LOCK = threading.Lock()
"""Graph Store writes of this process one at a time: a PUT decides between adding (the graph is empty) and
replacing from what it reads, which another write in between would make wrong."""


def _write(store: OxigraphStore, graph: str | None, data: bytes, content_type: str | None, base_iri: str | None,
           *, replace: bool) -> bool:  # fmt: skip
    """Write the body's triples into the graph (after removing its old ones when ``replace``), in one atomic
    step. Returns whether the graph is new."""
    media_type, rdf_format = _format(content_type)
    with tempfile.NamedTemporaryFile(prefix="ftzgraph-gsp-", suffix=".nt") as document:
        count = _ntriples(data, media_type, rdf_format, base_iri, document)
        with _WRITE_LOCK:
            created = not graph_exists(store, graph)
            try:
                if replace and _has_triples(store, graph):
                    _swap(store, graph, document)
                elif count:
                    _add(store, graph, document, count)
                if graph is not None:  # an empty body still makes the graph (CREATE), once the write succeeded
                    store.raw.add_graph(ox.NamedNode(graph))
            except (OSError, SyntaxError, ValueError) as error:
                raise StoreError(f"cannot write to the store at {store.path}: {error}") from error
    if count >= COMPACT_AFTER_TRIPLES:
        store.optimize()
    return created


def replace_graph(
    store: OxigraphStore, graph: str | None, data: bytes, content_type: str | None, base_iri: str | None
) -> bool:
    """PUT: the graph becomes exactly the body's triples. Returns True when the graph did not exist before."""
    return _write(store, graph, data, content_type, base_iri, replace=True)


def add_to_graph(
    store: OxigraphStore, graph: str | None, data: bytes, content_type: str | None, base_iri: str | None
) -> bool:
    """POST: the body's triples are added to the graph. Returns True when the graph did not exist before."""
    return _write(store, graph, data, content_type, base_iri, replace=False)


def delete_graph(store: OxigraphStore, graph: str | None) -> None:
    """DELETE: a named graph disappears; the default graph is emptied."""
    if not graph_exists(store, graph):
        raise GraphNotFoundError(str(graph))
    store.raw.update(f"DROP GRAPH <{graph}>" if graph is not None else "DROP DEFAULT")

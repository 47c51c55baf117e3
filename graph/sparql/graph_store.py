"""SPARQL 1.1 Graph Store HTTP Protocol operations on the store: read, replace, add to and delete one graph.

A graph is named by its IRI, or ``None`` for the store's default graph. Every write is one transaction in
which Oxigraph parses the body itself (no Python object per triple): adding is a transactional ``load``,
replacing a graph that holds triples is one SPARQL update (``DROP`` then ``LOAD`` of the body, see
``_loopback``), so a reader sees the old graph or the new one, never half of each, and a body that does not
parse leaves the store as it was.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from ftzgraph.graph.errors import FtzGraphError, StoreError
from ftzgraph.graph.sparql._loopback import served_document
from ftzgraph.graph.sparql.service import GRAPH_MEDIA_TYPES, negotiate
from ftzgraph.graph.store.oxigraph import OxigraphStore

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


def read_graph(store: OxigraphStore, graph: str | None, accept: str | None) -> GraphDocument:
    """The graph's triples in the media type ``accept`` prefers (Turtle by default); None type = 406 upstream."""
    if not graph_exists(store, graph):
        raise GraphNotFoundError(str(graph))
    media_type = negotiate(accept, GRAPH_MEDIA_TYPES)
    if media_type is None:
        raise ValueError(accept)
    triples = [q.triple for q in store.raw.quads_for_pattern(None, None, None, _name(graph))]
    body = ox.serialize(triples, format=ox.RdfFormat.from_media_type(media_type)) or b""
    return GraphDocument(body, media_type)


def _format(content_type: str | None) -> tuple[str, ox.RdfFormat]:
    media_type = (content_type or "").split(";")[0].strip().lower()
    rdf_format = INPUT_FORMATS.get(media_type)
    if rdf_format is None:
        raise UnsupportedMediaTypeError(media_type or "no Content-Type")
    return media_type, rdf_format


def _triples(data: bytes, rdf_format: ox.RdfFormat, base_iri: str | None) -> Iterator[ox.Triple]:
    """The body's triples, one at a time (a JSON-LD body naming a graph is a syntax error: SyntaxError)."""
    for quad in ox.parse(data, rdf_format, base_iri=base_iri, without_named_graphs=True):
        yield quad.triple


def _syntax_error(media_type: str, error: SyntaxError) -> RdfSyntaxError:
    return RdfSyntaxError(f"the {media_type} body does not parse: {error}")


def _has_triples(store: OxigraphStore, graph: str | None) -> bool:
    return next(iter(store.raw.quads_for_pattern(None, None, None, _name(graph))), None) is not None


def _estimated_triples(data: bytes) -> int:
    """About how many triples a body holds, without parsing it: a line each in N-Triples, and no more than one
    per 100 bytes in any syntax (decides the compaction after a large write only)."""
    return max(data.count(b"\n"), len(data) // 100)


def _add(store: OxigraphStore, graph: str | None, data: bytes, media_type: str, rdf_format: ox.RdfFormat,
         base_iri: str | None) -> None:  # fmt: skip
    """One transaction adds the body's triples: Oxigraph parses and writes them in Rust, with fresh blank
    nodes; on a syntax error nothing is written. JSON-LD and N3 can name graphs, so their triples go through
    ``extend`` with the parser told to refuse named graphs."""
    try:
        if rdf_format in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
            store.raw.load(data, rdf_format, base_iri=base_iri, to_graph=_name(graph))
        else:
            target = _name(graph)
            triples = ox.parse(data, rdf_format, base_iri=base_iri, without_named_graphs=True, rename_blank_nodes=True)
            store.raw.extend(ox.Quad(t.subject, t.predicate, t.object, target) for t in triples)
    except SyntaxError as error:
        raise _syntax_error(media_type, error) from error
    except (OSError, ValueError) as error:
        raise StoreError(f"cannot write to the store at {store.path}: {error}") from error


def _swap(store: OxigraphStore, graph: str | None, data: bytes, media_type: str, rdf_format: ox.RdfFormat,
          base_iri: str | None) -> None:  # fmt: skip
    """One update drops the graph and loads the body into it (``_loopback``): readers see the old graph or
    the new one, and a failure leaves the old one. The body goes to Oxigraph as N-Triples, which has no
    relative IRIs (the loader would resolve them against the loopback URL, not against ``base_iri``): an
    N-Triples body as it is, another syntax parsed here with ``base_iri`` and written to a temporary file,
    which also finds its syntax errors before anything is written."""
    with tempfile.TemporaryFile() as document:
        if rdf_format == ox.RdfFormat.N_TRIPLES:
            document.write(data)
        else:
            try:
                ox.serialize(_triples(data, rdf_format, base_iri), output=document, format=ox.RdfFormat.N_TRIPLES)
            except SyntaxError as error:
                raise _syntax_error(media_type, error) from error
        size = document.tell()
        target = f"GRAPH <{graph}>" if graph is not None else "DEFAULT"
        with served_document(document, size, "application/n-triples") as url:
            load = f"LOAD <{url}> INTO GRAPH <{graph}>" if graph is not None else f"LOAD <{url}>"
            try:
                store.raw.update(f"DROP SILENT {target} ; {load}")
            except (OSError, SyntaxError, ValueError) as error:
                failure: Exception = error
            else:
                return
    try:  # the store is as it was: say why, in the body's own terms when it does not parse
        for _ in _triples(data, rdf_format, base_iri):
            pass
    except SyntaxError as error:
        raise _syntax_error(media_type, error) from failure
    raise StoreError(f"cannot write to the store at {store.path}: {failure}") from failure


_WRITE_LOCK = threading.Lock()
"""Graph Store writes of this process one at a time: a PUT decides between adding (the graph is empty) and
replacing from what it reads, which another write in between would make wrong."""


def _write(store: OxigraphStore, graph: str | None, data: bytes, content_type: str | None, base_iri: str | None,
           *, replace: bool) -> bool:  # fmt: skip
    """Write the body's triples into the graph (after removing its old ones when ``replace``), in one
    transaction. Returns whether the graph is new."""
    media_type, rdf_format = _format(content_type)
    with _WRITE_LOCK:
        created = not graph_exists(store, graph)
        if replace and _has_triples(store, graph):
            _swap(store, graph, data, media_type, rdf_format, base_iri)
        else:
            _add(store, graph, data, media_type, rdf_format, base_iri)
        if graph is not None:  # an empty body still makes the graph (CREATE), once the write succeeded
            store.raw.add_graph(ox.NamedNode(graph))
    if _estimated_triples(data) >= COMPACT_AFTER_TRIPLES:
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

"""SPARQL 1.1 Graph Store HTTP Protocol operations on the store: read, replace, add to and delete one graph.

A graph is named by its IRI, or ``None`` for the store's default graph. Replacing is one SPARQL update
(``DROP`` then ``INSERT DATA``), so a reader sees the old graph or the new one, never half of each.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from ftzgraph.graph.errors import FtzGraphError
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


def read_graph(store: OxigraphStore, graph: str | None, media_type: str) -> GraphDocument:
    """The graph's triples in ``media_type`` (one of ``GRAPH_MEDIA_TYPES``)."""
    if not graph_exists(store, graph):
        raise GraphNotFoundError(str(graph))
    triples = [q.triple for q in store.raw.quads_for_pattern(None, None, None, _name(graph))]
    body = ox.serialize(triples, format=ox.RdfFormat.from_media_type(media_type)) or b""
    return GraphDocument(body, media_type)


def _parse(data: bytes, content_type: str | None, base_iri: str | None) -> list[ox.Triple]:
    media_type = (content_type or "").split(";")[0].strip().lower()
    rdf_format = INPUT_FORMATS.get(media_type)
    if rdf_format is None:
        raise UnsupportedMediaTypeError(media_type or "no Content-Type")
    try:
        return [q.triple for q in ox.parse(data, rdf_format, base_iri=base_iri, without_named_graphs=True)]
    except SyntaxError as error:
        raise RdfSyntaxError(f"the {media_type} body does not parse: {error}") from error


def _term(term: object) -> str:
    if isinstance(term, ox.Triple):
        return f"<<( {_term(term.subject)} {_term(term.predicate)} {_term(term.object)} )>>"
    return str(term)


def _write(store: OxigraphStore, graph: str | None, triples: list[ox.Triple], *, replace: bool) -> bool:
    """One update: optionally drop, then insert. Returns whether the graph is new."""
    created = not graph_exists(store, graph)
    statements = " ".join(f"{_term(t.subject)} {_term(t.predicate)} {_term(t.object)} ." for t in triples)
    target = f"GRAPH <{graph}> {{ {statements} }}" if graph is not None else statements
    parts = []
    if replace:
        parts.append(f"DROP SILENT GRAPH <{graph}>" if graph is not None else "DROP SILENT DEFAULT")
    if graph is not None:
        parts.append(f"CREATE SILENT GRAPH <{graph}>")
    parts.append(f"INSERT DATA {{ {target} }}")
    store.raw.update(" ; ".join(parts))
    if len(triples) >= COMPACT_AFTER_TRIPLES:
        store.optimize()
    return created


def replace_graph(
    store: OxigraphStore, graph: str | None, data: bytes, content_type: str | None, base_iri: str | None
) -> bool:
    """PUT: the graph becomes exactly the body's triples. Returns True when the graph did not exist before."""
    return _write(store, graph, _parse(data, content_type, base_iri), replace=True)


def add_to_graph(
    store: OxigraphStore, graph: str | None, data: bytes, content_type: str | None, base_iri: str | None
) -> bool:
    """POST: the body's triples are added to the graph. Returns True when the graph did not exist before."""
    return _write(store, graph, _parse(data, content_type, base_iri), replace=False)


def delete_graph(store: OxigraphStore, graph: str | None) -> None:
    """DELETE: a named graph disappears; the default graph is emptied."""
    if not graph_exists(store, graph):
        raise GraphNotFoundError(str(graph))
    store.raw.update(f"DROP GRAPH <{graph}>" if graph is not None else "DROP DEFAULT")

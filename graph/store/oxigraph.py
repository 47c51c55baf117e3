"""The store behind one small interface: query, update, replace a named graph atomically, list graphs.

The default is an embedded, persistent Oxigraph store on disk (``OxigraphStore``). Everything in
``graph/`` talks to it through ``Store`` only, so a remote SPARQL 1.1 server can stand in for it.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from ftzgraph.graph.errors import QueryError, StoreError
from ftzgraph.graph.runtime import deadline

Row = dict[str, Any]
# What a graph write carries: a replaced graph's triples or quads, or the triples added to a shared graph.
Statements = list[ox.Triple | ox.Quad] | list[ox.Triple]

BULK_LOAD_MAX_QUADS = 1_000_000
"""The largest write ``OxigraphStore.replace_graphs_nquads`` hands to Oxigraph's bulk loader (which writes one
set of SST files per million quads it reads and ingests them all in one step when the input ends); larger ones go
through a transaction, which keeps the memory a write holds bounded."""


class Store(Protocol):
    """What the domain needs from a store. Implementations must make ``replace_graph`` atomic."""

    def select(self, query: str, *, union_default_graph: bool = True) -> list[Row]: ...

    def ask(self, query: str, *, union_default_graph: bool = True) -> bool: ...

    def construct(self, query: str, *, union_default_graph: bool = True) -> list[ox.Triple]: ...

    def update(self, update: str) -> None: ...

    def query_document(self, query: str, media_type: str, *, union_default_graph: bool = True) -> bytes: ...

    def replace_graph(self, graph: str, quads_or_triples: Iterable[ox.Triple | ox.Quad]) -> None: ...

    def replace_graphs(
        self, graphs: dict[str, list[ox.Triple | ox.Quad]], *, add: dict[str, list[ox.Triple]] | None = None
    ) -> None: ...

    def graphs(self) -> list[str]: ...

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]: ...

    def optimize(self) -> None: ...

    def close(self) -> None: ...


_XSD = "http://www.w3.org/2001/XMLSchema#"
_CONVERTERS: dict[str, Any] = {
    **{_XSD + name: int for name in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")},
    **{_XSD + name: float for name in ("decimal", "double", "float")},
    _XSD + "boolean": lambda text: text == "true",
}


def term_value(term: Any) -> Any:
    """A Python value for an Oxigraph term: IRIs and strings as ``str``, numbers as numbers."""
    if term is None:
        return None
    if type(term) is ox.Literal:
        convert = _CONVERTERS.get(term.datatype.value)
        if convert is not None:
            with suppress(ValueError):
                return convert(term.value)
    return term.value


def split_nquads(
    graphs: Collection[str], data: bytes
) -> tuple[dict[str, list[ox.Triple | ox.Quad]], dict[str, list[ox.Triple]]]:
    """N-Quads bytes as ``replace_graphs`` takes them: (the triples of each of ``graphs``, those of others)."""
    replaced: dict[str, list[ox.Triple | ox.Quad]] = {graph: [] for graph in graphs}
    added: dict[str, list[ox.Triple]] = {}
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name.value  # type: ignore[union-attr]
        (replaced if name in replaced else added).setdefault(name, []).append(quad.triple)  # type: ignore[arg-type]
    return replaced, added


_REOPEN_PATIENCE_S = 3.0


def open_read_only(path: str) -> ox.Store:
    """Open read-only, trying again for a few seconds with growing pauses.

    Why: a read-only opening lists the writer's files and then opens them; a compaction by the writer in
    between removes one, and RocksDB reports that as corruption (``RuntimeError``) or as an ``OSError``. The
    store is not damaged: a later listing no longer names the file. A folder that is not a store fails the
    same way every time and is reported once the patience is spent.
    """
    give_up = time.monotonic() + _REOPEN_PATIENCE_S
    pause = 0.01
    while True:
        try:
            return ox.Store.read_only(path)
        except (OSError, RuntimeError):
            if time.monotonic() + pause > give_up:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _read(results: Any, convert: Any) -> list[Any]:
    """Every item of a pyoxigraph result, converted, checking the request's budget every few rows.

    On ``DeadlineExceeded`` the result objects are let go here, before the error leaves: pyoxigraph's objects
    may only be dropped on the thread that made them, and a traceback carried to the event loop holds them.
    """
    items = []
    try:
        for count, item in enumerate(results, 1):
            items.append(convert(item))
            deadline.check_rows(count)
    except deadline.DeadlineExceeded as error:
        message = str(error)
    else:
        return items
    results = item = None
    raise deadline.DeadlineExceeded(message) from None


def write_nquads(store: Store, graphs: list[str], data: bytes) -> None:
    """Replace ``graphs`` with their quads in ``data`` (N-Quads) and add its other quads (the shared entities
    graph) to theirs, atomically. The embedded store loads the bytes itself, in Rust; another store gets
    Oxigraph terms through ``Store.replace_graphs``."""
    load = getattr(store, "replace_graphs_nquads", None)
    if load is not None:
        load(graphs, data)
        return
    replaced, added = split_nquads(graphs, data)
    store.replace_graphs(replaced, add=added)


class OxigraphStore:
    """An embedded Oxigraph store; ``path=None`` keeps it in memory (tests, benchmarks)."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only and self.path is not None
        self._bulk_loaded = False
        try:
            if self.path is None:
                self.raw = ox.Store()
            elif read_only:
                self.raw = open_read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.raw = ox.Store(str(self.path))
        except (OSError, RuntimeError) as error:
            raise StoreError(f"cannot open the store at {self.path}: {error}") from error

    def _query(self, query: str, union_default_graph: bool) -> Any:
        try:
            return self.raw.query(query, use_default_graph_as_union=union_default_graph)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {error}") from error

    def select(self, query: str, *, union_default_graph: bool = True) -> list[Row]:
        with deadline.store_call():  # a server request's time limit (``deadline``), checked every few rows
            results = self._query(query, union_default_graph)
            if not isinstance(results, ox.QuerySolutions):
                raise QueryError("expected a SELECT query")
            names = [v.value for v in results.variables]
            try:
                return _read(results, lambda solution: dict(zip(names, map(term_value, solution), strict=True)))
            except deadline.DeadlineExceeded:
                del results  # as in ``_read``: not carried off this thread in the traceback
                raise

    def ask(self, query: str, *, union_default_graph: bool = True) -> bool:
        with deadline.store_call():
            results = self._query(query, union_default_graph)
            if not isinstance(results, ox.QueryBoolean):
                raise QueryError("expected an ASK query")
            return bool(results)

    def construct(self, query: str, *, union_default_graph: bool = True) -> list[ox.Triple]:
        with deadline.store_call():
            results = self._query(query, union_default_graph)
            if not isinstance(results, ox.QueryTriples):
                raise QueryError("expected a CONSTRUCT or DESCRIBE query")
            try:
                return _read(results, lambda triple: triple)
            except deadline.DeadlineExceeded:
                del results
                raise

    def query_document(self, query: str, media_type: str, *, union_default_graph: bool = True) -> bytes:
        """The answer to ``query`` serialised as ``media_type``: SPARQL results (JSON, XML, CSV, TSV) for
        SELECT/ASK, an RDF syntax for CONSTRUCT/DESCRIBE. Raises ``QueryError`` for a media type that does
        not fit the query form."""
        with deadline.store_call():
            results = self._query(query, union_default_graph)
            if isinstance(results, ox.QueryTriples):
                rdf_format = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.TURTLE
                return ox.serialize(results, format=rdf_format) or b""
            results_format = ox.QueryResultsFormat.from_media_type(media_type)
            if results_format is None:
                raise QueryError(f"a SELECT or ASK answer cannot be written as {media_type}")
            return bytes(results.serialize(format=results_format))

    def update(self, update: str) -> None:
        try:
            self.raw.update(update)
        except SyntaxError as error:
            raise QueryError(f"SPARQL update syntax error: {error}") from error

    def replace_graph(self, graph: str, quads_or_triples: Iterable[ox.Triple | ox.Quad]) -> None:
        self.replace_graphs({graph: list(quads_or_triples)})

    def replace_graphs(
        self, graphs: dict[str, list[ox.Triple | ox.Quad]], *, add: dict[str, list[ox.Triple]] | None = None
    ) -> None:
        """Swap the content of several named graphs at once, and add ``add``'s triples to theirs (the shared
        entities graph), in one transaction: readers see all old or all new, never half.

        When none of the replaced graphs exists yet (a new document), one ``extend`` call writes everything.
        Otherwise one SPARQL update request (DROP each graph, then INSERT DATA with the new triples as
        N-Triples text) does it; ``extend`` is the faster of the two, so it is used whenever it can be.
        """
        additions = add or {}
        try:
            if not any(self.raw.contains_named_graph(ox.NamedNode(graph)) for graph in graphs):
                self.raw.extend(
                    ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph))
                    for part in (graphs, additions)
                    for graph, statements in part.items()
                    for t in statements
                )
                return
            parts = []
            # one list of both kinds: the replaced graphs' statements, then the added triples
            writes: list[tuple[str, Statements]] = [*graphs.items(), *additions.items()]
            for graph, statements in writes:
                triples = [ox.Triple(t.subject, t.predicate, t.object) for t in statements]
                parts.append((graph, (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")))
            drops = " ; ".join(f"DROP SILENT GRAPH <{graph}>" for graph in graphs)
            inserts = " ".join(f"GRAPH <{graph}> {{ {body} }}" for graph, body in parts)
            self.raw.update(f"{drops} ; INSERT DATA {{ {inserts} }}")
        except (OSError, SyntaxError, ValueError) as error:
            raise StoreError(f"cannot write to the store at {self.path}: {error}") from error

    def replace_graphs_nquads(self, graphs: Collection[str], data: bytes) -> None:
        """Like ``replace_graphs``, with the quads as N-Quads bytes: the quads of ``data`` in ``graphs`` become
        their content, its quads in other graphs (the shared entities graph) are added to theirs, in one
        atomic step. The bytes are parsed in Rust, never turned into Python objects.

        New graphs of an on-disk store (the common case: a build of new documents) go through Oxigraph's bulk loader,
        which sorts the quads into SST files and ingests them with one RocksDB call instead of reading and writing each
        key in a transaction, at a fraction of ``load``'s CPU. The ingestion is atomic across RocksDB's column families,
        so readers see all of the write or none (pyoxigraph's loader ingests once, at the end of its input). Larger
        writes take the transactional ``load``, and replacing graphs that exist the SPARQL update of ``replace_graphs``.
        """
        try:
            if any(self.raw.contains_named_graph(ox.NamedNode(graph)) for graph in graphs):
                replaced, added = split_nquads(graphs, data)
                self.replace_graphs(replaced, add=added)
            elif self.path is not None and data.count(b"\n") <= BULK_LOAD_MAX_QUADS:
                if not self._bulk_loaded:
                    self._remove_unfinished_bulk_files()
                    self._bulk_loaded = True
                self.raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            else:
                self.raw.load(data, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as error:
            raise StoreError(f"cannot write to the store at {self.path}: {error}") from error

    def bulk_load(
        self, path: str, rdf_format: ox.RdfFormat, to_graph: ox.NamedNode | ox.DefaultGraph, *, lenient: bool = False
    ) -> None:
        """Oxigraph's bulk loader on a checked file (``replace_graphs_nquads`` says when its write is atomic).
        ``lenient`` skips the loader's own validation of IRIs and language tags, for data written by ftzgraph's
        serialiser (the build's stream): a syntax error still fails the load. Raises what pyoxigraph raises."""
        if not self._bulk_loaded:
            self._remove_unfinished_bulk_files()
            self._bulk_loaded = True
        self.raw.bulk_load(path=path, format=rdf_format, to_graph=to_graph, lenient=lenient)

    def _remove_unfinished_bulk_files(self) -> None:
        """Delete the SST files of a bulk load that was interrupted before RocksDB ingested them (they are
        written as ``bulk-*.sst`` in the store's folder and renamed when ingested). Safe while we hold the
        store: RocksDB's lock on the folder keeps any other writer out."""
        assert self.path is not None
        for leftover in self.path.glob("bulk-*.sst"):
            leftover.unlink(missing_ok=True)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.raw.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        name = ox.NamedNode(graph) if graph else None
        return iter(self.raw.quads_for_pattern(None, None, None, name))

    def optimize(self) -> None:
        """Compact the on-disk store after a build, as ``oxigraph load`` advises before a read-heavy workload
        (it loads without compacting and suggests ``oxigraph optimize``).

        Bulk loads and transactions leave RocksDB with overlapping files at its first level, which every read
        has to merge: a build's bulk stream leaves one per million quads in every index until this merges them.
        """
        if self.path is not None:
            try:
                self.raw.optimize()
            except OSError as error:
                raise StoreError(f"cannot optimise the store at {self.path}: {error}") from error

    def close(self) -> None:
        with suppress(AttributeError, OSError, RuntimeError):  # a read-only store has nothing to flush
            self.raw.flush()
        del self.raw

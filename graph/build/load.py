"""``ftzgraph load``: RDF files of any common syntax into the store, checked whole before anything is written.

Why two passes: Oxigraph's bulk loader is the fast way in (it sorts quads into files and ingests them whole),
but a syntax error in the middle of a file would leave what came before it in the store. So every file is
first parsed to the end (N-Triples, N-Quads, Turtle, TriG, RDF/XML or JSON-LD, chosen by extension; about a
second per million triples); a bad one is a ``LoadError`` naming it and the line, and the store has not been
touched. Then each file is bulk-loaded: straight from the file when the loader reads it as intended, through
an N-Quads copy when its blank nodes must be kept apart from other files' (the loader keeps labels as written,
so two files' ``_:b0`` would merge) or its default-graph triples moved into ``--graph``. The store is then
compacted, as a build is. A remote store gets the quads through ``replace_graphs``' staging graphs and one
``ADD`` update, so readers see all of them or none.
"""

from __future__ import annotations

import tempfile
import xml.parsers.expat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

import pyoxigraph as ox

from ftzgraph.graph.errors import FtzGraphError, StoreError
from ftzgraph.graph.store.oxigraph import OxigraphStore

FORMATS: dict[str, ox.RdfFormat] = {
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
"""File name extensions ``load`` reads, and the syntax each one means."""

Progress = Callable[[str, int, int], None]
"""Called as ``progress(phase, bytes_done, bytes_total)``; phase is "reading" then "loading"."""


class LoadError(FtzGraphError):
    """A file ``load`` cannot read; names the file and, when known, the line. The store was left unchanged."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {reason}. Nothing was loaded; the store is as it was")


@dataclass(frozen=True)
class LoadSummary:
    files: int
    quads: int
    graphs: int


class _Counting:
    """A binary file that reports how far it has been read (for the progress bar)."""

    def __init__(self, handle: IO[bytes], on_read: Callable[[int], None]) -> None:
        self.handle, self.on_read, self.done = handle, on_read, 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.done += len(data)
        self.on_read(len(data))
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readable(self) -> bool:
        return True


def rdf_format(path: Path) -> ox.RdfFormat:
    """The syntax of ``path`` by its extension; a ``LoadError`` listing the known ones otherwise."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise LoadError(path, f"unknown RDF syntax for the extension {path.suffix or '(none)'!r}; known: {known}")
    return fmt


def _xml_error_line(path: Path) -> int | None:
    """The line of the first XML well-formedness error in ``path`` (RDF/XML errors come without one)."""
    parser = xml.parsers.expat.ParserCreate()
    try:
        with path.open("rb") as handle:
            parser.ParseFile(handle)
    except xml.parsers.expat.ExpatError as error:
        return int(error.lineno)
    return None


def _syntax_error(path: Path, fmt: ox.RdfFormat, error: SyntaxError) -> LoadError:
    line = error.lineno
    if line is None and fmt == ox.RdfFormat.RDF_XML:
        line = _xml_error_line(path)
    return LoadError(path, f"invalid {fmt.name}: {error.msg}", line)


@dataclass
class _FileCheck:
    path: Path
    fmt: ox.RdfFormat
    quads: int = 0
    blank_nodes: bool = False
    default_graph: bool = False
    graphs: set[str] = field(default_factory=set)


def _quads(path: Path, fmt: ox.RdfFormat, tick: Callable[[int], None], *, rename: bool) -> Iterator[ox.Quad]:
    """The quads of ``path``; a syntax or read error becomes a ``LoadError`` naming the file and line."""
    try:
        with path.open("rb") as handle:
            base = path.resolve().as_uri()
            yield from ox.parse(
                cast(IO[bytes], _Counting(handle, tick)), format=fmt, base_iri=base, rename_blank_nodes=rename
            )
    except SyntaxError as error:
        raise _syntax_error(path, fmt, error) from error
    except UnicodeDecodeError as error:
        raise LoadError(path, f"not UTF-8 text ({error.reason} at byte {error.start})") from error
    except OSError as error:
        raise LoadError(path, f"cannot read the file: {error.strerror or error}") from error


def _check(path: Path, tick: Callable[[int], None]) -> _FileCheck:
    """Read ``path`` to the end (parsing in Rust, about a second per million triples), noting what it holds."""
    check = _FileCheck(path, rdf_format(path))
    blank, default = ox.BlankNode, ox.DefaultGraph
    for quad in _quads(path, check.fmt, tick, rename=False):
        check.quads += 1
        if not check.blank_nodes and (type(quad.subject) is blank or type(quad.object) is blank):
            check.blank_nodes = True
        name = quad.graph_name
        if type(name) is default:
            check.default_graph = True
        elif name.value not in check.graphs:  # type: ignore[union-attr]
            check.graphs.add(name.value)  # type: ignore[union-attr]
    return check


def _mapped(quads: Iterator[ox.Quad], graph: ox.NamedNode | None) -> Iterator[ox.Quad]:
    if graph is None:
        yield from quads
        return
    for quad in quads:
        yield (
            ox.Quad(quad.subject, quad.predicate, quad.object, graph)
            if type(quad.graph_name) is ox.DefaultGraph
            else quad
        )


def load_files(
    store: Any, paths: Sequence[Path], graph: str | None = None, progress: Progress | None = None
) -> LoadSummary:
    """Add the quads of ``paths`` to ``store``; triples without a graph go to ``graph`` (default: the default
    graph). Every file is read before the store is written; a bad one raises ``LoadError`` and nothing is loaded.
    """

    report = progress or (lambda phase, done, total: None)
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise LoadError(missing[0], "no such file")
    for path in paths:
        rdf_format(path)
    embedded = isinstance(store, OxigraphStore)
    total = sum(p.stat().st_size for p in paths)
    done = 0

    def tick(size: int) -> None:
        nonlocal done
        done += size
        report("reading", done, total)

    checks = [_check(path, tick) for path in paths]
    for check in checks:
        if check.default_graph and graph is None and not embedded:
            raise LoadError(
                check.path, "holds triples without a graph; a remote store takes named graphs only: give --graph IRI"
            )
    target = ox.NamedNode(graph) if graph else None
    done = 0

    def loading(size: int) -> None:
        nonlocal done
        done += size
        report("loading", done, total)

    if embedded:
        _load_embedded(store, checks, target, loading)
        report("compacting", 0, 0)
        store.optimize()
    else:
        by_graph: dict[str, list[ox.Triple]] = {}
        for check in checks:
            for quad in _mapped(_quads(check.path, check.fmt, loading, rename=True), target):
                by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)  # type: ignore[union-attr]
        store.replace_graphs({}, add=by_graph)
    names = {n for c in checks for n in c.graphs} | ({graph or ""} if any(c.default_graph for c in checks) else set())
    return LoadSummary(len(paths), sum(c.quads for c in checks), len(names))


_TRIPLE_FORMATS = {ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML}


def _load_embedded(
    store: Any, checks: list[_FileCheck], graph: ox.NamedNode | None, tick: Callable[[int], None]
) -> None:
    """Bulk-load each checked file: straight from the file when Oxigraph's loader reads it as we would (no
    blank nodes to keep apart from other files', no default-graph triples of a dataset to move into ``graph``),
    otherwise through an N-Quads copy with the blank nodes renamed and the graph applied."""

    try:
        for check in checks:
            moves_graph = graph is not None and check.default_graph and check.fmt not in _TRIPLE_FORMATS
            if not check.blank_nodes and not moves_graph:
                # From the path, not a Python reader: Oxigraph then parses the file on several threads.
                store.raw.bulk_load(
                    path=str(check.path), format=check.fmt, base_iri=check.path.resolve().as_uri(),
                    to_graph=graph if check.fmt in _TRIPLE_FORMATS else None,
                )  # fmt: skip
                tick(check.path.stat().st_size)
                continue
            folder = store.path.parent if store.path is not None else None
            with tempfile.NamedTemporaryFile(prefix="ftzgraph-load-", suffix=".nq", dir=folder) as spool:
                batch: list[ox.Quad] = []
                for quad in _mapped(_quads(check.path, check.fmt, tick, rename=True), graph):
                    batch.append(quad)
                    if len(batch) >= 100_000:
                        spool.write(ox.serialize(batch, format=ox.RdfFormat.N_QUADS) or b"")
                        batch.clear()
                spool.write(ox.serialize(batch, format=ox.RdfFormat.N_QUADS) or b"")
                spool.flush()
                store.raw.bulk_load(path=spool.name, format=ox.RdfFormat.N_QUADS)
    except (OSError, ValueError) as error:
        raise StoreError(f"cannot write to the store at {store.path}: {error}") from error

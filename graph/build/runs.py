"""Build runs: each ``ftzgraph build`` recorded as a ``prov:Activity`` (``ftz:BuildRun``) in ``graph/runs``.

A run records when it ran, the ftzgraph version, a hash of the extraction rules and lexicons, each file read
(name, SHA-256, whether its graph was added, replaced, skipped or failed), the triples added and removed per
named graph, and, for every document graph it replaced, what changed by case and field (``graph/build/run_diff.py``).
That field-level diff is what the store keeps of a replaced graph's previous version: enough for
``ftzgraph diff`` to say "case 7: agency X added" after the old triples are gone. The last ``keep_runs`` runs
are kept.

The build calls a ``RunRecorder`` at three points (start, before each write, end), so recording lives here and
``graph/build/builder.py`` stays about building. At the end the recorder also prunes the entities graph: an agency,
place or cited policy that no remaining graph refers to any more is removed, so a fact no document states is
gone (and the diff says so).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from importlib import metadata
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import XSD

from ftzgraph.graph import iris
from ftzgraph.graph.build.run_diff import Change, diff_records
from ftzgraph.graph.data_files import data_path
from ftzgraph.graph.rdf.nt_terms import T_FTZ, T_PROV, T_RDF, T_RDFS, Term, Triple, integer, iri, nquads, text
from ftzgraph.graph.store.oxigraph import OxigraphStore, Store, write_nquads
from ftzgraph.graph.views.quality_results import CaseRecord
from ftzgraph.graph.views.records import case_records
from ftzgraph.ontology.namespace import SPARQL_PREFIXES

RUNS = str(iris.RUNS_GRAPH)
ENTITIES = str(iris.ENTITIES_GRAPH)
RECORD_LINES_PER_DOCUMENT = 12
"""Quads a run's record holds for each document a build adds: its read (7) and its graph's change (5)."""
DOC_GRAPH_PREFIX = str(iris.document_graph(""))
KEEP_RUNS = 10
RULE_FOLDERS = ("lexicon", "agencies", "reference", "vocab")
"""The data folders whose files steer extraction: their bytes make a run's ``ftz:rulesHash``."""

_XSD = "http://www.w3.org/2001/XMLSchema#"


def software_version() -> str:
    try:
        return metadata.version("ftzgraph")
    except metadata.PackageNotFoundError:
        return "unknown"


def rules_hash() -> str:
    """SHA-256 over the rule, lexicon and reference files (relative path and bytes, in a stable order)."""
    root = data_path()
    digest = hashlib.sha256()
    for folder in RULE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


_DECIMAL = ox.NamedNode(_XSD + "decimal")


def _canonical(triple: ox.Triple) -> ox.Triple:
    """The triple with a decimal in its canonical form (1428.0 -> 1428), as stores keep it, so that an
    unchanged document compares equal to its stored graph."""
    obj = triple.object
    if isinstance(obj, ox.Literal) and obj.datatype == _DECIMAL:
        try:
            value = Decimal(obj.value)
        except InvalidOperation:
            return triple
        text = format(value.normalize(), "f") if value != 0 else "0"
        if text != obj.value:
            return ox.Triple(triple.subject, triple.predicate, ox.Literal(text, datatype=_DECIMAL))
    return triple


def _parse(data: bytes) -> set[ox.Triple]:
    return {_canonical(quad.triple) for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS)}


def _graph_triples(store: Store, graph: str) -> set[ox.Triple]:
    """A stored graph's triples (a store keeps decimals canonical already)."""
    return {quad.triple for quad in store.quads(graph)}


def _count(store: Store, graph: str) -> int:
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(rows[0]["n"]) if rows else 0


def _absent(store: Store, lines: bytes) -> int:
    """How many of the N-Quads ``lines`` the store does not hold."""
    if not lines:
        return 0
    if not isinstance(store, OxigraphStore):  # only an embedded store takes a bulk stream
        raise TypeError(f"lines down a bulk stream into {store!r}")
    return sum(1 for quad in ox.parse(lines, format=ox.RdfFormat.N_QUADS) if quad not in store.raw)


def records_of(store: Store, graphs: dict[str, set[ox.Triple]]) -> dict[str, list[CaseRecord]]:
    """The case records (``ftzgraph cases``) of the given document graphs, read with the shared entities they
    refer to and the reference data, grouped by document graph. Works on versions no longer in the store."""
    scratch = OxigraphStore()
    objects: set[ox.NamedNode] = set()
    for graph, triples in graphs.items():
        name = ox.NamedNode(graph)
        scratch.raw.extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
        objects.update(t.object for t in triples if isinstance(t.object, ox.NamedNode))
    scratch.raw.extend(q for q in store.quads(ENTITIES) if q.subject in objects)  # type: ignore[operator]
    scratch.raw.extend(store.quads(str(iris.REFERENCE_GRAPH)))
    grouped: dict[str, list[CaseRecord]] = {graph: [] for graph in graphs}
    for record in case_records(scratch):
        graph = str(iris.document_graph(record["id"].rsplit("-", 1)[0]))
        if graph in grouped:
            grouped[graph].append(record)
    return grouped


@dataclass
class DocumentRead:
    """One file the run read, and what became of its graph."""

    file_name: str
    sha256: str | None
    action: str
    graph: str | None = None


def document_reads(reports: Iterable[Any], digests: dict[str, str | None]) -> list[DocumentRead]:
    """The files of a build (its ``DocumentReport``s) as the run records them."""
    reads = []
    for report in reports:
        action = "failed" if report.error else "skipped" if report.skipped else "added"
        graph = str(iris.document_graph(report.doc_id)) if report.doc_id else None
        reads.append(DocumentRead(Path(report.path).name, digests.get(report.path), action, graph))
    return reads


@dataclass
class RunRecorder:
    """Collects what one build does and writes it as an ``ftz:BuildRun`` at the end (see the module docstring)."""

    store: Store
    keep_runs: int = KEEP_RUNS
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    existing: set[str] = field(default_factory=set)
    added: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    replaced: dict[str, set[ox.Triple]] = field(default_factory=dict)
    """The previous version of every document graph this run replaced."""
    gone_objects: set[ox.NamedNode] = field(default_factory=set)
    entities_before: int = 0

    def __post_init__(self) -> None:
        self.existing = set(self.store.graphs())
        self.entities_before = _count(self.store, ENTITIES) if ENTITIES in self.existing else 0

    def can_append(self) -> bool:
        """Whether ``finish`` only adds to the store (no document replaced, no run to drop), so that its record
        can go down a bulk stream with the build's last documents."""
        return not self.replaced and len(_runs(self.store)) < max(self.keep_runs, 1)

    @property
    def run_id(self) -> str:
        return self.started.strftime("%Y%m%dT%H%M%S%fZ")

    def before_write(self, graphs: dict[str, bytes]) -> None:
        """Called with what is about to replace each graph (its N-Quads): counts, and the old version of each
        document graph that exists. A new graph's lines are only counted, so recording costs a large build of
        new documents little."""
        for graph, data in graphs.items():
            if graph in self.existing:
                triples = _parse(data)
                old = _graph_triples(self.store, graph)
                self.added[graph] = self.added.get(graph, 0) + len(triples - old)
                self.removed[graph] = self.removed.get(graph, 0) + len(old - triples)
                if graph.startswith(DOC_GRAPH_PREFIX) and old != triples:
                    self.replaced[graph] = old
                    kept = {t.object for t in triples}
                    self.gone_objects.update(
                        t.object for t in old if isinstance(t.object, ox.NamedNode) and t.object not in kept
                    )
            else:
                self.added[graph] = self.added.get(graph, 0) + data.count(b"\n")
                self.removed.setdefault(graph, 0)

    def finish(
        self, reads: list[DocumentRead], *, write: Callable[[bytes], None] | None = None, unwritten: bytes = b""
    ) -> tuple[list[Change], list[Change]]:
        """Prune the entities graph, diff the replaced documents, write the run, drop runs beyond ``keep_runs``.
        Returns (changes by document and case, entities removed).

        ``write`` takes the run's N-Quads instead of the store (a bulk stream still open, see ``can_append``);
        ``unwritten`` are shared-entity lines of this build that are down that stream and not yet in the store."""
        entities_removed = prune_entities(self.store, self.gone_objects) if self.replaced else []
        after = _count(self.store, ENTITIES) + _absent(self.store, unwritten)
        pruned = sum(change.count for change in entities_removed)
        self.added[ENTITIES] = max(0, after + pruned - self.entities_before)
        self.removed[ENTITIES] = pruned
        changes: list[Change] = []
        if self.replaced:
            old = records_of(self.store, self.replaced)
            new = records_of(self.store, {g: _graph_triples(self.store, g) for g in self.replaced})
            for graph in sorted(self.replaced):
                changes.extend(diff_records(str(iris.document_of_graph(graph)), old[graph], new[graph]))
        for read in reads:
            if read.action == "added" and read.graph in self.replaced:
                read.action = "replaced"
            elif read.action == "added" and read.graph in self.existing:
                read.action = "replaced"  # rebuilt with the same triples (e.g. --force)
        record = nquads(self._triples(reads, changes + entities_removed), RUNS)
        if write is not None:
            write(record)
        else:
            write_nquads(self.store, [], record)
        trim_runs(self.store, self.keep_runs)
        return changes, entities_removed

    def _triples(self, reads: list[DocumentRead], changes: list[Change]) -> list[Triple]:
        run_iri = str(iris.run(self.run_id))
        run = iri(run_iri)
        ended = datetime.now(UTC)
        out: list[Triple] = []

        def add(s: Term, p: Term, o: Term) -> None:
            out.append((s, p, o))

        def when(moment: datetime) -> Term:
            return f"{text(moment.isoformat().replace('+00:00', 'Z'))}^^<{XSD.dateTime}>"

        add(run, T_RDF.type, T_FTZ.BuildRun)
        add(run, T_RDF.type, T_PROV.Activity)
        add(run, T_RDFS.label, text(f"build {self.started.strftime('%Y-%m-%d %H:%M:%S')} UTC"))
        add(run, T_PROV.startedAtTime, when(self.started))
        add(run, T_PROV.endedAtTime, when(ended))
        add(run, T_FTZ.softwareVersion, text(software_version()))
        add(run, T_FTZ.rulesHash, text(rules_hash()))
        for k, read in enumerate(reads, start=1):
            node = iri(f"{run_iri}/read/{k}")
            add(run, T_FTZ.documentRead, node)
            add(node, T_RDF.type, T_FTZ.DocumentRead)
            add(node, T_FTZ.readFileName, text(read.file_name))
            add(node, T_FTZ.action, text(read.action))
            if read.sha256:
                add(node, T_FTZ.readSha256, text(read.sha256))
            if read.graph:
                add(node, T_FTZ.namedGraph, iri(read.graph))
                if read.action in ("added", "replaced"):
                    add(run, T_PROV.generated, iri(str(iris.document_of_graph(read.graph))))
        for k, graph in enumerate(sorted(self.added), start=1):
            node = iri(f"{run_iri}/graph/{k}")
            add(run, T_FTZ.graphChange, node)
            add(node, T_RDF.type, T_FTZ.GraphChange)
            add(node, T_FTZ.namedGraph, iri(graph))
            add(node, T_FTZ.triplesAdded, integer(self.added[graph]))
            add(node, T_FTZ.triplesRemoved, integer(self.removed.get(graph, 0)))
        for k, change in enumerate(changes, start=1):
            node = iri(f"{run_iri}/change/{k}")
            add(run, T_FTZ.fieldChange, node)
            add(node, T_RDF.type, T_FTZ.FieldChange)
            add(node, T_RDFS.comment, text(change.text))
            add(node, T_FTZ.changedField, text(change.field))
            add(node, T_FTZ.changeKind, text(change.kind))
            if change.document:
                add(node, T_FTZ.changedDocument, iri(change.document))
            if change.case is not None:
                add(node, T_FTZ.changedCaseNumber, integer(change.case))
            if change.old is not None:
                add(node, T_FTZ.oldValue, text(change.old))
            if change.new is not None:
                add(node, T_FTZ.newValue, text(change.new))
        return out


def prune_entities(store: Store, candidates: set[ox.NamedNode]) -> list[Change]:
    """Remove from the entities graph every candidate (and what only it referred to) that no other graph and
    no kept entity refers to any more. Returns one change per removed entity."""
    removable: set[str] = set()
    frontier = {c.value for c in candidates}
    while frontier:
        values = " ".join(f"<{iri}>" for iri in sorted(frontier))
        unreferenced = {
            row["c"]
            for row in store.select(
                f"""SELECT ?c WHERE {{ VALUES ?c {{ {values} }} GRAPH <{ENTITIES}> {{ ?c ?p0 ?o0 }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?p ?c }} FILTER(?g != <{ENTITIES}>) }} }} GROUP BY ?c""",
                union_default_graph=False,
            )
        }
        referrers: dict[str, set[str]] = {c: set() for c in unreferenced}
        if unreferenced:
            listed = " ".join(f"<{iri}>" for iri in sorted(unreferenced))
            for row in store.select(
                f"SELECT ?x ?c WHERE {{ VALUES ?c {{ {listed} }} GRAPH <{ENTITIES}> {{ ?x ?p ?c }} FILTER(?x != ?c) }}",
                union_default_graph=False,
            ):
                referrers[row["c"]].add(row["x"])
        new = set(unreferenced)
        changed = True
        while changed:  # keep what a kept entity still refers to
            changed = False
            for entity in sorted(new):
                if any(x not in new and x not in removable for x in referrers[entity]):
                    new.discard(entity)
                    changed = True
        removable |= new
        if not new:
            break
        listed = " ".join(f"<{entity}>" for entity in sorted(new))
        frontier = {
            row["o"]
            for row in store.select(
                f"SELECT DISTINCT ?o WHERE {{ VALUES ?s {{ {listed} }} "
                f"GRAPH <{ENTITIES}> {{ ?s ?p ?o }} FILTER(isIRI(?o)) }}",
                union_default_graph=False,
            )
        } - removable
    if not removable:
        return []
    listed = " ".join(f"<{iri}>" for iri in sorted(removable))
    described = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?s (SAMPLE(?label) AS ?name) (SAMPLE(?type) AS ?kind) (COUNT(DISTINCT ?p) AS ?props)
  (COUNT(*) AS ?n) WHERE {{ VALUES ?s {{ {listed} }} GRAPH <{ENTITIES}> {{ ?s ?p ?o
  OPTIONAL {{ ?s rdfs:label ?label }} OPTIONAL {{ ?s a ?type FILTER(STRSTARTS(STR(?type), STR(ftz:))) }} }} }}
GROUP BY ?s ORDER BY ?s"""
    )
    counts = {
        row["s"]: int(row["n"])
        for row in store.select(
            f"SELECT ?s (COUNT(*) AS ?n) WHERE {{ VALUES ?s {{ {listed} }} "
            f"GRAPH <{ENTITIES}> {{ ?s ?p ?o }} }} GROUP BY ?s",
            union_default_graph=False,
        )
    }
    store.update(
        f"DELETE {{ GRAPH <{ENTITIES}> {{ ?s ?p ?o }} }} "
        f"WHERE {{ VALUES ?s {{ {listed} }} GRAPH <{ENTITIES}> {{ ?s ?p ?o }} }}"
    )
    removed = []
    for row in described:
        kind = str(row.get("kind") or "entity").rsplit("#", 1)[-1].lower()
        name = row.get("name") or row["s"]
        text = f"{kind} {name} removed from the entities graph (no document states it any more)"
        removed.append(Change(None, None, "entities", "removed", name, None, text, counts.get(row["s"], 0), row["s"]))
    return removed


def _runs(store: Store) -> list[str]:
    """The ids of the runs recorded in the store, oldest first."""
    rows = store.select(
        SPARQL_PREFIXES
        + f"SELECT ?run WHERE {{ GRAPH <{RUNS}> {{ ?run a ftz:BuildRun ; prov:startedAtTime ?started }} }} "
        + "ORDER BY ?started",
        union_default_graph=False,
    )
    return [row["run"].rsplit("/", 1)[-1] for row in rows]


def trim_runs(store: Store, keep: int) -> None:
    """Delete the records of all but the newest ``keep`` runs."""
    ids = _runs(store)
    for run_id in ids[: max(0, len(ids) - max(keep, 1))]:
        prefix = str(iris.run(run_id))
        store.update(
            f"DELETE {{ GRAPH <{RUNS}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{RUNS}> {{ ?s ?p ?o }} "
            f'FILTER(?s = <{prefix}> || STRSTARTS(STR(?s), "{prefix}/")) }}'
        )

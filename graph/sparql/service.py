"""SPARQL 1.1 queries and updates on the store, within limits: the domain behind the ``/sparql`` endpoint.

``SparqlService`` runs a query with a deadline and a row cap and answers serialised bytes in a negotiated
media type. Queries run on query threads (``_query_threads``): the caller gets its timeout at the deadline;
a query still running then cannot be stopped inside the process, so ``on_runaway`` is told (``ftzgraph
serve`` replaces the server process, which ends the work). A read-only opening of an on-disk store is
reopened when the store's files change, so queries see writes made by anyone (e.g. a concurrent build).
``SERVICE`` and ``LOAD`` are refused by reading the request's tokens, so the server never fetches a URL a
client names.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from ftzgraph.graph.errors import QueryError
from ftzgraph.graph.runtime.slow_work import SlowWork
from ftzgraph.graph.sparql._execute import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    Job,
    Outcome,
    execute,
)
from ftzgraph.graph.sparql._query_threads import QueryThreads
from ftzgraph.graph.sparql._text import (
    add_using_clauses,
    find_keywords,
    has_dataset_clause,
    keywords,
    query_form,
    skip_silent_loads,
)
from ftzgraph.graph.sparql.eager_count import rewrite_count
from ftzgraph.graph.sparql.limits import DEFAULT_MAX_DEPTH, DEFAULT_MAX_QUERY_CHARS, check_request
from ftzgraph.graph.sparql.result_cache import ResultCache
from ftzgraph.graph.store.oxigraph import OxigraphStore, open_read_only
from ftzgraph.graph.store.watch import StoreWatch

logger = logging.getLogger(__name__)

# Accepted media types (with common aliases) -> the canonical type we answer with; the first is the default.
RESULTS_MEDIA_TYPES: dict[str, str] = {
    "application/sparql-results+json": "application/sparql-results+json",
    "application/json": "application/sparql-results+json",
    "application/sparql-results+xml": "application/sparql-results+xml",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/csv": "text/csv",
    "text/tab-separated-values": "text/tab-separated-values",
}
GRAPH_MEDIA_TYPES: dict[str, str] = {
    "text/turtle": "text/turtle",
    "application/x-turtle": "text/turtle",
    "application/n-triples": "application/n-triples",
    "text/plain": "application/n-triples",
    "application/ld+json": "application/ld+json",
    "application/rdf+xml": "application/rdf+xml",
    "application/xml": "application/rdf+xml",
}
FORBIDDEN_IN_QUERY = {"SERVICE"}
FORBIDDEN_IN_UPDATE = {"SERVICE", "LOAD"}


def _may_name_keywords(query: str) -> bool:
    """Whether the text may hold a keyword the endpoint acts on (SERVICE, FROM); a cheap superset.

    Substring tests on the lowered text, not a regex: a case-insensitive pattern with a look-behind costs
    as much as the rest of a small query's handling in the server process.
    """
    lowered = query.lower()
    return "service" in lowered or "from" in lowered


class SparqlSyntaxError(QueryError):
    """The engine's parser rejected the text; the message carries its position (``error at line:column``)."""


class ForbiddenFeatureError(QueryError):
    """The request uses a feature this endpoint refuses (SERVICE, LOAD) or contradicts the protocol."""


class QueryTimeoutError(QueryError):
    """The query ran past the time limit and was stopped."""


class ResultFormUnavailable(QueryError):
    """None of the media types asked for can carry this query's form of result (a graph asked of a SELECT)."""

    def __init__(self, form: str | None) -> None:
        super().__init__(f"no media type asked for can carry a {form or 'query'} result")
        self.form = form


@dataclass(frozen=True)
class Limits:
    """The limits a public endpoint holds every query to."""

    timeout_ms: int = 10_000
    max_rows: int = 10_000
    union_default_graph: bool = True
    max_depth: int = DEFAULT_MAX_DEPTH
    """Nesting of ``{ [ (`` a query or update may have (``query_limits``: deeper ones crash the parser)."""
    max_query_chars: int = DEFAULT_MAX_QUERY_CHARS


@dataclass(frozen=True)
class QueryResult:
    """Serialised results: ``truncated`` says rows beyond ``Limits.max_rows`` were left out."""

    body: bytes
    media_type: str
    truncated: bool
    cached: bool = False
    """Served from the result cache (the store has not changed since it was computed)."""


def refuse_forbidden(text: str, forbidden: set[str], *, update: bool = False, words: list[str] | None = None) -> None:
    """Raise ForbiddenFeatureError when ``text`` uses one of the ``forbidden`` keywords.

    Malformed text is a syntax error first (400, as for any other request): since the engine must not see
    a request that names a URL, rdflib's SPARQL grammar checks the syntax on this (rare) path.
    """
    found = find_keywords(text, forbidden, words)
    if found:
        from pyparsing import ParseException
        from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

        try:
            (parseUpdate if update else parseQuery)(text)
        except ParseException as error:
            raise SparqlSyntaxError(f"SPARQL syntax error: {error}") from error
        raise ForbiddenFeatureError(
            f"{' and '.join(found)} refused: this endpoint never fetches a URL a request names; "
            "query the data held in this store instead"
        )


COMPACT_AFTER_UPDATE_BYTES = 1_000_000
"""An update text this long (about 10,000 triples of INSERT DATA) is followed by a compaction of the store."""


class SparqlService:
    """Queries and updates on one store with one set of limits; ``close`` lets its query threads end.

    Answers that took at least ``cache_min_ms`` are kept in a ``cache_bytes`` result cache while the on-disk
    store is unchanged (see ``result_cache``); an in-memory store has no cache. With ``eager_count``, a grouped
    COUNT over a join is evaluated with the count below the join (``eager_count``; same answers).
    """

    def __init__(
        self,
        store: OxigraphStore,
        limits: Limits,
        threads: int = 2,
        *,
        cache_bytes: int = 0,
        cache_min_ms: float = 100,
        on_runaway: Callable[[str], None] | None = None,
        slow: SlowWork | None = None,
        eager_count: bool = True,
    ) -> None:
        self.store = store
        self.limits = limits
        self.eager_count = eager_count
        on_disk = store.path is not None
        self.threads: QueryThreads[Outcome] = QueryThreads(threads, on_runaway, slow)
        self._watch = StoreWatch(str(store.path)) if on_disk else None
        if self._watch is not None:
            self._watch.changed()  # the state the store is opened in
        self._handle, self._version = store.raw, 0
        self._named_graphs: tuple[int, bool] | None = None  # (version, whether the store has named graphs)
        self.cache: ResultCache[QueryResult] = ResultCache(cache_bytes if on_disk else 0, cache_min_ms)

    def _reader(self) -> tuple[ox.Store, int]:
        """The store queries read, and a version that changes whenever its files do (a write by anyone).

        A read-only opening sees the store as it was when opened, so it is reopened after a change.
        """
        if self._watch is not None and self._watch.changed():
            self._version += 1
            if self.store.read_only:
                self._handle = open_read_only(str(self.store.path))
        return self._handle, self._version

    async def query(
        self,
        query: str,
        results_type: str | None,
        graph_type: str | None,
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        base_iri: str | None = None,
        client: str | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; the protocol dataset (``default_graphs``/``named_graphs``) overrides the query's.

        Without either, the default graph is the union of all graphs (``Limits.union_default_graph``) unless
        the query names its own dataset with FROM / FROM NAMED. ``results_type`` and ``graph_type`` are the
        media types the caller can take for solutions and for graphs (None: that family is not wanted); with
        neither, ``ResultFormUnavailable`` before evaluation; with only the other family's type (Turtle for a
        SELECT), ``ResultFormUnavailable`` from evaluation, which knows the form from the engine's answer.
        ``client`` (an address) is what slow queries are counted by (``slow_work``).
        """
        check_request(query, max_depth=self.limits.max_depth, max_chars=self.limits.max_query_chars)
        # Reading keywords costs ~100 µs per KB; most queries need none of them, which a substring test tells.
        words = keywords(query) if _may_name_keywords(query) else []
        refuse_forbidden(query, FORBIDDEN_IN_QUERY, words=words)
        if results_type is None and graph_type is None:
            raise ResultFormUnavailable(query_form(query))
        protocol_dataset = default_graphs is not None or named_graphs is not None
        store, version = self._reader()
        job = Job(
            query=query,
            rewritten=self.text_to_run(query),
            results_type=results_type,
            graph_type=graph_type,
            max_rows=self.limits.max_rows,
            base_iri=base_iri,
            union_default_graph=self.limits.union_default_graph and "FROM" not in words and self._has_named(store),
            default_graphs=tuple(default_graphs or ()) if protocol_dataset else None,
            named_graphs=tuple(named_graphs or ()) if protocol_dataset else None,
            deadline=time.monotonic() + self.limits.timeout_ms / 1000,
        )
        if not self.cache.enabled:
            return _result(await self._run(store, job, client), self.limits.timeout_ms)
        key: tuple[object, ...] = (query, results_type, graph_type, job.max_rows, base_iri, job.union_default_graph)
        key += (job.default_graphs, job.named_graphs)  # every field of the job but its deadline
        hit = self.cache.get(key, version)
        if hit is not None:
            return dataclasses.replace(hit, cached=True)
        outcome = await self._run(store, job, client)
        result = _result(outcome, self.limits.timeout_ms)
        self.cache.put(key, version, result, len(result.body), outcome.elapsed_ms)
        return result

    def text_to_run(self, query: str) -> str | None:
        """The text the engine evaluates for ``query`` when it is not ``query`` itself (None: run as written)."""
        return rewrite_count(query) if self.eager_count else None

    def _has_named(self, store: ox.Store) -> bool:
        """Whether the store holds any named graph. Without one, the union default graph is the default graph
        itself, and Oxigraph answers faster when not asked for a union (it then reads one index instead of
        merging the named graphs' with the default graph's): a store loaded into its default graph through
        the Graph Store Protocol runs the per-zone aggregate in half the time. Known per state of the files
        on disk; an in-memory store is asked each time (a few microseconds)."""
        if self._watch is not None and self._named_graphs is not None and self._named_graphs[0] == self._version:
            return self._named_graphs[1]
        named = next(iter(store.named_graphs()), None) is not None
        if self._watch is not None:
            self._named_graphs = (self._version, named)
        return named

    async def _run(self, store: ox.Store, job: Job, client: str | None = None) -> Outcome:
        try:
            return await self.threads.run(functools.partial(execute, store, job), job.deadline, job.query, client)
        except TimeoutError:
            return Outcome("timeout")

    def update(
        self,
        update: str,
        *,
        using_graphs: list[str] | None = None,
        using_named_graphs: list[str] | None = None,
        base_iri: str | None = None,
    ) -> None:
        """Run a SPARQL update in one transaction; protocol ``using-*`` graphs become USING clauses.

        ``LOAD SILENT`` is a no-op (the load fails silently since we never fetch); plain ``LOAD`` is refused.
        """
        check_request(update, max_depth=self.limits.max_depth, max_chars=None, what="update")
        update = skip_silent_loads(update)
        refuse_forbidden(update, FORBIDDEN_IN_UPDATE, update=True)
        if (using_graphs or using_named_graphs) and has_dataset_clause(update):
            raise ForbiddenFeatureError(
                "the update names its dataset with USING or WITH and the request also gives using-graph-uri or "
                "using-named-graph-uri; SPARQL 1.1 Protocol 2.2.3 forbids both, keep one"
            )
        text = add_using_clauses(update, using_graphs or [], using_named_graphs or [])
        try:
            self.store.raw.update(text, base_iri=base_iri)
        except SyntaxError as error:
            raise SparqlSyntaxError(f"SPARQL update syntax error: {error}") from error
        except RuntimeError as error:  # pyoxigraph's evaluation errors, e.g. CREATE of an existing graph
            raise QueryError(f"SPARQL update failed: {error}") from error
        if len(text) >= COMPACT_AFTER_UPDATE_BYTES:
            self.store.optimize()  # a large write, as after a Graph Store write (see graph_store)

    def close(self) -> None:
        self.threads.close()


def _result(outcome: Outcome, timeout_ms: int) -> QueryResult:
    if outcome.kind == "ok":
        return QueryResult(outcome.body, outcome.media_type, outcome.truncated)
    if outcome.kind == "syntax":
        raise SparqlSyntaxError(f"SPARQL syntax error: {outcome.message}")
    if outcome.kind == "evaluation":
        raise QueryError(f"SPARQL query failed: {outcome.message}")
    if outcome.kind == "not_acceptable":
        raise ResultFormUnavailable(outcome.message.split()[0])
    if outcome.kind == "timeout":
        raise QueryTimeoutError(
            f"query stopped after the time limit of {timeout_ms} ms (FTZGRAPH_QUERY_TIMEOUT_MS); "
            "narrow it down, add a LIMIT or raise the limit"
        )
    raise RuntimeError(f"query evaluation failed: {outcome.message}")


def describe_service(endpoint: str, media_type: str, *, union_default_graph: bool, update: bool) -> QueryResult:
    """A SPARQL 1.1 Service Description of the endpoint, as RDF in ``media_type`` (one of ``GRAPH_MEDIA_TYPES``)."""
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service, rdf_type = ox.BlankNode("service"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def about(predicate: str, value: ox.NamedNode | ox.BlankNode) -> ox.Triple:
        return ox.Triple(service, ox.NamedNode(sd + predicate), value)

    triples = [ox.Triple(service, rdf_type, ox.NamedNode(sd + "Service")), about("endpoint", ox.NamedNode(endpoint))]
    languages = ["SPARQL11Query", "SPARQL11Update"] if update else ["SPARQL11Query"]
    triples += [about("supportedLanguage", ox.NamedNode(sd + language)) for language in languages]
    formats: list[ox.QueryResultsFormat | ox.RdfFormat] = [*RESULT_FORMATS.values(), *GRAPH_FORMATS.values()]
    triples += [about("resultFormat", ox.NamedNode(f.iri)) for f in formats]
    if union_default_graph:
        triples.append(about("feature", ox.NamedNode(sd + "UnionDefaultGraph")))
    body = ox.serialize(triples, format=ox.RdfFormat.from_media_type(media_type), prefixes={"sd": sd}) or b""
    return QueryResult(body, media_type, False)

"""A ``Store`` on any SPARQL 1.1 server, through the standard protocols only (Query, Update, Graph Store).

Answers come back as the same Python values ``OxigraphStore`` gives (``term_value``), so ``graph/``
cannot tell the stores apart. Writes are atomic for readers of a document's graph: each new graph is
first PUT into a staging graph, then one SPARQL Update request swaps them all in
(``DROP SILENT GRAPH <g> ; MOVE <staging> TO <g>``), which servers run in one transaction. Only one
build writes at a time: see ``graph/store/_remote_lock.py``.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable, Iterator
from contextlib import suppress
from typing import Any

import pyoxigraph as ox

from ftzgraph.graph.errors import QueryError, StoreError
from ftzgraph.graph.store._remote_http import RemoteClient, RemoteConfig
from ftzgraph.graph.store._remote_lock import RemoteLock
from ftzgraph.graph.store.oxigraph import Row, Statements, term_value
from ftzgraph.ontology.namespace import GRAPH

STAGING_PREFIX = str(GRAPH["staging/"])
"""Named graphs under this IRI hold a build's uploads until the swap; never data anyone should read."""

RESULTS_JSON = "application/sparql-results+json"
RDF_ACCEPT = "application/n-triples, text/turtle;q=0.8, application/rdf+xml;q=0.5"
_BLANK_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def json_term(binding: dict[str, Any]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """One SPARQL JSON results binding as an Oxigraph term (accepts the old ``typed-literal`` form too)."""
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        # Servers mint ids such as ``nodeID://b10006`` that are not valid blank node labels.
        return ox.BlankNode(value if _BLANK_ID.match(value) else "b" + hashlib.sha1(value.encode()).hexdigest()[:16])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            return ox.Literal(value, language=binding["xml:lang"])
        if "datatype" in binding:
            return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
        return ox.Literal(value)
    raise StoreError(f"unsupported term in SPARQL JSON results: {binding!r}")


class RemoteStore:
    """A SPARQL 1.1 server as a ``Store``. ``config`` says where; see ``RemoteConfig.from_env``."""

    def __init__(self, config: RemoteConfig) -> None:
        self.config = config
        self.client = RemoteClient(config)
        self.lock = RemoteLock(self, config.lock_ttl_s)
        self._orphans: list[str] = []

    def __repr__(self) -> str:
        return f"RemoteStore({self.config.query_url!r})"

    # -- reading -------------------------------------------------------------------------------------

    def _query(self, query: str, accept: str, union_default_graph: bool) -> Any:
        data = {"query": query}
        if union_default_graph and self.config.union_param:
            data[self.config.union_param] = ""
        return self.client.request(
            "POST", self.config.query_url, data=data, headers={"Accept": accept}, what="SPARQL query"
        )

    def _results(self, query: str, union_default_graph: bool) -> dict[str, Any]:
        response = self._query(query, RESULTS_JSON, union_default_graph)
        try:
            result: dict[str, Any] = response.json()
        except ValueError as error:
            kind = response.headers.get("Content-Type", "?")
            raise QueryError(
                f"{self.config.query_url} did not answer with SPARQL JSON results ({kind}); "
                "is it a SELECT or ASK query, and is the URL the query endpoint?"
            ) from error
        return result

    def select(self, query: str, *, union_default_graph: bool = True) -> list[Row]:
        result = self._results(query, union_default_graph)
        if "results" not in result:
            raise QueryError("expected a SELECT query")
        names = result.get("head", {}).get("vars", [])
        return [
            {name: term_value(json_term(b[name])) if name in b else None for name in names}
            for b in result["results"].get("bindings", [])
        ]

    def ask(self, query: str, *, union_default_graph: bool = True) -> bool:
        result = self._results(query, union_default_graph)
        if "boolean" not in result:
            raise QueryError("expected an ASK query")
        return bool(result["boolean"])

    def construct(self, query: str, *, union_default_graph: bool = True) -> list[ox.Triple]:
        response = self._query(query, RDF_ACCEPT, union_default_graph)
        media = response.headers.get("Content-Type", "application/n-triples").split(";")[0].strip()
        fmt = ox.RdfFormat.from_media_type(media)
        if fmt is None:
            raise QueryError(f"{self.config.query_url} answered a CONSTRUCT with '{media}', not an RDF format")
        try:
            return [q.triple for q in ox.parse(response.content, format=fmt)]
        except SyntaxError as error:
            raise StoreError(f"cannot parse the RDF answer from {self.config.query_url}: {error}") from error

    def query_document(self, query: str, media_type: str, *, union_default_graph: bool = True) -> bytes:
        """The server's answer to ``query`` in ``media_type`` (SPARQL results or RDF), as bytes."""
        return bytes(self._query(query, media_type, union_default_graph).content)

    def ping(self) -> None:
        """Fail now, with the URL in the message, if the query endpoint does not answer."""
        self.ask("ASK {}", union_default_graph=False)

    def graphs(self) -> list[str]:
        """Named graphs holding data, without ftzgraph's own staging and lock graphs."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union_default_graph=False)
        names = (str(r["g"]) for r in rows)
        return sorted(g for g in names if not g.startswith(STAGING_PREFIX) and g != self.lock.graph)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """All quads (of one graph), like ``OxigraphStore.quads``, for exports."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        result = self._results(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}", False)
        for b in result["results"]["bindings"]:
            name = ox.NamedNode(graph) if graph else json_term(b["g"])
            yield ox.Quad(json_term(b["s"]), json_term(b["p"]), json_term(b["o"]), name)  # type: ignore[arg-type]

    # -- writing -------------------------------------------------------------------------------------

    def update(self, update: str, *, idempotent: bool = True) -> None:
        self.client.request(
            "POST", self.config.update_url, data={"update": update}, idempotent=idempotent, what="SPARQL update"
        )

    def put_graph(self, graph: str, triples: Iterable[ox.Triple | ox.Quad]) -> None:
        """Replace one graph with the Graph Store Protocol (PUT, N-Triples). Not atomic on every server."""
        statements = [t.triple if isinstance(t, ox.Quad) else t for t in triples]
        body = ox.serialize(statements, format=ox.RdfFormat.N_TRIPLES) or b""
        self.client.request(
            "PUT",
            self.config.gsp_url,
            params={"graph": graph},
            content=body,
            headers={"Content-Type": "application/n-triples"},
            what=f"Graph Store PUT of <{graph}>",
        )

    def replace_graph(self, graph: str, quads_or_triples: Iterable[ox.Triple | ox.Quad]) -> None:
        self.replace_graphs({graph: list(quads_or_triples)})

    def replace_graphs(
        self, graphs: dict[str, list[ox.Triple | ox.Quad]], *, add: dict[str, list[ox.Triple]] | None = None
    ) -> None:
        """Stage every graph, then swap them all in with one update: readers see old or new, never half.
        ``add``'s triples are staged too and added to their graphs (``ADD``) in the same update.

        Runs under the store's write lock (taken here unless the caller already holds it). A failure
        before the swap drops the staging graphs and leaves the previous graphs as they were.
        """
        if self.lock.held:
            self.lock.renew()
            self._stage_and_swap(graphs, add or {})
            return
        with self.lock:
            self._stage_and_swap(graphs, add or {})

    def _stage_and_swap(self, graphs: dict[str, list[ox.Triple | ox.Quad]], add: dict[str, list[ox.Triple]]) -> None:
        run = uuid.uuid4().hex
        staged: dict[str, str] = {}
        added: dict[str, str] = {}
        try:
            writes: list[tuple[str, Statements]] = [*graphs.items(), *add.items()]
            for i, (graph, statements) in enumerate(writes):
                if not statements:
                    continue
                staging = f"{STAGING_PREFIX}{run}/{i}"
                (staged if i < len(graphs) else added)[graph] = staging
                self.put_graph(staging, statements)
            self.lock.renew()
            operations = []
            for graph in graphs:
                operations.append(f"DROP SILENT GRAPH <{graph}>")
                if graph in staged:
                    # MOVE without SILENT: should the staging graph be missing, the whole request fails
                    # (on servers that check) instead of leaving <graph> dropped.
                    operations.append(f"MOVE <{staged[graph]}> TO <{graph}>")
            for graph, staging in added.items():
                operations += [f"ADD <{staging}> TO <{graph}>", f"DROP SILENT GRAPH <{staging}>"]
            self.update(" ;\n".join(operations), idempotent=False)
        except BaseException:
            leftovers = [*staged.values(), *added.values()]
            if not self.drop_staging(leftovers):
                self._orphans.extend(leftovers)  # the server is away: close() tries again
            raise

    def drop_staging(self, names: list[str] | None = None) -> bool:
        """Drop staging graphs (the given ones, or every one left by a crashed build); best effort.

        Finding them all scans every quad, so the lock does it only after a writer died holding it.
        Returns whether they are gone.
        """
        if names is None:
            where = f'GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{STAGING_PREFIX}"))'
            rows = self.select(f"SELECT DISTINCT ?g WHERE {{ {where} }}", union_default_graph=False)
            names = [str(r["g"]) for r in rows]
        if names:
            try:
                self.update(" ;\n".join(f"DROP SILENT GRAPH <{n}>" for n in names))
            except StoreError:
                return False
        return True

    def optimize(self) -> None:
        """Nothing to do: the engine behind the URL manages its own storage."""

    def close(self) -> None:
        """Release the write lock, but only once staging graphs left by a failure are gone.

        Otherwise the lock entry stays until it expires, and the next writer drops every staging graph.
        """
        if not self._orphans or self.drop_staging(self._orphans):
            self._orphans.clear()
            with suppress(StoreError):
                self.lock.release(completely=True)
        self.lock.stop()
        self.client.close()

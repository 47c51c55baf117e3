"""Run the vendored W3C SPARQL 1.1 test suites (tests/w3c/) against the app, through HTTP only.

Each test's data is loaded with the Graph Store Protocol (with the write token), queries go to ``/sparql``
and updates to ``/sparql/update``. Results are compared by meaning: SELECT results as multisets (sequences
when the query has ORDER BY) up to blank-node renaming, CONSTRUCT results and update datasets by graph
isomorphism. Shared by tests/test_w3c.py and scripts/w3c_report.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from ftzgraph.graph.sparql._text import find_keywords, query_form, tokenize

with warnings.catch_warnings():  # starlette asks for httpx2; the httpx-based client works the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).parent / "w3c" / "sparql11"
BASE = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"
TOKEN = "w3c-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
RDFS = rdflib.RDFS

# Which manifests make which suite (the top manifests' mf:include lists).
SUITES = {
    "query": ["manifest-sparql11-query.ttl", "manifest-sparql11-results.ttl", "manifest-sparql11-fed.ttl"],
    "update": ["manifest-sparql11-update.ttl"],
    "protocol": ["protocol/manifest.ttl"],
}
MEDIA_BY_SUFFIX = {".ttl": "text/turtle", ".nt": "application/n-triples", ".rdf": "application/rdf+xml"}


class Skip(Exception):
    """The test uses a feature the endpoint refuses on purpose (SERVICE, LOAD)."""


@dataclass(frozen=True)
class Case:
    """One W3C test: its suite, type (local name of rdf:type), id (local name) and node in its manifest graph."""

    suite: str
    kind: str
    id: str
    node: rdflib.term.Node
    graph: rdflib.Graph


def _path(iri: Any) -> Path:
    return ROOT / str(iri).removeprefix(BASE)


def _manifest(path: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(path, format="turtle", publicID=BASE + str(path.relative_to(ROOT)))
    return graph


def _entries(manifest: Path) -> Iterator[tuple[rdflib.Graph, rdflib.term.Node]]:
    graph = _manifest(manifest)
    for include in graph.objects(None, MF.include):
        for item in Collection(graph, include):
            if _path(item).is_file():
                yield from _entries(_path(item))
    for entries in graph.objects(None, MF.entries):
        for node in Collection(graph, entries):
            yield graph, node


def collect(suite: str) -> list[Case]:
    """Every test of a suite, in manifest order; syntax tests of the included manifests form suite 'syntax'."""
    cases = []
    for manifest in SUITES[suite]:
        for graph, node in _entries(ROOT / manifest):
            kind = str(graph.value(node, rdflib.RDF.type)).split("#")[-1]
            test_id = str(node).removeprefix(BASE).replace("/manifest#", "/")
            cases.append(Case("syntax" if "Syntax" in kind else suite, kind, test_id, node, graph))
    return cases


def make_client(tmp: Path) -> TestClient:
    """A fresh app on an on-disk store (the production path: queries on the server's query threads)."""
    from ftzgraph.api.app import create_app
    from ftzgraph.api.settings import Settings
    from ftzgraph.graph.store.oxigraph import OxigraphStore

    settings = Settings(
        store=tmp, write_token=TOKEN, union_default_graph=False, max_result_rows=100_000, query_workers=1
    )
    return TestClient(create_app(OxigraphStore(tmp), settings))


def _reset(client: TestClient) -> None:
    _check(
        client.post("/sparql/update", content="DROP ALL", headers={**AUTH, "Content-Type": "application/sparql-update"})
    )


def _check(response: Any) -> Any:
    if response.status_code >= 300:
        raise AssertionError(
            f"{response.request.method} {response.request.url}: {response.status_code} {response.text}"
        )
    return response


def _load(client: TestClient, file_iri: Any, graph: str | None) -> None:
    path = _path(file_iri)
    body = path.read_bytes()
    if path.suffix == ".ttl":  # the document's own base, as a file read from its URL would have
        body = f"@base <{file_iri}> .\n".encode() + body
    target = f"/store?graph={quote(graph, safe='')}" if graph else "/store?default"
    headers = {**AUTH, "Content-Type": MEDIA_BY_SUFFIX[path.suffix]}
    _check(client.post(target, content=body, headers=headers))


def _with_base(text: str, iri: Any) -> str:
    return f"BASE <{iri}>\n{text}"


# ---- comparing results ----------------------------------------------------------------------------------


def _rows_match(expected: list[dict[str, str]], actual: list[dict[str, str]], ordered: bool) -> bool:
    """Equal as multisets (or sequences) of rows, with one consistent renaming of blank nodes."""
    if len(expected) != len(actual):
        return False

    def unify(a: dict[str, str], b: dict[str, str], mapping: dict[str, str]) -> dict[str, str] | None:
        if a.keys() != b.keys():
            return None
        new = dict(mapping)
        taken = set(new.values())
        for key, left in a.items():
            right = b[key]
            if left.startswith("_:") and right.startswith("_:"):
                if left in new:
                    if new[left] != right:
                        return None
                elif right in taken:
                    return None
                else:
                    new[left] = right
                    taken.add(right)
            elif not _same_term(left, right):
                return None
        return new

    def search(index: int, used: list[bool], mapping: dict[str, str]) -> bool:
        if index == len(expected):
            return True
        candidates = [index] if ordered else range(len(actual))
        for j in candidates:
            if used[j]:
                continue
            new = unify(expected[index], actual[j], mapping)
            if new is not None:
                used[j] = True
                if search(index + 1, used, new):
                    return True
                used[j] = False
        return False

    return search(0, [False] * len(actual), {})


_TYPED = re.compile(r'^"([^"]*)"\^\^<http://www.w3.org/2001/XMLSchema#(integer|decimal|double|float|boolean)>$')


def _value(text: str) -> tuple[str, object] | None:
    """A typed literal's (datatype, value): stores keep values, not lexical forms ("1.0"^^xsd:decimal = "1")."""
    match = _TYPED.match(text)
    lexical, datatype = (match.group(1), match.group(2)) if match else (text, "csv")
    if datatype == "boolean":
        return (datatype, lexical in ("true", "1")) if lexical in ("true", "false", "1", "0") else None
    try:
        return datatype, Decimal(lexical)
    except InvalidOperation:
        return None


def _same_term(left: str, right: str) -> bool:
    if left == right:
        return True
    a, b = _value(left), _value(right)
    return a is not None and a == b


def _results(data: bytes, fmt: ox.QueryResultsFormat) -> tuple[bool | None, list[dict[str, str]]]:
    """A boolean or rows of term strings; pyoxigraph's result objects never outlive this call (they are
    bound to their thread, and a failing assertion would keep them alive in its traceback)."""
    results = ox.parse_query_results(data, fmt)
    if isinstance(results, ox.QueryBoolean):
        return bool(results), []
    names = [v.value for v in results.variables]
    return None, [{n: str(s[n]) for n in names if s[n] is not None} for s in results]


RS = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")


def _rdf_result_set(path: Path, base: str) -> tuple[set[str], list[dict[str, str]], bool | None]:
    """Rows of a result set written in the DAWG result-set vocabulary (rs:ResultSet) in Turtle or RDF/XML."""
    graph = _graph(path.read_bytes(), MEDIA_BY_SUFFIX[path.suffix], base)
    result_set = next(graph.subjects(rdflib.RDF.type, RS.ResultSet))
    boolean = graph.value(result_set, RS.boolean)
    names = {str(v) for v in graph.objects(result_set, RS.resultVariable)}
    rows = []
    for solution in graph.objects(result_set, RS.solution):
        row = {}
        for binding in graph.objects(solution, RS.binding):
            value = graph.value(binding, RS.value)
            row[str(graph.value(binding, RS.variable))] = (
                value.n3() if not isinstance(value, rdflib.BNode) else f"_:{value}"
            )
        rows.append(row)
    return names, rows, None if boolean is None else bool(boolean.toPython())


RESULT_SUFFIXES = {
    ".srx": ox.QueryResultsFormat.XML,
    ".srj": ox.QueryResultsFormat.JSON,
    ".tsv": ox.QueryResultsFormat.TSV,
}


def _graph(data: bytes, media: str, base: str | None = None) -> rdflib.Graph:
    graph = rdflib.Graph()
    fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml"}[media]
    graph.parse(data=data, format=fmt, publicID=base)
    return graph


def _compare_query_result(case: Case, result_iri: Any, response: Any, query: str) -> None:
    path = _path(result_iri)
    if path.suffix in MEDIA_BY_SUFFIX and query_form(query) in ("SELECT", "ASK"):
        _, expected_rows, boolean = _rdf_result_set(path, str(result_iri))
        actual_boolean, actual_rows = _results(response.content, ox.QueryResultsFormat.JSON)
        if boolean is not None:
            assert actual_boolean == boolean
            return
        assert _rows_match(expected_rows, actual_rows, False), f"expected {expected_rows}\nactual {actual_rows}"
        return
    if path.suffix in MEDIA_BY_SUFFIX:
        expected = _graph(path.read_bytes(), MEDIA_BY_SUFFIX[path.suffix], str(result_iri))
        actual = _graph(response.content, "application/n-triples")
        assert isomorphic(expected, actual), (
            f"graphs differ:\nexpected\n{expected.serialize()}\nactual\n{actual.serialize()}"
        )
        return
    if path.suffix == ".csv":
        expected_rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        actual_rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
        assert _rows_match(expected_rows, actual_rows, ordered=False), f"{expected_rows}\n!=\n{actual_rows}"
        return
    expected_boolean, expected_rows = _results(path.read_bytes(), RESULT_SUFFIXES[path.suffix])
    actual_boolean, actual_rows = _results(response.content, ox.QueryResultsFormat.JSON)
    assert expected_boolean == actual_boolean, f"ASK: expected {expected_boolean}, got {actual_boolean}"
    ordered = "ORDER" in find_keywords(query, {"ORDER"})
    assert _rows_match(expected_rows, actual_rows, ordered), f"expected {expected_rows}\nactual {actual_rows}"


def _referenced_graphs(query: str, base: str) -> list[str]:
    """IRIs named by FROM / FROM NAMED, resolved against the query file (BASE declarations are not followed)."""
    tokens, iris = tokenize(query), []
    for index, token in enumerate(tokens):
        if token.keyword == "FROM":
            follower = tokens[index + 1 : index + 3]
            iri = next((t.text[1:-1] for t in follower if t.kind == "iri"), None)
            if iri is not None:
                iris.append(iri if ":" in iri else base.rsplit("/", 1)[0] + "/" + iri)
    return iris


# ---- running one test -----------------------------------------------------------------------------------


def run_query_test(client: TestClient, case: Case) -> None:
    g, action = case.graph, case.graph.value(case.node, MF.action)
    query_iri = g.value(action, QT.query)
    query = _path(query_iri).read_text(encoding="utf-8")
    if find_keywords(query, {"SERVICE"}):
        raise Skip("SERVICE is refused on the public endpoint")
    _reset(client)
    for data in g.objects(action, QT.data):
        _load(client, data, None)
    for data in g.objects(action, QT.graphData):
        _load(client, data, str(data))
    for iri in _referenced_graphs(query, str(query_iri)):
        if iri.startswith(BASE) and _path(iri).is_file():
            _load(client, iri, iri)
    result = g.value(case.node, MF.result)
    accept = "text/csv" if case.kind == "CSVResultFormatTest" else "application/sparql-results+json"
    if _path(result).suffix in MEDIA_BY_SUFFIX and query_form(query) in ("CONSTRUCT", "DESCRIBE"):
        accept = "application/n-triples"
    response = _check(
        client.post(
            "/sparql",
            content=_with_base(query, query_iri).encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
        )
    )
    _compare_query_result(case, result, response, query)


def _graph_data(g: rdflib.Graph, node: Any) -> list[tuple[Any, str]]:
    return [(g.value(d, UT.graph), str(g.value(d, RDFS.label))) for d in g.objects(node, UT.graphData)]


def run_update_test(client: TestClient, case: Case) -> None:
    g, action, result = case.graph, case.graph.value(case.node, MF.action), case.graph.value(case.node, MF.result)
    _reset(client)
    for data in g.objects(action, UT.data):
        _load(client, data, None)
    for file_iri, name in _graph_data(g, action):
        _load(client, file_iri, name)
    request_iri = g.value(action, UT.request)
    update = _path(request_iri).read_text(encoding="utf-8")
    response = client.post(
        "/sparql/update",
        content=_with_base(update, request_iri).encode(),
        headers={**AUTH, "Content-Type": "application/sparql-update"},
    )
    if g.value(result, UT.result) == UT.failure or str(g.value(case.node, MF.result)).endswith("failure"):
        assert response.status_code >= 400
        return
    _check(response)
    expected: dict[str | None, rdflib.Graph] = {None: rdflib.Graph()}
    for data in g.objects(result, UT.data):
        expected[None] += _graph(_path(data).read_bytes(), MEDIA_BY_SUFFIX[_path(data).suffix], str(data))
    for file_iri, name in _graph_data(g, result):
        expected[name] = _graph(_path(file_iri).read_bytes(), MEDIA_BY_SUFFIX[_path(file_iri).suffix], str(file_iri))
    names = client.post(
        "/sparql",
        content=b"SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    actual_names = {b["g"]["value"] for b in _check(names).json()["results"]["bindings"]}
    expected_names = {name for name, graph in expected.items() if name is not None and len(graph)}
    assert actual_names == expected_names, f"named graphs {sorted(actual_names)} != {sorted(expected_names)}"
    for name, graph in expected.items():
        target = f"/store?graph={quote(name, safe='')}" if name else "/store?default"
        response = client.get(target, headers={**AUTH, "Accept": "application/n-triples"})
        actual = (
            _graph(_check(response).content, "application/n-triples") if response.status_code == 200 else rdflib.Graph()
        )
        assert isomorphic(graph, actual), (
            f"graph {name or 'default'} differs:\n{graph.serialize()}\n!=\n{actual.serialize()}"
        )


def run_syntax_test(client: TestClient, case: Case) -> None:
    """Positive tests must not be refused as syntax errors, negative ones must (400); updates run on an empty store."""
    action = case.graph.value(case.node, MF.action)
    text = _path(action).read_text(encoding="utf-8")
    update = "Update" in case.kind or _path(action).suffix == ".ru"
    _reset(client)
    path, media = ("/sparql/update", "application/sparql-update") if update else ("/sparql", "application/sparql-query")
    response = client.post(path, content=_with_base(text, action).encode(), headers={**AUTH, "Content-Type": media})
    if case.kind.startswith("Negative"):
        assert response.status_code == 400, f"{response.status_code} {response.text}"
    elif response.status_code == 403 and find_keywords(text, {"SERVICE", "LOAD"}):
        raise Skip("SERVICE / LOAD are refused on the public endpoint")
    else:  # an evaluation error on the empty store (e.g. DROP of a missing graph) is not a syntax error
        assert response.status_code < 300 or "syntax error" not in response.text, (
            f"{response.status_code} {response.text}"
        )


def run_protocol_test(client: TestClient, case: Case) -> None:
    g = case.graph
    _reset(client)
    for file_iri, name in _graph_data(g, case.node):
        _load(client, file_iri, name)
    action = g.value(case.node, MF.action)
    for request in Collection(g, g.value(action, HT.requests)):
        method, path = str(g.value(request, HT.methodName)), str(g.value(request, HT.absolutePath))
        headers = {
            str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue))
            for h in Collection(g, g.value(request, HT.headers) or rdflib.RDF.nil)
        }
        body_node = g.value(request, HT.body)
        body = b""
        if body_node is not None:
            body = str(g.value(body_node, CNT.chars)).encode(str(g.value(body_node, CNT.characterEncoding) or "utf-8"))
        query_string = path.split("?", 1)[1] if "?" in path else ""
        content_type = headers.get("content-type", "")
        is_update = (
            "sparql-update" in content_type
            or b"update=" in body
            or "update=" in query_string
            or "using-graph-uri" in query_string
            or "using-named-graph-uri" in query_string
        )
        url = ("/sparql/update" if is_update else "/sparql") + (f"?{query_string}" if query_string else "")
        response = client.request(method, url, content=body or None, headers={**AUTH, **headers})
        _check_protocol_response(g, g.value(request, HT.resp), response)


def _check_protocol_response(g: rdflib.Graph, expected: Any, response: Any) -> None:
    statuses = {str(s).rsplit("StatusCode", 1)[-1] for s in g.objects(expected, MF.expectedStatus)}
    assert f"{str(response.status_code)[0]}xx" in statuses, (
        f"status {response.status_code} not in {statuses}: {response.text}"
    )
    media = response.headers.get("content-type", "").split(";")[0]
    fmt = g.value(expected, MF.expectedFormat)
    if fmt is not None:
        allowed = {
            "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
            "tabular": {
                "application/sparql-results+json",
                "application/sparql-results+xml",
                "text/csv",
                "text/tab-separated-values",
            },
            "RDF": {"text/turtle", "application/n-triples", "application/rdf+xml"},
        }[str(fmt)]
        assert media in allowed, f"{media} is not a {fmt} format"
    boolean = g.value(expected, MF.expectedBoolean)
    if boolean is not None:
        assert json.loads(response.content)["boolean"] == boolean.toPython()


RUNNERS = {"query": run_query_test, "update": run_update_test, "syntax": run_syntax_test, "protocol": run_protocol_test}


def run(client: TestClient, case: Case) -> None:
    """Run one test: returns on pass, raises AssertionError on failure and Skip for refused features."""
    RUNNERS[case.suite](client, case)

"""The SPARQL endpoint's protocol behaviour and its answers to bad input, against the real app and store.

Every error is checked for the one JSON error body. Stores are real: a temp-dir store (the production path)
or an in-memory one; either way queries run on the server's query threads (``graph/sparql/_query_threads.py``).
"""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import pyoxigraph as ox
import pytest
import rdflib
from pydantic import SecretStr
from rdflib.compare import isomorphic

from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.errors import FtzGraphError
from ftzgraph.graph.sparql._query_threads import RUNAWAY_GRACE_S
from ftzgraph.graph.store.oxigraph import OxigraphStore

with warnings.catch_warnings():  # starlette asks for httpx2; the httpx-based client works the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DATA = """
@prefix ex: <http://example.org/> .
ex:a ex:p 1, 2, 3, 4, 5, 6, 7, 8 .
ex:a ex:label "甲"@zh .
"""
# Eight triples in one named graph, one in the default graph.
SELECT_ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
# 10^7 solutions over the ten triples: ~3 s here, well past the tests' 500 ms limit, and a runaway thread that
# ends soon after (in-process tests have no supervisor to end it; test_server.py has).
BOUNDED_HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(7)) + " }"


def make_client(store: OxigraphStore, **settings: Any) -> TestClient:
    options: dict[str, Any] = {"write_token": TOKEN, "query_workers": 1, **settings}
    return TestClient(create_app(store, Settings(**options)))


def load(client: TestClient) -> None:
    put = client.put(
        "/store?graph=http://example.org/g", content=DATA.encode(), headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert put.status_code == 201, put.text
    post = client.post(
        "/store?default",
        content=b'<http://example.org/d> <http://example.org/p> "0" .',
        headers={**AUTH, "Content-Type": "application/n-triples"},
    )
    assert post.status_code in (201, 204), post.text


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[TestClient]:
    with make_client(OxigraphStore(tmp_path / "store"), max_result_rows=5, query_timeout_ms=500) as client:
        load(client)
        yield client


@pytest.fixture
def memory() -> Iterator[TestClient]:
    with make_client(OxigraphStore(), query_timeout_ms=500) as client:
        load(client)
        yield client


def assert_error(response: Any, status: int, *fragments: str) -> None:
    """The one error body: {"error": message, "status": status}, with the message saying what went wrong."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error", "status"} and body["status"] == status
    for fragment in fragments:
        assert fragment in body["error"]


def graph_of(body: bytes, media_type: str) -> rdflib.Graph:
    """Parse with pyoxigraph (rdflib's JSON-LD parser warns), compare with rdflib."""
    triples = [q.triple for q in ox.parse(body, ox.RdfFormat.from_media_type(media_type))]
    return rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def rows(response: Any) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


# ---- the three ways to send a query, dataset, negotiation ----------------------------------------------


@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_query_three_ways(memory: TestClient, how: str) -> None:
    query = "SELECT ?o WHERE { <http://example.org/a> <http://example.org/label> ?o }"
    if how == "get":
        response = memory.get("/sparql", params={"query": query})
    elif how == "form":
        response = memory.post("/sparql", data={"query": query})
    else:
        response = memory.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert rows(response) == [{"o": "甲"}]


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (None, "application/sparql-results+json"),
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ],
)
def test_select_negotiation(memory: TestClient, accept: str | None, media_type: str) -> None:
    headers = {"Accept": accept} if accept else {}
    response = memory.get("/sparql", params={"query": "SELECT (1 AS ?one) {}"}, headers=headers)
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == media_type
    assert "1" in response.text


@pytest.mark.parametrize(
    "accept", ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
)
def test_construct_negotiation(memory: TestClient, accept: str) -> None:
    query = "CONSTRUCT WHERE { ?s <http://example.org/label> ?o }"
    response = memory.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == accept
    expected = rdflib.Graph().parse(data='<http://example.org/a> <http://example.org/label> "甲"@zh .', format="nt")
    assert isomorphic(graph_of(response.content, accept), expected)


def test_unservable_accept_is_406(memory: TestClient) -> None:
    select = memory.get("/sparql", params={"query": SELECT_ALL}, headers={"Accept": "image/png"})
    assert_error(select, 406, "image/png", "application/sparql-results+json")
    construct = memory.get("/sparql", params={"query": "CONSTRUCT WHERE {?s ?p ?o}"}, headers={"Accept": "text/csv"})
    assert_error(construct, 406, "CONSTRUCT", "text/turtle")


def test_service_description(memory: TestClient) -> None:
    response = memory.get("/sparql")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.endpoint, rdflib.URIRef("http://testserver/sparql")) in graph
    assert (None, sd.feature, sd.UnionDefaultGraph) in graph
    assert (None, sd.supportedLanguage, sd.SPARQL11Update) in graph  # a write token is set
    as_json_ld = memory.get("/sparql", headers={"Accept": "application/ld+json"})
    assert isomorphic(graph_of(as_json_ld.content, "application/ld+json"), graph)


def test_default_graph_is_the_union_unless_told_otherwise(tmp_path: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with make_client(OxigraphStore()) as union:
        load(union)
        assert rows(union.get("/sparql", params={"query": count})) == [{"n": "10"}]
        only_g = union.get("/sparql", params={"query": count, "default-graph-uri": "http://example.org/g"})
        assert rows(only_g) == [{"n": "9"}]
        from_clause = "SELECT (COUNT(*) AS ?n) FROM <http://example.org/g> WHERE { ?s ?p ?o }"
        assert rows(union.get("/sparql", params={"query": from_clause})) == [{"n": "9"}]
    with make_client(OxigraphStore(), union_default_graph=False) as own_default:
        load(own_default)
        assert rows(own_default.get("/sparql", params={"query": count})) == [{"n": "1"}]


# ---- limits -------------------------------------------------------------------------------------------


def test_timeout_answers_503_on_time_and_reports_the_runaway(tmp_path: Path) -> None:
    """The answer comes at the deadline; the query thread, which nothing can stop, is reported to the app's
    ``on_runaway`` (``ftzgraph serve`` then replaces its process: see ``test_server.py``)."""
    runaways: list[str] = []
    settings = Settings(write_token=TOKEN, query_workers=2, query_timeout_ms=500)
    with TestClient(create_app(OxigraphStore(tmp_path / "store"), settings, on_runaway=runaways.append)) as client:
        load(client)
        started = time.monotonic()
        response = client.get("/sparql", params={"query": BOUNDED_HEAVY})
        assert time.monotonic() - started < 0.5 + 1
        assert_error(response, 503, "500 ms", "FTZGRAPH_QUERY_TIMEOUT_MS")
        while not runaways and time.monotonic() - started < 0.5 + RUNAWAY_GRACE_S + 1:
            time.sleep(0.05)  # reported once still running a moment after the deadline
        assert len(runaways) == 1 and "COUNT(*)" in runaways[0]
        assert client.get("/sparql", params={"query": SELECT_ALL}).status_code == 200  # the other thread serves


def test_timeout_in_memory_answers_on_time(memory: TestClient) -> None:
    started = time.monotonic()
    assert_error(memory.get("/sparql", params={"query": BOUNDED_HEAVY}), 503, "time limit")
    assert time.monotonic() - started < 0.5 + 1


def test_row_cap_says_the_result_was_cut(disk: TestClient) -> None:
    response = disk.get("/sparql", params={"query": SELECT_ALL})
    assert response.headers["x-result-truncated"] == "true"
    assert len(response.json()["results"]["bindings"]) == 5 and response.json()["truncated"] is True
    as_csv = disk.get("/sparql", params={"query": SELECT_ALL}, headers={"Accept": "text/csv"})
    assert as_csv.headers["x-result-truncated"] == "true" and len(as_csv.text.strip().splitlines()) == 1 + 5
    construct = disk.get(
        "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"}
    )
    assert construct.headers["x-result-truncated"] == "true" and len(construct.text.strip().splitlines()) == 5
    small = disk.get("/sparql", params={"query": "SELECT ?o { ?s <http://example.org/label> ?o }"})
    assert "x-result-truncated" not in small.headers and "truncated" not in small.json()


def test_body_over_the_cap_is_413(memory: TestClient) -> None:
    big = b"#" * (20 * 1024 * 1024)
    assert_error(
        memory.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"}),
        413,
        "FTZGRAPH_MAX_BODY_BYTES",
    )
    chunked = memory.post(
        "/sparql",
        content=iter([big[:8_000_000], big[:8_000_000]]),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert_error(chunked, 413, "over the limit")
    assert memory.get("/sparql", params={"query": SELECT_ALL}).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent ?endpoint { ?s ?p ?o } }",
    ],
)
def test_service_is_refused(memory: TestClient, query: str) -> None:
    assert_error(memory.get("/sparql", params={"query": query}), 403, "SERVICE refused", "never fetches")


def test_the_word_service_elsewhere_is_fine(memory: TestClient) -> None:
    query = 'PREFIX service: <http://x/> SELECT ?service WHERE { ?service service:p "SERVICE <x>" } # SERVICE'
    assert memory.get("/sparql", params={"query": query}).status_code == 200


def test_malformed_sparql_with_service_is_a_syntax_error(memory: TestClient) -> None:
    assert_error(memory.get("/sparql", params={"query": "SELECT * { SERVICE <http://x> { ?s ?p"}), 400, "syntax")


def test_load_is_refused_and_load_silent_is_a_noop(memory: TestClient) -> None:
    update = {**AUTH, "Content-Type": "application/sparql-update"}
    assert_error(memory.post("/sparql/update", content=b"LOAD <http://127.0.0.1:9/x.ttl>", headers=update), 403, "LOAD")
    silent = b"LOAD SILENT <http://127.0.0.1:9/x> INTO GRAPH <http://e/h> ; INSERT DATA { <http://e/x> <http://e/y> 1 }"
    assert memory.post("/sparql/update", content=silent, headers=update).status_code == 204
    assert memory.get("/sparql", params={"query": "ASK { <http://e/x> ?p ?o }"}).json()["boolean"] is True


# ---- bad input ----------------------------------------------------------------------------------------


def test_syntax_error_gives_the_parser_position(memory: TestClient) -> None:
    assert_error(memory.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"}), 400, "syntax error", "1:")


def test_non_utf8_query_string_is_400(memory: TestClient) -> None:
    assert_error(memory.get("/sparql?query=SELECT%20%FF%FE"), 400, "not valid UTF-8")
    utf16 = "ASK {}".encode("utf-16")
    response = memory.post(
        "/sparql", content=utf16, headers={"Content-Type": "application/sparql-query; charset=UTF-16"}
    )
    assert_error(response, 400, "UTF-8")


def test_protocol_misuse(memory: TestClient) -> None:
    assert_error(memory.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D"), 400, "2 'query' parameters")
    assert_error(memory.post("/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"}), 415, "text/plain")
    assert_error(memory.post("/sparql", data={"nothing": "here"}), 400, "no 'query'")
    assert_error(memory.put("/sparql?query=ASK%7B%7D"), 405, "PUT")
    assert_error(memory.get("/no/such/page"), 404, "/no/such/page")
    assert_error(
        memory.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"}), 400, "absolute IRI"
    )


# ---- writes -------------------------------------------------------------------------------------------


def test_update_needs_the_token(memory: TestClient) -> None:
    body, kind = b"INSERT DATA { <http://e/s> <http://e/p> 1 }", {"Content-Type": "application/sparql-update"}
    missing = memory.post("/sparql/update", content=body, headers=kind)
    assert_error(missing, 401, "Authorization: Bearer")
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = memory.post("/sparql/update", content=body, headers={**kind, "Authorization": "Bearer nope"})
    assert_error(wrong, 403, "not the server's write token")
    assert memory.post("/sparql/update", content=body, headers={**kind, **AUTH}).status_code == 204
    assert memory.post("/sparql/update", data={"update": "CLEAR DEFAULT"}, headers=AUTH).status_code == 204


def test_writes_are_off_without_a_token() -> None:
    with TestClient(create_app(OxigraphStore(), Settings())) as client:
        update = client.post(
            "/sparql/update", content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}
        )
        assert_error(update, 403, "writes are disabled", "FTZGRAPH_WRITE_TOKEN")
        assert_error(client.get("/store?default", headers=AUTH), 403, "writes are disabled")
        description = rdflib.Graph().parse(data=client.get("/sparql").content, format="turtle")
        assert "SPARQL11Update" not in description.serialize(format="nt")


def test_blank_token_is_refused_at_startup() -> None:
    with pytest.raises(pydantic.ValidationError, match="blank"):
        Settings(write_token="  ")
    with pytest.raises(FtzGraphError, match="non-blank"):
        create_app(OxigraphStore(), Settings.model_construct(write_token=SecretStr("   ")))


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FTZGRAPH_QUERY_TIMEOUT_MS", "250")
    monkeypatch.setenv("FTZGRAPH_UNION_DEFAULT_GRAPH", "false")
    monkeypatch.setenv("FTZGRAPH_CORS_ORIGINS", "https://a.example, https://b.example")
    settings = Settings()
    assert settings.query_timeout_ms == 250 and settings.union_default_graph is False
    assert settings.cors_origins == ["https://a.example", "https://b.example"]
    assert settings.store == Path("ftzgraph-store") and not settings.writes_enabled


def test_cors_is_on_for_get(memory: TestClient) -> None:
    response = memory.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://elsewhere.example"})
    assert response.headers["access-control-allow-origin"] == "*"


def test_a_browser_preflight_on_the_endpoint_is_answered(memory: TestClient) -> None:
    preflight = memory.options(
        "/sparql", headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"}
    )
    assert preflight.status_code == 200
    assert "GET" in preflight.headers["access-control-allow-methods"]


def test_head_on_the_endpoint_gives_the_headers_of_get(disk: TestClient) -> None:
    get, head = (getattr(disk, verb)("/sparql", params={"query": SELECT_ALL}) for verb in ("get", "head"))
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and get.content
    for name in ("content-type", "content-length", "x-result-truncated"):
        assert head.headers[name] == get.headers[name]


def test_openapi_describes_the_endpoint(memory: TestClient) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Duplicate Operation ID", category=UserWarning)
        spec = memory.get("/openapi.json").json()
    endpoint = spec["paths"]["/sparql"]
    assert {p["name"] for p in endpoint["get"]["parameters"]} == {
        "query",
        "default-graph-uri",
        "named-graph-uri",
        "format",
        "output",
    }
    assert "application/sparql-query" in endpoint["post"]["requestBody"]["content"]
    assert "/sparql/update" in spec["paths"]


# ---- Graph Store Protocol -----------------------------------------------------------------------------


def test_graph_store_round_trip(disk: TestClient) -> None:
    target, turtle = "/store?graph=http://example.org/new", {**AUTH, "Content-Type": "text/turtle"}
    assert disk.put(target, content=b"<http://e/a> <http://e/b> 1 .", headers=turtle).status_code == 201
    assert disk.put(target, content=b"<http://e/a> <http://e/b> 2 .", headers=turtle).status_code == 204
    assert disk.post(target, content=b"<http://e/a> <http://e/b> 3 .", headers=turtle).status_code == 204
    got = disk.get(target, headers={**AUTH, "Accept": "application/n-triples"})
    expected = rdflib.Graph().parse(data="<http://e/a> <http://e/b> 2, 3 .", format="turtle")
    assert isomorphic(rdflib.Graph().parse(data=got.content, format="nt"), expected)
    assert disk.head(target, headers=AUTH).status_code == 200
    assert disk.delete(target, headers=AUTH).status_code == 204
    assert_error(disk.get(target, headers=AUTH), 404, "http://example.org/new")
    asked = disk.get("/sparql", params={"query": "ASK { GRAPH <http://example.org/new> { ?s ?p ?o } }"})
    assert json.loads(asked.content)["boolean"] is False


def test_graph_store_bad_input(memory: TestClient) -> None:
    assert_error(memory.get("/store", headers=AUTH), 400, "?graph=")
    assert_error(memory.get("/store?default&graph=http://e/g", headers=AUTH), 400, "name one graph")
    bad_type = memory.put("/store?default", content=b"{}", headers={**AUTH, "Content-Type": "application/x-yaml"})
    assert_error(bad_type, 415, "application/x-yaml")
    bad_turtle = memory.put(
        "/store?default", content=b"<http://e/a> <http://e/b> .", headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert_error(bad_turtle, 400, "does not parse")
    assert_error(memory.get("/store?default", headers={**AUTH, "Accept": "image/png"}), 406, "image/png")


def test_a_browser_on_the_endpoint_gets_the_query_editor(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """GET /sparql with no query: a SPARQL client gets the Service Description, a browser the editor."""
    from fastapi.testclient import TestClient

    from ftzgraph.api.app import create_app
    from ftzgraph.api.settings import Settings
    from ftzgraph.graph.store.oxigraph import OxigraphStore

    with TestClient(create_app(OxigraphStore(None), Settings(store=tmp_path)), follow_redirects=False) as client:
        browser = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        assert browser.status_code == 303 and browser.headers["location"] == "/query"
        client_sd = client.get("/sparql", headers={"Accept": "text/turtle"})
        assert client_sd.status_code == 200
        assert "Service" in client_sd.text


def test_repeated_query_is_answered_from_the_cache_until_a_write(tmp_path: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with make_client(OxigraphStore(tmp_path / "store"), result_cache_min_ms=0) as client:
        load(client)
        first = client.get("/sparql", params={"query": count})
        assert "x-cache" not in first.headers
        # The store may still settle (a background flush after the load): the next answers come from the cache.
        again = [client.get("/sparql", params={"query": count}) for _ in range(3)]
        assert again[-1].headers["x-cache"] == "hit" and again[-1].json() == first.json()
        as_csv = client.get("/sparql", params={"query": count}, headers={"Accept": "text/csv"})
        assert "x-cache" not in as_csv.headers and as_csv.text.startswith("n")  # another format, another entry
        added = client.post(
            "/store?default",
            content=b'<http://example.org/e> <http://example.org/p> "1" .',
            headers={**AUTH, "Content-Type": "application/n-triples"},
        )
        assert added.status_code == 204
        after = client.get("/sparql", params={"query": count})
        assert "x-cache" not in after.headers
        n = int(after.json()["results"]["bindings"][0]["n"]["value"])
        assert n == int(first.json()["results"]["bindings"][0]["n"]["value"]) + 1


def test_the_endpoint_answers_behind_a_path_prefix() -> None:
    """Behind a proxy that serves the app under /kg (uvicorn --root-path /kg), /kg/sparql is the endpoint."""
    with TestClient(create_app(OxigraphStore(), Settings()), root_path="/kg") as client:
        response = client.get("/kg/sparql", params={"query": "ASK {}"})
        assert response.status_code == 200 and response.json()["boolean"] is True


def test_a_read_only_server_sees_what_another_process_writes(tmp_path: Path) -> None:
    """``ftzgraph serve`` opens the store read-only while a build may write to it: queries see the new data."""
    writer = ox.Store(str(tmp_path / "store"))
    quad = ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal("1"))
    writer.add(quad)
    writer.flush()
    store = OxigraphStore(tmp_path / "store", read_only=True)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with TestClient(create_app(store, Settings(query_workers=1))) as client:
        assert rows(client.get("/sparql", params={"query": count})) == [{"n": "1"}]
        writer.add(ox.Quad(quad.subject, quad.predicate, ox.Literal("2")))
        writer.flush()
        assert rows(client.get("/sparql", params={"query": count})) == [{"n": "2"}]


def test_the_rest_routes_and_pages_of_a_read_only_server_see_another_process_writes(tmp_path: Path) -> None:
    """The REST lists and the case pages read the store as it is now, like ``/sparql``: a case another
    process (here a second, writing handle) adds after the server started is listed and has its page."""

    def _case_data(doc: str, number: int) -> str:
        ident = "https://w3id.org/ftzgraph/id/"
        case, ftz, dc = (
            f"<{ident}case/{doc}-{number}>",
            "https://w3id.org/ftzgraph/ontology#",
            "http://purl.org/dc/terms/",
        )
        return (
            f"GRAPH <{ident}graph/{doc}> {{ {case} a <{ftz}Case> ; <{dc}isPartOf> <{ident}doc/{doc}> ; "
            f'<{ftz}caseNumber> {number} ; <{dc}identifier> "{doc}-{number}" ; <{dc}title> "案例{number}"@zh . }}'
        )

    writer = ox.Store(str(tmp_path / "store"))
    writer.update("INSERT DATA { " + _case_data("a", 1) + " }")
    writer.flush()
    store = OxigraphStore(tmp_path / "store", read_only=True)
    with TestClient(create_app(store, Settings(query_workers=1))) as client:
        assert [c["id"] for c in client.get("/cases").json()["data"]] == ["a-1"]
        assert client.get("/cases/b-2").status_code == 404
        writer.update("INSERT DATA { " + _case_data("b", 2) + " }")
        writer.flush()
        listed = client.get("/cases").json()
        assert listed["count"] == 2 and [c["id"] for c in listed["data"]] == ["a-1", "b-2"]
        assert client.get("/cases/b-2").json()["title"] == "案例2"
        assert "案例2" in client.get("/id/case/b-2", headers={"Accept": "text/html"}).text

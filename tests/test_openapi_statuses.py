"""The OpenAPI document lists every status each route answers: each route is sent the requests that provoke
its statuses (unknown ids, bad parameters, no or a wrong token, bad media types, a body over the cap, a
deadline that has passed), and every status seen must be listed for that route and method. Then schemathesis
explores the API from the document for a bounded number of examples."""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from _client import TestClient

from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.store.oxigraph import OxigraphStore

TOKEN = "token-for-tests"


@pytest.fixture(scope="module")
def own_store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """The bundled document in a store of this module's own: its requests write (and clear) it."""
    from ftzgraph.graph.build.builder import build

    store = OxigraphStore(tmp_path_factory.mktemp("statuses") / "store")
    build(store, validate=False)
    return store


@pytest.fixture(scope="module")
def spec(own_store: OxigraphStore) -> dict[str, Any]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Duplicate Operation ID", category=UserWarning)
        return create_app(own_store, Settings(write_token=TOKEN)).openapi()


def _client(store: OxigraphStore, **settings: Any) -> Iterator[TestClient]:
    app = create_app(store, Settings(query_workers=1, **{"write_token": TOKEN, **settings}))
    with TestClient(app, follow_redirects=False) as client:
        yield client


def _real_values(client: TestClient) -> dict[str, str]:
    case = client.get("/cases", params={"limit": 1}).json()["data"][0]
    values = {
        "case_id": case["id"],
        "reform_id": client.get("/reforms", params={"limit": 1}).json()["data"][0]["id"],
        "agency_id": client.get("/agencies", params={"limit": 1}).json()["data"][0]["id"],
        "zone_id": client.get("/zones").json()["data"][0]["id"],
        "kind": "agencies",
    }
    values["path"] = case.get("iri", "").split("/id/", 1)[-1] or "case/x"
    return values


def _fill(path: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        path = path.replace("{" + name + "}", value)
    return path


def _requests(spec: dict[str, Any], values: dict[str, str]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(path template, method, URL, request options) that between them provoke each status of each route."""
    unknown = dict.fromkeys(values, "no-such-thing")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for template, operations in spec["paths"].items():
        for method, operation in operations.items():
            integers = [p["name"] for p in operation.get("parameters", []) if p["schema"].get("type") == "integer"]
            for url in {_fill(template, values), _fill(template, unknown)}:
                yield template, method, url, {}
                yield template, method, url, {"headers": {"Accept": "application/x-nothing"}}
                yield template, method, url, {"headers": {"Accept": "text/html"}}
                yield template, method, url, {"headers": {"Authorization": "Bearer wrong"}}
                yield template, method, url, {"headers": {**auth, "Content-Type": "image/png"}, "content": b"x"}
                yield template, method, url, {"headers": {**auth, "Content-Type": "text/turtle"}, "content": b"<"}
                for name in integers:
                    yield template, method, url, {"params": {name: -1}}
            if template == "/store":
                for params in ({"graph": "http://example.org/g"}, {"default": ""}, {}):
                    yield template, method, template, {"params": params, "headers": auth}
                yield (
                    template,
                    method,
                    template,
                    {
                        "params": {"graph": "http://x/g"},
                        "headers": {**auth, "Content-Type": "text/turtle"},
                        "content": b"<a> <b> <c> .",
                    },
                )
            if template in ("/sparql", "/sparql/update"):
                body = "SELECT * WHERE { ?s ?p ?o } LIMIT 1" if template == "/sparql" else "CLEAR ALL"
                kind = "query" if template == "/sparql" else "update"
                yield template, method, template, {"params": {kind: body}}
                yield (
                    template,
                    method,
                    template,
                    {"headers": {**auth, "Content-Type": f"application/sparql-{kind}"}, "content": body},
                )
                yield (
                    template,
                    method,
                    template,
                    {"headers": {**auth, "Content-Type": f"application/sparql-{kind}"}, "content": "SELECT * WHERE {"},
                )
                yield (
                    template,
                    method,
                    template,
                    {"params": {kind: "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"}},
                )


def _seen(client: TestClient, spec: dict[str, Any], values: dict[str, str]) -> dict[tuple[str, str], set[str]]:
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for template, method, url, options in _requests(spec, values):
        answer = client.request(method.upper(), url, **options)
        seen[(template, method)].add(str(answer.status_code))
    return seen


def test_every_status_a_route_answers_is_in_the_openapi_document(
    own_store: OxigraphStore, spec: dict[str, Any]
) -> None:
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for settings in ({}, {"query_timeout_ms": 1}, {"max_body_bytes": 1}, {"write_token": None}):
        for client in _client(own_store, **settings):
            if not settings:
                values = _real_values(client)
            for key, statuses in _seen(client, spec, values).items():
                seen[key] |= statuses
    missing = {
        f"{method.upper()} {template}": sorted(statuses - set(spec["paths"][template][method]["responses"]))
        for (template, method), statuses in seen.items()
        if statuses - set(spec["paths"][template][method]["responses"])
    }
    assert missing == {}
    everything = set().union(*seen.values())
    # the requests did provoke the statuses this test is about
    assert {"200", "201", "204", "303", "400", "401", "403", "404", "406", "413", "415", "422", "503"} <= everything


def test_schemathesis_finds_no_undocumented_status_or_server_error(built_store: OxigraphStore) -> None:
    """schemathesis generates requests from the OpenAPI document (a bounded number per operation) and checks
    each answer: no 5xx but the documented 503, a documented status, a documented content type."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings

    app = create_app(built_store, Settings(query_workers=1, write_token=TOKEN))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Duplicate Operation ID", category=UserWarning)
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    checks = [schemathesis.checks.not_a_server_error, schemathesis.specs.openapi.checks.status_code_conformance]
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path in ("/store", "/sparql/update"):
            continue  # writes would change the shared store; their statuses are checked above

        @settings(max_examples=8, phases=[Phase.generate], deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            response = case.call()
            try:
                case.validate_response(response, checks=checks)
            except AssertionError as error:
                failures.append(f"{case.method} {case.formatted_path}: {str(error)[:300]}")

        run()
    assert failures == []

"""Behind a path prefix (``ftzgraph serve --root-path /ftzgraph``): pages, API docs and /health follow it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.store.oxigraph import OxigraphStore

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

PREFIX = "/ftzgraph"


@pytest.fixture(scope="module")
def client(built_store: OxigraphStore) -> Iterator[Any]:
    app = create_app(built_store, Settings(query_workers=1, write_token=None))
    with TestClient(app, root_path=PREFIX) as test_client:
        yield test_client


def test_pages_link_relative_to_the_prefix(client: Any) -> None:
    html = client.get(PREFIX + "/", headers={"Accept": "text/html"}).text
    assert f'<base href="{PREFIX}/">' in html
    assert 'href="/' not in html.replace('<base href="/', "") and 'src="/' not in html


def test_api_docs_load_the_vendored_files_under_the_prefix(client: Any) -> None:
    docs = client.get(PREFIX + "/docs").text
    assert f"{PREFIX}/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert f"{PREFIX}/openapi.json" in docs and "cdn" not in docs and '"validatorUrl": null' in docs
    redoc = client.get(PREFIX + "/redoc").text
    assert f"{PREFIX}/static/vendor/redoc/redoc.standalone.js" in redoc and "fonts.googleapis" not in redoc
    assert client.get(PREFIX + "/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_health_names_the_store_and_counts_its_triples(client: Any, built_store: OxigraphStore) -> None:
    health = client.get(PREFIX + "/health").json()
    assert health["status"] == "ok" and health["read_only"] is False
    assert health["triples"] == len(built_store.raw) > 1000
    assert health["graphs"] == len(built_store.graphs())


def test_the_sparql_endpoint_sends_a_browser_to_the_query_page_under_the_prefix(client: Any) -> None:
    answer = client.get(PREFIX + "/sparql", headers={"Accept": "text/html"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == f"{PREFIX}/query"

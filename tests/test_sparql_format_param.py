"""``/sparql?format=`` and ``output=``: the results format for clients that cannot send Accept."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from _client import client_for

from ftzgraph.graph.store.oxigraph import OxigraphStore

CASE = "<https://w3id.org/ftzgraph/ontology#Case>"
SELECT = (
    "PREFIX dct: <http://purl.org/dc/terms/> "
    + f"SELECT ?case ?title WHERE {{ ?case a {CASE} ; dct:title ?title }} ORDER BY ?case LIMIT 5"
)
CONSTRUCT = f"CONSTRUCT {{ ?c a {CASE} }} WHERE {{ ?c a {CASE} }} LIMIT 3"


@pytest.fixture(scope="module")
def client(built_store: OxigraphStore) -> Iterator[Any]:
    with client_for(built_store) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("name", "value", "media_type"),
    [
        ("format", "csv", "text/csv"),
        ("output", "csv", "text/csv"),
        ("format", "tsv", "text/tab-separated-values"),
        ("format", "json", "application/sparql-results+json"),
        ("output", "xml", "application/sparql-results+xml"),
        ("format", "text/csv", "text/csv"),
    ],
)
def test_select_results_in_the_asked_format(client: Any, name: str, value: str, media_type: str) -> None:
    answer = client.get("/sparql", params={"query": SELECT, name: value}, headers={"Accept": "text/html"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media_type)


def test_csv_by_parameter_reads_as_a_table_with_the_chinese_titles(client: Any) -> None:
    text = client.get("/sparql", params={"query": SELECT, "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5 and all(row["case"].startswith("https://w3id.org/ftzgraph/id/case/") for row in rows)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rows[0]["title"])


def test_graph_results_follow_the_same_names(client: Any) -> None:
    assert (
        client.get("/sparql", params={"query": CONSTRUCT, "format": "xml"})
        .headers["content-type"]
        .startswith("application/rdf+xml")
    )
    assert (
        client.get("/sparql", params={"query": CONSTRUCT, "format": "json"})
        .headers["content-type"]
        .startswith("application/ld+json")
    )
    assert client.get("/sparql", params={"query": CONSTRUCT, "format": "csv"}).status_code == 406


def test_an_unknown_format_is_a_clear_400(client: Any) -> None:
    answer = client.get("/sparql", params={"query": SELECT, "format": "excel"})
    assert answer.status_code == 400
    assert "unknown format 'excel'" in answer.json()["error"] and "csv" in answer.json()["error"]

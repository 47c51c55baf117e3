"""REST lists as JSON, CSV and JSON Lines (suffix, ``?format=``, ``Accept``), with next/prev links."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from _client import client_for

from ftzgraph.graph.store.oxigraph import OxigraphStore


@pytest.fixture(scope="module")
def client(built_store: OxigraphStore) -> Iterator[Any]:
    with client_for(built_store) as test_client:
        yield test_client


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("path", "headers"),
    [("/cases.csv", {}), ("/cases?format=csv", {}), ("/cases", {"Accept": "text/csv"})],
)
def test_cases_as_csv_three_ways(client: Any, path: str, headers: dict[str, str]) -> None:
    answer = client.get(path, headers=headers)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    rows = _rows(answer.text)
    everything = client.get("/cases?limit=500").json()
    assert len(rows) == min(50, everything["count"])
    assert rows[0]["id"] == everything["data"][0]["id"] and rows[0]["title"] == everything["data"][0]["title"]
    assert json.loads(rows[0]["provider"])["label"] == everything["data"][0]["provider"]["label"]  # nested: JSON


def test_jsonl_has_one_item_per_line(client: Any) -> None:
    for answer in (client.get("/agencies.jsonl"), client.get("/agencies", headers={"Accept": "application/x-ndjson"})):
        assert answer.headers["content-type"] == "application/x-ndjson"
        lines = answer.text.splitlines()
        assert [json.loads(line)["id"] for line in lines] == [a["id"] for a in client.get("/agencies").json()["data"]]


def test_json_suffix_and_next_prev_links(client: Any) -> None:
    count = client.get("/cases").json()["count"]
    first = client.get("/cases.json?limit=10")
    body = first.json()
    assert len(body["data"]) == 10 and body["prev"] is None
    assert body["next"].endswith("/cases.json?limit=10&offset=10")
    assert 'rel="next"' in first.headers["link"]
    last = client.get(f"/cases?limit=10&offset={count - 3}").json()
    assert last["next"] is None and last["prev"].endswith(f"/cases?limit=10&offset={count - 13}")
    # following next from the start visits every case once
    seen, url = [], "/cases?limit=10"
    while url:
        page = client.get(url).json()
        seen += [case["id"] for case in page["data"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == count


def test_csv_pages_carry_a_link_header(client: Any) -> None:
    answer = client.get("/cases.csv?limit=5&offset=5")
    assert '/cases.csv?limit=5&offset=10>; rel="next"' in answer.headers["link"]
    assert '/cases.csv?limit=5&offset=0>; rel="prev"' in answer.headers["link"]


def test_errors_stay_json_and_other_paths_are_untouched(client: Any) -> None:
    bad = client.get("/cases.csv?limit=0")
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/json")
    assert client.get("/stats.csv").status_code == 404
    assert (
        client.get("/search", params={"q": "海关"}, headers={"Accept": "text/html"})
        .headers["content-type"]
        .startswith("text/html")
    )
    assert _rows(client.get("/search.csv", params={"q": "海关"}).text)[0]["label"]


def test_openapi_describes_the_formats_of_the_lists(client: Any) -> None:
    client.get("/openapi.json")
    spec = client.get("/openapi.json").json()  # the schema is cached: asked twice, described once
    cases = spec["paths"]["/cases"]["get"]
    assert [p["name"] for p in cases["parameters"]].count("format") == 1
    assert {"text/csv", "application/x-ndjson"} <= set(cases["responses"]["200"]["content"])
    assert "Link" in cases["responses"]["200"]["headers"]


def test_the_links_are_added_to_the_routes_json_without_reading_it_and_only_at_its_end() -> None:
    """The JSON of a list gets its links at the end when its last member is the top-level count; any other
    shape (a count inside an item, a count-like text in a string) is decoded as before."""
    from ftzgraph.api.list_formats import _trailing_count, _with_links

    body = b'{"data":[{"title":"a,\\"count\\":9}"}],"count":12}'
    assert _trailing_count(body) == 12
    joined = json.loads(_with_links(body, {"next": "http://h/cases?offset=1", "prev": None}))
    assert joined == {**json.loads(body), "next": "http://h/cases?offset=1", "prev": None}
    assert _trailing_count(b'{"data":[{"x":1,"count":5}]}') is None
    assert _trailing_count(b'{"data":[],"count":3,"more":1}') is None

"""The API and the case page show learned-from relations by name (Chinese and English) and conflicts with both
sources; ``/conflicts`` lists every conflict."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from _client import client_for

from ftzgraph.graph import iris
from ftzgraph.graph.store.oxigraph import OxigraphStore

pytestmark = pytest.mark.slow
CASE_2 = "d1fc55f7e367a-2"  # claims best-practice batch 1; the reference (an independent source) says batch 3
CASE_9 = "d1fc55f7e367a-9"  # 自行复制 …


@pytest.fixture(scope="module")
def client(built_store: OxigraphStore) -> Iterator[Any]:
    with client_for(built_store) as c:
        yield c


def test_lineage_names_each_relation_in_both_languages(client: Any) -> None:
    data = client.get(f"/cases/{CASE_2}/lineage").json()
    relations = {(e["relation"], e["relation_zh"], e["relation_en"]) for e in data["learned_from"]}
    assert ("copies_national_item", "复制国家推广事项", "copies a national item") in relations
    assert ("borrows_zone_case", "借鉴自贸区案例", "borrows a zone's case") in relations
    assert all(0 <= e["confidence"] <= 1 and e["evidence"]["quote"] for e in data["learned_from"])
    conflict = data["conflicts"][0]
    assert conflict["comment_zh"].startswith("批次不一致") and "batch 3" in conflict["comment"]
    assert conflict["document"] == str(iris.document("d1fc55f7e367a")) and conflict["sources"]


def test_case_detail_carries_learned_from(client: Any) -> None:
    data = client.get(f"/cases/{CASE_9}").json()
    assert [(e["relation"], e["target"]) for e in data["lineage"]["learned_from"]] == [
        ("self_initiated", "知识产权质押融资")
    ]


def test_conflicts_lists_all_with_both_sources(client: Any) -> None:
    data = client.get("/conflicts").json()
    assert data["count"] == len(data["data"]) >= 1
    for conflict in data["data"]:
        assert conflict["message_zh"] and conflict["message_en"]
        assert conflict["document"]["iri"] and conflict["document"]["quote"]
        assert conflict["authority"]["sources"]
    stats = client.get("/stats").json()
    assert len(stats["conflicts"]) == data["count"]


def test_case_page_marks_the_conflicting_edge_and_names_relations(client: Any) -> None:
    page = client.get(f"/id/case/{CASE_2}", headers={"Accept": "text/html"}).text
    diagram = page[page.index('<svg id="lineage-diagram"') : page.index("</svg>")]
    assert 'class="edge conflict"' in diagram and "所称批次 冲突" in diagram
    assert "权威批次" in diagram and "复制国家推广事项" in diagram
    assert "copies a national item" in page and "批次不一致" in page
    assert "https://gps0571.com/fztgsecond/466" in page
    other = client.get(f"/id/case/{CASE_9}", headers={"Accept": "text/html"}).text
    assert 'class="edge conflict"' not in other and "自行复制" in other


def test_reform_lists_who_learned_it_and_how(client: Any) -> None:
    item = iris.reform("以信用为核心的跨部门协同监管平台")
    detail = client.get(f"/reforms/{str(item).rsplit('/', 1)[-1]}").json()
    assert [b["label"] for b in detail["batches"]] == ["自贸试验区第三批最佳实践案例"]  # the authority's
    (copy,) = detail["copied_by"]
    claimed = {(r["relation"], (r["batch"] or {}).get("number")) for r in copy["relations"]}
    assert claimed == {("copies_national_item", 1), ("borrows_zone_case", None)}  # the document's claims
    page = client.get(f"/id/reform/{str(item).rsplit('/', 1)[-1]}", headers={"Accept": "text/html"}).text
    assert "复制国家推广事项" in page and "as the document claims" in page

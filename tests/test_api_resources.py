"""The REST resources on the bundled document's store: every endpoint, filters, pagination, 404s, search limits,
and the OpenAPI document (an example per endpoint)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from _client import client_for

from ftzgraph.graph.store.oxigraph import OxigraphStore

CASE = "d1fc55f7e367a-16"  # 批次进出、集中申报, provided by 绥芬河片区, copied from Shanghai's batch-3 item
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(built_store: OxigraphStore) -> Iterator[Any]:
    with client_for(built_store) as c:
        yield c


def _ok(client: Any, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_cases_lists_every_case_in_order(client: Any) -> None:
    body = _ok(client, "/cases?limit=500")
    assert body["count"] == 28 == len(body["data"])
    assert [c["number"] for c in body["data"]] == list(range(1, 29))
    case = next(c for c in body["data"] if c["id"] == CASE)
    assert case["title"] == "批次进出、集中申报"
    assert case["provider"]["label"] == "绥芬河片区" and case["provider"]["kind"] == "ftz_area"
    assert case["href"] == f"/id/case/{CASE}"
    assert {a["label"] for a in case["agencies"]} >= {"绥芬河海关", "哈尔滨海关"}


def test_cases_paginate(client: Any) -> None:
    first = _ok(client, "/cases?limit=10")
    second = _ok(client, "/cases?limit=10&offset=10")
    last = _ok(client, "/cases?limit=10&offset=20")
    assert first["count"] == second["count"] == last["count"] == 28
    ids = [c["id"] for page in (first, second, last) for c in page["data"]]
    assert len(ids) == 28 == len(set(ids))
    assert _ok(client, "/cases?offset=100")["data"] == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("provider=绥芬河片区", 14),
        ("provider=heilongjiang/suifenhe-area", 14),
        ("origin_zone=shanghai", 4),
        ("origin_zone=上海自贸试验区", 4),
        ("origin_batch=sc-3", 1),
        ("origin_batch=自贸试验区第三批改革试点经验", 1),
        ("agency=哈尔滨海关", 2),
        ("sector=customs", 3),
        ("sector=海关", 3),
        ("q=申报", 1),
        ("provider=绥芬河片区&sector=customs", 2),
        ("provider=nowhere", 0),
    ],
)
def test_case_filters(client: Any, query: str, expected: int) -> None:
    body = _ok(client, f"/cases?{query}")
    assert body["count"] == expected == len(body["data"])


def test_case_filter_results_really_match(client: Any) -> None:
    for case in _ok(client, "/cases?provider=绥芬河片区")["data"]:
        assert case["provider"]["label"] == "绥芬河片区"
    for case in _ok(client, "/cases?sector=customs")["data"]:
        assert any(a["sector"] == "customs" for a in case["agencies"])


def test_case_detail_has_lineage_outcomes_and_evidence(client: Any) -> None:
    case = _ok(client, f"/cases/{CASE}")
    assert case["lineage"]["provider"]["label"] == "绥芬河片区"
    kinds = {o["kind"] for o in case["lineage"]["origins"]}
    assert kinds == {"NationalBatchOrigin", "ZoneOrigin"}
    quotes = [o["evidence"]["quote"] for o in case["lineage"]["origins"]]
    assert all("源自国务院发布的自由贸易试验区第三批改革试点经验" in q for q in quotes)
    assert {o["unit"] for o in case["outcomes"]} == {"家", "万元"}
    assert all(o["evidence"]["quote"] for o in case["outcomes"])
    assert any(d["number"] == "署加发〔2014〕172号" for d in case["documents"])
    assert all(e["iri"].startswith("https://w3id.org/ftzgraph/id/evidence/") for e in case["evidence"])


def test_case_lineage_endpoint(client: Any) -> None:
    chain = _ok(client, f"/cases/{CASE}/lineage")
    assert chain["case"]["id"] == CASE
    origin = next(o for o in chain["origins"] if o["kind"] == "NationalBatchOrigin")
    assert origin["batch"]["label"] == "自贸试验区第三批改革试点经验"
    assert origin["evidence"]["line"] == 709 and origin["evidence"]["start"] < origin["evidence"]["end"]
    assert {a["label"] for a in chain["agencies"]} == {
        "哈尔滨海关",
        "绥芬河海关",
        "绥芬河综合保税区管理委员会",
    }  # standard name (issue #15)


def test_reforms(client: Any) -> None:
    body = _ok(client, "/reforms?limit=500")
    assert body["count"] == len(body["data"]) >= 20
    national = _ok(client, "/reforms?national=true&limit=500")
    others = _ok(client, "/reforms?national=false&limit=500")
    assert national["count"] + others["count"] == body["count"]
    assert all(r["national"] for r in national["data"]) and not any(r["national"] for r in others["data"])
    # Batch and pilot zone are facts only where an authority (an independent source) states them.
    national_item = next(r for r in body["data"] if r["label"] == "以信用为核心的跨部门协同监管平台")
    detail = _ok(client, f"/reforms/{national_item['id']}")
    assert [b["label"] for b in detail["batches"]] == ["自贸试验区第三批最佳实践案例"]
    assert [z["label"] for z in detail["piloted_in"]] == ["广东自贸试验区深圳前海蛇口片区"]
    # The bundled document's own item: its batch and zone stay the document's claims, not the item's facts.
    reform = next(r for r in body["data"] if r["label"] == "批次进出、集中申报")
    detail = _ok(client, f"/reforms/{reform['id']}")
    assert detail["batches"] == [] and detail["piloted_in"] == [] and not detail["national"]
    (copy,) = detail["copied_by"]
    assert copy["id"] == CASE and copy["provider"]["label"] == "绥芬河片区"
    assert copy["document_number"] == "黑自贸工办函〔2023〕55号" and "2019" in copy["dates"]
    assert set(copy["origin_kinds"]) == {"NationalBatchOrigin", "ZoneOrigin"}


def test_zones(client: Any) -> None:
    body = _ok(client, "/zones")
    assert body["count"] == len(body["data"]) >= 21
    shanghai = next(z for z in body["data"] if z["id"] == "shanghai")
    assert shanghai["short"] == "上海自贸试验区" and shanghai["cases"] == 4 and shanghai["areas"]
    zone = _ok(client, "/zones/shanghai")
    assert zone["kind"] == "zone" and zone["label_en"] == "China (Shanghai) Pilot Free Trade Zone"
    copied = {c["id"] for r in zone["reforms"] for c in r["copied_by"]}
    assert CASE in copied
    area = _ok(client, "/zones/heilongjiang/suifenhe-area")
    assert area["kind"] == "area" and area["parent"]["href"] == "/id/zone/heilongjiang"
    assert len(area["provided_cases"]) == 14


def test_agencies(client: Any) -> None:
    body = _ok(client, "/agencies?limit=500")
    assert body["count"] == len(body["data"]) >= 50
    counts = [a["cases"] for a in body["data"]]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2
    customs = _ok(client, "/agencies?sector=customs&limit=500")
    assert customs["count"] >= 4 and all(a["sector"]["id"] == "customs" for a in customs["data"])
    assert _ok(client, "/agencies?q=绥芬河海关")["count"] == 1
    agency = next(a for a in customs["data"] if a["label"] == "绥芬河海关")
    detail = _ok(client, f"/agencies/{agency['id']}")
    assert detail["parent"]["label"] == "哈尔滨海关" and detail["city"]["label"] == "绥芬河市"
    assert CASE in {c["id"] for c in detail["cases"]}
    assert all(ev["quote"] == "绥芬河海关" for c in detail["cases"] for ev in c["evidence"])
    partners = {p["label"]: p for p in detail["partners"]}
    assert partners["哈尔滨海关"]["cases"] == [CASE] and partners["哈尔滨海关"]["shared"] == 1
    parent = _ok(client, f"/agencies/{detail['parent']['id']}")
    assert agency["id"] in {c["id"] for c in parent["children"]}


def test_batches_documents_stats(client: Any) -> None:
    batches = _ok(client, "/batches")
    sc3 = next(b for b in batches["data"] if b["id"] == "sc-3")
    assert sc3["kind"] == "改革试点经验" and sc3["number"] == 3 and sc3["cases"] == 1
    documents = _ok(client, "/documents")
    (doc,) = documents["data"]
    assert doc["number"] == "黑自贸工办函〔2023〕55号" and doc["cases"] == 28
    stats = _ok(client, "/stats")
    assert stats["classes"]["Case"] == 28 and stats["cases_per_provider"]["绥芬河片区"] == 14


@pytest.mark.parametrize(
    ("q", "kind", "label"),
    [
        ("集中申报", "case", "批次进出、集中申报"),
        ("绥芬河海关", "agency", "绥芬河海关"),
        ("上海自贸试验区", "zone", "中国（上海）自由贸易试验区"),
        ("china (shanghai)", "zone", "中国（上海）自由贸易试验区"),
        ("batch 3", "batch", "自贸试验区第三批改革试点经验"),
        ("跨部门协同监管", "reform", "以信用为核心的跨部门协同监管平台"),
    ],
)
def test_search(client: Any, q: str, kind: str, label: str) -> None:
    hits = _ok(client, f"/search?q={q}")["data"]
    assert any(h["kind"] == kind and h["label"] == label for h in hits), hits


def test_search_ranks_exact_names_first(client: Any) -> None:
    hits = _ok(client, "/search?q=绥芬河海关")["data"]
    assert hits[0]["label"] == "绥芬河海关" and hits[0]["matched"] == "绥芬河海关"


def test_search_with_10000_characters_is_a_clear_422(client: Any) -> None:
    response = client.get("/search", params={"q": "a" * 10_000})
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == 422 and "at most 200 characters" in body["error"] and "q" in body["error"]
    assert client.get("/cases", params={"q": "x" * 10_000}).status_code == 422
    assert _ok(client, "/search?q=海关")["count"] > 0  # the server keeps serving


@pytest.mark.parametrize("text", ['"}', "\\", "') } DROP ALL", "<http://x>", "\n", "%", "?case"])
def test_hostile_text_is_just_text(client: Any, text: str) -> None:
    """Quotes, braces and backslashes in filters and search never reach SPARQL as syntax."""
    assert _ok(client, "/search?" + urlencode({"q": text}))["count"] == 0
    for name in ("q", "provider", "origin_zone", "origin_batch", "agency", "sector"):
        assert _ok(client, "/cases?" + urlencode({name: text}))["count"] == 0


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/cases/no-such-case-1", "case"),
        ("/cases/no-such-case-1/lineage", "case"),
        ("/reforms/000000000000", "reform"),
        ("/zones/atlantis", "zone"),
        ("/agencies/ffffffffffff", "agency"),
    ],
)
def test_unknown_ids_are_404_with_the_id(client: Any, url: str, kind: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    body = response.json()
    resource_id = url.split("/")[2]
    assert body == {"error": body["error"], "status": 404}
    assert f"no {kind} with id '{resource_id}'" in body["error"]


@pytest.mark.parametrize("url", ["/cases?limit=0", "/cases?limit=501", "/cases?offset=-1", "/search?q="])
def test_bad_paging_and_empty_search_are_422(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422 and response.json()["status"] == 422


def test_network_json_has_the_cytoscape_shape(client: Any) -> None:
    body = _ok(client, "/network/agencies")
    nodes, edges = body["elements"]["nodes"], body["elements"]["edges"]
    assert len(nodes) > 10 and edges
    ids = {n["data"]["id"] for n in nodes}
    assert all({"label", "sector", "cases"} <= n["data"].keys() for n in nodes)
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids and e["data"]["weight"] >= 1 for e in edges)
    narrow = _ok(client, "/network/agencies?provider=绥芬河片区")
    assert 0 < len(narrow["elements"]["nodes"]) < len(nodes)
    empty = _ok(client, "/network/agencies?provider=nowhere")
    assert empty["elements"]["nodes"] == [] and "nowhere" in empty["data"]["message"]


def test_openapi_has_an_example_for_every_resource_endpoint(client: Any) -> None:
    with warnings.catch_warnings():  # the SPARQL routes share one function for GET and POST (operation ids)
        warnings.filterwarnings("ignore", message="Duplicate Operation ID", category=UserWarning)
        spec = client.get("/openapi.json").json()
    resources = ["/cases", "/reforms", "/zones", "/agencies", "/batches", "/documents", "/stats", "/conflicts"]
    resources += ["/search", "/network"]
    paths = [p for p in spec["paths"] if p.startswith(tuple(resources)) and p != "/network"]
    assert len(paths) >= 12
    for path in paths:
        content = spec["paths"][path]["get"]["responses"]["200"]["content"]
        assert any("example" in media for media in content.values()), path


# A value for each path parameter of the JSON examples: the first item of the real listing, so nothing is typed in.
PATH_PARAMETERS = {"case_id": "/cases", "reform_id": "/reforms", "zone_id": "/zones", "agency_id": "/agencies"}
QUERY_PARAMETERS = {"/search": {"q": "海关"}}


def _is_count_table(value: dict[str, Any]) -> bool:
    return bool(value) and all(isinstance(v, int) and not isinstance(v, bool) for v in value.values())


def _shape_differences(example: Any, real: Any, where: str = "") -> list[str]:
    """Where ``example`` and ``real`` differ in shape: keys of objects, kinds of values, shape of list items."""
    if isinstance(example, dict) and isinstance(real, dict):
        if _is_count_table(example) and _is_count_table(real):  # keys are data (class names, providers)
            return []
        # FastAPI drops null values from OpenAPI examples, so a key the example lacks must be null in the answer.
        extra = sorted(set(example) - set(real))
        missing = sorted(key for key in set(real) - set(example) if real[key] is not None)
        if extra or missing:
            return [f"{where or '.'}: keys only in the example {extra}, only in the answer {missing}"]
        return [d for key in example for d in _shape_differences(example[key], real[key], f"{where}.{key}")]
    if isinstance(example, list) and isinstance(real, list):
        return _shape_differences(example[0], real[0], f"{where}[0]") if example and real else []
    if example is None or real is None:  # an optional value: null in one, a value in the other
        return []
    kinds = (bool, int | float, str, list, dict)
    same = any(isinstance(example, kind) and isinstance(real, kind) for kind in kinds)
    return [] if same else [f"{where}: example {type(example).__name__} != real {type(real).__name__}"]


def test_shape_differences_can_fail() -> None:
    assert _shape_differences({"a": [{"b": "x"}]}, {"a": [{"b": "y"}]}) == []
    assert _shape_differences({"a": [{"b": "x"}]}, {"a": [{"c": "x"}]})
    assert _shape_differences({"a": {"P": 1}}, {"a": {"Q": 2}}) == []  # a count table: its keys are data
    assert _shape_differences({"a": "x"}, {"a": 1})
    assert _shape_differences({}, {"a": "x"}) and _shape_differences({"a": "x"}, {})
    assert not _shape_differences({}, {"a": None})


def test_every_json_example_has_the_shape_of_a_real_answer(client: Any) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Duplicate Operation ID", category=UserWarning)
        spec = client.get("/openapi.json").json()
    compared = 0
    for path, item in spec["paths"].items():
        example = item.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
        example = example.get("application/json", {}).get("example")
        if example is None:
            continue
        url = path.replace("{kind}", "agencies")
        for name, listing in PATH_PARAMETERS.items():
            if "{" + name + "}" in url:
                url = url.replace("{" + name + "}", _ok(client, listing)["data"][0]["id"])
        if path in QUERY_PARAMETERS:
            url += "?" + urlencode(QUERY_PARAMETERS[path])
        assert "{" not in url, f"no value for a parameter of {path}"
        assert _shape_differences(example, _ok(client, url)) == [], path
        compared += 1
    assert compared >= 15

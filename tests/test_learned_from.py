"""Typed learned-from relations, claims kept apart from facts, and conflicts between documents and authorities.

Checked on the bundled collection (alone and built with a best-practice collection that lists one of its
items), through the store: ``ftzgraph cases``'s ``learned_from``, the union default graph, the conflicts
and the query editor's example queries.
"""

from __future__ import annotations

from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ftzgraph.graph import iris
from ftzgraph.graph.build.builder import build
from ftzgraph.graph.extract.learned_from import RELATIONS, relation_label
from ftzgraph.graph.store.oxigraph import OxigraphStore, Store
from ftzgraph.graph.views.conflicts import conflicts
from ftzgraph.graph.views.records import case_records, stats

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"
QUERIES = Path(__file__).resolve().parent.parent / "api" / "queries"
BP3 = LAYOUTS / "mofcom-best-practice-batch3.txt"
ITEM = "以信用为核心的跨部门协同监管平台"
PREFIXES = (
    "PREFIX ftz: <https://w3id.org/ftzgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/> "
)


def bundled() -> Path:
    return Path(str(resources.files("ftzgraph.data"))) / "raw" / "hlj-ftz-2023-batch3-cases.txt"


@pytest.fixture(scope="module")
def with_notice(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """The bundled collection built together with a best-practice collection (batch 3) listing case 2's item."""
    store = OxigraphStore(tmp_path_factory.mktemp("notice") / "store")
    report = build(store, [bundled(), BP3])
    assert not report.failed
    return store


@pytest.fixture(params=["alone", "with_notice"])
def store(request: pytest.FixtureRequest, built_store: OxigraphStore) -> Store:
    return built_store if request.param == "alone" else request.getfixturevalue("with_notice")


def by_number(store: Store) -> dict[int, dict[str, Any]]:
    return {r["number"]: r for r in case_records(store) if r["id"].startswith("d1fc55f7e367a-")}


def batches_by_graph(store: Store) -> dict[str, dict[str, set[str]]]:
    """item -> batch kind -> the named graphs that state ftz:inBatch for it."""
    rows = store.select(
        PREFIXES
        + "SELECT ?item ?batch ?kind ?g WHERE { GRAPH ?g { ?item ftz:inBatch ?batch } ?batch ftz:batchKind ?kind }"
    )
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        found[row["item"]][f"{row['kind']} {row['batch']}"].add(row["g"])
    return found


def test_no_item_in_two_batches_of_a_series_unless_two_authorities_say_so(store: Store) -> None:
    rows = store.select(
        PREFIXES + "SELECT ?item ?kind (COUNT(DISTINCT ?batch) AS ?n) WHERE { ?item ftz:inBatch ?batch . "
        "?batch ftz:batchKind ?kind } GROUP BY ?item ?kind HAVING (COUNT(DISTINCT ?batch) > 1)"
    )
    stated = batches_by_graph(store)
    for row in rows:  # each of two batches is stated by a different graph, and the disagreement is a conflict
        graphs = [g for key, gs in stated[row["item"]].items() if key.startswith(row["kind"]) for g in gs]
        assert len(set(graphs)) >= 2
        assert store.ask(PREFIXES + f"ASK {{ ?c a ftz:Conflict ; ftz:about <{row['item']}> }}")
    # A provincial document's graph never states an item's batch: only its claims do.
    doc_graph = iris.document_graph("d1fc55f7e367a")
    assert store.ask(PREFIXES + f"ASK {{ GRAPH <{doc_graph}> {{ ?c ftz:claimedBatch ?b }} }}")
    assert not store.ask(PREFIXES + f"ASK {{ GRAPH <{doc_graph}> {{ ?i ftz:inBatch ?b }} }}")


def test_alone_only_the_reference_graph_states_batches(built_store: OxigraphStore) -> None:
    graphs = {g for kinds in batches_by_graph(built_store).values() for gs in kinds.values() for g in gs}
    assert graphs == {str(iris.REFERENCE_GRAPH)}
    rows = built_store.select(PREFIXES + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?i ftz:pilotedIn ?z } }")
    assert {r["g"] for r in rows} == {str(iris.REFERENCE_GRAPH)}


def test_case_2_item_is_in_the_reference_batch_and_its_claim_is_a_conflict(store: Store) -> None:
    item = str(iris.reform(ITEM))
    batches = {r["b"] for r in store.select(PREFIXES + f"SELECT DISTINCT ?b WHERE {{ <{item}> ftz:inBatch ?b }}")}
    assert batches == {str(iris.batch("最佳实践案例", 3))}
    claimed = store.select(
        PREFIXES + "SELECT DISTINCT ?b WHERE { ?case ftz:caseNumber 2 ; ftz:reform/prov:qualifiedDerivation ?c . "
        "?c ftz:claimedBatch ?b }"
    )
    assert [r["b"] for r in claimed] == [str(iris.batch("最佳实践案例", 1))]
    found = [c for c in conflicts(store) if c["about"] and c["about"]["iri"] == item]
    assert len(found) == 1
    conflict = found[0]
    assert conflict["document"]["iri"] == str(iris.document("d1fc55f7e367a"))
    assert "第一批" in conflict["document"]["quote"]
    assert any(s.startswith("http") for s in conflict["authority"]["sources"])
    assert "第1批" in conflict["message_zh"] and "第3批" in conflict["message_zh"]
    assert "batch 1" in conflict["message_en"] and "batch 3" in conflict["message_en"]
    listed = stats(store)["conflicts"]
    assert any(c["comment_zh"] == conflict["message_zh"] and c["authority_sources"] for c in listed)


def test_with_the_notice_its_document_is_an_authority_source_too(with_notice: OxigraphStore) -> None:
    conflict = next(c for c in conflicts(with_notice) if c["about"] and c["about"]["label"] == ITEM)
    sources = conflict["authority"]["sources"]
    assert any(s.startswith(str(iris.ID) + "doc/") for s in sources), sources


def test_case_9_names_what_it_copied(store: Store) -> None:
    learned = by_number(store)[9]["learned_from"]
    assert [e["relation"] for e in learned] == ["self_initiated"]
    assert learned[0]["target"] == "知识产权质押融资"
    assert learned[0]["target"] != by_number(store)[9]["title"]
    assert "自行复制" in learned[0]["evidence"]["quote"]


@pytest.mark.parametrize("number", [23, 27])
def test_zone_cases_are_borrowed_or_learned_not_copied_national_items(store: Store, number: int) -> None:
    learned = by_number(store)[number]["learned_from"]
    assert learned and {e["relation"] for e in learned} <= {"borrows_zone_case", "learns_from_zone"}
    assert all(e["zone"] for e in learned)


def test_learned_from_entries_have_the_contract_fields(built_store: OxigraphStore) -> None:
    records = by_number(built_store)
    entries = [e for r in records.values() for e in r["learned_from"]]
    assert entries and all(
        tuple(e) == ("relation", "target", "zone", "batch", "confidence", "evidence") for e in entries
    )
    assert all(e["relation"] in RELATIONS and 0 <= e["confidence"] <= 1 for e in entries)
    assert all(e["evidence"]["quote"] for e in entries)
    case_2 = records[2]["learned_from"]
    assert {"relation": "copies_national_item", "batch": {"kind": "最佳实践案例", "number": 1}}.items() <= case_2[
        0
    ].items()
    assert {e["relation"] for e in case_2} == {"copies_national_item", "borrows_zone_case"}
    # A statement of learning from a zone in general names no practice.
    general = [e for e in entries if e["relation"] == "learns_from_zone"]
    assert general and all(e["target"] is None for e in general)


def test_relation_names_in_both_languages() -> None:
    assert [relation_label(r, "zh") for r in RELATIONS] == [
        "复制国家推广事项",
        "借鉴自贸区案例",
        "学习借鉴自贸区经验",
        "落实部委推广",
        "自行复制",
    ]
    assert relation_label("borrows_zone_case", "en") == "borrows a zone's case"


def run_query(store: Store, name: str) -> list[dict[str, str]]:
    text = (QUERIES / name).read_text(encoding="utf-8")
    rows = store.select(text)
    return [{k: str(v) for k, v in row.items()} for row in rows]


def test_example_query_per_relation_answers_sensibly(built_store: OxigraphStore) -> None:
    copies = run_query(built_store, "learned-copies-national-item.rq")
    row = next(r for r in copies if r["item"] == ITEM)
    assert "第一批" in row["claimedBatch"] and "第三批" in row["authorityBatch"]
    assert all(r["title"] not in ("推进信用信息应用 加强社会诚信管理",) for r in copies)
    borrows = run_query(built_store, "learned-borrows-zone-case.rq")
    assert {"推进信用信息应用 加强社会诚信管理", "以标准化助推现代农业发展新模式"} <= {r["title"] for r in borrows}
    assert all(r.get("fromZone") for r in borrows)
    zones = run_query(built_store, "learned-learns-from-zone.rq")
    assert any("上海" in r.get("zone", "") for r in zones) and all(r["quote"] for r in zones)
    ministry = run_query(built_store, "learned-follows-ministry.rq")
    assert ministry and all(r.get("ministry") and r["ministry"] in r["quote"] for r in ministry)
    selfs = run_query(built_store, "learned-self-initiated.rq")
    assert [r["copied"] for r in selfs] == ["知识产权质押融资"]
    who = run_query(built_store, "who-learned-an-item.rq")
    assert {r["relation"] for r in who if r["item"] == ITEM} == {"复制国家推广事项", "借鉴自贸区案例"}


def test_a_notice_placing_a_reference_item_in_another_batch_is_a_conflict_of_authorities(tmp_path: Path) -> None:
    """Two authorities disagree (the reference: best-practice batch 3; a collection: batch 5): both inBatch stay,
    each in its authority's graph, and the disagreement is a conflict on the collection."""
    text = BP3.read_text(encoding="utf-8").replace("第三批", "第五批").replace("〔2019〕77号", "〔2021〕12号")
    other = tmp_path / "bp5.txt"
    other.write_text(text, encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    assert not build(store, [other]).failed
    item = str(iris.reform(ITEM))
    batches = {r["b"] for r in store.select(PREFIXES + f"SELECT DISTINCT ?b WHERE {{ <{item}> ftz:inBatch ?b }}")}
    assert batches == {str(iris.batch("最佳实践案例", 3)), str(iris.batch("最佳实践案例", 5))}
    found = [c for c in conflicts(store) if c["about"] and c["about"]["iri"] == item]
    assert len(found) == 1 and "第5批" in found[0]["message_zh"] and "batch 3" in found[0]["message_en"]
    assert found[0]["holder"]["iri"].startswith(str(iris.ID) + "doc/")


def test_one_node_per_item_across_documents_and_diffusion_uses_relations(tmp_path: Path) -> None:
    """The bundled collection and another province's collection both copy 公证“最多跑一次” (worded differently):
    one item node, learned by two providers; built with the notice that lists it, the notice is its authority."""
    from ftzgraph.graph.network.derive import diffusion_network

    store = OxigraphStore(tmp_path / "store")
    assert not build(
        store, [bundled(), LAYOUTS / "province-cases-citing-batch5.txt", LAYOUTS / "sc-notice-batch5.txt"]
    ).failed
    who = run_query(store, "who-learned-an-item.rq")
    adopters = {r["adopter"] for r in who if "最多跑一次" in r["item"] and r["relation"] == "复制国家推广事项"}
    assert len(adopters) == 2, who
    items = {r["item"] for r in who if "最多跑一次" in r["item"]}
    assert len(items) == 1
    batches = store.select(
        PREFIXES + "SELECT DISTINCT ?b WHERE { ?case ftz:reform/ftz:copiesNationalItem ?i . ?i ftz:inBatch ?b . "
        "?i rdfs:label ?l FILTER(CONTAINS(STR(?l), '最多跑一次')) }"
    )
    assert [r["b"] for r in batches] == [str(iris.batch("改革试点经验", 5))]
    graph = diffusion_network(store)
    relations = {data["relation"] for _, _, data in graph.edges(data=True)}
    assert {"borrows_zone_case", "learns_from_zone"} <= relations and "" not in relations
    assert all(0 < data["confidence"] <= 1 and data["year"] for _, _, data in graph.edges(data=True))


ZONE_CLAIM = """# 关于印发第九批复制推广典型案例的通知

## 案例 1

# “保税混矿监管创新”复制推广典型案例

(绥芬河片区提供)

绥芬河片区积极借鉴中国（上海）自由贸易试验区首创的“‘保税混矿’监管创新”做法，在综合保税区开展保税混矿业务。

## 一、主要做法

海关对混矿作业实施全过程监管。
"""


def test_a_claimed_zone_that_an_authority_contradicts_is_a_conflict(tmp_path: Path) -> None:
    """The reference (a news source) says the item was first piloted in Dalian; the document says Shanghai."""
    path = tmp_path / "cases.txt"
    path.write_text(ZONE_CLAIM, encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    assert not build(store, [path]).failed
    (conflict,) = conflicts(store)
    assert conflict["kind"] == "zone"
    assert conflict["document"]["zone"]["iri"] == str(iris.zone("shanghai"))
    assert "liaoning" in conflict["authority"]["zone"]["iri"]
    assert conflict["message_zh"].startswith("首创地不一致") and "Dalian" not in conflict["message_zh"]
    assert "上海" in conflict["message_en"] and conflict["authority"]["sources"]
    (record,) = case_records(store)
    relations = {e["relation"] for e in record["learned_from"]}
    assert "borrows_zone_case" in relations
    # The item's pilot zone stays the authority's: the claim does not add Shanghai to it.
    zones = store.select(PREFIXES + f"SELECT DISTINCT ?z WHERE {{ <{conflict['about']['iri']}> ftz:pilotedIn ?z }}")
    assert [r["z"] for r in zones] == [conflict["authority"]["zone"]["iri"]]


def test_how_each_fact_is_known(with_notice: OxigraphStore) -> None:
    """Reference facts carry a source kind per source; an item a best-practice collection lists, a ministry list."""
    kinds = {
        r["k"].rsplit("#", 1)[-1]
        for r in with_notice.select(
            PREFIXES + f"SELECT DISTINCT ?k WHERE {{ <{iris.reform(ITEM)}> ftz:sourceKind ?k }}"
        )
    }
    assert kinds == {"NewsSource", "MinistryListSource"}
    rows = with_notice.select(
        PREFIXES
        + f"SELECT DISTINCT ?v WHERE {{ GRAPH <{iris.REFERENCE_GRAPH}> {{ <{iris.reform(ITEM)}> ftz:verified ?v }} }}"
    )
    assert [r["v"] for r in rows] == [True]

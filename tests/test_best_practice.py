"""MOFCOM best-practice collections: each case with its originating FTZ or area, as items of a best-practice batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph import iris
from ftzgraph.graph.build.builder import build
from ftzgraph.graph.extract.best_practice import _trailing_parenthetical
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Extraction, Place
from ftzgraph.graph.rdf.document import document_graph
from ftzgraph.graph.rdf.reference import reference_graph
from ftzgraph.graph.rdf.validate import validate_graph
from ftzgraph.graph.sources.read import read_document
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.ontology.namespace import FTZ

COLLECTION = Path(__file__).resolve().parent / "data" / "layouts" / "mofcom-best-practice-batch8.txt"


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract_document(read_document(COLLECTION))


def test_each_case_has_its_originating_zone_whatever_the_form(extraction: Extraction) -> None:
    assert extraction.layout == "best_practice"
    assert extraction.warnings == []
    got = [(c.number, c.title, c.provider_zone, c.provider_area) for c in extraction.cases]
    assert got == [
        (1, "跨境数据流动分类分级管理", "shanghai", None),  # 案例1：X（中国（上海）自由贸易试验区）
        (2, "“保税混矿”监管创新", "liaoning", "大连片区"),  # （X提供）
        (3, "农产品跨境贸易全链条服务", "guangxi", "崇左片区"),  # 报送单位：X
    ]
    first = extraction.cases[0]
    assert first.evidence["provider"].quote == "中国（上海）自由贸易试验区"


def test_batch_number_is_not_capped_and_items_carry_origins(extraction: Extraction) -> None:
    batch = extraction.batch
    assert batch is not None
    assert (batch.kind, batch.number, batch.declared_total) == ("最佳实践案例", 8, 3)
    assert [i.origin for i in batch.items] == [
        Place("shanghai"),
        Place("liaoning", "大连片区"),
        Place("guangxi", "崇左片区"),
    ]


def test_graph_conforms_and_merges_with_the_reference_item(extraction: Extraction) -> None:
    gazetteer = load_gazetteer()
    graph = document_graph(extraction, gazetteer)
    assert validate_graph(graph + reference_graph(gazetteer)).conforms
    batch = iris.batch("最佳实践案例", 8)
    assert (batch, FTZ.batchNumber, None) in graph
    mixing = iris.reform(gazetteer.match_item("“保税混矿”监管创新").name)  # type: ignore[union-attr]
    assert (mixing, FTZ.inBatch, batch) in graph
    data = iris.reform("跨境数据流动分类分级管理")
    assert (data, FTZ.pilotedIn, iris.zone("shanghai")) in graph


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("X（中国（上海）自由贸易试验区）", (1, "中国（上海）自由贸易试验区")),
        ("X(福建自贸试验区厦门片区)", (1, "福建自贸试验区厦门片区")),
        ("X", None),
        ("（整句在括号中）", None),
    ],
)
def test_trailing_parenthetical(title: str, expected: tuple[int, str] | None) -> None:
    assert _trailing_parenthetical(title) == expected


def test_provincial_case_reaches_the_best_practice_item_and_its_zone(tmp_path: Path) -> None:
    citing = tmp_path / "citing.txt"
    citing.write_text(
        "关于印发第二批复制推广典型案例的通知\n\n案例一\n“跨境数据流动分类分级管理”复制推广典型案例\n报送单位：哈尔滨片区\n"
        "哈尔滨片区借鉴商务部第八批最佳实践案例“跨境数据流动分类分级管理”，为企业提供数据出境服务。\n",
        encoding="utf-8",
    )
    store = OxigraphStore(tmp_path / "store")
    assert not build(store, [COLLECTION, citing]).failed
    rows = store.select(
        "PREFIX ftz: <https://w3id.org/ftzgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
        "PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT DISTINCT ?item ?batch ?zone WHERE { ?case a ftz:Case ; dcterms:isPartOf/ftz:fileName 'citing.txt' ; "
        "ftz:reform/prov:wasDerivedFrom ?item . ?item ftz:inBatch ?batch ; ftz:pilotedIn ?zone }"
    )
    assert rows == [
        {
            "item": str(iris.reform("跨境数据流动分类分级管理")),
            "batch": str(iris.batch("最佳实践案例", 8)),
            "zone": str(iris.zone("shanghai")),
        }
    ]

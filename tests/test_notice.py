"""State Council batch notices: the batch, its items by domain and scope, declared counts, and the merge
of the items with the reference data and with the provincial cases that cite them."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from ftzgraph.graph import iris
from ftzgraph.graph.build.builder import build
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.national import with_batches
from ftzgraph.graph.extract.notice import parse_notice, quoted_spans
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import NATIONAL, SPECIAL, Document
from ftzgraph.graph.rdf.document import document_graph
from ftzgraph.graph.rdf.reference import reference_graph
from ftzgraph.graph.rdf.validate import validate_graph
from ftzgraph.graph.sources.read import read_document
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.ontology.namespace import FTZ

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"
NOTICE = LAYOUTS / "sc-notice-batch5.txt"
TABLE_ONLY = LAYOUTS / "sc-notice-batch8-table-only.txt"
CITING = LAYOUTS / "province-cases-citing-batch5.txt"
PREFIXES = (
    "PREFIX ftz: <https://w3id.org/ftzgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/> "
)


@pytest.fixture(scope="module")
def batch5():  # type: ignore[no-untyped-def]
    return parse_notice(read_document(NOTICE), load_gazetteer())


def test_batch_kind_number_date_and_number(batch5) -> None:  # type: ignore[no-untyped-def]
    assert (batch5.kind, batch5.number, batch5.doc_number, batch5.date) == (
        "改革试点经验",
        5,
        "国函〔2019〕38号",
        "2019-04-30",
    )
    assert batch5.declared_total == 9
    assert batch5.warnings == []
    assert batch5.evidence is not None and "第五批改革试点经验" in batch5.evidence.quote


def test_items_by_domain_and_scope(batch5) -> None:  # type: ignore[no-untyped-def]
    by_domain: dict[str | None, list[str]] = {}
    for item in batch5.items:
        by_domain.setdefault(item.domain, []).append(item.title)
    assert {d: len(t) for d, t in by_domain.items()} == {
        "投资管理": 3,
        "贸易便利化": 2,
        "事中事后监管": 2,  # written 事中事后监管措施: an altLabel in data/vocab/domains.ttl
        "人力资源": 1,
        None: 1,
    }
    special = [i for i in batch5.items if i.scope == SPECIAL]
    assert [(i.title, i.scope_label) for i in special] == [("保税维修全程监管新模式", "海关特殊监管区域")]
    assert all(i.scope == NATIONAL for i in batch5.items if i not in special)


def test_items_keep_nested_quotes_and_table_columns(batch5) -> None:  # type: ignore[no-untyped-def]
    item = next(i for i in batch5.items if "一保多用" in i.title)
    assert item.title == "货物贸易‘一保多用’管理模式"
    assert item.units == "海关总署"
    assert item.origin is not None and item.origin.zone == "tianjin"
    text = read_document(NOTICE).text
    assert text[item.evidence.start : item.evidence.end] == item.title


def _reference_with(tmp_path: Path, item: dict[str, object], batch: int = 5) -> str:
    """A copy of the reference data with one more state-council item (sourced independently)."""
    import yaml

    from ftzgraph.graph.extract.gazetteer import reference_dir

    source = reference_dir()
    (tmp_path / "ftz_zones.yaml").write_text((source / "ftz_zones.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    data = yaml.safe_load((source / "national_batches.yaml").read_text(encoding="utf-8"))
    entry = next(b for b in data["state_council_batches"] if b["batch"] == batch)
    entry["items"].append(item)
    (tmp_path / "national_batches.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(tmp_path)


def test_items_matching_reference_items_reuse_them(tmp_path: Path) -> None:
    item = {"name_zh": '公证"最多跑一次"', "source": "https://example.org/notary", "verified": True}
    batch = parse_notice(read_document(NOTICE), load_gazetteer(_reference_with(tmp_path, item)))
    notary = next(i for i in batch.items if "公证" in i.title)
    assert notary.reference is not None and notary.reference.name == '公证"最多跑一次"'


def test_items_known_only_from_a_bundled_document_are_not_reference_items(batch5) -> None:  # type: ignore[no-untyped-def]
    """The shipped reference lists 公证"最多跑一次" only from the bundled collection: not an authority."""
    notary = next(i for i in batch5.items if "公证" in i.title)
    assert notary.reference is None


def test_declared_count_mismatch_is_a_warning() -> None:
    text = (
        "国务院关于做好自由贸易试验区第九批改革试点经验复制推广工作的通知\n\n"
        "一、复制推广的主要内容\n（一）在全国范围内复制推广的改革事项。\n"
        "1.投资管理领域：“甲事项”、“乙事项”等3项。\n2.贸易便利化领域：“丙事项”1项。\n"
    )
    document = Document(id="n", path=Path("n.txt"), text=text, sha256="x")
    from ftzgraph.graph.sources.metadata import read_metadata

    read_metadata(document)
    batch = parse_notice(document, load_gazetteer())
    assert [i.title for i in batch.items] == ["甲事项", "乙事项", "丙事项"]
    assert batch.number == 9
    assert any("declares 3 items" in w and "lists 2" in w for w in batch.warnings)
    assert any("declares 4 items in all but 3" in w for w in batch.warnings)


def test_table_only_notice_of_a_batch_missing_from_reference() -> None:
    extraction = extract_document(read_document(TABLE_ONLY))
    batch = extraction.batch
    assert extraction.layout == "batch_notice" and extraction.cases == []
    assert (batch.number, batch.doc_number, len(batch.items)) == (8, "国函〔2026〕7号", 5)
    assert [i.domain for i in batch.items[:3]] == ["投资管理", "投资管理", "金融开放创新"]
    assert [i.scope_label for i in batch.items[3:]] == ["海关特殊监管区域", "边境地区"]
    assert any("declares 6 items in all but 5" in w for w in extraction.warnings)
    graph = document_graph(extraction, load_gazetteer())
    node = iris.batch("改革试点经验", 8)
    assert (node, FTZ.declaredItemCount, Literal(6)) in graph
    assert (node, FTZ.batchNumber, Literal(8)) in graph
    assert len(set(graph.subjects(FTZ.inBatch, node))) == 5


def test_notice_graph_conforms_with_the_reference() -> None:
    gazetteer = load_gazetteer()
    graph = document_graph(extract_document(read_document(NOTICE), gazetteer), gazetteer)
    report = validate_graph(graph + reference_graph(gazetteer))
    assert report.conforms, report.text
    notary = iris.reform('公证"最多跑一次"')
    assert (notary, FTZ.inBatch, iris.batch("改革试点经验", 5)) in graph
    assert (notary, FTZ.policyDomain, URIRef("https://w3id.org/ftzgraph/id/domain/investment-management")) in graph
    assert (notary, FTZ.scope, Literal("全国", lang="zh")) in graph


@pytest.mark.parametrize(
    ("text", "expected"),
    [("“甲”、“乙”", ["甲", "乙"]), ("“公证‘最多跑一次’”", ["公证‘最多跑一次’"]), ("“外“嵌”套”", ["外“嵌”套"])],
)
def test_quoted_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in quoted_spans(text)] == expected


def test_end_to_end_case_derives_from_the_notice_item(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    report = build(store, [NOTICE, CITING])
    assert not report.failed
    rows = store.select(
        PREFIXES + "SELECT DISTINCT ?item ?batch ?zone WHERE { ?case a ftz:Case ; dcterms:title ?title ; "
        "ftz:reform/prov:wasDerivedFrom ?item . FILTER(CONTAINS(STR(?title), '一保多用')) "
        "?item a ftz:NationalReform ; ftz:inBatch ?batch ; ftz:pilotedIn ?zone }"
    )
    assert rows == [
        {
            "item": str(iris.reform("货物贸易‘一保多用’管理模式")),
            "batch": str(iris.batch("改革试点经验", 5)),
            "zone": str(iris.zone("tianjin")),
        }
    ]
    # The item that is also a reference item is one node: the reference's IRI, the notice's batch and domain.
    rows = store.select(
        PREFIXES + "SELECT DISTINCT ?item WHERE { ?case a ftz:Case ; dcterms:title ?t ; "
        "ftz:reform/prov:wasDerivedFrom ?item . FILTER(CONTAINS(STR(?t), '公证')) ?item ftz:policyDomain ?d }"
    )
    assert [row["item"] for row in rows] == [str(iris.reform('公证"最多跑一次"'))]


def _citing(tmp_path: Path) -> Path:
    """A collection whose case cites a notice's item in other words (模式 for the notice's 新模式)."""
    citing = tmp_path / "citing.txt"
    citing.write_text(
        "关于印发第四批复制推广典型案例的通知\n\n案例一\n“保税维修全程监管模式”复制推广典型案例\n报送单位：绥芬河片区\n"
        "绥芬河海关复制推广国务院第五批改革试点经验“保税维修全程监管模式”。\n",
        encoding="utf-8",
    )
    return citing


def _cited_items(store: OxigraphStore, document: Path) -> list[str]:
    graph = iris.document_graph(read_document(document).id)
    rows = store.select(
        PREFIXES + f"SELECT DISTINCT ?item WHERE {{ GRAPH <{graph}> {{ ?case a ftz:Case ; "
        "ftz:reform/prov:wasDerivedFrom ?item } }"
    )
    return [row["item"] for row in rows]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_citation_in_other_words_reaches_the_notice_item_when_built_together(tmp_path: Path, workers: int) -> None:
    """The build reads the notice first (it declares a batch) and gives its items to the collection, in one
    process or in worker processes, though the collection comes first among the files."""
    citing = _citing(tmp_path)
    store = OxigraphStore()
    build(store, [citing, NOTICE], validate="off", workers=workers)
    assert _cited_items(store, citing) == [str(iris.reform("保税维修全程监管新模式"))]
    assert load_gazetteer().match_item("保税维修全程监管模式") is None  # the cached reference is untouched
    gazetteer = load_gazetteer()
    assert with_batches(gazetteer, []) is gazetteer


def test_without_the_notice_the_citation_stays_its_own_reform(tmp_path: Path) -> None:
    citing = _citing(tmp_path)
    store = OxigraphStore()
    build(store, [citing], validate="off", workers=1)
    assert str(iris.reform("保税维修全程监管新模式")) not in _cited_items(store, citing)


@pytest.mark.parametrize("workers", [1, 2])
def test_each_document_is_read_once_though_the_notice_is_built_first(
    tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first pass reads every file; the collection, deferred until the notice's batch is known, is built
    from what that pass read, not read again. The reader is the real one; each call is logged to a file, so
    calls in forked worker processes count too."""
    import multiprocessing

    import ftzgraph.graph.build.document_pass as document_pass

    if workers > 1 and multiprocessing.get_start_method() != "fork":
        pytest.skip("the workers see the logging reader only when they are forked")
    log = tmp_path / "reads.log"
    real = document_pass.read_document

    def logged(path: Path) -> Document:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{Path(path).name}\n")
        return real(path)

    monkeypatch.setattr(document_pass, "read_document", logged)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    citing = _citing(tmp_path)
    store = OxigraphStore()
    build(store, [citing, NOTICE], validate="off", workers=workers)
    assert sorted(log.read_text(encoding="utf-8").split()) == sorted([citing.name, NOTICE.name])
    assert _cited_items(store, citing) == [str(iris.reform("保税维修全程监管新模式"))]
    assert not list(tmp_path.glob("ftzgraph-build-*"))  # the spool of deferred documents is gone

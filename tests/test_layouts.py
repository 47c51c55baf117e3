"""Layouts: which kind of document this is, case collections in other shapes, and series kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.build.builder import build
from ftzgraph.graph.extract.layout import detect_layout
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import read_document
from ftzgraph.graph.store.oxigraph import OxigraphStore

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"


def doc(text: str, title: str | None = None) -> Document:
    return Document(id="t", path=Path("t.txt"), text=text, sha256="x", title=title)


@pytest.mark.parametrize(
    ("title", "layout"),
    [
        ("国务院关于做好自由贸易试验区第六批改革试点经验复制推广工作的通知", "batch_notice"),
        ("国务院关于做好自由贸易试验区新一批改革试点经验复制推广工作的通知", "batch_notice"),
        ("国务院关于推广中国（上海）自由贸易试验区可复制改革试点经验的通知", "batch_notice"),
        ("商务部办公厅关于印发自由贸易试验区第四批“最佳实践案例”的函", "best_practice"),
        ("关于印发第三批省级创新实践案例的通知", "provincial_innovation"),
        ("关于印发中国（河南）自由贸易试验区第二批制度创新成果的通知", "provincial_innovation"),
        ("关于印发我省第三批复制推广自贸试验区制度创新成果典型案例的通知", "case_collection"),
        ("关于印发我省复制推广第四批“最佳实践案例”典型案例的通知", "case_collection"),
        ("关于印发我省第五批复制推广国家改革试点经验典型案例的通知", "case_collection"),
    ],
)
def test_layout_by_title(title: str, layout: str) -> None:
    assert detect_layout(doc("正文。", title)).name == layout


def test_layout_from_the_head_when_no_title_line_was_recognised() -> None:
    text = "一、复制推广的主要内容\n（一）在全国范围内复制推广的改革事项。\n1.投资管理领域：“甲”1项。\n"
    assert detect_layout(doc(text)).name == "batch_notice"


def test_bundled_collection_is_a_case_collection(bundled_path: Path) -> None:
    assert detect_layout(read_document(bundled_path)).name == "case_collection"


def cases_of(text: str) -> list[tuple[int | None, str, str | None]]:
    result = split_cases(doc(text))
    return [(c.number, c.title, (provider_line(c) or (None,))[0]) for c in result.cases]


SECTIONS = "一、复制推广事项介绍\n介绍。\n二、主要做法\n（一）建立机制\n做法。\n三、实践效果\n效果。\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            f"案例1：甲改革\n（A市提供）\n{SECTIONS}案例2：乙改革\nB市提供\n{SECTIONS}",
            [(1, "甲改革", "A市"), (2, "乙改革", "B市")],
            id="案例1-with-title",
        ),
        pytest.param(
            f"案例一\n甲改革\n报送单位：A市\n{SECTIONS}案例二\n乙改革\n报送单位：B片区\n{SECTIONS}",
            [(1, "甲改革", "A市"), (2, "乙改革", "B片区")],
            id="案例一-then-plain-title",
        ),
        pytest.param(
            f"一、甲改革\n（A市提供）\n{SECTIONS}二、乙改革\n（B市提供）\n{SECTIONS}",
            [(1, "甲改革", "A市"), (2, "乙改革", "B市")],
            id="一、-followed-by-provider",
        ),
        pytest.param(
            f"（一）甲改革\nA市提供\n{SECTIONS}（二）乙改革\nB市提供\n{SECTIONS}",
            [(1, "甲改革", "A市"), (2, "乙改革", "B市")],
            id="（一）-followed-by-provider",
        ),
        pytest.param(
            f"**甲改革**\n（A市提供）\n{SECTIONS}**乙改革**\n（B市提供）\n{SECTIONS}",
            [(1, "甲改革", "A市"), (2, "乙改革", "B市")],
            id="bold-lines",
        ),
        pytest.param(
            f"**“甲改革”复制推广典型案例**\n{SECTIONS}**案例2：乙改革**\n{SECTIONS}",
            [(1, "甲改革", None), (2, "乙改革", None)],
            id="bold-suffix-and-bold-marker",
        ),
        pytest.param(
            f"“甲改革”复制推广典型案例\n（A市提供）\n{SECTIONS}“乙改革”复制推广典型案例\n报送单位：B市\n{SECTIONS}",
            [(1, "甲改革", "A市"), (2, "乙改革", "B市")],
            id="quoted-title-and-suffix",
        ),
    ],
)
def test_case_heading_shapes(text: str, expected: list[tuple[int | None, str, str | None]]) -> None:
    assert cases_of(text) == expected


def test_section_headings_inside_marked_cases_are_not_cases() -> None:
    text = f"案例1：甲改革\n（A市提供）\n{SECTIONS}案例2：乙改革\n（B市提供）\n{SECTIONS}"
    assert [c.title for c in split_cases(doc(text)).cases] == ["甲改革", "乙改革"]


def test_ordinal_headings_without_provider_lines_are_not_cases() -> None:
    """一、/（一） with no provider line after them are the sections of a report, not case headings."""
    assert split_cases(doc(SECTIONS * 2)).cases == []


def test_ordinal_headings_that_match_table_rows_are_cases() -> None:
    table = "序号\t案例名称\t提供单位\n1\t甲乙改革\tA市\n2\t丙丁改革\tB市\n\n"
    text = f"{table}一、甲乙改革\n{SECTIONS}二、丙丁改革\n{SECTIONS}"
    result = split_cases(doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "甲乙改革"), (2, "丙丁改革")]
    extraction = extract_document(doc(text))
    assert [c.provider for c in extraction.cases] == ["A市", "B市"]  # provider only in the table


def test_bold_heading_evidence_quotes_the_title_without_marks() -> None:
    case = split_cases(doc("**甲改革**\n（A市提供）\n正文。\n")).cases[0]
    assert case.heading.quote == "甲改革"


INNOVATION = """中国（黑龙江）自由贸易试验区工作办公室

关于印发第三批省级创新实践案例的通知

现将第三批省级创新实践案例印发给你们。

案例1：冰雪旅游服务创新
（哈尔滨片区提供）
哈尔滨片区推出冰雪旅游一站式服务。
"""
REPLICATION = """中国（黑龙江）自由贸易试验区工作办公室

关于印发第三批复制推广典型案例的通知

现将第三批复制推广典型案例印发给你们。

案例1：冰雪旅游服务创新
（哈尔滨片区提供）
哈尔滨片区复制推广自贸试验区改革试点经验。
"""


def test_innovation_and_replication_series_with_the_same_number_stay_apart(tmp_path: Path) -> None:
    (tmp_path / "innovation.txt").write_text(INNOVATION, encoding="utf-8")
    (tmp_path / "replication.txt").write_text(REPLICATION, encoding="utf-8")
    assert detect_layout(read_document(tmp_path / "innovation.txt")).name == "provincial_innovation"
    store = OxigraphStore(tmp_path / "store")
    build(store, [tmp_path / "innovation.txt", tmp_path / "replication.txt"])
    rows = store.select(
        "PREFIX ftz: <https://w3id.org/ftzgraph/ontology#> "
        "SELECT DISTINCT ?doc ?series ?n WHERE { ?doc a ftz:SourceDocument ; ftz:series ?series ; ftz:seriesNumber ?n }"
    )
    assert len({row["doc"] for row in rows}) == 2
    assert {int(row["n"]) for row in rows} == {3}
    assert {str(row["series"]) for row in rows} == {"省级创新实践案例", "复制推广典型案例"}
    cases = store.select(
        "PREFIX ftz: <https://w3id.org/ftzgraph/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT DISTINCT ?case ?doc WHERE { ?case a ftz:Case ; dcterms:isPartOf ?doc }"
    )
    assert len({row["case"] for row in cases}) == 2  # same title and number, two cases of two documents


def test_layout_fixture_files_are_detected() -> None:
    expected = {
        "sc-notice-batch5.txt": "batch_notice",
        "sc-notice-batch8-table-only.txt": "batch_notice",
        "mofcom-best-practice-batch8.txt": "best_practice",
        "province-cases-citing-batch5.txt": "case_collection",
    }
    for name, layout in expected.items():
        assert detect_layout(read_document(LAYOUTS / name)).name == layout, name


def test_a_lead_sentence_is_no_notices_title() -> None:
    """With no title line found, the head's lines stand in for it, but a sentence saying the city copies a batch's
    experience (改革试点经验复制推广工作) is an article's lead, while the same words on a short line are a title."""
    lead = (
        "某市两项改革经验落地见效\n今年以来，我市抓好自贸试验区改革试点经验复制推广工作，成效明显。\n案例一：多评合一\n"
    )
    assert detect_layout(doc(lead)).name != "batch_notice"
    assert detect_layout(doc("某省推广第七批改革试点经验复制推广\n各市：\n")).name == "batch_notice"

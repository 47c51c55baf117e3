"""Traditional -> simplified matching keeps every character at its offset."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ftzgraph.graph.sources.script import is_traditional, to_simplified


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("中國（黑龍江）自由貿易試驗區", "中国（黑龙江）自由贸易试验区"),
        ("「復制推廣」典型案例", "“复制推广”典型案例"),  # corner quotes as the mainland writes them
        ("『一業一證』", "‘一业一证’"),
        ("綏芬河片區提供", "绥芬河片区提供"),
        ("國函〔2019〕38號", "国函〔2019〕38号"),
        ("already 简体 text 123", "already 简体 text 123"),
    ],
)
def test_to_simplified_converts_each_character(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


def test_offsets_in_the_simplified_copy_are_offsets_in_the_original() -> None:
    original = "海關總署同意綏芬河片區「批次進出、集中申報」改革"
    copy = to_simplified(original)
    start = copy.index("批次进出")
    assert original[start : start + 4] == "批次進出"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_length_never_changes(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中國（黑龍江）自由貿易試驗區復制推廣典型案例", True),
        ("中国（黑龙江）自由贸易试验区复制推广典型案例", False),
        ("后来里面着干", False),
        ("自由", False),
        ("", False),
        ("國", False),
    ],
)
def test_is_traditional(text: str, expected: bool) -> None:
    assert is_traditional(text) is expected


def to_traditional(text: str) -> str:
    """A traditional-script copy for fixtures (OpenCC s2t, phrase by phrase)."""
    import opencc

    return str(opencc.OpenCC("s2t").convert(text))


def test_a_traditional_script_collection_gives_the_same_cases_with_original_labels(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Matched in simplified script, titles and quotes in the original: the same providers (in simplified script, as
    the graph keeps names), origins and 文号-derived id."""
    from ftzgraph.graph.extract.gazetteer import load_gazetteer
    from ftzgraph.graph.extract.pipeline import extract_document
    from ftzgraph.graph.sources.read import read_document

    simplified = (
        "# 某省自由贸易试验区工作办公室\n\n某自贸办函〔2024〕9号\n\n## 关于印发复制推广典型案例的通知\n\n"
        "序号\t案例名称\t提供单位\n1\t“涉税事项网上审批”复制推广典型案例\t广州市\n\n"
        "## 案例 1\n\n# “涉税事项网上审批”复制推广典型案例\n\n(广州市提供)\n\n"
        "广州市税务局复制推广自贸试验区第六批改革试点经验“涉税事项网上审批”，借鉴上海自贸试验区经验。\n"
    )
    traditional = to_traditional(simplified)
    assert is_traditional(traditional)
    (tmp_path / "s.txt").write_text(simplified, encoding="utf-8")
    (tmp_path / "t.txt").write_text(traditional, encoding="big5", errors="strict")
    plain = extract_document(read_document(tmp_path / "s.txt"), load_gazetteer())
    other = extract_document(read_document(tmp_path / "t.txt"), load_gazetteer())
    assert other.document.id == plain.document.id
    [a], [b] = plain.cases, other.cases
    assert [(o.kind, o.batch_number, o.zone) for o in b.origins] == [
        (o.kind, o.batch_number, o.zone) for o in a.origins
    ]
    assert b.title == to_traditional(a.title) and b.title != a.title
    assert b.provider == "广州市"  # a name as the graph keeps names: simplified, whatever the document's script
    assert all(other.document.text[e.start : e.end] == e.quote for e in b.evidence.values())
    assert "稅務局" in b.evidence["agencies"].quote or "税务局" in a.evidence["agencies"].quote

"""Splitting collections into cases: the bundled document and small hand-made layouts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ftzgraph.graph.extract.split import clean_title, provider_line, split_cases
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import read_document


def doc(text: str) -> Document:
    return Document(id="t", path=Path("t.txt"), text=text, sha256="x")


def test_bundled_document_gives_all_table_rows_as_cases(bundled_path: Path, gold_cases: dict[int, Any]) -> None:
    result = split_cases(read_document(bundled_path))
    assert len(result.table) == 28
    assert [c.number for c in result.cases] == list(range(1, 29))
    assert result.warnings == []
    for case in result.cases:
        expected = gold_cases[case.number]
        assert case.heading.line == expected["line"], case.title
        assert case.table_row is not None


def test_titles_match_the_section_headings(bundled_path: Path, gold_cases: dict[int, Any]) -> None:
    from ftzgraph.graph.text import title_key

    for case in split_cases(read_document(bundled_path)).cases:
        assert title_key(case.title) == title_key(gold_cases[case.number]["title"])


def test_cases_without_marker_take_their_number_from_the_table() -> None:
    text = (
        "序号\t案例名称\t提供单位\n1\t“甲改革”复制推广典型案例\tA市\n2\t“乙改革”复制推广典型案例\tB市\n\n"
        "## 案例 1\n\n# “甲改革”复制推广典型案例\n\n(A市提供)\n\n正文一。\n\n"
        "## “乙改革” 复制推广典型案例\n\n( B市提供 )\n\n正文二。\n"
    )
    cases = split_cases(doc(text)).cases
    assert [(c.number, c.title) for c in cases] == [(1, "甲改革"), (2, "乙改革")]
    assert [provider_line(c)[0] for c in cases if provider_line(c)] == ["A市", "B市"]


def test_truncated_document_keeps_parsed_cases_and_reports_the_rest() -> None:
    text = (
        "序号\t案例名称\t提供单位\n1\t“甲改革”复制推广典型案例\tA市\n2\t“乙改革”复制推广典型案例\tB市\n\n"
        "## 案例 1\n\n# “甲改革”复制推广典型案例\n\n(A市提供)\n\n正文一被截"
    )
    result = split_cases(doc(text))
    assert [c.title for c in result.cases] == ["甲改革"]
    assert any("row 2" in w and "no case section" in w for w in result.warnings)


def test_collection_without_table_uses_markers_and_other_provider_forms() -> None:
    text = "案例一\n“丙改革”复制推广典型案例\n报送单位：C市\n正文。\n案例二：丁改革\n丁市提供\n正文。\n"
    cases = split_cases(doc(text)).cases
    assert [(c.number, c.title) for c in cases] == [(1, "丙改革"), (2, "丁改革")]
    assert provider_line(cases[0])[0] == "C市"
    assert provider_line(cases[1])[0] == "丁市"


def test_title_differences_between_table_and_section_are_reported() -> None:
    text = (
        "序号\t案例名称\t提供单位\n1\t“推行全通版许可证”复制推广典型案例\tA市\n\n"
        "# “推行‘全通版’许可证办理模式” 复制推广典型案例\n\n(A市提供)\n"
    )
    case = split_cases(doc(text)).cases[0]
    assert case.number == 1
    assert any("differs from the summary table" in w for w in case.warnings)


def test_clean_title_strips_marks_quotes_and_suffix() -> None:
    assert clean_title("# “建设项目模式” 复制推广典型案例") == "建设项目模式"
    assert clean_title("## 案例3：甲乙丙") == "甲乙丙"
    assert clean_title("企业“套餐式”注销服务模式 复制推广典型案例") == "企业“套餐式”注销服务模式"


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_splitter_never_crashes_on_mutated_text(bundled_path: Path, data: st.DataObject) -> None:
    text = read_document(bundled_path).text
    start = data.draw(st.integers(0, len(text) - 1))
    length = data.draw(st.integers(0, 2000))
    junk = data.draw(st.text(max_size=50))
    mutated = text[:start] + junk + text[start + length :]
    result = split_cases(doc(mutated))
    for case in result.cases:
        assert 0 <= case.start <= case.end <= len(mutated)


def test_a_heading_wrapped_at_any_character_is_one_case() -> None:
    """A long PDF wraps CJK headings anywhere: before the suffix, inside it, or inside a quoted title."""
    text = (
        "正文前言。\n"
        "案例 1\n“甲乙丙丁戊己庚辛壬癸改革\n” 复制推广典型案例\n(A市提供)\n正文一。\n"
        "案例 2\n“子丑寅卯‘辰巳’\n午未申酉改革”复制推广典型案例\n(B市提供)\n正文二。\n"
        "案例 3\n“天地玄黄改革”复制\n推广典型案例\n(C市提供)\n正文三。\n"
        "“宇宙洪荒改革”复制推广典型案\n例\n(D市提供)\n正文四。\n"
    )
    cases = split_cases(doc(text)).cases
    assert [c.title for c in cases] == [
        "甲乙丙丁戊己庚辛壬癸改革",
        "子丑寅卯‘辰巳’午未申酉改革",
        "天地玄黄改革",
        "宇宙洪荒改革",
    ]
    assert [provider_line(c)[0] for c in cases if provider_line(c)] == ["A市", "B市", "C市", "D市"]

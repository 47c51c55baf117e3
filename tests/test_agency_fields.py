"""Field lines (graph/extract/_agency_fields.py): a unit filling a submitting, commissioning, reviewing or contact slot
of a line of labels with no clause does not act, whatever marks the publisher draws around the label (issue #15,
helper z25g). Texts are worded for the test, in places no held-out part uses.
"""

from __future__ import annotations

import pytest
from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions

_BODY = "区商务局会同区税务局推行出口退税“提前办”。"


def _names(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


@pytest.mark.parametrize(
    "line",
    [
        "| 申报主体 | 宁德市蕉城区人民政府 |",  # a Markdown table's row
        "│责任单位│宁德市蕉城区人民政府│",  # a box-drawing table's row, the only lead label of the case
        "【候选案例05】申报单位｜蕉城区人民政府",  # a tag before the label
        "【蕉城融媒报道　供稿：蕉城区人民政府】",  # the label inside a credit bracket
        "案例来源单位：蕉城区人民政府",  # a known label after a qualifier
        "（蕉城区人民政府供稿　宁德市委改革办审核）",  # a unit before its verb, a reviewer after it
        "据蕉城区人民政府提供的资料",  # the unit before 提供的资料 (a traditional text is simplified when read)
        "填报单位（盖章）：蕉城区人民政府　填报人：某某　联系电话：0593-0000000",  # a seal note after the label
        "申报单位,蕉城区人民政府,联系人,某某",  # a CSV row
        "—— 蕉城区人民政府　供稿 ——",  # a credit between dashes, its verb a field of its own
        "蕉城区人民政府／供图",  # a picture credit
        "（蕉城区人民政府提供，宁德市委改革办审定）",  # a bracketed credit holding a comma
        "| 2 | 出口退税“提前办” | 借鉴天津港片区做法 | 蕉城区人民政府 |",  # a table's unit column
    ],
)
def test_a_submitting_slot_names_no_actor(line: str) -> None:
    names = _names(f"{line}\n{_BODY}", "宁德市蕉城区")
    assert not any("人民政府" in n or "委" in n for n in names), names
    assert any(n.endswith("蕉城区商务局") for n in names), names


def test_a_contact_line_names_whom_to_ask() -> None:
    text = f"{_BODY}\n媒体联系人：某某（宁德市人民政府新闻办公室）"
    assert not any("新闻办公室" in n for n in _names(text, "宁德市蕉城区"))


def test_a_field_that_assigns_the_work_still_acts() -> None:
    # guard: a lead or a helping unit's label assigns the work (the rules of _agency_acting decide it)
    text = "牵头单位：宁德市商务局；配合单位：宁德市税务局\n宁德海关推行出口退税“提前办”。"
    names = _names(text, "宁德市")
    assert "宁德市商务局" in names and "宁德海关" in names


def test_a_table_cell_that_holds_a_sentence_acts() -> None:
    # guard: only a cell of units' names and nothing else is a column's value
    text = "| 1 | 出口退税“提前办” | 蕉城区人民政府牵头，区商务局配合推行 |"
    assert any(n.endswith("蕉城区人民政府") for n in _names(text, "宁德市蕉城区"))


def test_a_sentence_on_the_line_is_no_field_line() -> None:
    # guard: a clause mark makes the line a sentence, where a unit before 提供 acts
    text = "蕉城区人民政府提供政策支持，区商务局推行出口退税“提前办”。"
    assert any(n.endswith("蕉城区人民政府") for n in _names(text, "宁德市蕉城区"))


@pytest.mark.parametrize(
    "line",
    [
        "承办单位\t蕉城区人民政府",  # a Word table saved with TABs: label<TAB>value
        "牵头单位：蕉城区人民政府　　配合单位：区税务局　　进度：已完成（100%）",  # further fields after a wide space
        "蕉城区人民政府｜2024年第三季度进展",  # the unit opening the case, a progress label after a bar
    ],
)
def test_a_forms_provider_slot_followed_by_fields_names_no_actor(line: str) -> None:
    # issue #15, z26b: the unit fills the form's slot of who handles the item; the paragraph says who acts
    names = _names(f"{line}\n{_BODY}", "宁德市蕉城区")
    assert not any(n.endswith("人民政府") for n in names), names
    assert any(n.endswith("蕉城区商务局") for n in names), names


def test_a_unit_opening_the_case_before_a_lead_word_still_leads() -> None:
    # guard: X局　牵头 opening the case assigns the work to the unit, which leads it
    text = "宁德市商务局　牵头\n宁德海关推行出口退税“提前办”。"
    assert _names(text, "宁德市") == ["宁德市商务局", "宁德海关"]


# issue #15, fixer z28e: a publication's masthead and colophon name its publisher, not an actor
def test_a_masthead_or_colophon_names_the_publisher() -> None:
    body = "区市场监管局推行个体工商户登记“秒批”，已办理800件。"
    for head in (
        "宿州市营商环境简报　第3期　宿州市发展和改革委员会编",
        "宿州市发展和改革委员会编　宿州市改革案例汇编（2025）",
        "宿州市发展和改革委员会　　　2025年5月6日",
        "（本期编发：宿州市发展和改革委员会综合科）",
    ):
        names = _names(f"{head}\n埇桥区\n{body}", "宿州市埇桥区")
        assert "宿州市发展和改革委员会" not in names, head
        assert "宿州市埇桥区市场监督管理局" in names, head

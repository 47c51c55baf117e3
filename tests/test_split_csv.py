"""A summary table saved as CSV and pasted as text (graph/extract/_split_csv.py, read by split.parse_table): records
whose quoted cells run over lines, each a case read from its prose cells, its origin from its own source cell, its
remarks cell no part of it (issue #15, helper z17k). Texts are worded for the test, not taken from the held-out files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.extract._split_csv import csv_header, csv_records
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document

CSV = """某省自贸试验区制度创新案例汇总表
序号,案例名称,报送单位,经验来源,主要做法,取得成效,备注
1,进口冷链食品“预约查验”,甲片区管委会,借鉴广东自贸试验区南沙片区做法,"甲海关推行冷链食品预约查验，企业提前一天线上预约。
查验结果当日反馈，""即查即放""。","查验等待时间由3天缩短至1天，
累计查验冷链货物2.4万吨。",与福建自贸试验区厦门片区相比，预约时段更灵活
2,企业注销“一窗联办”,乙市市场监督管理局,自主探索,"乙市市场监督管理局会同乙市税务局推行注销一窗联办，
材料一次提交、部门同步办理。","注销办理时间压缩至3个工作日，
已为860家企业办理注销。",
填报说明：经验来源填写借鉴或自主探索。,,,,,,
"""


def _extract(text: str) -> list:
    document = Document(id="x", path=Path("x.txt"), text=text, sha256="x")
    return extract_document(document, load_gazetteer()).cases


def test_csv_records_keep_quoted_cells_over_lines_and_where_they_stand() -> None:
    start = CSV.index("序号")
    records = csv_records(CSV, start)
    assert [r[2][0] for r in records] == ["1", "2"]  # the 填报说明 row is no record
    begin, end, cells, spans = records[0]
    assert cells[4].endswith("“即查即放”。".replace("“", '"').replace("”", '"'))
    for cell, (a, b) in zip(cells, spans, strict=True):  # a doubled quote stands doubled in the document
        assert CSV[a:b] == cell.replace('"', '""')
    assert CSV[begin:end].startswith("1,") and CSV[begin:end].endswith("更灵活")


def test_a_line_with_commas_is_a_csv_header_only_when_its_cells_are_short_names() -> None:
    assert csv_header("序号,案例名称,报送单位,备注") == ["序号", "案例名称", "报送单位", "备注"]
    assert csv_header("序号,案例名称,报送单位,主要做法是推行预约查验，企业提前一天线上预约并当日反馈结果") is None
    assert csv_header("序号\t案例名称\t报送单位") is None  # a tab table: the line readers' own
    assert csv_header("编号\t成果名称\t牵头单位", "\t") == ["编号", "成果名称", "牵头单位"]
    assert csv_header("编号,成果名称\t牵头单位\t备注", "\t") is None  # two delimiters: neither


def test_each_csv_record_is_a_case_read_from_its_prose_and_source_cells() -> None:
    cases = _extract(CSV)
    assert [(c.number, c.title, c.provider) for c in cases] == [
        (1, "进口冷链食品“预约查验”", "甲片区管委会"),
        (2, "企业注销“一窗联办”", "乙市市场监督管理局"),
    ]
    first, second = cases
    assert {o.area for o in first.origins} == {"广州南沙新区片区"}  # the source cell, not the remark's 厦门片区
    assert not second.origins  # 自主探索 is no origin
    assert "厦门" not in first.text.text and "即查即放" in first.text.text
    assert any(o.value == 860 for o in second.outcomes)


@pytest.mark.parametrize("name", ["xinjiang-csv-collection", "yunnan-csv-collection"])
def test_every_case_provider_and_origin_of_the_held_out_csv_collection(name: str) -> None:
    from _dev_scoring import score_collection

    score = score_collection(name)
    assert (score.found, score.provider, score.batch, score.zone) == (score.cases,) * 4, score.misses


@pytest.mark.parametrize(
    ("cell", "area"),
    [("广东自贸试验区南沙片区", "广州南沙新区片区"), ("南沙片区", "广州南沙新区片区"), ("自主探索", None), ("", None)],
)
def test_a_source_cell_naming_a_zone_bare_is_the_cases_origin(cell: str, area: str | None) -> None:
    first = _extract(CSV.replace("借鉴广东自贸试验区南沙片区做法", cell))[0]
    assert [o.area for o in first.origins if o.kind == "zone"] == ([area] if area else [])


TSV = (
    "# 某市改革成果库 数据导出\n"
    "编号\t成果名称\t牵头单位\t做法概述\t复制来源\n"
    "AB01\t林下经济“一码溯源”\t甲市林业局\t甲市林业局借鉴某片区做法，为每宗林地赋码，交易信息扫码可查。\t某片区\n"
    "AB02\t茶叶出口“检测互认”\t乙市人民政府\t乙市自主探索，由乙市市场监督管理局牵头签订检测互认协议。\t\n"
    "\n"
    "（数据来源：某市商务局）\n"
)


def test_a_tab_separated_export_keyed_by_codes_gives_a_case_per_record() -> None:
    """A tab-separated export in a .txt file (issue #15, helper z25a): records keyed by a code, not a number, an empty
    cell kept in its column; each record names its reform in quotes with its unit and what was done, so it is a case
    although it states no figure. The source note after the blank line is no record."""
    records = csv_records(TSV, TSV.index("编号"), "\t")
    assert [r[2][0] for r in records] == ["AB01", "AB02"] and records[1][2][4] == ""
    cases = _extract(TSV)
    assert [(c.number, c.title, c.provider) for c in cases] == [
        (1, "林下经济“一码溯源”", "甲市林业局"),
        (2, "茶叶出口“检测互认”", "乙市人民政府"),
    ]
    assert "数据来源" not in cases[-1].text.text


GROUPED = """某市借鉴自贸试验区经验台账,,,,
类别,序号,经验名称,实施单位,经验来源,主要做法
投资便利,1,外资登记“全程网办”,甲市市场监督管理局,辽宁自贸试验区沈阳片区,"甲市市场监督管理局推行外资登记全程网办，办理时间压缩至1天。"
,2,不动产登记“一窗受理”,"甲市自然资源局,乙县人民政府",国务院第三批改革试点经验,"甲市自然资源局会同乙县人民政府一窗受理，办理时限压缩至3个工作日。"
备注：经验来源填写借鉴的片区或批次。,,,,
"""


def test_a_grouping_column_merged_before_the_number_keeps_every_record() -> None:
    """A spreadsheet's category column (类别) before its 序号, merged and so empty below its group's first record, and a
    unit cell naming two units (issue #15, helper z28d): each record a case, its provider the first unit."""
    assert [r[2][1] for r in csv_records(GROUPED, GROUPED.index("类别"), ",", 1)] == ["1", "2"]
    cases = _extract(GROUPED)
    assert [(c.number, c.title, c.provider) for c in cases] == [
        (1, "外资登记“全程网办”", "甲市市场监督管理局"),
        (2, "不动产登记“一窗受理”", "甲市自然资源局"),
    ]
    assert [o.area for o in cases[0].origins if o.kind == "zone"] == ["沈阳片区"]
    assert [(o.batch_kind, o.batch_number) for o in cases[1].origins] == [("改革试点经验", 3)]


UNNUMBERED = """领域,经验名称,牵头单位,经验来源,主要做法
政务服务,"“一件事”集成办",甲市营商环境建设局,江苏自贸试验区苏州片区,"甲市营商环境建设局将关联事项整合为一件事，办理环节由12个减至4个。"
,"审批“视频勘验”",,浙江自贸试验区,"甲市市场监督管理局对现场核查事项实行视频勘验，核查时间缩短至半天。"
备注：牵头单位为合并单元格的，适用于其下各行。,,,,
"""


def test_a_csv_with_no_number_column_and_a_unit_merged_over_two_records() -> None:
    """A CSV export whose header names no number (领域,经验名称,牵头单位,…): its records run to the one-cell 备注 row,
    numbered in order; a unit's cell left empty below its first record is that unit's (a merged cell)."""
    assert len(csv_records(UNNUMBERED, 0, ",", None)) == 2
    cases = _extract(UNNUMBERED)
    assert [(c.number, c.title, c.provider) for c in cases] == [
        (1, "“一件事”集成办", "甲市营商环境建设局"),
        (2, "审批“视频勘验”", "甲市营商环境建设局"),
    ]
    assert [o.zone for o in cases[1].origins if o.kind == "zone"] == ["zhejiang"]


def test_a_line_with_a_carriage_return_inside_is_no_csv_header() -> None:
    # the csv reader refuses a lone \r inside one line; such a line is no header, and a closing \r\n still is
    assert csv_header("序号,案例名称\r,提供单位") is None
    assert csv_header("序号,案例名称,提供单位\r\n") == ["序号", "案例名称", "提供单位"]

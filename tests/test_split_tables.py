"""Summary tables in any drawing (graph/extract/_split_tables.py, read by graph/extract/_split_summary.py): a table
turned on its side, a box-drawn table whose rows run over several lines with a unit's cell merged over two rows and
numbers centred in their cells, a pipe table whose cells wrap onto rows with an empty number cell, and an export's
tab rows with empty cells (issue #15, helper z28d). Texts are worded for the test, not taken from the held-out files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.extract._split_tables import (
    aligned_cells,
    border_gaps,
    pipe_spans,
    tab_spans,
    table_line,
    transposed_table,
)
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document


def _cases(text: str) -> list:
    document = Document(id="x", path=Path("x.txt"), text=text, sha256="x")
    return extract_document(document, load_gazetteer()).cases


TRANSPOSED = (
    "某州复制推广改革经验对照表\n\n"
    "项目\t第一项\t第二项\t第三项\n"
    "事项名称\t木材进口“预约通关”\t民宿开办“一证准营”\t工程招标“远程评标”\n"
    "实施单位\t甲市人民政府\t乙县市场监督管理局\t某州公共资源交易中心\n"
    "借鉴来源\t福建自贸试验区厦门片区\t国务院第六批自贸试验区改革试点经验\t本地探索\n"
    "主要做法\t甲市商务局会同甲海关推行木材进口预约通关，查验当日完成。"
    "\t乙县市场监督管理局将民宿开办涉及的许可整合为一证，一次办结。\t某州公共资源交易中心推行远程异地评标，专家线上打分。\n"
    "实施效果\t通关时间缩短一半。\t开办时间由15天缩短至3天。\t评标费用年均节省300万元。\n"
)


def test_a_table_with_its_cases_as_columns_gives_a_case_per_column() -> None:
    found = transposed_table(TRANSPOSED.split("\n"))
    assert found is not None
    first, last, names, columns = found
    assert first == 3 and last == 7
    assert names[:2] == ["事项名称", "实施单位"] and len(columns) == 3  # the head 项目 | 第一项 is no field
    cases = _cases(TRANSPOSED)
    assert [(c.title, c.provider) for c in cases] == [
        ("木材进口“预约通关”", "甲市人民政府"),
        ("民宿开办“一证准营”", "乙县市场监督管理局"),
        ("工程招标“远程评标”", "某州公共资源交易中心"),
    ]
    assert [o.area for o in cases[0].origins if o.kind == "zone"] == ["厦门片区"]
    assert [(o.batch_kind, o.batch_number) for o in cases[1].origins] == [("改革试点经验", 6)]
    assert not cases[2].origins  # 本地探索 is no origin
    assert "乙县" not in cases[0].text.text  # a column's text only, not its neighbours'


def test_a_markdown_table_on_its_side_with_a_field_wrapped_onto_a_row_of_its_own() -> None:
    text = (
        "| 内容 | 第1项 | 第2项 |\n| --- | --- | --- |\n"
        "| 事项名称 | 港口“一单到底” | 电商“集群注册” |\n"
        "| 承接单位 | 甲港务局 | 乙市市场监督管理局 |\n"
        "| 改革举措 | 甲港务局推行港口单证一单到底， | 乙市市场监督管理局对电商实行集群注册。 |\n"
        "|  | 货主一次委托、全程跟踪。 |  |\n"
    )
    found = transposed_table(text.split("\n"))
    assert found is not None and len(found[3]) == 2
    assert sum(1 for field, *_ in found[3][0] if field == 2) == 2  # 改革举措: both of its lines


def test_a_table_head_over_rows_is_no_table_on_its_side() -> None:
    rows = "案例名称\t报送单位\t主要做法\n企业开办提速\t甲市市场监督管理局\t一窗办理\n注销便利\t乙市税务局\t一网通办\n"
    assert transposed_table(rows.split("\n")) is None


@pytest.mark.parametrize(
    ("line", "gaps"),
    [
        ("├──┼────┤批服务管理局├────┤", {2}),
        ("┣━━╋━━━━┫        ┣━━━━┫", {2}),
        ("├──┼────┼────┤", set()),
        ("+----+----+", set()),
        ("│ 1 │title│", None),
    ],
)
def test_a_border_left_open_in_a_column_marks_a_merged_cell(line: str, gaps: set[int] | None) -> None:
    assert border_gaps(line) == gaps


def test_a_border_crossed_by_a_merged_cells_text_reads_as_that_cells_next_line() -> None:
    assert table_line("├──┼────┤批服务管理局├────┤").split("|")[1:-1] == ["  ", "    ", "批服务管理局", "    "]


def test_cells_by_column_keep_the_empty_ones() -> None:
    row = "| 2 | 企业投资“承诺制” |  | 复制推广 |"
    assert [row[a:b] for a, b in pipe_spans(row) or []] == ["2", "企业投资“承诺制”", "", "复制推广"]
    assert pipe_spans("序号 案例名称") is None
    tabbed = "2\t\t不动产登记\t甲局"
    assert [tabbed[a:b] for a, b in tab_spans(tabbed) or []] == ["2", "", "不动产登记", "甲局"]


BOX = """某市借鉴自由贸易试验区经验典型做法汇总表

┌──┬──────────┬──────┬────────────────────┐
│序号│    案例名称    │  报送单位  │        主要做法及成效        │
├──┼──────────┼──────┼────────────────────┤
│    │不动产登记“一窗 │            │借鉴重庆自贸试验区的做法，交易、缴│
│ 1  │办理”           │            │税、登记一窗办理，办理时间压缩至3天│
│    │                │甲市自然资源│。                                │
├──┼──────────┤和规划局    ├────────────────────┤
│ 2  │测绘成果“多测合 │            │复制推广国务院第五批自贸试验区改革│
│    │一”             │            │试点经验，测绘成果共享，节省费用30%│
│    │                │            │。                                │
├──┼──────────┼──────┼────────────────────┤
│ 3  │企业开办“零成本”│乙县人民政府│乙县市场监督管理局会同乙县税务局免│
│    │                │            │费刻制印章，企业开办费用降为零。  │
└──┴──────────┴──────┴────────────────────┘
"""


def test_a_box_table_merged_unit_is_each_spanned_rows_provider_and_numbers_may_be_centred() -> None:
    cases = _cases(BOX)
    assert [(c.number, c.title, c.provider) for c in cases] == [
        (1, "不动产登记“一窗办理”", "甲市自然资源和规划局"),
        (2, "测绘成果“多测合一”", "甲市自然资源和规划局"),
        (3, "企业开办“零成本”", "乙县人民政府"),
    ]
    assert {o.zone for o in cases[0].origins} == {"chongqing"}
    assert [(o.batch_kind, o.batch_number) for o in cases[1].origins] == [("改革试点经验", 5)]
    assert "节省费用" not in cases[0].text.text  # the row's own text cells only


def test_a_pipe_table_cell_wrapped_onto_rows_with_an_empty_number_cell() -> None:
    text = (
        "| 序号 | 改革事项 | 牵头部门 | 经验出处 | 主要内容 |\n| --- | --- | --- | --- | --- |\n"
        "| 1 | 海域使用权 | 甲市自然资源局 | 福建自贸试验区 | 甲市自然资源局会同甲市海洋综合执法支队开展 |\n"
        "|  | “立体分层设权” |  | 平潭片区 | 立体分层设权，发放证书14本。 |\n"
        "| 2 | 渔船进出港“一站报” | 乙县人民 | 天津自贸试验区 | 乙县海洋与渔业局推行渔船进出港电子报告， |\n"
        "|  |  | 政府 |  | 渔民一次填报。 |\n"
    )
    cases = _cases(text)
    assert [(c.title, c.provider) for c in cases] == [
        ("海域使用权“立体分层设权”", "甲市自然资源局"),
        ("渔船进出港“一站报”", "乙县人民政府"),
    ]
    assert [o.area for o in cases[0].origins if o.kind == "zone"] == ["平潭片区"]  # the source cell over two rows
    assert "天津自贸试验区乙县" not in cases[1].text.text  # a stroke parts the source cell from the text cell


def test_an_exports_tab_rows_keep_a_merged_cell_empty_under_its_group() -> None:
    text = (
        "序号\t领域\t案例名称\t报送单位\t主要做法\n"
        "1\t投资\t外资登记“全程网办”\t甲市市场监督管理局\t借鉴沈阳片区做法，外资企业登记全程网上办理。\n"
        "2\t\t不动产登记“一窗受理”\t甲市自然资源局\t复制推广国务院第三批改革试点经验，办理时限压缩至3个工作日。\n"
    )
    cases = _cases(text)
    assert [(c.title, c.provider) for c in cases] == [
        ("外资登记“全程网办”", "甲市市场监督管理局"),
        ("不动产登记“一窗受理”", "甲市自然资源局"),
    ]
    assert [(o.batch_kind, o.batch_number) for o in cases[1].origins] == [("改革试点经验", 3)]


def test_a_pipe_table_with_no_outer_strokes_wraps_its_cells_by_column() -> None:
    text = (
        "序号 | 案例名称 | 提供单位 | 主要做法\n---|---|---|---\n"
        "1 | 工程建设“拿地即开工” | 甲市自然资源局 | 借鉴广东自贸试验区南沙片区做法，推行带方案出让，\n"
        " |  |  | 出让前完成设计方案审查，拿地到开工由45天缩短至7天。\n"
        "2 | 跨境电商“退货 | 乙区管理 | 联合某海关设立退货中心仓，退货处理时间由15天缩短至3天。\n"
        " | 中心仓” | 委员会 | \n"
    )
    assert pipe_spans(" |  | x", outer=False) == [(0, 0), (2, 2), (6, 7)]  # the empty first cell kept
    cases = _cases(text)
    assert [(c.title, c.provider) for c in cases] == [
        ("工程建设“拿地即开工”", "甲市自然资源局"),
        ("跨境电商“退货中心仓”", "乙区管理委员会"),
    ]


def test_a_list_aligned_with_ideographic_spaces_wraps_a_long_title_onto_an_indented_line() -> None:
    """A 清单 laid out with ideographic spaces whose long title runs on to an indented line under its column, the
    providers standing only in the list, the details below under （一）title (issue #15, helper z28d)."""
    header = "序号　经验名称　　　　　　　　　　　　　　　　提供单位"
    assert aligned_cells(header, "　　　协同作业模式") == ["", "协同作业模式", ""]
    assert aligned_cells(header, "协同作业模式") is None  # not indented: no wrapped cell
    text = (
        "某市复制推广改革创新经验清单\n\n" + header + "\n"
        "１　　进出口货物“提前申报”与“抵港直装”　　　甲市商务局\n"
        "　　　协同作业模式\n"
        "２　　危险化学品经营许可“告知承诺制”　　　　甲市应急管理局\n\n附件\n\n"
        "（一）进出口货物“提前申报”与“抵港直装”协同作业模式\n　　借鉴天津自贸试验区的做法，通关时间缩短1天。\n\n"
        "（二）危险化学品经营许可“告知承诺制”\n　　许可办理时间由20个工作日缩短至即时办结。\n"
    )
    assert [(c.title, c.provider) for c in _cases(text)] == [
        ("进出口货物“提前申报”与“抵港直装”协同作业模式", "甲市商务局"),
        ("危险化学品经营许可“告知承诺制”", "甲市应急管理局"),
    ]


def test_a_tab_export_whose_quoted_cells_run_over_lines_keeps_every_record() -> None:
    text = (
        "序号\t成果名称\t报送单位\t主要做法\n"
        '1\t跨境电商“仓储前置”\t甲市商务局\t"借鉴浙江自贸试验区宁波片区做法，设立前置仓。\n商品提前备货入仓。"\n'
        '2\t企业注销“一网通办”\t乙市市场监督管理局\t"复制推广国务院第四批自贸试验区改革试点经验，\n建立注销平台。"\n'
    )
    cases = _cases(text)
    assert [(c.title, c.provider) for c in cases] == [
        ("跨境电商“仓储前置”", "甲市商务局"),
        ("企业注销“一网通办”", "乙市市场监督管理局"),
    ]
    assert [(o.batch_kind, o.batch_number) for o in cases[1].origins] == [("改革试点经验", 4)]


def test_numbered_headings_that_word_a_lists_titles_otherwise_open_their_rows_cases() -> None:
    """A 清单 naming the providers over details whose numbered headings word each title with a verb or a noun more
    (“信易贷”融资对接服务 -> 一、推行“信易贷”融资对接服务模式): each heading opens its row's case (issue #15, z28d)."""
    text = (
        "某市第三批复制推广经验清单\n\n序号　经验名称　　　　　　　　　　　　　　提供单位\n"
        "１　　“信易贷”融资对接服务　　　　　　　甲市营商环境建设局\n"
        "２　　危险化学品经营许可告知承诺　　　　甲市应急管理局\n\n附件\n\n"
        "一、推行“信易贷”融资对接服务模式\n"
        "　　借鉴辽宁自贸试验区营口片区的做法，向银行推送企业信用画像。撮合融资12.6亿元。\n\n"
        "二、危险化学品经营许可实行“告知承诺制”\n　　复制推广国务院第四批自贸试验区改革试点经验，许可即时办结。\n"
    )
    cases = _cases(text)
    assert [c.provider for c in cases] == ["甲市营商环境建设局", "甲市应急管理局"]
    assert [o.area for o in cases[0].origins if o.kind == "zone"] == ["营口片区"]


def test_a_unit_column_named_by_its_department_or_body_is_the_provider_column() -> None:
    """序号 | 类别 | 案例名称 | 牵头部门: the unit column found by its name, not by its place (issue #15, z28d)."""
    text = (
        "序号\t类别\t案例名称\t牵头部门\t主要做法\n"
        "1\t投资\t外资登记“全程网办”\t甲市市场监督管理局\t借鉴沈阳片区做法，外资企业登记全程网上办理。\n"
        "2\t贸易\t进口“两步申报”\t甲海关\t参照上海自贸试验区的做法，进口通关时间缩短约40%。\n"
    )
    assert [c.provider for c in _cases(text)] == ["甲市市场监督管理局", "甲海关"]
